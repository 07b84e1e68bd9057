#pragma once
// Loads an accelerator file: a SCALE-Sim configuration when the name ends in `.cfg`
// (arch/scalesim_config.h), else YAML whose top-level key says the format: `accelerator:`
// (hwaware) or `architecture:` (Timeloop v0.2/v0.3/v0.4). A Timeloop document may hold its other
// sections too, as Timeloop's front end dumps them in one file: its constraint sections
// (`architecture_constraints`, `mapspace_constraints`, ...) constrain the mapper at the levels
// they name, `sparse_optimizations` gives the levels and the compute unit Sparseloop's formats and
// gating/skipping (arch/timeloop_sparse.h), and the others (problem, mapping, mapper, ...) are
// passed over by name.

#include <string>

#include "arch/spec.h"
#include "core/yaml_reader.h"

namespace hwaware::arch {

Spec load_arch(const std::string& path);
// Whether load_arch() reads `path` as a SCALE-Sim configuration (its name ends in .cfg, any case).
bool is_scalesim_config(const std::string& path);
// The same from a loaded YAML document (a sweep edits the document, then reads it).
Spec read_arch(const core::YamlFile& file);

}  // namespace hwaware::arch
