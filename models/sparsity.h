#pragma once
// Bitwidth and sparsity applied to the dense counts of the nest analysis: the bits each level
// moves per tensor and action (data plus compression metadata) and the vector accesses they take,
// the words its network carries, and which MACs a zero-operand policy performs, gates or skips.
// Counts stay counts: everything here is a number of bits, words or operations, never energy.

#include <algorithm>
#include <cmath>

#include "arch/spec.h"
#include "models/exact_rounding.h"
#include "models/tile_accounting.h"
#include "workloads/problem.h"

namespace hwaware::model {

// Bits one level moves for one tensor, per instance.
struct TensorBits {
  bool bits_given = false;  // the tensor's bits come from the workload or the accelerator
  int element_bits = 0;     // data bits of one element (one word of the level when not given)
  arch::Compression format = arch::Compression::none;
  double density = 1;
  double bits_per_element = 0;                           // average bits moved per dense element, data + metadata
  double metadata_per_element = 0;                       // of which metadata
  double read_bits = 0, fill_bits = 0, update_bits = 0;  // data + metadata
  double metadata_bits = 0;                              // over the three actions
  // ceil(bits / (block_size x word_bits)): whole vector accesses of the level.
  double read_vectors = 0, fill_vectors = 0, update_vectors = 0;
};

// Words a level's network carries for one tensor, per instance of the level. A word is the
// level's word; the data travel in the format the level stores them in (dense when it bypasses).
struct NetworkBits {
  double bits_per_element = 0;
  double transfer_words = 0;  // deliveries x bits_per_element / word_bits
  double hop_words = 0;       // word-hops likewise
};

// The MACs of a layer under the compute unit's zero-operand policy (all instances). A MAC has a
// zero operand with probability 1 - (product of the densities of the operands tested), taking
// the zeros of weights and inputs as independent and uniformly spread (Sparseloop's uniform
// density model: Wu et al., MICRO 2022). Gated MACs keep their cycle and cost no MAC energy
// (Eyeriss gates the MAC on a zero input: Chen et al., JSSC 2017); skipped MACs take neither
// cycles nor energy (ideal load balance across PEs is assumed).
struct ComputeSplit {
  int weight_bits = 0, input_bits = 0;  // operand widths (the unit's operand_bits when not given)
  double effective_fraction = 1;        // MACs whose tested operands are all non-zero
  double performed = 0;                 // executed at full energy
  double gated = 0;                     // issued, clock-gated: a cycle, no MAC energy
  double skipped = 0;                   // not issued: no cycle, no energy
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
  // 2020, ch. 7: data movement scales linearly with bitwidth; compression per arch::stored_bits).
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

// Bits per element of tensor `ds` on the network below `lvl`; `kept` says whether the level keeps it.
double network_bits_per_element(const arch::Spec& spec, const arch::StorageLevel& lvl, const workload::DataSpace& ds, bool kept);
// Words on the network below a level of `word_bits` bits for a tensor of `bits_per_element`.
NetworkBits network_bits(double bits_per_element, int word_bits, const NetworkAccess& traffic);
NetworkBits network_bits(const arch::Spec& spec, const arch::StorageLevel& lvl, const workload::DataSpace& ds, bool kept,
                         const NetworkAccess& traffic);

// Splits `computes` dense MACs by the compute unit's zero-operand policy.
ComputeSplit split_computes(const arch::Spec& spec, const workload::Problem& problem, double computes);
// The same with the mapping-independent part prepared: `policy` is split_computes(spec, problem, 0).
ComputeSplit split_computes(const ComputeSplit& policy, arch::ZeroOperands mode, double computes);

}  // namespace hwaware::model
