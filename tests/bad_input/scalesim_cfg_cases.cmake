# SCALE-Sim accelerator files (.cfg, INI): each bad file is the reference configuration
# tests/reference/scalesim/configs/sa32x32_ws.cfg with one mistake. Included from cases.cmake.
bad_input_case("a SCALE-Sim option hwaware does not support" "scalesim_sparsity.cfg:18:1: error: sparsity.SparsitySupport: 'SparsitySupport: true' is not supported: hwaware does not model sparse operands"
  eval --arch ${_bi}/scalesim_sparsity.cfg --workload ${_conv})
bad_input_case("a misspelt SCALE-Sim key with a hint" "scalesim_misspelt_key.cfg:5:1: error: architecture_presets: unknown key 'ArrayHieght' \\(did you mean 'ArrayHeight'\\?\\)"
  eval --arch ${_bi}/scalesim_misspelt_key.cfg --workload ${_conv})
bad_input_case("a SCALE-Sim value that is not a number" "scalesim_not_a_number.cfg:8:18: error: architecture_presets.FilterSramSzkB: expected a positive integer, found 'sixty-four'"
  eval --arch ${_bi}/scalesim_not_a_number.cfg --workload ${_conv})
bad_input_case("a SCALE-Sim array of size 0" "scalesim_zero_array.cfg:6:17: error: architecture_presets.ArrayWidth: expected a positive integer, found '0'"
  eval --arch ${_bi}/scalesim_zero_array.cfg --workload ${_conv})
bad_input_case("an unknown SCALE-Sim dataflow with a hint" "scalesim_unknown_dataflow.cfg:14:12: error: architecture_presets.Dataflow: expected a dataflow \\(os, ws or is\\), found 'wss' \\(did you mean 'ws'\\?\\)"
  eval --arch ${_bi}/scalesim_unknown_dataflow.cfg --workload ${_conv})
bad_input_case("an unknown SCALE-Sim section with a hint" "scalesim_unknown_section.cfg:4:2: error: unknown section \\[architecture_preset\\].*did you mean 'architecture_presets'"
  eval --arch ${_bi}/scalesim_unknown_section.cfg --workload ${_conv})
