# Bad ONNX models through the CLI (`eval --workload`, `import onnx`): exit status 2, a message naming
# the file (and the node), and nothing written. The models come from the torchvision_onnx fixture
# (tests/onnx/export_torchvision.py): an LSTM (an op hwaware does not model), a MobileNet V2 whose
# batch is symbolic, and a truncated file.
set(_models ${CMAKE_CURRENT_BINARY_DIR}/onnx_models)
set(_onnx_out ${CMAKE_CURRENT_BINARY_DIR}/onnx_cases)
set(_eyeriss ${CMAKE_SOURCE_DIR}/arch/presets/eyeriss_like.yaml)

# `eval` and `import onnx` on one model: the same message; import leaves no file (nor its temporary).
function(onnx_case name pattern model)
  set(out ${_onnx_out}/${name}.yaml)
  string(REPLACE " " "_" out "${out}")
  bad_input_case("${name} (eval)" "${pattern}" eval --arch ${_eyeriss} --workload ${model} ${ARGN})
  add_test(NAME "bad input: ${name} (import onnx writes nothing)"
           COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:hwaware> "-DARGS=import|onnx|${model}|--out|${out}" "-DPATTERN=${pattern}"
                   "-DABSENT=${out}|${out}.tmp" "-DFRESH=${out}" -P ${CMAKE_CURRENT_SOURCE_DIR}/bad_input/expect_error.cmake)
  set_tests_properties("bad input: ${name} (eval)" "bad input: ${name} (import onnx writes nothing)"
                       PROPERTIES FIXTURES_REQUIRED torchvision_onnx)
endfunction()

onnx_case("an ONNX graph with an op hwaware does not model names the node and its op type"
  "tiny_lstm.onnx: error: node '/lstm/LSTM' \\(LSTM\\): an op hwaware does not model" ${_models}/tiny_lstm.onnx)
onnx_case("an ONNX model with a symbolic batch and no --batch names the node and says to pass --batch"
  "mobilenet_v2_dynamic.onnx: error: node '/features/features.0/features.0.0/Conv' \\(Conv\\): dimension 0 .* \\(the batch\\) is not fixed \\('batch'\\): pass --batch N"
  ${_models}/mobilenet_v2_dynamic.onnx)
onnx_case("a truncated ONNX file names the file"
  "truncated.onnx: error: expected an ONNX model \\(a protobuf ModelProto\\), found bytes that do not parse as one" ${_models}/truncated.onnx)
onnx_case("a file of another format named .onnx names the file"
  "not_onnx.onnx: error: expected an ONNX model" ${_bi}/not_onnx.onnx)
bad_input_case("--batch with a workload of hwaware's format says it is for ONNX models"
  "--batch: error: --batch: sets the batch of an ONNX model's input"
  eval --arch ${_eyeriss} --workload ${CMAKE_SOURCE_DIR}/workloads/layers/conv3x3.yaml --batch 4)
