// How a network's layers share a PIM chip (mappings/crossbar_allocation.h): copies of a layer come
// out of crossbars no layer holds (free), or over other layers' weights at the price of
// reprogramming them (reprogram); never for nothing.

#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "mappings/crossbar_allocation.h"
#include "models/small_layers.h"
#include "workloads/layer.h"

using namespace hwaware;

namespace {

arch::PimSpec chip(long long crossbars, arch::Duplication d) {
  arch::PimSpec p;
  p.rows = p.cols = 128;
  p.cell.bits = 2;
  p.weight_bits = 8;
  p.tiles = crossbars;
  p.crossbars_per_tile = 1;
  p.duplicate = d;
  return p;
}

// A network of a 3x3 conv (10 crossbars, 256 vectors), a depthwise conv (3 crossbars, 784 vectors),
// a 1x1 conv (8 crossbars, 196 vectors) and an FC layer (256 crossbars, 1 vector).
std::vector<mapping::CrossbarPlacement> network(const arch::PimSpec& pim) {
  std::vector<mapping::CrossbarPlacement> out;
  for (const auto& pr : {test::square_conv(64, 64, 16, 3), test::square_conv(32, 32, 28, 3, 32), test::square_conv(256, 128, 14, 1),
                         workload::fc_problem("fc", 1, 1024, 1000, 8, 8, 8)})
    out.push_back(mapping::place_on_crossbars(pim, pr));
  return out;
}

mapping::CrossbarPlacement layer(long long crossbars, long long vectors) {
  mapping::CrossbarPlacement x;
  x.crossbars = crossbars;
  x.vectors = vectors;
  x.cells_used = crossbars * 128 * 128;
  return x;
}

// The rule as stated, one copy at a time: the next copy to the layer with the most vectors per
// copy (ties: the earlier) whose one copy fits the free crossbars left.
std::vector<long long> one_at_a_time(const std::vector<mapping::CrossbarPlacement>& layers, long long free) {
  std::vector<long long> copies(layers.size(), 1);
  for (;;) {
    long long best = -1;
    for (std::size_t i = 0; i < layers.size(); ++i) {
      if (layers[i].crossbars > free || copies[i] >= layers[i].vectors) continue;
      if (best < 0 ||
          layers[i].vectors * copies[static_cast<std::size_t>(best)] > layers[static_cast<std::size_t>(best)].vectors * copies[i])
        best = static_cast<long long>(i);
    }
    if (best < 0) return copies;
    ++copies[static_cast<std::size_t>(best)];
    free -= layers[static_cast<std::size_t>(best)].crossbars;
  }
}

}  // namespace

TEST_CASE("duplication never overwrites resident weights for free", "[pim][duplication]") {
  for (long long size : {277LL, 300LL, 400LL, 1000LL, 5000LL}) {
    const auto pim = chip(size, arch::Duplication::free);
    const auto layers = network(pim);
    REQUIRE(mapping::weights_fit(pim, layers));
    const auto a = mapping::allocate_copies(pim, layers, true);
    long long used = 0;
    INFO("chip of " << size << " crossbars");
    for (std::size_t i = 0; i < layers.size(); ++i) {
      used += a.layers[i].copies * layers[i].crossbars;
      CHECK(a.layers[i].copies >= 1);
      CHECK(a.layers[i].copies <= layers[i].vectors);
      CHECK(a.layers[i].copies_written == 0);
      CHECK(a.layers[i].reprogrammed_cells == 0);
    }
    CHECK(used <= size);  // every copy in a crossbar of its own: one copy of every layer plus the copies
    CHECK(a.free_crossbars == size - 277);
  }
}

TEST_CASE("with reprogram, copies over resident weights show up as writes of both", "[pim][duplication]") {
  const auto pim = chip(300, arch::Duplication::reprogram);
  const auto layers = network(pim);
  const auto free = mapping::allocate_copies(chip(300, arch::Duplication::free), layers, true);
  const auto a = mapping::allocate_copies(pim, layers, true);
  // The depthwise layer (3 crossbars, 784 vectors) takes the whole chip while it runs: 100 copies.
  CHECK(a.layers[1].copies == 100);
  CHECK(a.layers[1].copies_written == 100 - free.layers[1].copies);
  CHECK(a.layers[1].reprogrammed_cells > 0);
  // The FC layer has one input vector: one copy, nothing written.
  CHECK(a.layers[3].copies == 1);
  CHECK(a.layers[3].copies_written == 0);
  CHECK(a.layers[3].reprogrammed_cells == 0);
  for (std::size_t i = 0; i < layers.size(); ++i) CHECK(a.layers[i].copies >= free.layers[i].copies);
}

TEST_CASE("a small-filter layer gets copies only from free crossbars", "[pim][duplication]") {
  // A big layer holds 90 crossbars, a small one 1 crossbar with 1000 input vectors: of a chip of 100,
  // 9 are free, so the small layer has 1 + 9 copies, not 100.
  const std::vector<mapping::CrossbarPlacement> layers = {layer(90, 1), layer(1, 1000)};
  const auto free = mapping::allocate_copies(chip(100, arch::Duplication::free), layers, true);
  CHECK(free.free_crossbars == 9);
  CHECK(free.layers[0].copies == 1);
  CHECK(free.layers[1].copies == 10);
  const auto none = mapping::allocate_copies(chip(100, arch::Duplication::none), layers, true);
  CHECK(none.layers[1].copies == 1);
  const auto reprogram = mapping::allocate_copies(chip(100, arch::Duplication::reprogram), layers, true);
  CHECK(reprogram.layers[1].copies == 100);
  CHECK(reprogram.layers[1].copies_written == 90);
  CHECK(reprogram.layers[1].reprogrammed_cells == 90LL * 128 * 128);  // the big layer's 90 crossbars, restored
}

TEST_CASE("free crossbars go to the layer with the most input vectors per copy, ties to the earlier", "[pim][duplication]") {
  const std::vector<mapping::CrossbarPlacement> layers = {layer(1, 100), layer(1, 50)};
  const auto a = mapping::allocate_copies(chip(5, arch::Duplication::free), layers, true);  // 3 free
  CHECK(a.layers[0].copies == 3);  // 100 -> copy; 50 vs 50 -> the earlier; then 33 vs 50 -> the second
  CHECK(a.layers[1].copies == 2);
}

TEST_CASE("copies given in runs are the copies the one-at-a-time rule gives", "[pim][duplication]") {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<long long> crossbars(1, 20), vectors(1, 3000), free(0, 400);
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<mapping::CrossbarPlacement> layers;
    long long used = 0;
    for (int i = 0; i < 1 + trial % 6; ++i) {
      layers.push_back(layer(crossbars(rng), vectors(rng)));
      used += layers.back().crossbars;
    }
    const long long spare = free(rng);
    const auto a = mapping::allocate_copies(chip(used + spare, arch::Duplication::free), layers, true);
    const auto expected = one_at_a_time(layers, spare);
    INFO("trial " << trial);
    for (std::size_t i = 0; i < layers.size(); ++i) CHECK(a.layers[i].copies == expected[i]);
  }
}

TEST_CASE("when the weights do not stay, a layer's copies fill the whole chip while it runs", "[pim][duplication]") {
  const std::vector<mapping::CrossbarPlacement> layers = {layer(60, 1000), layer(30, 2), layer(0, 0)};
  for (auto d : {arch::Duplication::free, arch::Duplication::reprogram}) {
    const auto a = mapping::allocate_copies(chip(80, d), layers, false);
    CHECK(a.layers[0].copies == 1);  // 80 / 60
    CHECK(a.layers[1].copies == 2);  // 80 / 30, and only 2 vectors
    CHECK(a.layers[2].copies == 0);  // no weights, no crossbar
    CHECK(a.layers[0].reprogrammed_cells == 0);
    CHECK(a.free_crossbars == 0);
  }
  CHECK(mapping::allocate_copies(chip(80, arch::Duplication::none), layers, false).layers[1].copies == 1);
  CHECK_FALSE(mapping::weights_fit(chip(80, arch::Duplication::none), layers));
}

TEST_CASE("the copies key names residency, copies and reprogramming", "[pim][duplication]") {
  CHECK(mapping::copies_key(true, mapping::LayerCopies{3, 1, 20}) == "|resident|copies=3|written=1|reprogrammed=20");
  CHECK(mapping::copies_key(false, mapping::LayerCopies{}) == "|programmed|copies=1|written=0|reprogrammed=0");
}
