#include "models/sparse_vectors.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "models/exact_rounding.h"
#include "models/sparsity.h"

namespace hwaware::model {
namespace {

// Timeloop's VectorWidthCoefficientTable (src/model/buffer.hpp): for a compressed tile on blocks
// of this many words, at mean density in [0.1 k, 0.1 (k + 1)), below how many blocks per tile a
// partly filled block is worth modelling.
double vector_width_threshold(long long block, double density) {
  static const std::pair<long long, std::array<double, 10>> table[] = {{2, {251, 125, 84, 63, 51, 42, 36, 32, 28, 1}},
                                                                       {4, {375, 188, 125, 94, 75, 63, 54, 47, 42, 1}},
                                                                       {8, {438, 219, 146, 110, 88, 73, 63, 55, 49, 1}},
                                                                       {16, {469, 235, 157, 118, 94, 79, 67, 59, 52, 1}},
                                                                       {32, {485, 243, 162, 122, 97, 81, 70, 61, 52, 1}}};
  const auto idx = static_cast<std::size_t>(density >= 0.1 ? std::floor(density / 0.1) - 1 : 0);
  for (const auto& [b, row] : table)
    if (b == block) return row[std::min<std::size_t>(idx, 9)];
  return 0;
}

// The expected whole blocks a compressed tile's non-zeros fill, over the blocks its mean
// occupancy would fill (ComputeVectorAccesses in buffer.cpp); 1 where Timeloop counts naively.
double data_vector_ratio(const SparseTensorCounts& s, long long block, long long tile, const DensityModel& density) {
  const double d = density.density();
  if (!s.compressed || tile <= 0 || block <= 1 || d >= 1) return 1;
  if (!(vector_width_threshold(block, d) > static_cast<double>(tile / block))) return 1;
  double total = 0;
  const auto n = std::min(static_cast<std::uint64_t>(tile), density.tensor_coords());
  for (std::uint64_t k = 1; k <= n; ++k) {
    const double p = density.occupancy_probability(n, k);
    if (p != 0) total += std::ceil(static_cast<double>(k) / static_cast<double>(block)) * p;
  }
  return total / (static_cast<double>(tile) * d / static_cast<double>(block));
}

double format_bits(const std::vector<FormatUnits>& units, const std::vector<FormatUnits>& bits) {
  double b = 0;
  for (std::size_t r = 0; r < units.size(); ++r) b += units[r].metadata * bits[r].metadata + units[r].payload * bits[r].payload;
  return b;
}

double format_words(const std::vector<FormatUnits>& units) {
  double w = 0;
  for (const auto& u : units) w += u.metadata + u.payload;
  return w;
}

}  // namespace

void sparse_vectors(const arch::StorageLevel& lvl, int element_bits, long long tile, const DensityModel& density, SparseTensorCounts& s) {
  s.data_vector_ratio = data_vector_ratio(s, lvl.block_size, tile, density);
  const double entry_bits = static_cast<double>(lvl.block_size) * static_cast<double>(lvl.word_bits);
  const double eb = static_cast<double>(element_bits);
  auto data_vectors = [&](double x) { return vector_accesses(x * eb, entry_bits) * s.data_vector_ratio; };
  s.read_vectors = data_vectors(s.reads.actual);
  s.fill_vectors = data_vectors(s.fills.actual);
  s.update_vectors = data_vectors(s.updates.actual);
  const double md_width =
      static_cast<double>(lvl.sparse.metadata_block_size) * static_cast<double>(lvl.sparse.metadata_word_bits.value_or(lvl.word_bits));
  auto md_vectors = [&](const std::vector<FormatUnits>& u) {
    return md_width > 0 ? ceil_count(format_bits(u, s.rank_bits) / md_width) : 0.0;
  };
  using A = SparseAction;
  auto set = [&](A a, double count, double vectors) {
    s.counts[static_cast<std::size_t>(a)] = count;
    s.vectors[static_cast<std::size_t>(a)] = vectors;
  };
  set(A::gated_read, s.reads.gated, data_vectors(s.reads.gated));
  set(A::gated_fill, s.fills.gated, data_vectors(s.fills.gated));
  set(A::gated_update, s.updates.gated, data_vectors(s.updates.gated));
  set(A::skipped_read, s.reads.skipped, data_vectors(s.reads.skipped));
  set(A::skipped_fill, s.fills.skipped, data_vectors(s.fills.skipped));
  set(A::skipped_update, s.updates.skipped, data_vectors(s.updates.skipped));
  const FormatSplit* f[3] = {&s.format_reads, &s.format_fills, &s.format_updates};
  for (std::size_t k = 0; k < 3; ++k) {
    set(static_cast<A>(static_cast<std::size_t>(A::metadata_read) + k), format_words(f[k]->actual), md_vectors(f[k]->actual));
    set(static_cast<A>(static_cast<std::size_t>(A::gated_metadata_read) + k), format_words(f[k]->gated), md_vectors(f[k]->gated));
    set(static_cast<A>(static_cast<std::size_t>(A::skipped_metadata_read) + k), format_words(f[k]->skipped), md_vectors(f[k]->skipped));
  }
  set(A::decompression, s.decompressions, s.decompressions);
  set(A::compression, s.compressions, s.compressions);
  // Timeloop's ComputePerformance: format bits in whole data words, rounded up.
  const double word = static_cast<double>(lvl.word_bits);
  const double fr = format_bits(s.format_reads.actual, s.rank_bits) + format_bits(s.format_reads.gated, s.rank_bits);
  const double ff = format_bits(s.format_fills.actual, s.rank_bits) + format_bits(s.format_fills.gated, s.rank_bits);
  const double fu = format_bits(s.format_updates.actual, s.rank_bits) + format_bits(s.format_updates.gated, s.rank_bits);
  s.read_words = (s.reads.actual + s.reads.gated) * eb / word + ceil_count(fr / word);
  s.fill_words = (s.fills.actual + s.fills.gated) * eb / word + ff / word;
  s.update_words = (s.updates.actual + s.updates.gated) * eb / word + ceil_count((ff + fu) / word) - ff / word;
}

const char* sparse_action_name(SparseAction a) {
  switch (a) {
    case SparseAction::gated_read: return "gated_read";
    case SparseAction::gated_fill: return "gated_write";
    case SparseAction::gated_update: return "gated_update";
    case SparseAction::skipped_read: return "skipped_read";
    case SparseAction::skipped_fill: return "skipped_write";
    case SparseAction::skipped_update: return "skipped_update";
    case SparseAction::metadata_read: return "metadata_read";
    case SparseAction::metadata_fill: return "metadata_write";
    case SparseAction::metadata_update: return "metadata_update";
    case SparseAction::gated_metadata_read: return "gated_metadata_read";
    case SparseAction::gated_metadata_fill: return "gated_metadata_write";
    case SparseAction::gated_metadata_update: return "gated_metadata_update";
    case SparseAction::skipped_metadata_read: return "skipped_metadata_read";
    case SparseAction::skipped_metadata_fill: return "skipped_metadata_write";
    case SparseAction::skipped_metadata_update: return "skipped_metadata_update";
    case SparseAction::decompression: return "decompression_count";
    case SparseAction::compression: return "compression_count";
  }
  return "?";
}

}  // namespace hwaware::model
