# Bad input to `hwaware adapt` and `hwaware train`: exit status 2, a message saying what is wrong,
# and no family left looking complete. Fixtures train (one step) the weights some cases need.
set(_adapt ${CMAKE_CURRENT_BINARY_DIR}/adapt_cases)
set(_nets ${CMAKE_SOURCE_DIR}/workloads/networks)
set(_eyeriss ${CMAKE_SOURCE_DIR}/arch/presets/eyeriss_like.yaml)
add_test(NAME "adapt cases: weights of fmnist_resnet after one training step"
         COMMAND hwaware train --workload ${_nets}/fmnist_resnet.yaml --steps 1 --batch 8 --out ${_adapt}/resnet.weights)
set_tests_properties("adapt cases: weights of fmnist_resnet after one training step" PROPERTIES FIXTURES_SETUP adapt_weights)
add_test(NAME "adapt cases: weights of fmnist_vgg after one training step"
         COMMAND hwaware train --workload ${_nets}/fmnist_vgg.yaml --steps 1 --batch 8 --out ${_adapt}/vgg.weights)
set_tests_properties("adapt cases: weights of fmnist_vgg after one training step" PROPERTIES FIXTURES_SETUP adapt_weights)

# Each case starts without its --out directory (a run of an earlier build may have left one).
function(adapt_case name pattern absent)
  string(REPLACE ";" "|" args "${ARGN}")
  list(FIND ARGN "--out" at)
  math(EXPR at "${at} + 1")
  list(GET ARGN ${at} out)
  add_test(NAME "bad input: ${name}"
           COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:hwaware> "-DARGS=${args}" "-DPATTERN=${pattern}" "-DABSENT=${absent}"
                   "-DFRESH=${out}" -P ${CMAKE_CURRENT_SOURCE_DIR}/bad_input/expect_error.cmake)
  set_tests_properties("bad input: ${name}" PROPERTIES FIXTURES_REQUIRED adapt_weights)
endfunction()

adapt_case("adapt without the Fashion-MNIST data set names the package" "dataset-fashion-mnist" "${_adapt}/nodata"
  adapt --arch ${_eyeriss} --workload ${_nets}/fmnist_resnet.yaml --weights ${_adapt}/resnet.weights --budget latency=50%
        --out ${_adapt}/nodata --data ${_adapt}/no-such-dir)
adapt_case("adapt with a malformed budget" "error: --budget: expected RESOURCE=VALUE.*found the resource 'speed'" "${_adapt}/speed"
  adapt --arch ${_eyeriss} --workload ${_nets}/fmnist_resnet.yaml --weights ${_adapt}/resnet.weights --budget speed=50%
        --out ${_adapt}/speed)
adapt_case("adapt with a budget the starting network already meets" "every budget is already met by the starting network: latency" "${_adapt}/met"
  adapt --arch ${_eyeriss} --workload ${_nets}/fmnist_resnet.yaml --weights ${_adapt}/resnet.weights --budget latency=10s
        --out ${_adapt}/met)
adapt_case("adapt with the weights of another network names the layers"
  "error: conv1_1.weight: the network's layer 'conv1_1' needs \\[32, 1, 3, 3\\], the weights file has none" "${_adapt}/other"
  adapt --arch ${_eyeriss} --workload ${_nets}/fmnist_vgg.yaml --weights ${_adapt}/resnet.weights --budget latency=50%
        --out ${_adapt}/other)
adapt_case("adapt on a layer the trainer cannot build" "the trainer (cannot build|needs the layer's window)" "${_adapt}/timeloop"
  adapt --arch ${_eyeriss} --workload ${CMAKE_CURRENT_SOURCE_DIR}/reference/timeloop/v4-conv1d-2level-os/problem.yaml
        --weights ${_adapt}/resnet.weights --budget latency=50% --out ${_adapt}/timeloop)
adapt_case("adapt with an unreachable budget leaves no family.csv" "the budget is unreachable" "${_adapt}/unreachable/family.csv"
  adapt --arch ${_eyeriss} --workload ${_nets}/fmnist_resnet.yaml --weights ${_adapt}/resnet.weights --budget weights=0.01%
        --step 0.9 --short-steps 1 --long-steps 1 --out ${_adapt}/unreachable)
adapt_case("adapt with an energy budget on the measured oracle, which times latency only"
  "error: --budget: expected latency, macs or weights with --oracle measured" "${_adapt}/measured-energy"
  adapt --oracle measured --workload ${_nets}/fmnist_resnet.yaml --weights ${_adapt}/resnet.weights --budget energy=50%
        --out ${_adapt}/measured-energy)
adapt_case("adapt without an accelerator on a simulated oracle" "error: --arch: expected an accelerator file with --oracle analytical"
  "${_adapt}/no-arch"
  adapt --workload ${_nets}/fmnist_resnet.yaml --weights ${_adapt}/resnet.weights --budget latency=50% --out ${_adapt}/no-arch)

# hwaware prune: a tolerance out of range, before anything is loaded or written.
adapt_case("prune with a tolerance of 0" "error: --tolerance: expected the holdout accuracy drop allowed.*found '0%'" "${_adapt}/tol0"
  prune --arch ${_eyeriss} --workload ${_nets}/fmnist_resnet.yaml --weights ${_adapt}/resnet.weights --tolerance 0%
        --out ${_adapt}/tol0)
adapt_case("prune with a tolerance above 100%" "error: --tolerance: expected .*found '150%'" "${_adapt}/tol150"
  prune --arch ${_eyeriss} --workload ${_nets}/fmnist_resnet.yaml --weights ${_adapt}/resnet.weights --tolerance 150%
        --out ${_adapt}/tol150)
adapt_case("prune with a tolerance that is not a number" "error: --tolerance: expected .*found 'one'" "${_adapt}/tolone"
  prune --arch ${_eyeriss} --workload ${_nets}/fmnist_resnet.yaml --weights ${_adapt}/resnet.weights --tolerance one
        --out ${_adapt}/tolone)
adapt_case("prune with weights of another network" "resnet.weights: error: conv1_1.weight: the network's layer 'conv1_1' needs" "${_adapt}/otherweights"
  prune --arch ${_eyeriss} --workload ${_nets}/fmnist_vgg.yaml --weights ${_adapt}/resnet.weights --out ${_adapt}/otherweights)

# hwaware adapt --method v2 (NetAdaptV2): the same refusals, before the super-network trains.
adapt_case("adapt v2 with a budget no shape in its search space can meet" "the weights budget is unreachable: .*the smallest shape"
  "${_adapt}/v2-unreachable"
  adapt --method v2 --arch ${_eyeriss} --workload ${_nets}/fmnist_resnet.yaml --weights ${_adapt}/resnet.weights --budget weights=0.01%
        --out ${_adapt}/v2-unreachable)
adapt_case("adapt v2 searching the kernel of a 1x1 layer names the layer"
  "error: --search: expected a layer whose kernel can shrink with kernel=block2_proj, found a 1x1 kernel" "${_adapt}/v2-kernel"
  adapt --method v2 --arch ${_eyeriss} --workload ${_nets}/fmnist_resnet.yaml --weights ${_adapt}/resnet.weights --budget latency=50%
        --search width,kernel=block2_proj --out ${_adapt}/v2-kernel)
adapt_case("adapt v2 searching a dimension it does not know" "error: --search: expected width, depth, kernel, kernel=LAYER or resolution, found 'heads'"
  "${_adapt}/v2-heads"
  adapt --method v2 --arch ${_eyeriss} --workload ${_nets}/fmnist_resnet.yaml --weights ${_adapt}/resnet.weights --budget latency=50%
        --search heads --out ${_adapt}/v2-heads)
adapt_case("adapt v2 with the weights of another network names the layers"
  "error: conv1_1.weight: the network's layer 'conv1_1' needs \\[32, 1, 3, 3\\], the weights file has none" "${_adapt}/v2-other"
  adapt --method v2 --arch ${_eyeriss} --workload ${_nets}/fmnist_vgg.yaml --weights ${_adapt}/resnet.weights --budget latency=50%
        --out ${_adapt}/v2-other)
adapt_case("adapt v2 searching the resolution of a network whose FC layer reads a map names the layer"
  "error: --search: expected a network whose every layer follows its input's size with 'resolution', found 'fc1' reading a 7x7 map"
  "${_adapt}/v2-resolution"
  adapt --method v2 --arch ${_eyeriss} --workload ${_nets}/fmnist_vgg.yaml --weights ${_adapt}/resnet.weights --budget latency=50%
        --search resolution --out ${_adapt}/v2-resolution)
adapt_case("adapt v2 with the super-network of another network names the layers"
  "error: conv1_1.weight: the network's layer 'conv1_1' needs \\[32, 1, 3, 3\\], the weights file has none" "${_adapt}/v2-supernet"
  adapt --method v2 --arch ${_eyeriss} --workload ${_nets}/fmnist_vgg.yaml --weights ${_adapt}/vgg.weights --budget latency=50%
        --supernet ${_adapt}/resnet.weights --out ${_adapt}/v2-supernet)
adapt_case("adapt v2 refuses V1's --short-steps" "error: --short-steps: expected no --short-steps with --method v2" "${_adapt}/v2-short"
  adapt --method v2 --arch ${_eyeriss} --workload ${_nets}/fmnist_resnet.yaml --weights ${_adapt}/resnet.weights --budget latency=50%
        --short-steps 10 --out ${_adapt}/v2-short)
