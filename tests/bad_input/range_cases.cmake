# Inputs that cannot break it (docs/reliability.md): numbers beyond range, products beyond what
# hwaware counts exactly, YAML shapes the readers do not expect, Timeloop files checked as native
# ones, mistakes located in the file that has them, and outputs that cannot be written.
set(_bi ${CMAKE_CURRENT_SOURCE_DIR}/bad_input)
set(_conv3 ${CMAKE_CURRENT_SOURCE_DIR}/../workloads/layers/conv3x3.yaml)
set(_ws_map ${CMAKE_CURRENT_SOURCE_DIR}/../mappings/examples/conv3x3_simple_ws.yaml)
set(_simple ${CMAKE_CURRENT_SOURCE_DIR}/../arch/presets/simple_ws.yaml)
set(_tl ${CMAKE_CURRENT_SOURCE_DIR}/reference/timeloop/v4-conv1d-2level-os)

# Numbers: parsed into their full range or refused, never wrapped, saturated, inf or nan.
bad_input_case("an integer beyond an int is refused, not wrapped" "wrapped_integer.yaml:11:18: error: accelerator.levels\\[0\\].word_bits: expected a positive integer between 1 and 2147483647, found '4294967304'"
  eval --arch ${_bi}/wrapped_integer.yaml --workload ${_conv3} --mapping ${_ws_map})
bad_input_case("an integer beyond 64 bits is refused, not saturated" "depth_beyond_64_bits.yaml:26:14: error: accelerator.levels\\[2\\].depth: expected an integer, found '99999999999999999999' \\(beyond the range of a 64-bit integer\\)"
  eval --arch ${_bi}/depth_beyond_64_bits.yaml --workload ${_conv3} --mapping ${_ws_map})
bad_input_case("a number beyond a double's range is refused, not inf" "huge_number.yaml:4:10: error: accelerator.clock: expected a frequency.*found '1e999GHz' \\(beyond the range of a number\\)"
  eval --arch ${_bi}/huge_number.yaml --workload ${_conv3} --mapping ${_ws_map})
bad_input_case("nan is refused where a number is read" "density_nan.yaml:17:[0-9]+: error: workload.layers\\[0\\].density.inputs: .*'nan'.*a finite number is required"
  eval --arch ${_simple} --workload ${_bi}/density_nan.yaml --mapping ${_ws_map})

# Products beyond 64 bits, or beyond 2^53 (the largest count kept exact), at the line that made them.
bad_input_case("arch: a fan-out beyond 64 bits" "fanout_overflow.yaml:22:16: error: accelerator.levels\\[1\\].spatial: a fan-out of 4294967296 x 4294967296 below 1 instances makes more instances than a 64-bit count holds"
  eval --arch ${_bi}/fanout_overflow.yaml --workload ${_conv3} --mapping ${_ws_map})
bad_input_case("workload: a layer beyond 2^53 MACs" "layer_overflow.yaml:7:7: error: layer 'conv3x3': its iteration space \\(the product of its dimensions\\) is more than 2\\^53"
  eval --arch ${_simple} --workload ${_bi}/layer_overflow.yaml)
bad_input_case("mapping: factors whose product wraps to the layer's size" "factors_wrap.yaml:3:3: error: mapping: the factors of dimension 'M' multiply to more than a 64-bit count holds, expected 64"
  eval --arch ${_simple} --workload ${_conv3} --mapping ${_bi}/factors_wrap.yaml)
bad_input_case("PIM: more crossbar cells than 2^53" "pim_cells_overflow.yaml:[0-9]+:[0-9]+: error: tiles: pim: 4294967296 tiles x 4294967296 crossbars is more than 2\\^53"
  eval --arch ${_bi}/pim_cells_overflow.yaml --workload ${_conv3})

# YAML shapes the readers do not expect.
bad_input_case("a list used as a key" "list_as_key.yaml:16:7: error: workload.layers\\[0\\]: expected a key name, found a list used as a key"
  eval --arch ${_simple} --workload ${_bi}/list_as_key.yaml --mapping ${_ws_map})

# Timeloop files get the checks native files get.
bad_input_case("Timeloop: a datawidth of 0" "tl_zero_datawidth.yaml:17:18: error: .*datawidth: expected a positive integer between 1 and 2147483647, found '0'"
  eval --arch ${_bi}/tl_zero_datawidth.yaml --workload ${_tl}/problem.yaml --mapping ${_tl}/mapping.yaml)
bad_input_case("Timeloop: a negative depth at its line" "tl_negative_depth.yaml:23:14: error: depth: level 'Buffer': expected a depth of at least 1 entry, found -64"
  eval --arch ${_bi}/tl_negative_depth.yaml --workload ${_tl}/problem.yaml --mapping ${_tl}/mapping.yaml)
bad_input_case("Timeloop: zero instances at their line" "tl_zero_instances.yaml:24:18: error: instances: level 'Buffer': expected at least 1 instance, found 0"
  eval --arch ${_bi}/tl_zero_instances.yaml --workload ${_tl}/problem.yaml --mapping ${_tl}/mapping.yaml)
bad_input_case("Timeloop: num-ports other than 1 or 2" "tl_three_ports.yaml:24:18: error: .*num-ports: expected a number of ports .* between 1 and 2, found '3'"
  eval --arch ${_bi}/tl_three_ports.yaml --workload ${_tl}/problem.yaml --mapping ${_tl}/mapping.yaml)
bad_input_case("Timeloop: a tensor of 9 ranks" "tl_nine_ranks.yaml:[0-9]+:[0-9]+: error: layer 'NineRanks': tensor 'Weights' has 9 ranks; hwaware models tensors of at most 8"
  eval --arch ${_tl}/arch.yaml --workload ${_bi}/tl_nine_ranks.yaml)

# Inputs that are not files, and runs too large to be meant.
bad_input_case("an input that is a directory is refused by name" "bad_input: error: expected a file, found a directory"
  eval --arch ${_bi} --workload ${_conv3})
bad_input_case("an input that is a device is refused, not read forever" "/dev/zero: error: expected a file, found a device"
  eval --arch ${_simple} --workload /dev/zero)
set(_1025_values "")  # 1,2,...,1025: two such settings make 1050625 points
foreach(i RANGE 1 1025)
  list(APPEND _1025_values ${i})
endforeach()
string(JOIN "," _1025_values ${_1025_values})
bad_input_case("a sweep of more than a million points is refused at the setting that makes it so" "--set: error: --set systolic.cols=1,2,.*: the sweep reaches 1050625 points here .*more than the 1000000 a sweep may have"
  sweep --arch ${CMAKE_CURRENT_SOURCE_DIR}/../arch/presets/tpu_like_128x128.yaml --workload ${_conv3}
        --set systolic.rows=${_1025_values} --set systolic.cols=${_1025_values})

# explore: a mistake in the accelerator file at its line there; a bad swept value at its parameter.
bad_input_case("explore: a mistake the accelerator file makes with a swept value, at the file's line" "pim_budget_area_small.yaml:22:20: error: accelerator.pim.budget.area: with clock=100MHz pim.crossbar.rows=4096: expected an area budget of at least one crossbar"
  explore --space ${_bi}/space_budget_in_accelerator.yaml --out ${CMAKE_CURRENT_BINARY_DIR}/bad_input_explore)
bad_input_case("explore: a bad value of the second parameter, at its line" "space_bad_second_value.yaml:6:[0-9]+: error: accelerator.pim.crossbar.rows: with clock=100MHz pim.crossbar.rows=0: expected a positive integer"
  explore --space ${_bi}/space_bad_second_value.yaml --out ${CMAKE_CURRENT_BINARY_DIR}/bad_input_explore)

# Outputs: an --out that cannot be used is an error before any work; a failed write leaves no file.
set(_blocked ${CMAKE_CURRENT_BINARY_DIR}/blocked_out_file)  # a file where the output directory would go
file(WRITE ${_blocked} "in the way\n")
function(unwritable_out_case command)
  string(REPLACE ";" "|" args "${ARGN}")
  add_test(NAME "bad output: ${command} with an --out that cannot be created"
           COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:hwaware> "-DARGS=${command}|${args}"
                   "-DPATTERN=blocked_out_file[^ ]*: error: --out: (cannot create the output directory|expected an output directory, found a file in the way)"
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/bad_input/expect_error.cmake)
endfunction()
unwritable_out_case(eval --arch ${_simple} --workload ${_conv3} --mapping ${_ws_map} --out ${_blocked})
unwritable_out_case(sweep --arch ${_simple} --workload ${_conv3} --set clock=1GHz --out ${_blocked})
unwritable_out_case(explore --space ${CMAKE_CURRENT_SOURCE_DIR}/cli/explore_space.yaml --out ${_blocked})
unwritable_out_case(train --workload ${CMAKE_CURRENT_SOURCE_DIR}/../workloads/networks/fmnist_vgg.yaml --steps 1 --out ${_blocked}/w.weights)
unwritable_out_case(prune --arch ${CMAKE_CURRENT_SOURCE_DIR}/../arch/presets/eyeriss_sparse_weights.yaml --workload ${CMAKE_CURRENT_SOURCE_DIR}/../workloads/networks/fmnist_vgg.yaml --weights ${_blocked} --out ${_blocked})
unwritable_out_case(adapt --arch ${_simple} --workload ${CMAKE_CURRENT_SOURCE_DIR}/../workloads/networks/fmnist_vgg.yaml --weights ${_blocked} --budget latency=50% --out ${_blocked})

set(_limited ${CMAKE_CURRENT_BINARY_DIR}/file_limit_out)
add_test(NAME "bad output: a write beyond the file-size limit leaves no partial file"
         COMMAND ${CMAKE_COMMAND} -DEXE=${_bi}/with_file_limit.sh
                 "-DARGS=1|$<TARGET_FILE:hwaware>|eval|--arch|${_simple}|--workload|${_conv3}|--mapping|${_ws_map}|--out|${_limited}"
                 "-DPATTERN=file_limit_out/[a-z_]+\\.(csv|json): error: cannot write the file: File too large" -DFRESH=${_limited}
                 "-DABSENT=${_limited}/summary.csv|${_limited}/breakdown.csv|${_limited}/stats.json|${_limited}/summary.csv.tmp|${_limited}/breakdown.csv.tmp|${_limited}/stats.json.tmp"
                 -P ${_bi}/expect_error.cmake)
