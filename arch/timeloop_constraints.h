#pragma once
// Timeloop's mapper constraints, in both of the forms Timeloop reads: written with a v0.4 node
// (`constraints: {dataspace, temporal, spatial}`), and as a top-level list of targets
// (`architecture_constraints`, `mapspace_constraints`, `mapspace` or the v0.4 `constraints`, each
// `{targets: [{target, type: temporal | spatial | dataspace | bypass | datatype, factors,
// permutation, split, keep, bypass}]}` or the list itself: the v0.3 form, which Timeloop's v0.4
// front end also dumps). Both become the levels' LevelConstraints, keep and bypass, which the
// mapper resolves per layer (mappings/rules.h).

#include "arch/spec.h"
#include "core/yaml_reader.h"

namespace hwaware::arch {

// One loop constraint: `factors` ("C=1 M8", "K=16,M=1" as the front end joins them, or a list; a
// factor of 0, Timeloop's "the rest of the dimension", leaves the factor free),
// `permutation` (innermost first: one-letter dimensions, or a list), `split` (spatial: the first
// `split` dimensions of the permutation go on X).
LoopConstraint read_loop_constraint(const core::YamlView& v);

// The `constraints` of a v0.4 component onto its level; of a container (`container`: only
// `spatial`, which shapes the fan-out the container creates) onto its inter_<name>_spatial level.
void read_node_constraints(const core::YamlView& constraints, StorageLevel& lvl, bool container);

// The top-level constraint sections of a Timeloop document onto the levels they target. Reports
// an unknown level or type, and a level constrained twice the same way.
void read_constraint_sections(core::MapReader& top, Spec& spec);

}  // namespace hwaware::arch
