# Each case runs `hwaware eval` on a bad input and expects exit status 2 and a message matching
# a pattern (file:line:col and what is wrong). See expect_error.cmake.
set(_bi ${CMAKE_CURRENT_SOURCE_DIR}/bad_input)
set(_ref ${CMAKE_CURRENT_SOURCE_DIR}/reference/timeloop/v4-conv1d-2level-os)
function(bad_input_case name pattern)
  string(REPLACE ";" "|" args "${ARGN}")
  add_test(NAME "bad input: ${name}"
           COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:hwaware> "-DARGS=${args}" "-DPATTERN=${pattern}"
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/bad_input/expect_error.cmake)
endfunction()

bad_input_case("not a YAML file" "not_yaml.yaml:[0-9]+:[0-9]+: error: .*not a valid YAML file"
  eval --arch ${_bi}/not_yaml.yaml --workload ${_ref}/problem.yaml --mapping ${_ref}/mapping.yaml)
bad_input_case("empty file" "empty.yaml:1:1: error: expected a YAML document, found an empty file"
  eval --arch ${_bi}/empty.yaml --workload ${_ref}/problem.yaml --mapping ${_ref}/mapping.yaml)
bad_input_case("missing file" "no_such_file.yaml: error: cannot open the file"
  eval --arch ${_bi}/no_such_file.yaml --workload ${_ref}/problem.yaml --mapping ${_ref}/mapping.yaml)
bad_input_case("unknown key with a hint" "unknown_key.yaml:[0-9]+:[0-9]+: error: .*unknown key 'dpeth'.*did you mean 'depth'"
  eval --arch ${_bi}/unknown_key.yaml --workload ${_ref}/problem.yaml --mapping ${_ref}/mapping.yaml)
bad_input_case("duplicate key" "duplicate_key.yaml:4:3: error: .*duplicate key 'instance'"
  eval --arch ${_ref}/arch.yaml --workload ${_bi}/duplicate_key.yaml --mapping ${_ref}/mapping.yaml)
bad_input_case("wrong type" "wrong_type.yaml:[0-9]+:[0-9]+: error: problem.instance.P: expected an integer, found 'sixteen'"
  eval --arch ${_ref}/arch.yaml --workload ${_bi}/wrong_type.yaml --mapping ${_ref}/mapping.yaml)
bad_input_case("zero size" "zero_size.yaml:[0-9]+:[0-9]+: error: problem.instance.R: expected a positive integer, found '0'"
  eval --arch ${_ref}/arch.yaml --workload ${_bi}/zero_size.yaml --mapping ${_ref}/mapping.yaml)
bad_input_case("unknown level in a mapping" "unknown_level.yaml:[0-9]+:[0-9]+: error: .*unknown level 'Bufer'.*did you mean 'Buffer'"
  eval --arch ${_ref}/arch.yaml --workload ${_ref}/problem.yaml --mapping ${_bi}/unknown_level.yaml)
bad_input_case("unknown tensor in a mapping" "unknown_tensor.yaml:[0-9]+:[0-9]+: error: .*unknown tensor 'Weight'.*did you mean 'Weights'"
  eval --arch ${_ref}/arch.yaml --workload ${_ref}/problem.yaml --mapping ${_bi}/unknown_tensor.yaml)
bad_input_case("factors that do not multiply to the dimension" "factors_product.yaml:2:3: error: mapping: the factors of dimension 'P' multiply to 8, expected 16"
  eval --arch ${_ref}/arch.yaml --workload ${_ref}/problem.yaml --mapping ${_bi}/factors_product.yaml)
bad_input_case("a tile that does not fit its level" "tile_too_big.yaml:[0-9]+:[0-9]+: error: mapping.Buffer: the tiles kept at level 'Buffer' need 37 words \\(Weights 3 \\+ Inputs 18 \\+ Outputs 16\\) but the level holds 32 words"
  eval --arch ${_bi}/small_buffer_arch.yaml --workload ${_ref}/problem.yaml --mapping ${_bi}/tile_too_big.yaml)
bad_input_case("spatial factors beyond the mesh" "spatial_beyond_mesh.yaml:[0-9]+:[0-9]+: error: .*spatial factors 32 \\(X\\) x 1 \\(Y\\) do not fit the mesh of 16 x 1"
  eval --arch ${CMAKE_CURRENT_SOURCE_DIR}/reference/timeloop/v02-conv1d-oc-ic-3level-spatial-kp/arch.yaml
       --workload ${CMAKE_CURRENT_SOURCE_DIR}/reference/timeloop/v02-conv1d-oc-ic-3level-spatial-kp/problem.yaml
       --mapping ${_bi}/spatial_beyond_mesh.yaml)
bad_input_case("all errors of a file are reported together" "2 errors; nothing was written"
  eval --arch ${_ref}/arch.yaml --workload ${_bi}/two_errors.yaml --mapping ${_ref}/mapping.yaml)

# hwaware's own formats.
set(_wl ${CMAKE_CURRENT_SOURCE_DIR}/../workloads/layers/conv3x3.yaml)
set(_ws ${CMAKE_CURRENT_SOURCE_DIR}/../mappings/examples/conv3x3_simple_ws.yaml)
bad_input_case("a number without its unit" "no_unit.yaml:18:13: error: accelerator.levels\\[1\\].size: expected a size with its unit.*found '65536' \\(a number without its unit\\)"
  eval --arch ${_bi}/no_unit.yaml --workload ${_wl} --mapping ${_ws})
bad_input_case("an unknown unit" "unknown_unit.yaml:6:10: error: accelerator.clock: expected a frequency.*unknown unit 'GHzz'"
  eval --arch ${_bi}/unknown_unit.yaml --workload ${_wl} --mapping ${_ws})
bad_input_case("a negative size" "negative_size.yaml:28:14: error: accelerator.levels\\[2\\].depth: expected a positive integer, found '-16'"
  eval --arch ${_bi}/negative_size.yaml --workload ${_wl} --mapping ${_ws})
bad_input_case("an unknown technology with a hint" "unknown_technology.yaml:17:19: error: .*found 'sarm' \\(did you mean 'sram'\\?\\)"
  eval --arch ${_bi}/unknown_technology.yaml --workload ${_wl} --mapping ${_ws})
bad_input_case("a network on a level without spatial fan-out" "network_without_fanout.yaml:31:16: error: .*level 'weight_rf' has no 'spatial' fan-out"
  eval --arch ${_bi}/network_without_fanout.yaml --workload ${_wl} --mapping ${_ws})
bad_input_case("a missing required key" "missing_key.yaml:8:7: error: workload.layers\\[0\\]: missing required key 'out_channels'"
  eval --arch ${CMAKE_CURRENT_SOURCE_DIR}/../arch/presets/simple_ws.yaml --workload ${_bi}/missing_key.yaml --mapping ${_ws})

# Workload layers and importers: pool/add layers and SCALE-Sim topology CSVs (column = field).
bad_input_case("an unknown pool mode with a hint" "unknown_pool_mode.yaml:7:13: error: workload.layers\\[0\\].mode: expected a pool mode \\(max or avg\\), found 'mxa' \\(did you mean 'max'\\?\\)"
  eval --arch ${_ref}/arch.yaml --workload ${_bi}/unknown_pool_mode.yaml --mapping ${_ref}/mapping.yaml)
bad_input_case("a SCALE-Sim row with a field that is not a number" "scalesim_bad_field.csv:3:6: error: Conv2.Channels: expected a positive integer, found 'many'"
  eval --arch ${_ref}/arch.yaml --workload ${_bi}/scalesim_bad_field.csv --mapping ${_ref}/mapping.yaml)
bad_input_case("a SCALE-Sim row with a missing field" "scalesim_short_row.csv:2:8: error: expected 8 fields \\(Layer name, .*Strides\\) or 9.*found 7 fields"
  eval --arch ${_ref}/arch.yaml --workload ${_bi}/scalesim_short_row.csv --mapping ${_ref}/mapping.yaml)
bad_input_case("a SCALE-Sim GEMM row with a missing field" "scalesim_gemm_short_row.csv:3:4: error: expected 4 fields \\(Layer name, M, N, K\\), found 3 fields"
  eval --arch ${_ref}/arch.yaml --workload ${_bi}/scalesim_gemm_short_row.csv --mapping ${_ref}/mapping.yaml)

# Bitwidth and sparsity keys.
set(_ws_arch ${CMAKE_CURRENT_SOURCE_DIR}/../arch/presets/simple_ws.yaml)
bad_input_case("compression of earlier versions says how to write a Sparseloop format" "replaced_compression.yaml:17:20: error: accelerator.levels\\[1\\].compression: 'compression' is replaced by Sparseloop's features: write the tensor's format"
  eval --arch ${_bi}/replaced_compression.yaml --workload ${_wl} --mapping ${_ws})
bad_input_case("zero_operands of earlier versions says how to write the compute unit's sparse optimizations" "replaced_zero_operands.yaml:31:20: error: accelerator.compute.zero_operands: 'zero_operands' is replaced by Sparseloop's features: 'sparse: {gating: true}'"
  eval --arch ${_bi}/replaced_zero_operands.yaml --workload ${_wl} --mapping ${_ws})
bad_input_case("a density outside (0, 1]" "density_out_of_range.yaml:14:25: error: workload.layers\\[0\\].density.inputs: expected a density in \\(0, 1\\] .*found '1.5'"
  eval --arch ${_ws_arch} --workload ${_bi}/density_out_of_range.yaml --mapping ${_ws})
bad_input_case("a bit density outside [0, 1]" "bit_density_out_of_range.yaml:4:25: error: workload.bit_density.inputs: expected a bit density in \\[0, 1\\] .*found '1.2'"
  eval --arch ${_ws_arch} --workload ${_bi}/bit_density_out_of_range.yaml --mapping ${_ws})

# The mapper (no --mapping): constraints that contradict the accelerator, a layer no mapping
# fits, an unknown dataflow name.
set(_ws_arch ${CMAKE_CURRENT_SOURCE_DIR}/../arch/presets/simple_ws.yaml)
set(_conv ${CMAKE_CURRENT_SOURCE_DIR}/../workloads/layers/conv3x3.yaml)
bad_input_case("a constraint file that contradicts the accelerator" "contradicting_constraints.yaml:5:7: error: .*keeps 'Inputs' at level 'weight_rf', but the accelerator bypasses it there"
  eval --arch ${_ws_arch} --workload ${_conv} --dataflow ${_bi}/contradicting_constraints.yaml)
bad_input_case("a layer no mapping fits names the blocking constraint" "conv3x3.yaml:8:7: error: layer 'conv3x3': no legal mapping: the fixed factors of dimension 'R' multiply to 5.*impossible_constraints.yaml:5:7"
  eval --arch ${_ws_arch} --workload ${_conv} --dataflow ${_bi}/impossible_constraints.yaml)
bad_input_case("an unknown dataflow name with a hint" "unknown_dataflow.yaml:8:13: error: accelerator.dataflow: unknown dataflow 'weight-stationery'.*did you mean 'weight-stationary'"
  eval --arch ${_bi}/unknown_dataflow.yaml --workload ${_conv})
bad_input_case("a systolic array of size 0" "systolic_zero_rows.yaml:11:20: error: accelerator.systolic.rows: expected a positive integer, found '0'"
  eval --arch ${_bi}/systolic_zero_rows.yaml --workload ${_conv})

# SCALE-Sim accelerator files (.cfg).
include(${CMAKE_CURRENT_SOURCE_DIR}/bad_input/scalesim_cfg_cases.cmake OPTIONAL)

# PIM crossbars.
bad_input_case("PIM crossbar rows not positive" "pim_zero_rows.yaml:27:22: error: accelerator.pim.crossbar.rows: expected a positive integer, found '0'"
  eval --arch ${_bi}/pim_zero_rows.yaml --workload ${_conv})
bad_input_case("PIM ADC bits out of range" "pim_adc_bits.yaml:32:17: error: accelerator.pim.adc.bits: expected ADC bits between 1 and 16, found '20'"
  eval --arch ${_bi}/pim_adc_bits.yaml --workload ${_conv})
bad_input_case("PIM circuits at a node without figures" "pim_node.yaml:[0-9]+:[0-9]+: error: accelerator.technology: expected a technology node PIM circuits are modelled at \\(22nm, 32nm, 45nm, 65nm, 90nm, 130nm\\), found 40nm"
  eval --arch ${_bi}/pim_node.yaml --workload ${_conv})
bad_input_case("PIM columns per ADC that do not divide the columns" "pim_cols_per_adc.yaml:32:54: error: accelerator.pim.adc.cols_per_adc: expected a number of columns per ADC that divides the crossbar's 128 columns, found 48"
  eval --arch ${_bi}/pim_cols_per_adc.yaml --workload ${_conv})
bad_input_case("NeuroSim's chip organization given a chip size" "neurosim_tiles.yaml:22:12: error: accelerator.pim.tiles: NeuroSim's chip organization sizes the chip to the network .*'tiles' does not apply"
  eval --arch ${_bi}/neurosim_tiles.yaml --workload ${CMAKE_CURRENT_SOURCE_DIR}/../workloads/networks/vgg8_cifar.yaml)
bad_input_case("a pipeline on NeuroSim's chip organization" "pim_pipeline_neurosim.yaml:20:15: error: accelerator.pim.pipeline: NeuroSim's pipeline mode re-plans its chip"
  eval --arch ${_bi}/pim_pipeline_neurosim.yaml --workload ${CMAKE_CURRENT_SOURCE_DIR}/../workloads/networks/vgg8_cifar.yaml)
bad_input_case("a pipeline with copies over other layers' weights" "pim_pipeline_reprogram.yaml:31:15: error: accelerator.pim.pipeline: a pipelined chip runs every layer at once, so no copy may be written over another layer's weights"
  eval --arch ${_bi}/pim_pipeline_reprogram.yaml --workload ${_conv})
bad_input_case("a pipeline on a chip too small for the network's weights" "pim_pipeline_too_small.yaml:22:5: error: accelerator.pim.pipeline: a pipelined chip keeps every layer's weights on its crossbars at once, but this network's weights do not fit its 4 crossbars"
  eval --arch ${_bi}/pim_pipeline_too_small.yaml --workload ${CMAKE_CURRENT_SOURCE_DIR}/../workloads/networks/fmnist_vgg.yaml)
bad_input_case("NeuroSim's chip organization given a residual add" "fmnist_resnet.yaml:[0-9]+:[0-9]+: error: workload.layers.block1_add: NeuroSim's chip organization .* layer 'block1_add' is a 'add' layer \\(use organization: crossbars\\)"
  eval --arch ${CMAKE_CURRENT_SOURCE_DIR}/../arch/presets/neurosim_rram_128x128.yaml --workload ${CMAKE_CURRENT_SOURCE_DIR}/../workloads/networks/fmnist_resnet.yaml)
bad_input_case("a PIM cell with more bits than the weight" "pim_cell_wider.yaml:28:11: error: accelerator.pim.cell: a cell of 4 bits holds more than a weight of 2 bits"
  eval --arch ${_bi}/pim_cell_wider.yaml --workload ${_conv})
bad_input_case("PIM rows_per_read above the crossbar's rows" "pim_rows_per_read.yaml:24:53: error: accelerator.pim.crossbar.rows_per_read: expected at most the crossbar's 128 rows activated at once, found 256"
  eval --arch ${_bi}/pim_rows_per_read.yaml --workload ${_conv})
bad_input_case("an ADC too coarse for a lossless request" "pim_adc_lossless.yaml:27:17: error: accelerator.pim.adc.bits: an ADC of 5 bits is too coarse for a lossless request.*needs 9 bits"
  eval --arch ${_bi}/pim_adc_lossless.yaml --workload ${_conv})
bad_input_case("a PIM cell budget smaller than one crossbar" "pim_budget_small.yaml:22:21: error: accelerator.pim.budget.cells: expected a budget of at least one crossbar of 128 x 128 cells, found 10000 cells"
  eval --arch ${_bi}/pim_budget_small.yaml --workload ${_conv})
bad_input_case("a PIM area budget smaller than one crossbar" "pim_budget_area_small.yaml:22:20: error: accelerator.pim.budget.area: expected an area budget of at least one crossbar of 128 x 128 with its peripherals"
  eval --arch ${_bi}/pim_budget_area_small.yaml --workload ${_conv})
bad_input_case("a PIM budget together with tiles" "pim_budget_and_tiles.yaml:23:13: error: accelerator.pim.budget: a chip is sized either by a budget or by tiles and crossbars_per_tile, not both"
  eval --arch ${_bi}/pim_budget_and_tiles.yaml --workload ${_conv})
bad_input_case("a swept crossbar size an area budget cannot hold" "pim_budget_area_small.yaml:22:20: error: accelerator.pim.budget.area: with pim.crossbar.rows=4096: expected an area budget of at least one crossbar of 4096 x 128"
  sweep --arch ${_bi}/pim_budget_area_small.yaml --workload ${_conv} --set pim.crossbar.rows=4096)

# hwaware sweep.
set(_pim_arch ${CMAKE_CURRENT_SOURCE_DIR}/../arch/presets/rram_128x128.yaml)
bad_input_case("a sweep key the description does not have, with a hint" "--set: error: --set pim.crossbar.rwos=128,256: the description has no key 'rwos' under 'pim.crossbar' \\(did you mean 'rows'\\?\\)"
  sweep --arch ${_pim_arch} --workload ${_conv} --set pim.crossbar.rwos=128,256)
bad_input_case("a sweep value list that does not parse" "--set: error: --set pim.crossbar.rows=128,,256: expected a comma-separated list of values"
  sweep --arch ${_pim_arch} --workload ${_conv} --set pim.crossbar.rows=128,,256)
bad_input_case("a swept value the description rejects" "--set: error: accelerator.pim.crossbar.rows: with pim.crossbar.rows=0: expected a positive integer, found '0'"
  sweep --arch ${_pim_arch} --workload ${_conv} --set pim.crossbar.rows=128,0)

# hwaware explore: the space file's mistakes, at their place in it; nothing written.
bad_input_case("explore: a parameter the accelerator does not have" "space_unknown_parameter.yaml:4:[0-9]+: error: .*no key 'szie'.*did you mean 'size'"
  explore --space ${_bi}/space_unknown_parameter.yaml --out ${CMAKE_CURRENT_BINARY_DIR}/bad_input_explore)
bad_input_case("explore: an empty space" "space_empty.yaml:4:[0-9]+: error: .*empty list: the space would have no points.*space_empty.yaml:5:[0-9]+: error: space.networks: expected at least one network"
  explore --space ${_bi}/space_empty.yaml --out ${CMAKE_CURRENT_BINARY_DIR}/bad_input_explore)
bad_input_case("explore: an unknown key in a space" "space_unknown_key.yaml:7:3: error: space: unknown key 'serach'.*did you mean 'search'"
  explore --space ${_bi}/space_unknown_key.yaml --out ${CMAKE_CURRENT_BINARY_DIR}/bad_input_explore)

# One engine: what a kind of accelerator does not take, and energies in two units.
set(_sa_cfg ${CMAKE_CURRENT_SOURCE_DIR}/reference/scalesim/configs/sa32x32_ws.cfg)
set(_eyeriss_arch ${CMAKE_CURRENT_SOURCE_DIR}/../arch/presets/eyeriss_like.yaml)
bad_input_case("a mapping given to a systolic array" "conv3x3_simple_ws.yaml: error: --mapping: a systolic array runs SCALE-Sim's folds.*it takes no mapping"
  eval --arch ${_sa_cfg} --workload ${_conv} --mapping ${CMAKE_CURRENT_SOURCE_DIR}/../mappings/examples/conv3x3_simple_ws.yaml)
bad_input_case("a mapper dataflow given to PIM crossbars" "--dataflow: error: --dataflow: a PIM accelerator places weights on its crossbars itself.*it takes no dataflow"
  sweep --arch ${_pim_arch} --workload ${_conv} --set pim.crossbar.rows=128 --dataflow weight-stationary)
bad_input_case("an Accelergy ERT over energies in units of a MAC" "ert.yaml:1:1: error: an Accelergy ERT gives pJ, but 'eyeriss-like' prices in units of one MAC"
  eval --arch ${_eyeriss_arch} --workload ${_conv} --ert ${CMAKE_CURRENT_SOURCE_DIR}/reference/timeloop/v4-eyeriss-like-mapper/ert.yaml)
bad_input_case("a SCALE-Sim key swept to a value the reader rejects" "--set: error: architecture_presets.ArrayHeight: with architecture_presets.ArrayHeight=0: expected a positive integer, found '0'"
  sweep --arch ${_sa_cfg} --workload ${_conv} --set architecture_presets.ArrayHeight=32,0)
bad_input_case("NeuroSim's buffers on the crossbars organization" "pim_buffers_crossbars.yaml:31:14: error: accelerator.pim.buffers: 'buffers' chooses what NeuroSim's chip builds its global and tile buffers of and applies only to organization: neurosim"
  eval --arch ${_bi}/pim_buffers_crossbars.yaml --workload ${_conv})
bad_input_case("NeuroSim's buffers of an unknown kind" "neurosim_buffers_unknown.yaml:14:14: error: accelerator.pim.buffers: expected what NeuroSim's buffers are built of \\(register_file, sram\\), found 'edram'"
  eval --arch ${_bi}/neurosim_buffers_unknown.yaml --workload ${CMAKE_CURRENT_SOURCE_DIR}/../workloads/networks/vgg8_cifar.yaml)

# A Timeloop front-end dump (parsed-processed-input.yaml) given as --arch, --workload and
# --mapping: each reader passes over the other sections Timeloop knows, but not a key it does not.
foreach(_f timeloop_dump_unknown_section timeloop_dump_unknown_attribute timeloop_dump_density timeloop_dump_distribution)
  set(_${_f} --arch ${_bi}/${_f}.yaml --workload ${_bi}/${_f}.yaml --mapping ${_bi}/${_f}.yaml)
endforeach()
bad_input_case("a Timeloop dump: an unknown top-level key with a hint" "timeloop_dump_unknown_section.yaml:47:1: error: unknown key 'architecture_constraint'.*did you mean 'architecture_constraints'"
  eval ${_timeloop_dump_unknown_section})
bad_input_case("a Timeloop dump: an unknown attribute with a hint" "timeloop_dump_unknown_attribute.yaml:28:17: error: architecture.subtree\\[0\\].local\\[0\\].attributes: unknown key 'alow_overbooking'.*did you mean 'allow_overbooking'"
  eval ${_timeloop_dump_unknown_attribute})
bad_input_case("a Timeloop dump: a density of 1.5" "timeloop_dump_density.yaml:67:58: error: problem.instance.densities.A.density: expected a density in \\(0, 1\\] .*found '1.5'"
  eval ${_timeloop_dump_density})
bad_input_case("a Timeloop dump: an unknown density distribution" "timeloop_dump_distribution.yaml:67:31: error: problem.instance.densities.A.distribution: expected a density distribution \\(fixed_structured or hypergeometric\\), found 'uniform'.*'hypergeometric'"
  eval ${_timeloop_dump_distribution})
set(_sudu ${CMAKE_CURRENT_SOURCE_DIR}/reference/sparseloop/01.2.2-SUDU-dot-product/parsed-processed-input.yaml)

# Sparseloop's sparse features (Timeloop's sparse_optimizations, hwaware's `sparse:`): the checks that
# need only the accelerator, each at its node. The workload and mapping are 01.2.2's; the accelerator
# is read first.
function(sparse_case name file pattern)
  bad_input_case("sparse features: ${name}" "${file}.yaml:${pattern}" eval --arch ${_bi}/${file}.yaml --workload ${_sudu} --mapping ${_sudu})
endfunction()
sparse_case("an unknown rank format with a hint" sparse_unknown_format
  "24:25: error: sparse_optimizations.targets\\[0\\].representation_format.data_spaces\\[0\\].ranks\\[1\\].format: expected a rank format \\(U, UOP, CP, RLE, B\\), found 'RLF' \\(did you mean 'RLE'\\?\\)")
sparse_case("an unknown action optimization type with a hint" sparse_unknown_type
  "20:17: error: sparse_optimizations.targets\\[0\\].action_optimization\\[0\\].type: expected an action optimization type \\(gating, skipping or spatial_skipping\\), found 'skiping' \\(did you mean 'skipping'\\?\\)")
sparse_case("a target naming no level, with a hint" sparse_unknown_level
  "18:13: error: sparse_optimizations.targets\\[0\\].name: expected the name of a storage level or of the arithmetic unit \\(BackingStorage, Buffer, mac\\), found 'Bufer' \\(did you mean 'Buffer'\\?\\)")
sparse_case("a compute optimization at a storage level" sparse_compute_at_storage
  "20:9: error: sparse_optimizations.targets\\[0\\].compute_optimization: compute_optimization applies to the arithmetic unit \\('mac'\\); 'Buffer' is a storage level")
sparse_case("an empty list of ranks" sparse_empty_ranks
  "22:20: error: sparse_optimizations.targets\\[0\\].representation_format.data_spaces\\[0\\].ranks: expected at least one rank \\(outermost first\\), found an empty list")
sparse_case("flattened_rankIDs that are not a list of lists of names" sparse_flattened_not_lists
  "23:51: error: sparse_optimizations.targets\\[0\\].representation_format.data_spaces\\[0\\].ranks\\[0\\].flattened_rankIDs\\[0\\]: expected a list of dimension names inside the list, such as \\[\\[R, S, P\\]\\], found 'K'")
sparse_case("an option conditioned on no tensor" sparse_condition_on_empty
  "22:15: error: Buffer.skipping.B: expected at least one tensor to condition 'B' on, found an empty condition_on")
sparse_case("an option conditioned on its own target" sparse_condition_on_target
  "22:15: error: Buffer.gating.B: 'B' is conditioned on itself")
sparse_case("a tensor given a format twice at one level" sparse_format_twice
  "23:13: error: BackingStorage.formats.A: tensor 'A' is given a format twice at level 'BackingStorage' \\(first at .*sparse_format_twice.yaml:21:13\\)")
sparse_case("a format for a tensor the level bypasses" sparse_format_bypassed
  "24:13: error: Buffer.formats.Z: level 'Buffer' bypasses 'Z' \\(its keep/bypass constraints\\), so it stores no format of it")
sparse_case("a tensor both gated and skipped at one level" sparse_gated_and_skipped
  "25:15: error: Buffer.skipping.B: 'B' is both gated and skipped at level 'Buffer' \\(the other at .*sparse_gated_and_skipped.yaml:22:15\\)")
sparse_case("a negative metadata_datawidth" sparse_metadata_datawidth
  "9:108: error: architecture.subtree\\[0\\].local\\[0\\].attributes.metadata_datawidth: expected the bits of a metadata word \\(0: no metadata\\), found '-4'")
sparse_case("a metadata word of 0 bits at a level storing metadata" sparse_metadata_datawidth
  "21:13: error: Buffer.formats.A: rank format CP of 'A' needs metadata, but level 'Buffer' has metadata_datawidth: 0")
sparse_case("hwaware's syntax: an unknown rank format with a hint" sparse_native
  "19:33: error: accelerator.levels\\[1\\].sparse.formats.Inputs\\[1\\]: expected a rank format \\(U, UOP, CP, RLE, B\\), found 'RLF' \\(did you mean 'RLE'\\?\\)")
sparse_case("hwaware's syntax: a format for a tensor the level bypasses" sparse_native
  "30:34: error: weight_rf.formats.Inputs: level 'weight_rf' bypasses 'Inputs'")
# Sparse features checked against the workload (models/sparse_checks.h) and against a given mapping.
bad_input_case("sparse features: a rank flattening a dimension no layer has" "sparse_flattened_unknown_dim.yaml:43:29: error: sparse features of level 'weights_spad': a rank of Weights flattens 'K', which is not a dimension of any layer"
  eval --arch ${_bi}/sparse_flattened_unknown_dim.yaml --workload ${_wl})
bad_input_case("sparse features: gating a tensor that neither the level nor one above keeps" "sparse_gating_unheld.yaml:21:18: error: sparse features of level 'DRAM': gating of Outputs: neither 'DRAM' nor a level above it keeps that tensor"
  eval --arch ${_bi}/sparse_gating_unheld.yaml --workload ${_wl})
bad_input_case("sparse features: a format with fewer ranks than the mapping's tile has loops" "sparse_format_ranks.yaml:522:17: error: layer 'MatrixMultiply': the mapping is infeasible: Buffer cannot hold B in its format: its format has fewer ranks than the tile has loops"
  eval --arch ${_bi}/sparse_format_ranks.yaml --workload ${_bi}/sparse_format_ranks.yaml --mapping ${CMAKE_CURRENT_SOURCE_DIR}/reference/sparseloop/02.2.1-spMspM/mapping.yaml)
