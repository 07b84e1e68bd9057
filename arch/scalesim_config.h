#pragma once
// Reads SCALE-Sim v2 accelerator configurations (`.cfg`, INI as Python's configparser reads it:
// `[section]` headers, `key: value` or `key = value`, `#`/`;` comment lines, keys case-insensitive)
// into a Spec shaped like arch/presets/tpu_like_128x128.yaml: DRAM, then an ifmap, a filter and an
// ofmap SRAM (each keeping its tensor, double-buffered by the backends as SCALE-Sim does), the
// ArrayHeight x ArrayWidth systolic array below the ofmap SRAM, and one PE register for the tensor
// the dataflow keeps in place. Keys follow scalesim/scale_config.py (scale-sim-v2, commit 22f88b17).
//
// Defaults SCALE-Sim does not state: 1 GHz clock and 45 nm (hwaware's own defaults), LPDDR4 DRAM
// (as the TPU-like preset), one-word blocks (SCALE-Sim counts words), 8-bit words and MACs
// (SCALE-Sim's 1-byte word). `Bandwidth` (words/cycle) becomes the DRAM's read and write bandwidth in
// USER mode; SCALE-Sim gives each of its three operand buffers an interface of that bandwidth.
// In CALC mode SCALE-Sim sizes the bandwidth itself so that nothing stalls: the DRAM is unlimited.
// Offsets (trace addresses) and the topology path are read and ignored (the workload comes from
// --workload); sparsity, custom layouts, SRAM banking and Ramulator traces are not supported.

#include <string>

#include <yaml-cpp/yaml.h>

#include "arch/spec.h"

namespace hwaware::arch {

// Parses `text` (the contents of `path`); every error of the file is reported with
// path:line:column, all together, by throwing core::InputError.
Spec read_scalesim_config(const std::string& text, const std::string& path);

// Reads the file at `path` (throws core::InputError if it cannot be read or is not valid).
Spec load_scalesim_config(const std::string& path);

// The configuration `text` (which reads) as a tree whose values can be edited: a map of its
// sections to maps of their keys to the values as written; comments and layout are dropped.
YAML::Node scalesim_config_tree(const std::string& text, const std::string& path);
// The configuration text of such a tree, for read_scalesim_config.
std::string scalesim_config_text(const YAML::Node& tree);

}  // namespace hwaware::arch
