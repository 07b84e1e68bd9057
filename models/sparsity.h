#pragma once
// Bitwidth applied to the dense counts of the nest analysis: the bits each level moves per tensor
// and action and the vector accesses they take, the words its network carries, and the MACs the
// compute units perform (zeros are the sparse analysis's: models/sparse_analysis.h). Counts stay
// counts: everything here is a number of bits, words or operations, never energy.

#include <algorithm>
#include <cmath>

#include "arch/spec.h"
#include "models/exact_rounding.h"
#include "models/tile_accounting.h"
#include "workloads/problem.h"

namespace hwaware::model {

// Bits one level moves for one tensor, per instance.
struct TensorBits {
  bool bits_given = false;                               // the tensor's bits come from the workload or the accelerator
  int element_bits = 0;                                  // data bits of one element (one word of the level when not given)
  double bits_per_element = 0;                           // bits moved per element
  double read_bits = 0, fill_bits = 0, update_bits = 0;  // what the ports carry (with a sparse tensor's format words)
  // ceil(bits / (block_size x word_bits)): whole vector accesses of the level.
  double read_vectors = 0, fill_vectors = 0, update_vectors = 0;
};

// Words a level's network carries for one tensor, per instance of the level. A word is the
// level's word.
struct NetworkBits {
  double bits_per_element = 0;
  double transfer_words = 0;  // deliveries x bits_per_element / word_bits
  double hop_words = 0;       // word-hops likewise
};

// The MACs of a layer (all instances): performed at full energy, gated (issued, clock-gated: a
// cycle, no MAC energy unless the table prices gated_compute) or skipped (neither), as the
// sparse analysis splits them (models/sparse_analysis.h); all performed on a dense spec.
struct ComputeSplit {
  int weight_bits = 0, input_bits = 0;  // operand widths (the unit's operand_bits when not given)
  double performed = 0;
  double gated = 0;
  double skipped = 0;
};

// ceil(bits / entry_bits), exact when bits is a multiple of entry_bits.
inline double vector_accesses(double bits, double entry_bits) {
  if (bits <= 0 || entry_bits <= 0) return 0;
  double q = bits / entry_bits;
  double r = round_count(q);
  return std::abs(q - r) <= 1e-9 * std::max(1.0, q) ? r : ceil_count(q);
}

// Bits a level moves for one tensor's scalar (dense) reads, fills and updates at
// `bits_per_element` (data + metadata), and the whole vector accesses of `entry_bits` (block_size
// x word_bits) they take: the part of TensorBits that depends on the counts.
struct MovedBits {
  double read_bits = 0, fill_bits = 0, update_bits = 0;
  double read_vectors = 0, fill_vectors = 0, update_vectors = 0;
};

inline MovedBits moved_bits(double bits_per_element, double entry_bits, const TensorAccess& a) {
  // Bits moved = scalar accesses x bits per element (Sze et al., Efficient Processing of DNNs,
  // 2020, ch. 7: data movement scales linearly with bitwidth).
  MovedBits b;
  b.read_bits = a.reads * bits_per_element;
  b.fill_bits = a.fills * bits_per_element;
  b.update_bits = a.updates * bits_per_element;
  b.read_vectors = vector_accesses(b.read_bits, entry_bits);
  b.fill_vectors = vector_accesses(b.fill_bits, entry_bits);
  b.update_vectors = vector_accesses(b.update_bits, entry_bits);
  return b;
}

// How a level stores one tensor, independent of the mapping: TensorBits without the counts.
TensorBits tensor_format(const arch::Spec& spec, const arch::StorageLevel& lvl, const workload::DataSpace& ds);

// Bits moved by a level whose tensor format is `format` (entry_bits = block_size x word_bits),
// given its scalar (dense) reads, fills and updates.
TensorBits tensor_bits(const TensorBits& format, double entry_bits, const TensorAccess& access);
TensorBits tensor_bits(const arch::Spec& spec, const arch::StorageLevel& lvl, const workload::DataSpace& ds, const TensorAccess& access);

// Bits per element of tensor `ds` on the network below `lvl`.
double network_bits_per_element(const arch::Spec& spec, const arch::StorageLevel& lvl, const workload::DataSpace& ds);
// Words on the network below a level of `word_bits` bits for a tensor of `bits_per_element`.
NetworkBits network_bits(double bits_per_element, int word_bits, const NetworkAccess& traffic);
NetworkBits network_bits(const arch::Spec& spec, const arch::StorageLevel& lvl, const workload::DataSpace& ds,
                         const NetworkAccess& traffic);

// `computes` dense MACs, all performed, at the layer's operand widths.
ComputeSplit dense_computes(const arch::Spec& spec, const workload::Problem& problem, double computes);

}  // namespace hwaware::model
