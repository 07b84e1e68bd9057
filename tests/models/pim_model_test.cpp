// The PIM model's counts, checked by hand: 8-bit inputs through 1-bit DACs (8 slices), 8-bit
// weights on 2-bit cells (4 columns per filter). Per input vector and slice, every crossbar row
// a group uses is driven once per column block, and every used column converts once per row block.

#include <catch2/catch.hpp>

#include "models/analytical_model.h"
#include "models/energy_estimators.h"
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

}  // namespace

TEST_CASE("PIM 3x3 conv: DAC activations and ADC conversions per slice, row block and column block", "[pim]") {
  const auto pr = test::square_conv(64, 64, 16, 3);               // 256 vectors; rows 576, cols 256
  auto small = model::evaluate_pim(pim_chip(128), pr, true, {});  // 5 row blocks x 2 column blocks
  CHECK(pim(small).dac_activations == 256.0 * 8 * 576 * 2);
  CHECK(pim(small).adc_conversions == 256.0 * 8 * 256 * 5);
  CHECK(pim(small).cell_reads == 256.0 * 8 * 576 * 256);
  CHECK(pim(small).partial_sums == 256.0 * 64 * 4);  // 4 extra row blocks per output
  CHECK(small.utilization == Approx(0.9));
  auto large = model::evaluate_pim(pim_chip(4096), pr, true, {});
  CHECK(pim(large).dac_activations == 256.0 * 8 * 576);
  CHECK(pim(large).adc_conversions == 256.0 * 8 * 256);
  CHECK(pim(large).partial_sums == 0);
}

TEST_CASE("PIM 1x1 conv: C rows, M x 4 columns", "[pim]") {
  const auto pr = test::square_conv(256, 128, 14, 1);  // 196 vectors; rows 256, cols 512
  auto small = model::evaluate_pim(pim_chip(128), pr, true, {});
  CHECK(pim(small).dac_activations == 196.0 * 8 * 256 * 4);
  CHECK(pim(small).adc_conversions == 196.0 * 8 * 512 * 2);
  auto large = model::evaluate_pim(pim_chip(4096), pr, true, {});
  CHECK(pim(large).dac_activations == 196.0 * 8 * 256);
  CHECK(pim(large).adc_conversions == 196.0 * 8 * 512);
}

TEST_CASE("PIM depthwise conv: each group's 9 rows and 4 columns, the same at 128 and 4096", "[pim]") {
  const auto pr = test::square_conv(32, 32, 28, 3, 32);  // 784 vectors per group
  for (long long n : {128LL, 4096LL}) {
    auto c = model::evaluate_pim(pim_chip(n), pr, true, {});
    INFO("crossbar " << n);
    CHECK(pim(c).dac_activations == 784.0 * 8 * 32 * 9);
    CHECK(pim(c).adc_conversions == 784.0 * 8 * 32 * 4);
    CHECK(c.cycles > 0);
  }
}

TEST_CASE("PIM FC layer: one input vector of 1024 rows over 4000 columns", "[pim]") {
  const auto pr = workload::fc_problem("fc", 1, 1024, 1000, 8, 8, 8);
  auto small = model::evaluate_pim(pim_chip(128), pr, true, {});  // 8 row blocks x 32 column blocks
  CHECK(pim(small).dac_activations == 8.0 * 1024 * 32);
  CHECK(pim(small).adc_conversions == 8.0 * 4000 * 8);
  auto large = model::evaluate_pim(pim_chip(4096), pr, true, {});
  CHECK(pim(large).dac_activations == 8.0 * 1024);
  CHECK(pim(large).adc_conversions == 8.0 * 4000);
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

TEST_CASE("PIM energy: the ADC, DAC, cells and shift-and-add are priced per action", "[pim]") {
  const auto spec = pim_chip(128);
  const auto table = model::build_energy_table(spec);
  const auto counts = model::evaluate_pim(spec, test::square_conv(64, 64, 16, 3), true, {});
  const auto e = model::price_layer(spec, counts, table);
  double adc = 0;
  for (const auto& r : e.rows)
    if (r.component == "adc") adc += r.energy_pj;
  CHECK(adc == Approx(pim(counts).adc_conversions * table.find("adc")->read_pj));
  CHECK(adc > 0);
}
