// NeuroSim's chip composed from this library's circuits against DNN+NeuroSim V1.3's VGG-8 run
// (tests/reference/neurosim/, read at test time): same method, same parameters, no tuning.
// `circuits_neurosim_vgg8` prints the ratios.

#include <catch2/catch.hpp>

#include <map>

#include "circuits/neurosim_chip.h"
#include "neurosim_vgg8.h"

using namespace hwaware::circuits;

namespace {
const std::string kDir = std::string(HWAWARE_TEST_DATA) + "/reference/neurosim";

const NeuroSimChip& vgg8_chip() {
  static const NeuroSimChip chip = *build_neurosim_chip(testing::vgg8_chip_layers(kDir), neurosim_default_config(), ChipOptions{}).chip;
  return chip;
}
}  // namespace

TEST_CASE("every VGG-8 layer's dynamic energy is within 15% of NeuroSim's, the network's within 10%", "[circuits][chip]") {
  const auto ref = testing::load_vgg8(kDir);
  double total_j = 0;
  for (std::size_t i = 0; i < ref.size(); ++i) {
    INFO("layer " << i + 1);
    const double j = vgg8_chip().layers[i].energy.dynamic_j();
    CHECK(j == Approx(ref[i].dynamic_j).epsilon(0.15));
    total_j += j;
  }
  CHECK(total_j == Approx(testing::load_vgg8_chip(kDir).dynamic_j).epsilon(0.10));
}

TEST_CASE("every VGG-8 layer's energy by category is within 20% of NeuroSim's where it is not negligible", "[circuits][chip]") {
  for (const auto& l : testing::load_vgg8(kDir)) {
    INFO("layer " << l.layer);
    const ChipEnergy& e = vgg8_chip().layers[l.layer - 1].energy;
    const double other_ref = l.other_j - l.buffer_j - l.interconnect_j;
    const std::pair<double, double> pairs[] = {{e.adc_j, l.adc_j},
                                               {e.accumulation_j, l.accumulation_j},
                                               {e.other_j, other_ref},
                                               {e.buffer_j, l.buffer_j},
                                               {e.interconnect_j, l.interconnect_j}};
    for (const auto& [ours, theirs] : pairs) {
      if (theirs < 0.01 * l.dynamic_j) continue;  // negligible: under 1% of the layer
      CHECK(ours == Approx(theirs).epsilon(0.20));
    }
  }
}

TEST_CASE("every VGG-8 layer's latency, in total and by category, is within 20% of NeuroSim's", "[circuits][chip]") {
  for (const auto& l : testing::load_vgg8(kDir)) {
    INFO("layer " << l.layer);
    const ChipLatency& t = vgg8_chip().layers[l.layer - 1].latency;
    CHECK(t.total_s == Approx(l.latency_s).epsilon(0.20));
    CHECK(t.adc_s == Approx(l.adc_latency_s).epsilon(0.20));
    CHECK(t.accumulation_s == Approx(l.accumulation_latency_s).epsilon(0.20));
    CHECK(t.buffer_s == Approx(l.buffer_latency_s).epsilon(0.20));
    CHECK(t.interconnect_s == Approx(l.interconnect_latency_s).epsilon(0.20));
    CHECK(t.buffer_s + t.interconnect_s + t.other_s == Approx(l.other_latency_s).epsilon(0.20));
  }
}

TEST_CASE("every VGG-8 layer's leakage is the idle tiles at its tile's leakage for its latency, within 20% of NeuroSim's",
          "[circuits][chip]") {
  for (const auto& l : testing::load_vgg8(kDir)) {
    INFO("layer " << l.layer);
    const ChipLayerResult& r = vgg8_chip().layers[l.layer - 1];
    CHECK(r.leakage_power_w() == Approx(l.leakage_power_w).epsilon(0.20));
    CHECK(r.energy.leakage_j == Approx(l.leakage_j).epsilon(0.20));
    CHECK(r.energy.leakage_j == Approx(r.idle_tile_s * r.tile_leakage_w).epsilon(1e-9));
    CHECK(r.idle_tile_s == Approx((vgg8_chip().floorplan.total_tiles() - r.tiles) * r.latency.total_s));
  }
}

TEST_CASE("the VGG-8 chip's area and its categories are within 20% of NeuroSim's", "[circuits][chip]") {
  const testing::Vgg8Chip ref = testing::load_vgg8_chip(kDir);
  const ChipArea& a = vgg8_chip().area;
  CHECK(a.total_m2 == Approx(ref.area_m2).epsilon(0.20));
  CHECK(a.array_m2 == Approx(ref.array_area_m2).epsilon(0.20));
  CHECK(a.adc_m2 == Approx(ref.adc_area_m2).epsilon(0.20));
  CHECK(a.accumulation_m2 == Approx(ref.accumulation_area_m2).epsilon(0.20));
  CHECK(a.other_m2 == Approx(ref.other_area_m2).epsilon(0.20));
  CHECK(a.interconnect_m2 == Approx(ref.interconnect_area_m2).epsilon(0.20));
}

TEST_CASE("a layer's actions priced and summed by category are its category energies, and prices depend only on the chip",
          "[circuits][chip]") {
  std::map<std::pair<std::string, std::string>, double> table;
  for (const ChipLayerResult& r : vgg8_chip().layers) {
    ChipEnergy sum;
    for (const ChipAction& a : r.actions) {
      CHECK(a.count >= 0);
      const auto [it, added] = table.emplace(std::make_pair(a.component, a.action), a.energy_per_action_j);
      CHECK(it->second == a.energy_per_action_j);  // one price per (component, action) across layers
      (void)added;
    }
    sum = energy_by_category(r.actions);
    CHECK(sum.dynamic_j() == Approx(r.energy.dynamic_j()).epsilon(1e-12));
    CHECK(sum.leakage_j == Approx(r.energy.leakage_j).epsilon(1e-12));
  }
}

TEST_CASE("the chip's clock is the subarray's sensing cycle, and SRAM buffers are an error, not a crash", "[circuits][chip]") {
  CHECK(vgg8_chip().clock_period_s == Approx(testing::load_vgg8_chip(kDir).clock_period_s).epsilon(1e-4));
  ChipOptions o;
  o.buffers = ChipBufferKind::sram;
  const NeuroSimChipResult r = build_neurosim_chip(testing::vgg8_chip_layers(kDir), neurosim_default_config(), o);
  CHECK(!r.chip);
  CHECK(r.error.find("SRAM") != std::string::npos);
}
