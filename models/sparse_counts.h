#pragma once
// What zeros do to one tensor's accesses at one level, as Sparseloop counts them (Timeloop's
// sparse extension: Wu et al., MICRO 2022): the dense ("algorithmic") reads, fills and updates
// split into actual, gated and skipped ones (the rest never happen: they touch no stored value),
// the format (metadata and payload) accesses per fibertree rank, and the (de)compressions at a
// boundary between a compressed and an uncompressed level. Counts only: the energy table prices
// them (see sparse_action_name()). Per instance of the level, as TensorAccess.

#include <array>
#include <cstddef>
#include <vector>

namespace hwaware::model {

// Accesses that happen at full energy, at a gated energy (the cycle stays), or not at all.
struct ActionSplit {
  double actual = 0, gated = 0, skipped = 0;
};

// Metadata and payload units of one fibertree rank.
struct FormatUnits {
  double metadata = 0, payload = 0;
};

// Format accesses of one action, per rank (index 0: the innermost rank).
struct FormatSplit {
  std::vector<FormatUnits> actual, gated, skipped;
};

// The actions a sparse tensor adds to a level's read, fill and update, in the order the pricing
// walk visits them. Accelergy's names (sparse_action_name) price them; an action the table does
// not give costs 0, as in Timeloop.
enum class SparseAction : unsigned char {
  gated_read,
  gated_fill,
  gated_update,
  skipped_read,
  skipped_fill,
  skipped_update,
  metadata_read,
  metadata_fill,
  metadata_update,
  gated_metadata_read,
  gated_metadata_fill,
  gated_metadata_update,
  skipped_metadata_read,
  skipped_metadata_fill,
  skipped_metadata_update,
  decompression,
  compression,
};
constexpr std::size_t kSparseActions = 17;

// The energy-table action that prices it: "gated_read", "gated_write" (a gated fill),
// "metadata_read", "metadata_write", "decompression_count", ...
const char* sparse_action_name(SparseAction a);

struct SparseTensorCounts {
  bool formatted = false;   // the level gives the tensor a representation format
  bool compressed = false;  // ... one that stores no zeros
  ActionSplit reads, fills, updates;
  FormatSplit format_reads, format_fills, format_updates;
  std::vector<FormatUnits> format_per_tile;  // units one tile's format holds, per rank
  std::vector<FormatUnits> rank_bits;        // bits of one metadata and one payload word, per rank
  double temporal_reductions = 0;
  double decompressions = 0, compressions = 0;
  // Per instance: scalar counts of each SparseAction (format actions in metadata words), and the
  // vector accesses the table prices (data: whole blocks; format: whole metadata blocks).
  std::array<double, kSparseActions> counts{}, vectors{};
  double data_vector_ratio = 1;  // partly filled blocks of a compressed tile (Timeloop's VectorWidthCoefficientTable)
  // Words the level's ports carry (per instance): actual and gated data (gated accesses hold the
  // port), and format bits in data words; skipped accesses take no bandwidth.
  // The write port's format words, rounded up as one sum, are split between fills and updates
  // by their bits, the rounding going to the updates.
  double read_words = 0, fill_words = 0, update_words = 0;
  double read_vectors = 0, fill_vectors = 0, update_vectors = 0;  // of the actual data
};

// The computes of a layer under Sparseloop's compute analysis (all instances).
struct SparseComputeCounts {
  double algorithmic = 0;  // dense
  double actual = 0, gated = 0, skipped = 0;
};

}  // namespace hwaware::model
