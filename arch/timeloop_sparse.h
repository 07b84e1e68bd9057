#pragma once
// Sparseloop's `sparse_optimizations` as Timeloop reads it (NVlabs/timeloop,
// src/model/sparse-optimization-parser.cpp, read at 31814dc and at the later version with spatial
// skipping; its v0.4 front end's schema, Accelergy-Project/timeloopfe v4/sparse_optimizations.py
// at 031c7b8): per storage level, the representation format of each tensor (ranks outermost
// first) and the action optimizations (gating, skipping, spatial skipping); at the arithmetic unit,
// the compute optimizations. Spellings Timeloop takes: hyphenated keys and values of its
// hyphens-to-underscores list (src/compound-config/hyphens-to-underscores.hpp: `action-optimization`,
// `representation-format`, `data-spaces`, `flattened-rankIDs`, `condition-on`, ...); an action
// optimization written as one `target` with its `condition_on` instead of `options`; the parser's
// `skipping_spatial` beside the front end's `spatial_skipping`; compute types `gating` /
// `gate_on_zero_operand` and `skipping` / `skip_on_not_aligned_operands`; the front end's `target`
// for a target's `name`. The features land in StorageLevel::sparse and ComputeUnit::sparse; the
// checks that need only the accelerator are arch/sparse_checks.h.

#include "arch/spec.h"
#include "core/yaml_reader.h"

namespace hwaware::arch {

// The top-level section: `{version, targets: [{name, representation_format, action_optimization,
// compute_optimization}]}`, onto the levels and the compute unit the targets name. A target naming
// neither, a compute optimization at a storage level, formats or action optimizations at the
// compute unit, and a level named by two targets are errors at their line.
void read_sparse_optimizations(const core::YamlView& section, Spec& spec);

// A v0.4 component's own `sparse_optimizations` (the same keys without `name`), onto the component
// called `name`, read just before.
void read_node_sparse_optimizations(const core::YamlView& group, const std::string& name, Spec& spec);

}  // namespace hwaware::arch
