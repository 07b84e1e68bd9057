#pragma once
// hwaware's own syntax for Sparseloop's sparse features (docs/formats.md, *Sparse formats, gating
// and skipping*): a storage level's `sparse: {formats, gating, skipping, spatial_skipping,
// metadata}` and the compute unit's `sparse: {gating, skipping}`, read into the same
// LevelSparsity / ComputeSparsity as Timeloop's `sparse_optimizations` (arch/timeloop_sparse.h).

#include "arch/spec.h"
#include "core/yaml_reader.h"

namespace hwaware::arch {

// A level's `sparse:` map onto `lvl.sparse`. Tensors are Weights, Inputs or Outputs, as
// everywhere in the native format.
void read_native_level_sparse(const core::YamlView& v, StorageLevel& lvl);

// The compute unit's `sparse: {gating: true, skipping: true}` onto `c.sparse`.
void read_native_compute_sparse(const core::YamlView& v, ComputeUnit& c);

}  // namespace hwaware::arch
