// Sparseloop's sparse analysis (models/sparse_analysis.h) on layers small enough to count by hand.
// Every expected number is derived in the comment beside it from the rules of
// tests/reference/sparseloop/SEMANTICS.md (§2 density, §3 formats, §4 actual/gated/skipped, §5
// energy, §6 cycles), never read off the model's output.
//
// The layer most tests use: conv1d(K 1, R 3, P 5) on Main -> Buffer -> MAC, Main iterating P5,
// Buffer R3 (all tensors kept at both levels). Its dense (Timeloop) counts, by the counting rules
// of counting_rules_test.cpp:
//   Buffer Weights: tile 3, fills 3 (P does not index Weights), reads 15 (one per MAC);
//   Buffer Inputs:  tile 3, fills 3 + 4 = 7 (the window slides by one per P step), reads 15;
//   Buffer Outputs: tile 1, updates 15, reads 15 - 5 = 10 (the first update of each of the 5
//                   outputs writes without reading), fills 0;
//   Main: Weights reads 3, Inputs reads 7, Outputs updates 5; 15 computes, 15 compute cycles.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "models/analytical_model.h"
#include "models/small_layers.h"

using namespace hwaware;
using arch::RankFormat;
using arch::SafKind;
using namespace hwaware::test;

namespace {

constexpr std::size_t kMain = 0, kBuffer = 1;

arch::ActionOptimization saf(SafKind kind, std::vector<std::pair<std::string, std::vector<std::string>>> options) {
  arch::ActionOptimization a;
  a.kind = kind;
  for (auto& [target, on] : options) {
    arch::SafOption o;
    o.target = target;
    o.condition_on = on;
    a.options.push_back(o);
  }
  return a;
}

// A tensor's format, ranks outermost first.
arch::TensorFormat format_of(const std::string& tensor, const std::vector<RankFormat>& ranks) {
  arch::TensorFormat f;
  f.tensor = tensor;
  for (RankFormat r : ranks) {
    arch::RankSpec s;
    s.format = r;
    f.ranks.push_back(s);
  }
  return f;
}

// The small layer of the file comment: conv1d(1, 3, 5), Main P5, Buffer R3.
struct SmallLayer {
  workload::Problem pr = conv1d(1, 3, 5);
  arch::Spec spec = spec_of({level("Main"), level("Buffer")});
  mapping::Mapping m{{lm({{P, 5}}), lm({{R, 3}})}};

  arch::StorageLevel& buffer() { return spec.levels[kBuffer]; }
  model::LayerCounts counts() const { return model::evaluate_counts(spec, m, pr); }
};

const model::SparseTensorCounts& sparse(const model::LayerCounts& c, std::size_t level, std::size_t tensor) {
  REQUIRE(c.levels.at(level).sparse.size() == c.tensor_names.size());
  return c.levels[level].sparse[tensor];
}

// The energy row of one action (nullptr: not priced).
const model::BreakdownRow* row(const model::LayerEnergy& e, const std::string& component, const std::string& tensor,
                               const std::string& action) {
  for (const auto& r : e.rows)
    if (r.component == component && r.tensor == tensor && r.action == action) return &r;
  return nullptr;
}

double energy_of(const model::LayerEnergy& e, const std::string& component, const std::string& tensor, const std::string& action) {
  const auto* r = row(e, component, tensor, action);
  return r ? r->energy_pj : 0.0;
}

// Buffer: read 1 pJ, write (fill and update) 2 pJ; MAC 0.5 pJ; Main free.
model::EnergyTable small_table() {
  model::EnergyTable t;
  model::ComponentEnergy buffer;
  buffer.read_pj = 1;
  buffer.write_pj = 2;
  t.set("Buffer", buffer);
  model::ComponentEnergy mac;
  mac.compute_pj = 0.5;
  t.set("mac", mac);
  return t;
}

void add_buffer_action(model::EnergyTable& t, const std::string& action, double pj) {
  model::ComponentEnergy e = *t.find("Buffer");
  e.action_pj[action] = pj;
  t.set("Buffer", e);
}

}  // namespace

TEST_CASE("gating: a gated read still takes its port and costs gated_read; the MACs it spares do not exist", "[sparse]") {
  SmallLayer s;
  s.pr.data_spaces[I].density = 0.25;  // fixed_structured (the default)
  s.buffer().read_bandwidth = 1;
  s.buffer().sparse.actions.push_back(saf(SafKind::gating, {{"Weights", {"Inputs"}}}));
  const auto c = s.counts();
  REQUIRE(c.sparse_failure.empty());

  // The Weights at Buffer feed the MAC through temporal loops (R3, then Main's P5): the
  // conditioned-on Inputs tile is one scalar, P(empty) = 1 - 0.25 = 0.75 = p (§4(b)).
  // Reads 15: gated floor(15 x 0.75) = floor(11.25) = 11, actual 15 - 11 = 4 (§4(c)).
  const auto& w = sparse(c, kBuffer, W);
  CHECK(w.reads.gated == 11);
  CHECK(w.reads.actual == 4);
  CHECK(w.reads.skipped == 0);
  // Fills are not touched at the level of the SAF: 3 actual; Main's 3 reads are above it.
  CHECK(w.fills.actual == 3);
  CHECK(w.fills.gated == 0);
  CHECK(sparse(c, kMain, W).reads.actual == 3);
  // The other tensors have no SAF and no format: dense.
  CHECK(sparse(c, kBuffer, I).reads.actual == 15);
  CHECK(sparse(c, kBuffer, O).reads.actual == 10);
  CHECK(sparse(c, kBuffer, O).updates.actual == 15);

  // Buffer is the Weights' innermost level: computes 15 - floor(15 x 0.75) = 4 remain, the 11
  // removed are nonexistent, not gated (§4(e)); the Inputs' states are divided by 1 - 0.75, so
  // ENZ = 0.25 / 0.25 = 1 and the 4 are actual.
  CHECK(c.computes == 15);
  CHECK(c.compute.performed == 4);
  CHECK(c.compute.gated == 0);
  CHECK(c.compute.skipped == 0);

  // Gated reads hold the read port (§6): Weights 4 + 11 = 15 words, Inputs 15, Outputs 10 = 40
  // words at 1 word/cycle over 4 compute cycles: ceil(4 / (1 / (40 / 4))) = 40 cycles, the dense
  // count (dense: 40 words over 15 compute cycles, also 40).
  CHECK(w.read_words == 15);
  CHECK(c.compute_cycles == 4);
  CHECK(c.cycles == 40);
  SmallLayer dense;
  dense.buffer().read_bandwidth = 1;
  CHECK(dense.counts().cycles == 40);

  // Energy (§5): Buffer Weights 4 actual reads x 1 + 3 fills x 2 = 10, gated 11 x 0.1 = 1.1;
  // Inputs 15 x 1 + 7 x 2 = 29; Outputs 10 x 1 + 15 updates x 2 = 40; MAC 4 x 0.5 = 2; Main free.
  // Total 10 + 1.1 + 29 + 40 + 2 = 82.1; without a gated_read action the gated reads cost 0: 81.
  auto table = small_table();
  const auto free_gating = model::price_layer(s.spec, c, table);
  CHECK(energy_of(free_gating, "Buffer", "Weights", "gated_read") == 0);
  CHECK(free_gating.total_pj == Approx(81));
  add_buffer_action(table, "gated_read", 0.1);
  const auto e = model::price_layer(s.spec, c, table);
  const auto* gated = row(e, "Buffer", "Weights", "gated_read");
  REQUIRE(gated);
  CHECK(gated->count == 11);
  CHECK(gated->energy_pj == Approx(1.1));
  CHECK(energy_of(e, "Buffer", "Weights", "read") == Approx(4));
  CHECK(energy_of(e, "Buffer", "Weights", "fill") == Approx(6));
  CHECK(energy_of(e, "mac", "-", "compute") == Approx(2));
  CHECK(e.total_pj == Approx(82.1));
}

TEST_CASE("skipping: a skipped read takes no bandwidth and costs skipped_read; read-write targets round reads up", "[sparse]") {
  SmallLayer s;
  s.pr.data_spaces[I].density = 0.25;
  s.pr.data_spaces[W].density = 0.25;
  s.buffer().read_bandwidth = 1;
  s.buffer().sparse.actions.push_back(saf(SafKind::skipping, {{"Weights", {"Inputs"}}, {"Outputs", {"Weights"}}}));
  const auto c = s.counts();
  REQUIRE(c.sparse_failure.empty());

  // Weights on Inputs: scalar Inputs tile, p = 1 - 0.25 = 0.75; reads 15: skipped
  // floor(11.25) = 11, actual 4; fills 3 untouched.
  const auto& w = sparse(c, kBuffer, W);
  CHECK(w.reads.skipped == 11);
  CHECK(w.reads.actual == 4);
  CHECK(w.reads.gated == 0);
  CHECK(w.fills.actual == 3);
  // Outputs on Weights: the Outputs at Buffer feed the MAC through temporal loops, scalar Weights
  // tile, p = 1 - 0.25 = 0.75. Read-write (§4(c)): reads 10 -> skipped ceil(7.5) = 8, actual 2;
  // updates 15 -> skipped floor(11.25) = 11, actual 4; temporal reductions (dense = the reads,
  // 10) ceil(10 x 4 / 15) = ceil(2.67) = 3.
  const auto& o = sparse(c, kBuffer, O);
  CHECK(o.reads.skipped == 8);
  CHECK(o.reads.actual == 2);
  CHECK(o.updates.skipped == 11);
  CHECK(o.updates.actual == 4);
  CHECK(o.temporal_reductions == 3);
  // Main is above both SAFs: its 5 output updates stay.
  CHECK(sparse(c, kMain, O).updates.actual == 5);

  // Computes: the Weights SAF is their innermost: 15 - floor(11.25) = 4, all actual.
  CHECK(c.compute.performed == 4);
  CHECK(c.compute.skipped == 0);

  // Skipped reads take no bandwidth (§6): Weights 4 + Inputs 15 + Outputs 2 = 21 words at 1
  // word/cycle over 4 compute cycles: 21 cycles, below the dense 40.
  CHECK(w.read_words == 4);
  CHECK(o.read_words == 2);
  CHECK(c.cycles == 21);
  // The same SAFs as gating keep the skipped words on the port: 15 + 15 + (2 + 8) = 40 cycles.
  SmallLayer g = s;
  g.buffer().sparse.actions[0].kind = SafKind::gating;
  CHECK(g.counts().cycles == 40);

  // Energy: skipped reads cost skipped_read, 0 when the table has none. Actual: Weights 4 x 1 +
  // 3 x 2 = 10; Inputs 15 + 14 = 29; Outputs 2 x 1 + 4 x 2 = 10; MAC 4 x 0.5 = 2: total 51.
  auto table = small_table();
  const auto free_skips = model::price_layer(s.spec, c, table);
  CHECK(energy_of(free_skips, "Buffer", "Weights", "skipped_read") == 0);
  CHECK(free_skips.total_pj == Approx(51));
  // skipped_read 0.1 pJ: Weights 11 x 0.1 = 1.1, Outputs 8 x 0.1 = 0.8; skipped updates still free.
  add_buffer_action(table, "skipped_read", 0.1);
  const auto e = model::price_layer(s.spec, c, table);
  const auto* ws = row(e, "Buffer", "Weights", "skipped_read");
  REQUIRE(ws);
  CHECK(ws->count == 11);
  CHECK(ws->energy_pj == Approx(1.1));
  CHECK(energy_of(e, "Buffer", "Outputs", "skipped_read") == Approx(0.8));
  CHECK(energy_of(e, "Buffer", "Outputs", "skipped_update") == 0);
  CHECK(e.total_pj == Approx(52.9));
}

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

TEST_CASE("compression removes the zeros' accesses; an uncompressed level under a compressed one decompresses its fills", "[sparse]") {
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

TEST_CASE("dense stays dense: action optimizations on tensors of density 1 change no count, cycle or energy", "[sparse]") {
  // conv1d(2, 3, 5), Main K2 P5, Buffer R3 with 2-word blocks and limited bandwidth, so that
  // vector rounding and throttling enter. At density 1 every p is 0: floor(0) = ceil(0) = 0.
  auto pr = conv1d(2, 3, 5);
  auto buffer = level("Buffer", 1, 2);
  buffer.read_bandwidth = 1.5;
  buffer.write_bandwidth = 1;
  auto plain = spec_of({level("Main", 1, 4), buffer});
  auto optimized = plain;
  optimized.levels[kBuffer].sparse.actions = {saf(SafKind::gating, {{"Weights", {"Inputs"}}}),
                                              saf(SafKind::skipping, {{"Outputs", {"Weights", "Inputs"}}})};
  optimized.levels[kMain].sparse.actions = {saf(SafKind::skipping, {{"Inputs", {"Weights"}}})};
  optimized.compute.sparse.gate_on_zero_operand = true;
  optimized.compute.sparse.skip_on_not_aligned_operands = true;
  REQUIRE(optimized.sparse_optimized());
  REQUIRE_FALSE(plain.sparse_optimized());
  mapping::Mapping m{{lm({{K, 2}, {P, 5}}), lm({{R, 3}})}};

  const auto d = model::evaluate_counts(plain, m, pr);
  const auto s = model::evaluate_counts(optimized, m, pr);
  for (const auto& l : d.levels) CHECK(l.sparse.empty());  // no sparse features: no sparse counts
  REQUIRE(s.levels.size() == d.levels.size());
  for (std::size_t l = 0; l < d.levels.size(); ++l) {
    for (std::size_t t = 0; t < pr.data_spaces.size(); ++t) {
      const auto& a = d.levels[l].tensors[t];
      CHECK(s.levels[l].tensors[t].reads == a.reads);
      CHECK(s.levels[l].tensors[t].fills == a.fills);
      CHECK(s.levels[l].tensors[t].updates == a.updates);
      const auto& sp = s.levels[l].sparse.at(t);
      CHECK(sp.reads.actual == a.reads);
      CHECK(sp.fills.actual == a.fills);
      CHECK(sp.updates.actual == a.updates);
      CHECK(sp.reads.gated + sp.reads.skipped + sp.updates.gated + sp.updates.skipped == 0);
      CHECK(s.levels[l].bits[t].read_vectors == d.levels[l].bits[t].read_vectors);
      CHECK(s.levels[l].bits[t].fill_vectors == d.levels[l].bits[t].fill_vectors);
      CHECK(s.levels[l].bits[t].update_vectors == d.levels[l].bits[t].update_vectors);
    }
    CHECK(s.levels[l].cycles == d.levels[l].cycles);
  }
  CHECK(s.compute.performed == d.compute.performed);
  CHECK(s.compute.gated == 0);
  CHECK(s.compute.skipped == 0);
  CHECK(s.compute_cycles == d.compute_cycles);
  CHECK(s.cycles == d.cycles);

  model::EnergyTable t;
  model::ComponentEnergy mn, bf, mac;
  mn.read_pj = 10;
  mn.write_pj = 12;
  mn.leak_pj_per_cycle = 0.01;
  bf.read_pj = 1;
  bf.write_pj = 1.5;
  bf.update_pj = 1.25;
  bf.leak_pj_per_cycle = 0.002;
  bf.action_pj = {{"gated_read", 0.1}, {"skipped_read", 0.05}, {"skipped_update", 0.05}, {"metadata_read", 0.3}};
  mac.compute_pj = 0.3;
  mac.action_pj = {{"gated_compute", 0.05}, {"skipped_compute", 0.01}};
  t.set("Main", mn);
  t.set("Buffer", bf);
  t.set("mac", mac);
  CHECK(model::price_layer(optimized, s, t).total_pj == model::price_layer(plain, d, t).total_pj);
  CHECK(model::price_total(optimized, s, t) == model::price_total(plain, d, t));
}

TEST_CASE("compute gating: a MAC with an existing zero operand is gated, priced at gated_compute", "[sparse]") {
  // No storage SAF, no format: both operands are uncompressed, so their zeros exist (state EZ):
  // Weights ENZ 0.5, EZ 0.5; Inputs ENZ 0.25, EZ 0.75 (§4(e)). P(some operand zero) =
  // 1 - 0.5 x 0.25 = 0.875: gated floor(15 x 0.875) = floor(13.125) = 13, actual 15 - 13 = 2.
  SmallLayer s;
  s.pr.data_spaces[W].density = 0.5;
  s.pr.data_spaces[I].density = 0.25;
  s.spec.compute.sparse.gate_on_zero_operand = true;
  const auto c = s.counts();
  CHECK(c.compute.gated == 13);
  CHECK(c.compute.performed == 2);
  CHECK(c.compute.skipped == 0);
  // Gated MACs keep their cycle: 2 + 13 = 15 compute cycles.
  CHECK(c.compute_cycles == 15);
  // Storage is not touched by a compute optimization: 15 weight reads, all actual.
  CHECK(sparse(c, kBuffer, W).reads.actual == 15);

  // MAC 2 x 0.5 = 1 pJ; gated 13 x 0.05 = 0.65 pJ with gated_compute, 0 without.
  auto table = small_table();
  const auto free_gating = model::price_layer(s.spec, c, table);
  CHECK(energy_of(free_gating, "mac", "-", "compute") == Approx(1));
  CHECK(energy_of(free_gating, "mac", "-", "gated") == 0);
  model::ComponentEnergy mac = *table.find("mac");
  mac.action_pj["gated_compute"] = 0.05;
  table.set("mac", mac);
  const auto e = model::price_layer(s.spec, c, table);
  const auto* g = row(e, "mac", "-", "gated");
  REQUIRE(g);
  CHECK(g->count == 13);
  CHECK(g->energy_pj == Approx(0.65));
  CHECK(e.total_pj == Approx(free_gating.total_pj + 0.65));
}

TEST_CASE("compute skipping: a MAC whose compressed operand is not stored is skipped, one with an existing zero gated", "[sparse]") {
  // Weights (d 0.5) RLE at Main and at Buffer, their innermost level: their zeros are not stored
  // (state NE): Weights ENZ 0.5, EZ 0, NE 0.5. Inputs (d 0.25) uncompressed: ENZ 0.25, EZ 0.75,
  // NE 0 (§4(e)). Of the 15 MACs:
  //   one operand missing (NE x exists): 0.5 x (0.25 + 0.75) = 0.5;
  //   an existing zero, none missing: EZ_W ENZ_I + ENZ_W EZ_I + EZ_W EZ_I = 0 + 0.5 x 0.75 + 0 = 0.375;
  //   both missing: 0.
  SmallLayer s;
  s.pr.data_spaces[W].density = 0.5;
  s.pr.data_spaces[I].density = 0.25;
  s.spec.levels[kMain].sparse.formats.push_back(format_of("Weights", {RankFormat::rle}));
  s.buffer().sparse.formats.push_back(format_of("Weights", {RankFormat::rle}));

  SECTION("skip only: the missing ones are skipped, the zero ones stay actual") {
    // skipped floor(15 x 0.5) = floor(7.5) = 7; actual 15 - 7 = 8; cycles 8.
    s.spec.compute.sparse.skip_on_not_aligned_operands = true;
    const auto c = s.counts();
    REQUIRE(c.sparse_failure.empty());
    CHECK(c.compute.skipped == 7);
    CHECK(c.compute.gated == 0);
    CHECK(c.compute.performed == 8);
    CHECK(c.compute_cycles == 8);
  }
  SECTION("skip and gate: missing skipped, existing zeros gated") {
    // skipped 7; gated floor(15 x 0.375) = floor(5.625) = 5; actual 15 - 7 - 5 = 3; cycles 3 + 5 = 8.
    s.spec.compute.sparse.skip_on_not_aligned_operands = true;
    s.spec.compute.sparse.gate_on_zero_operand = true;
    const auto c = s.counts();
    REQUIRE(c.sparse_failure.empty());
    CHECK(c.compute.skipped == 7);
    CHECK(c.compute.gated == 5);
    CHECK(c.compute.performed == 3);
    CHECK(c.compute_cycles == 8);
  }
  SECTION("gate only: a missing operand is gated too") {
    // gated floor(15 x (0.375 + 0.5)) = floor(13.125) = 13; actual 2; cycles 15.
    s.spec.compute.sparse.gate_on_zero_operand = true;
    const auto c = s.counts();
    REQUIRE(c.sparse_failure.empty());
    CHECK(c.compute.skipped == 0);
    CHECK(c.compute.gated == 13);
    CHECK(c.compute.performed == 2);
    CHECK(c.compute_cycles == 15);
  }
}
