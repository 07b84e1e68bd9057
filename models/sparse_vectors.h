#pragma once
// A sparse tensor's counts at a level turned into what the energy table prices and what the ports
// carry (Timeloop's BufferLevel::ComputeVectorAccesses and ComputePerformance, src/model/buffer.cpp):
// data accesses in whole blocks (times the expected share of partly filled blocks of a compressed
// tile), format accesses in whole metadata blocks, (de)compressions one by one, and the words on
// the read and write ports (actual and gated data, format bits rounded up to data words).

#include "arch/spec.h"
#include "models/density_model.h"
#include "models/sparse_counts.h"

namespace hwaware::model {

// Fills `s`'s counts, vectors, data_vector_ratio, read/fill/update vectors and port words for a
// level storing the tensor's elements at `element_bits`, its tile `tile` coordinates.
void sparse_vectors(const arch::StorageLevel& lvl, int element_bits, long long tile, const DensityModel& density, SparseTensorCounts& s);

}  // namespace hwaware::model
