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
bad_input_case("factors that do not multiply to the dimension" "factors_product.yaml:[0-9]+:[0-9]+: error: mapping: the factors of dimension 'P' multiply to 8, expected 16"
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
