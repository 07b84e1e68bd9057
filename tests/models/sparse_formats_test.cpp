// Sparseloop's representation formats (models/sparse_formats.h) and compression on tensors small
// enough to count by hand: metadata and payload units per rank, format accesses, metadata vectors,
// the accesses compression removes and the (de)compressions between levels. Every expected
// number is derived beside it from tests/reference/sparseloop/SEMANTICS.md §3-§5 and Timeloop's
// format models (src/workload/format-models/), never read off the model's output.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "models/sparse_layers.h"

using namespace hwaware;
using namespace hwaware::test;
using namespace hwaware::test::sparse_layers;

namespace {

// conv1d(1, 8, 3) on one level (Buffer -> MAC, loops P3 outside R8) with the Weights (8
// coordinates, density 5/16) in `ranks`: one tile, the whole tensor; 24 dense reads. Metadata
// words of 4 bits, 2 per metadata access.
struct OneTile {
  arch::Spec spec;
  model::LayerCounts counts;
  const model::SparseTensorCounts& weights() const { return counts.levels[0].sparse.at(W); }
};

OneTile one_tile(const std::vector<RankFormat>& ranks) {
  auto pr = conv1d(1, 8, 3);
  pr.data_spaces[W].density = 0.3125;
  auto buffer = level("Buffer");
  buffer.sparse.formats.push_back(format_of("Weights", ranks));
  buffer.sparse.metadata_word_bits = 4;
  buffer.sparse.metadata_block_size = 2;
  mapping::Mapping m{{lm({{P, 3}, {R, 8}})}};
  OneTile t{spec_of({buffer}), {}};
  t.counts = model::evaluate_counts(t.spec, m, pr);
  REQUIRE(t.counts.sparse_failure.empty());
  REQUIRE(t.counts.levels[0].tensors[W].reads == 24);
  REQUIRE(t.counts.levels[0].tensors[W].tile_size == 8);
  return t;
}

}  // namespace

TEST_CASE("formats: metadata and payload units per tile and per rank, and format reads = ceil(units x reads / tile)", "[sparse]") {
  // One rank over R8: fiber f = 8, F = 1 fiber. d = 5/16: a tile of 8 holds 8 x 5/16 = 2.5
  // non-zeros (>= 1, so P(empty fiber) = 0); a scalar is empty with P = 11/16 (§2).
  // Format reads: the ratio reads / tile = 24 / 8 = 3 (§3).
  // Compressed formats (CP, RLE, B) store no zeros: data reads 24 - floor(24 x 11/16 = 16.5) = 8.
  SECTION("U: no metadata, no payload; not compressed") {
    const auto tile = one_tile({RankFormat::uncompressed});
    const auto& s = tile.weights();
    REQUIRE(s.format_per_tile.size() == 1);
    CHECK(s.format_per_tile[0].metadata == 0);
    CHECK(s.format_per_tile[0].payload == 0);
    CHECK(s.format_reads.actual[0].metadata == 0);
    CHECK(s.format_reads.actual[0].payload == 0);
    CHECK_FALSE(s.compressed);
    CHECK(s.reads.actual == 24);
  }
  SECTION("UOP: payload F x (f + 1) = 9 offsets; not compressed") {
    const auto tile = one_tile({RankFormat::uop});
    const auto& s = tile.weights();
    REQUIRE(s.format_per_tile.size() == 1);
    CHECK(s.format_per_tile[0].metadata == 0);
    CHECK(s.format_per_tile[0].payload == 9);
    CHECK(s.format_reads.actual[0].payload == 27);  // ceil(9 x 3)
    CHECK_FALSE(s.compressed);
    CHECK(s.reads.actual == 24);
  }
  SECTION("CP: one coordinate per non-zero, ceil per fiber; rank-0 payload 0") {
    // Timeloop's CoordinatePayload: ceil(f x (1 - P(empty scalar))) x F x (1 - P(empty fiber))
    // = ceil(2.5) x 1 = 3. (SEMANTICS §3's table writes n d for rank 0, which is this only when
    // n d is whole.)
    const auto tile = one_tile({RankFormat::cp});
    const auto& s = tile.weights();
    REQUIRE(s.format_per_tile.size() == 1);
    CHECK(s.format_per_tile[0].metadata == 3);
    CHECK(s.format_per_tile[0].payload == 0);
    CHECK(s.format_reads.actual[0].metadata == 9);  // ceil(3 x 3)
    CHECK(s.format_reads.actual[0].payload == 0);
    CHECK(s.compressed);
    CHECK(s.reads.actual == 8);
  }
  SECTION("RLE: rank-0 metadata n d without ceil; payload 0") {
    const auto tile = one_tile({RankFormat::rle});
    const auto& s = tile.weights();
    REQUIRE(s.format_per_tile.size() == 1);
    CHECK(s.format_per_tile[0].metadata == 2.5);    // 8 x 5/16
    CHECK(s.format_reads.actual[0].metadata == 8);  // ceil(2.5 x 3) = ceil(7.5)
    CHECK(s.format_reads.actual[0].payload == 0);
    CHECK(s.compressed);
    CHECK(s.reads.actual == 8);
  }
  SECTION("B: one bit per coordinate, F x f = 8 whatever the density") {
    const auto tile = one_tile({RankFormat::bitmask});
    const auto& s = tile.weights();
    REQUIRE(s.format_per_tile.size() == 1);
    CHECK(s.format_per_tile[0].metadata == 8);
    CHECK(s.format_per_tile[0].payload == 0);
    CHECK(s.format_reads.actual[0].metadata == 24);  // 8 x 3
    CHECK(s.compressed);
    CHECK(s.reads.actual == 8);
  }
}

TEST_CASE("formats: a two-rank tensor counts the upper ranks' coordinates as fibers of the lower rank", "[sparse]") {
  // conv1d(2, 4, 3) on one level, loops P3 K2 R4: the Weights tile is K2 x R4 = 8 (the whole
  // tensor), read 24 times (ratio 3). Ranks outermost first: rank 1 over K2, rank 0 over R4.
  // d = 5/16: a fiber of R4 holds 4 x 5/16 = 1.25 non-zeros, so P(empty fiber) = 0.
  auto pr = conv1d(2, 4, 3);
  pr.data_spaces[W].density = 0.3125;
  mapping::Mapping m{{lm({{P, 3}, {K, 2}, {R, 4}})}};
  auto with = [&](std::vector<RankFormat> ranks) {
    auto buffer = level("Buffer");
    buffer.sparse.formats.push_back(format_of("Weights", ranks));
    buffer.sparse.metadata_word_bits = 4;
    buffer.sparse.metadata_block_size = 2;
    auto spec = spec_of({buffer});
    auto c = model::evaluate_counts(spec, m, pr);
    REQUIRE(c.sparse_failure.empty());
    REQUIRE(c.levels[0].tensors[W].reads == 24);
    return std::make_pair(spec, c);
  };

  SECTION("UOP over K, CP over R; metadata priced per 2 words of 4 bits") {
    const auto [spec, c] = with({RankFormat::uop, RankFormat::cp});
    const auto& s = c.levels[0].sparse[W];
    REQUIRE(s.format_per_tile.size() == 2);
    // Rank 1 UOP: F = 1, f = 2: payload 1 x 3 = 3. Rank 0 CP: F = 2 fibers (every coordinate of
    // the uncompressed rank above), ceil(4 x 5/16 = 1.25) = 2 coordinates each: metadata 4.
    CHECK(s.format_per_tile[1].metadata == 0);
    CHECK(s.format_per_tile[1].payload == 3);
    CHECK(s.format_per_tile[0].metadata == 4);
    CHECK(s.format_per_tile[0].payload == 0);
    // Format reads x 3: rank 1 (0, 9), rank 0 (12, 0).
    CHECK(s.format_reads.actual[1].payload == 9);
    CHECK(s.format_reads.actual[0].metadata == 12);
    // Priced: 9 + 12 = 21 metadata words x 4 bits = 84 bits; vectors ceil(84 / (2 x 4)) =
    // ceil(10.5) = 11, at metadata_read 0.5 pJ = 5.5 pJ. Data reads 24 - floor(16.5) = 8 x 1 pJ.
    model::EnergyTable t;
    model::ComponentEnergy e;
    e.read_pj = 1;
    e.action_pj["metadata_read"] = 0.5;
    t.set("Buffer", e);
    const auto energy = model::price_layer(spec, c, t);
    const auto* md = row(energy, "Buffer", "Weights", "metadata_read");
    REQUIRE(md);
    CHECK(md->count == 21);
    CHECK(md->energy_pj == Approx(5.5));
    CHECK(energy_of(energy, "Buffer", "Weights", "read") == Approx(8));
  }
  SECTION("UOP over K, UOP over R: the lower rank has F x (f + 1) = 2 x 5 = 10 offsets") {
    const auto [spec, c] = with({RankFormat::uop, RankFormat::uop});
    const auto& s = c.levels[0].sparse[W];
    REQUIRE(s.format_per_tile.size() == 2);
    CHECK(s.format_per_tile[1].payload == 3);
    CHECK(s.format_per_tile[0].payload == 10);
    CHECK(s.format_reads.actual[0].payload == 30);
    CHECK_FALSE(s.compressed);
  }
}

TEST_CASE("formats: single-rank metadata vectors are ceil(bits / (metadata block x metadata word bits))", "[sparse]") {
  // CP on the one tile of one_tile(): 9 metadata reads x 4 bits = 36 bits / (2 x 4) = 4.5 -> 5
  // vectors, 5 x 0.5 = 2.5 pJ. RLE: 8 x 4 = 32 bits / 8 = 4 vectors, 2 pJ.
  model::EnergyTable t;
  model::ComponentEnergy e;
  e.read_pj = 1;
  e.action_pj["metadata_read"] = 0.5;
  t.set("Buffer", e);
  const auto cp = one_tile({RankFormat::cp});
  CHECK(cp.weights().vectors[static_cast<std::size_t>(model::SparseAction::metadata_read)] == 5);
  CHECK(energy_of(model::price_layer(cp.spec, cp.counts, t), "Buffer", "Weights", "metadata_read") == Approx(2.5));
  const auto rle = one_tile({RankFormat::rle});
  CHECK(rle.weights().vectors[static_cast<std::size_t>(model::SparseAction::metadata_read)] == 4);
  CHECK(energy_of(model::price_layer(rle.spec, rle.counts, t), "Buffer", "Weights", "metadata_read") == Approx(2));
}

TEST_CASE("compression removes the zeros' accesses, an uncompressed level under a compressed one decompresses its fills", "[sparse]") {
  // conv1d(1, 5, 4) on DRAM -> Main -> Buffer -> MAC: DRAM P2, Main P2, Buffer R5. Weights (5
  // coordinates, d 0.5) are RLE at DRAM and Main, uncompressed at Buffer. Dense counts: Weights
  // never change with P, so every level holds all 5 once: Buffer fills 5, reads 20; Main fills 5,
  // reads 5; DRAM reads 5.
  auto pr = conv1d(1, 5, 4);
  pr.data_spaces[W].density = 0.5;
  auto dram = level("DRAM"), main = level("Main"), buffer = level("Buffer");
  dram.sparse.formats.push_back(format_of("Weights", {RankFormat::rle}));
  main.sparse.formats.push_back(format_of("Weights", {RankFormat::rle}));
  auto spec = spec_of({dram, main, buffer});
  mapping::Mapping m{{lm({{P, 2}}), lm({{P, 2}}), lm({{R, 5}})}};
  const auto c = model::evaluate_counts(spec, m, pr);
  REQUIRE(c.sparse_failure.empty());
  REQUIRE(c.levels[1].tensors[W].reads == 5);
  REQUIRE(c.levels[1].tensors[W].fills == 5);
  REQUIRE(c.levels[2].tensors[W].fills == 5);

  // Main (§4(a)): reads 5 - floor(5 x 0.5) = 5 - 2 = 3, fills likewise 3; the 2 removed are
  // neither gated nor skipped.
  const auto& mw = c.levels[1].sparse[W];
  CHECK(mw.reads.actual == 3);
  CHECK(mw.fills.actual == 3);
  CHECK(mw.reads.gated + mw.reads.skipped + mw.fills.gated + mw.fills.skipped == 0);
  // RLE format of the tile (fiber 5, 2.5 non-zeros): reads and fills ceil(2.5 x 5 / 5) = 3.
  CHECK(mw.format_per_tile.at(0).metadata == 2.5);
  CHECK(mw.format_reads.actual.at(0).metadata == 3);
  CHECK(mw.format_fills.actual.at(0).metadata == 3);
  // DRAM: reads 5 -> 3. Compressed under compressed: no (de)compression at DRAM or Main.
  CHECK(c.levels[0].sparse[W].reads.actual == 3);
  CHECK(c.levels[0].sparse[W].decompressions == 0);
  CHECK(mw.decompressions == 0);
  // Buffer stores them uncompressed: all 5 fills and 20 reads happen (the zeros too), and the
  // 5 actual fills are decompressed on the way in (§4(f)).
  const auto& bw = c.levels[2].sparse[W];
  CHECK(bw.fills.actual == 5);
  CHECK(bw.reads.actual == 20);
  CHECK(bw.decompressions == 5);
  CHECK(bw.compressions == 0);  // Weights are read-only

  // Priced per count at decompression_count (§4(f)): 5 x 0.25 = 1.25 pJ; Main's actual reads
  // 3 x 1 pJ.
  model::EnergyTable t;
  model::ComponentEnergy b;
  b.action_pj["decompression_count"] = 0.25;
  t.set("Buffer", b);
  model::ComponentEnergy mn;
  mn.read_pj = 1;
  t.set("Main", mn);
  const auto e = model::price_layer(spec, c, t);
  const auto* d = row(e, "Buffer", "Weights", "decompression_count");
  REQUIRE(d);
  CHECK(d->count == 5);
  CHECK(d->energy_pj == Approx(1.25));
  CHECK(energy_of(e, "Main", "Weights", "read") == Approx(3));
}

TEST_CASE("formats: one rank flattened over every dimension ('flattened: all') holds a tile of two loops, without it the mapping fails",
          "[sparse]") {
  // conv1d(2, 4, 3) on one level, Buffer loops K2 outside R4 (P3 outermost, not indexing Weights):
  // the Weights tile has two non-trivial loops. One RLE rank per loop would need two ranks, so a
  // single rank without flattening cannot hold it; 'flattened: all' makes the two loops one rank
  // of fiber K2 x R4 = 8 coordinates, holding 8 x 0.25 = 2 runs per tile.
  auto pr = conv1d(2, 4, 3);
  pr.data_spaces[W].density = 0.25;
  mapping::Mapping m{{lm({{P, 3}, {K, 2}, {R, 4}})}};
  auto with_rank = [&](bool flatten_all) {
    auto buffer = level("Buffer");
    auto f = format_of("Weights", {RankFormat::rle});
    f.ranks[0].flatten_all = flatten_all;
    buffer.sparse.formats.push_back(f);
    return model::evaluate_counts(spec_of({buffer}), m, pr);
  };
  const auto plain = with_rank(false);
  CHECK_THAT(plain.sparse_failure, Catch::Contains("fewer ranks than the tile has loops"));
  const auto flat = with_rank(true);
  REQUIRE(flat.sparse_failure.empty());
  const auto& s = flat.levels[0].sparse.at(W);
  REQUIRE(s.format_per_tile.size() == 1);
  CHECK(s.format_per_tile[0].metadata == Approx(2));
}
