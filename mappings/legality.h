#pragma once
// Legality of a mapping on an accelerator for a problem: factors multiply to every dimension,
// spatial factors fit the mesh below each level, and each level's tiles fit its capacity in bits
// (depth x block_size x word_bits). Every violation names the level, the tensor or dimension, and
// the numbers.

#include "arch/spec.h"
#include "core/yaml_reader.h"
#include "mappings/mapping.h"
#include "workloads/problem.h"

namespace hwaware::mapping {

// Words of each tensor held by one instance of each level (outermost level first).
std::vector<std::vector<long long>> tile_sizes(const Mapping& m, const workload::Problem& problem);

// Bits one element of a tensor takes at a level: the tensor's bits (accelerator override, else the
// workload's; one word of the level when neither gives them), times the tensor's density where the
// level's format compresses it (its metadata is stored apart). The capacity check uses this
// expected size: a tile denser than average may not fit in hardware.
double element_storage_bits(const arch::Spec& spec, std::size_t level, const workload::DataSpace& ds);

// Reports violations to `where`'s sink (at the level's mapping entry when known).
void check_legality(const Mapping& m, const arch::Spec& spec, const workload::Problem& problem, const core::YamlView& where);

}  // namespace hwaware::mapping
