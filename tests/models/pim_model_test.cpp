// The PIM model's counts, checked by hand: 8-bit inputs through 1-bit DACs (8 slices), 8-bit
// weights on 2-bit cells (4 columns per filter), input bits 1 with the workload's density (0.5 by
// default). Per input vector and slice, every crossbar row a group uses whose bit is 1 is driven
// once per column block, every cell under such a row is read, and every used column converts once
// per row block (idle when none of the block's rows is on).

#include <catch2/catch.hpp>

#include <cmath>

#include "models/analytical_model.h"
#include "models/energy_estimators.h"
#include "models/pim_circuits.h"
#include "models/pim_model.h"
#include "models/small_layers.h"
#include "workloads/layer.h"

using namespace hwaware;

namespace {

arch::Spec pim_chip(long long n) {
  auto dram = test::level("DRAM");
  dram.technology = arch::Technology::dram;
  auto buffer = test::level("Buffer");
  buffer.keep = {"Inputs", "Outputs"};
  buffer.bypass = {"Weights"};
  arch::Spec s = test::spec_of({dram, buffer});
  s.technology_nm = 32;
  s.clock_hz = 1e9;
  arch::PimSpec p;
  p.rows = p.cols = n;
  p.tiles = 1000;
  p.crossbars_per_tile = 1000;
  s.pim = p;
  return s;
}

const model::PimLayerCounts& pim(const model::LayerCounts& c) { return *c.pim; }
double count(const model::LayerCounts& c, const char* component, const char* action) { return c.pim->count(component, action); }

workload::Problem with_density(workload::Problem pr, double d) {
  pr.data_spaces[static_cast<std::size_t>(pr.data_space_index("Inputs"))].bit_density = d;
  return pr;
}

}  // namespace

TEST_CASE("PIM 3x3 conv: rows driven, cells read and columns converted per slice, row block and column block", "[pim]") {
  const auto pr = test::square_conv(64, 64, 16, 3);               // 256 vectors; rows 576, cols 256
  auto small = model::evaluate_pim(pim_chip(128), pr, true, {});  // 5 row blocks x 2 column blocks
  CHECK(pim(small).rows_on == Approx(0.5 * 256 * 8 * 576 * 2));
  CHECK(pim(small).conversions == Approx(256.0 * 8 * 256 * 5));
  CHECK(count(small, "cells", "read") == Approx(0.5 * 256 * 8 * 576 * 256));
  CHECK(count(small, "partial_sums", "add") == 256.0 * 64 * 4);  // 4 extra row blocks per output
  CHECK(pim(small).pulses == 256.0 * 8 * 10);                    // 10 crossbars read per vector and slice
  CHECK(small.utilization == Approx(0.9));
  auto large = model::evaluate_pim(pim_chip(4096), pr, true, {});
  CHECK(pim(large).rows_on == Approx(0.5 * 256 * 8 * 576));
  CHECK(pim(large).conversions == Approx(256.0 * 8 * 256));
  CHECK(count(large, "partial_sums", "add") == 0);
}

TEST_CASE("PIM cells are read only under a 1 input bit, a column with no row on converts idle", "[pim]") {
  const auto pr = test::square_conv(64, 64, 16, 3);
  auto none = model::evaluate_pim(pim_chip(128), with_density(pr, 0), true, {});
  CHECK(count(none, "cells", "read") == 0);
  CHECK(count(none, "adc", "convert") == 0);
  CHECK(count(none, "adc", "idle") == Approx(256.0 * 8 * 256 * 5));
  auto sparse = model::evaluate_pim(pim_chip(128), with_density(pr, 0.2), true, {});
  auto dense = model::evaluate_pim(pim_chip(128), with_density(pr, 0.4), true, {});
  CHECK(count(dense, "cells", "read") == Approx(2 * count(sparse, "cells", "read")));
  // A block of 64 rows (the last of 576) has no row on with probability 0.8^64.
  CHECK(count(sparse, "adc", "idle") == Approx(256.0 * 8 * 256 * std::pow(0.8, 64)));
}

TEST_CASE("PIM 1x1 conv: C rows, M x 4 columns", "[pim]") {
  const auto pr = test::square_conv(256, 128, 14, 1);  // 196 vectors; rows 256, cols 512
  auto small = model::evaluate_pim(pim_chip(128), pr, true, {});
  CHECK(pim(small).rows_on == Approx(0.5 * 196 * 8 * 256 * 4));
  CHECK(pim(small).conversions == Approx(196.0 * 8 * 512 * 2));
  auto large = model::evaluate_pim(pim_chip(4096), pr, true, {});
  CHECK(pim(large).rows_on == Approx(0.5 * 196 * 8 * 256));
  CHECK(pim(large).conversions == Approx(196.0 * 8 * 512));
}

TEST_CASE("PIM depthwise conv: each group's 9 rows and 4 columns, the same at 128 and 4096", "[pim]") {
  const auto pr = test::square_conv(32, 32, 28, 3, 32);  // 784 vectors per group
  for (long long n : {128LL, 4096LL}) {
    auto c = model::evaluate_pim(pim_chip(n), pr, true, {});
    INFO("crossbar " << n);
    CHECK(pim(c).rows_on == Approx(0.5 * 784 * 8 * 32 * 9));
    CHECK(pim(c).conversions == Approx(784.0 * 8 * 32 * 4));
    CHECK(c.cycles > 0);
  }
}

TEST_CASE("PIM FC layer: one input vector of 1024 rows over 4000 columns", "[pim]") {
  const auto pr = workload::fc_problem("fc", 1, 1024, 1000, 8, 8, 8);
  auto small = model::evaluate_pim(pim_chip(128), pr, true, {});  // 8 row blocks x 32 column blocks
  CHECK(pim(small).rows_on == Approx(0.5 * 8 * 1024 * 32));
  CHECK(pim(small).conversions == Approx(8.0 * 4000 * 8));
  auto large = model::evaluate_pim(pim_chip(4096), pr, true, {});
  CHECK(pim(large).rows_on == Approx(0.5 * 8 * 1024));
  CHECK(pim(large).conversions == Approx(8.0 * 4000));
}

TEST_CASE("PIM latency follows the circuits: a larger crossbar senses more slowly per read pulse", "[pim]") {
  const auto pr = workload::fc_problem("fc", 1, 1024, 1000, 8, 8, 8);  // one copy, one vector
  const auto small = model::evaluate_pim(pim_chip(128), pr, true, {});
  const auto large = model::evaluate_pim(pim_chip(1024), pr, true, {});
  CHECK(pim(large).cycle_ns > pim(small).cycle_ns);
  CHECK(pim(small).compute_ns == Approx(8 * pim(small).pulse_ns));  // 8 input slices of one vector
  CHECK(large.cycles > small.cycles);
}

TEST_CASE("PIM weights that do not stay on chip are programmed every inference, at a cost", "[pim]") {
  const auto spec = pim_chip(128);
  const auto pr = test::square_conv(64, 64, 16, 3);
  auto resident = model::evaluate_pim(spec, pr, true, {});
  auto rewritten = model::evaluate_pim(spec, pr, false, {});
  CHECK(pim(resident).weight_writes == 0);
  CHECK(pim(rewritten).weight_writes == 576.0 * 256);
  CHECK(rewritten.cycles > resident.cycles);
  const auto table = model::build_energy_table(spec);
  CHECK(model::price_total(spec, rewritten, table) > model::price_total(spec, resident, table));
}

TEST_CASE("PIM energy: every counted action is priced by the energy table at its circuit's price", "[pim]") {
  const auto spec = pim_chip(128);
  const auto table = model::build_energy_table(spec);
  const auto circuits = model::build_pim_circuits(spec);
  const auto counts = model::evaluate_pim(spec, test::square_conv(64, 64, 16, 3), true, {});
  const auto e = model::price_layer(spec, counts, table);
  double adc = 0, pim_total = 0;
  for (const auto& r : e.rows) {
    if (r.component == "adc" && r.action == "convert") adc += r.energy_pj;
    if (r.pim_category) pim_total += r.energy_pj;
  }
  CHECK(adc == Approx(count(counts, "adc", "convert") * circuits.price("adc", "convert")->energy_pj));
  CHECK(adc > 0);
  double expected = 0;
  for (const auto& a : pim(counts).actions) expected += a.count * circuits.price(a.component, a.action)->energy_pj;
  CHECK(pim_total == Approx(expected));
}
