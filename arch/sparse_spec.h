#pragma once
// What a storage level and the compute unit do with zeros, as Sparseloop describes it (Timeloop's
// sparse extension: Wu et al., "Sparseloop", MICRO 2022; its `sparse_optimizations` input):
// per level, the representation format of each tensor it keeps (one format per fibertree rank)
// and the action optimizations (gating or skipping one tensor's accesses when another's tile is
// empty); at the compute unit, gating or skipping of MACs with zero or missing operands. Plain
// data: the readers fill it, validation checks it, models/sparse_analysis.h counts with it.

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace hwaware::arch {

// One rank's format (Sparseloop's names): U uncompressed (no metadata); UOP uncompressed offset
// pairs (payload: offsets delimiting each fiber); CP coordinate payload (metadata: a coordinate
// per non-empty element); RLE run length (metadata: a run per non-empty element); B bitmask
// (metadata: one bit per coordinate).
enum class RankFormat { uncompressed, uop, cp, rle, bitmask };

std::string to_string(RankFormat f);  // "U", "UOP", "CP", "RLE", "B"
// The format a Sparseloop name means ("U", "UOP", "CP", "RLE", "B", any case); empty if none.
std::optional<RankFormat> rank_format_named(const std::string& name);
const std::vector<std::string>& rank_format_names();

struct RankSpec {
  RankFormat format = RankFormat::uncompressed;
  // Dimensions this rank flattens (Sparseloop's flattened_rankIDs): consecutive loops over these
  // dimensions share one rank. Empty: one loop per rank.
  std::vector<std::string> flattened;
  bool flatten_all = false;                                  // hwaware's `flattened: all`: every dimension (one rank over the whole tile)
  std::optional<int> metadata_word_bits, payload_word_bits;  // empty: the level's metadata word
  core::SourceLoc loc;
};

// How a level stores one tensor: its ranks, outermost first. A tensor with at least one rank that
// has metadata is compressed: its zeros are neither stored nor moved.
struct TensorFormat {
  std::string tensor;
  std::vector<RankSpec> ranks;
  core::SourceLoc loc;

  bool compressed() const;  // some rank carries metadata (not U, not UOP alone)
};

// gating: the access is issued at lower energy (Accelergy's gated_* actions), its cycle stays;
// skipping: the access and its cycle disappear; spatial_skipping: skipping of the spatial
// instances below the level.
enum class SafKind { gating, skipping, spatial_skipping };
std::string to_string(SafKind k);  // "gating", "skipping", "spatial_skipping"
std::optional<SafKind> saf_kind_named(const std::string& name);
const std::vector<std::string>& saf_kind_names();

// Gate or skip the accesses of `target` when the tile of any `condition_on` tensor it meets is
// empty (the access is ineffectual: its partner is zero).
struct SafOption {
  std::string target;
  std::vector<std::string> condition_on;
  core::SourceLoc loc;
};

// One action optimization of a level: its kind and the alternatives (Sparseloop keeps, per
// target, the option that saves the most).
struct ActionOptimization {
  SafKind kind = SafKind::gating;
  std::vector<SafOption> options;
  core::SourceLoc loc;
};

// A storage level's sparse features.
struct LevelSparsity {
  std::vector<TensorFormat> formats;
  std::vector<ActionOptimization> actions;
  // Metadata storage: bits of one metadata word (Timeloop's metadata_datawidth) and words per
  // metadata access (metadata_storage_width / metadata_datawidth). Empty word bits: the level's
  // word bits.
  std::optional<int> metadata_word_bits;
  long long metadata_block_size = 1;
  core::SourceLoc loc;

  bool empty() const { return formats.empty() && actions.empty(); }
  const TensorFormat* format_of(const std::string& tensor) const;  // nullptr: uncompressed
};

// The compute unit's zero handling, Sparseloop's compute_optimization: gate a MAC with a zero
// operand (gate_on_zero_operand), skip one whose operands are not both present in compressed
// storage (skip_on_not_aligned_operands).
struct ComputeSparsity {
  bool gate_on_zero_operand = false;
  bool skip_on_not_aligned_operands = false;
  core::SourceLoc loc;

  bool empty() const { return !gate_on_zero_operand && !skip_on_not_aligned_operands; }
};

}  // namespace hwaware::arch
