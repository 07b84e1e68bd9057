#pragma once
// Reads Timeloop architecture files: v0.4 (`architecture: {version: 0.4, nodes: [...]}` with
// !Container / !Component / !Parallel) and v0.2/v0.3 (`architecture: {subtree/local}`).
// A v0.4 container with a spatial mesh becomes a spatial-only level named
// `inter_<container>_spatial`, as Timeloop's own front end does; in a subtree (the front end's
// dump), its `dummy_storage` components are those levels. Attributes: timeloop_attributes.h;
// constraints written with the nodes: timeloop_constraints.h; a node's sparse_optimizations:
// timeloop_sparse.h.

#include "arch/spec.h"
#include "core/yaml_reader.h"

namespace hwaware::arch {

// `architecture` is the view of the top-level "architecture" key.
Spec read_timeloop_arch(const core::YamlView& architecture);

}  // namespace hwaware::arch
