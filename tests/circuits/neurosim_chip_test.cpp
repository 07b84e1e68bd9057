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
  static const NeuroSimChip chip = build_neurosim_chip(testing::vgg8_chip_layers(kDir), neurosim_default_config(), ChipOptions{});
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

TEST_CASE("the chip's clock is the subarray's sensing cycle", "[circuits][chip]") {
  CHECK(vgg8_chip().clock_period_s == Approx(testing::load_vgg8_chip(kDir).clock_period_s).epsilon(1e-4));
}

namespace {
const NeuroSimChip& vgg8_sram_chip() {
  static const NeuroSimChip chip = [] {
    ChipOptions o;
    o.buffers = ChipBufferKind::sram;
    return build_neurosim_chip(testing::vgg8_chip_layers(kDir), neurosim_default_config(), o);
  }();
  return chip;
}

double price(const ChipLayerResult& r, const std::string& component, const std::string& action) {
  for (const ChipAction& a : r.actions)
    if (a.component == component && a.action == action) return a.energy_per_action_j;
  return 0;
}
}  // namespace

bool sram_buffer_component(const std::string& c) {
  return c == "chip.global_buffer" || c.rfind("tile.input_buffer", 0) == 0 || c.rfind("tile.output_buffer", 0) == 0;
}

TEST_CASE("an SRAM-buffered chip does the same actions in the same time, only its buffers' and chip H-tree's prices change",
          "[circuits][chip][sram]") {
  // The buffers' counts and their latency (one line per cycle, buffer.h) do not depend on what the
  // buffers are built of. Smaller buffers make smaller tiles, so the chip H-tree between them is
  // shorter (its price per bit falls; its whole-cycle latency stays the same here).
  const NeuroSimChip &rf = vgg8_chip(), &sram = vgg8_sram_chip();
  REQUIRE(rf.layers.size() == sram.layers.size());
  for (std::size_t i = 0; i < rf.layers.size(); ++i) {
    INFO("layer " << i + 1);
    const ChipLayerResult &a = rf.layers[i], &b = sram.layers[i];
    CHECK(b.latency.total_s == a.latency.total_s);
    CHECK(b.latency.buffer_s == a.latency.buffer_s);
    REQUIRE(a.actions.size() == b.actions.size());
    for (std::size_t j = 0; j < a.actions.size(); ++j) {
      const ChipAction &x = a.actions[j], &y = b.actions[j];
      INFO(x.component << " " << x.action);
      CHECK(y.component == x.component);
      CHECK(y.action == x.action);
      CHECK(y.count == x.count);
      if (sram_buffer_component(x.component)) CHECK(y.energy_per_action_j != x.energy_per_action_j);
      else if (x.component.rfind("chip.htree", 0) == 0) CHECK(y.energy_per_action_j < x.energy_per_action_j);
      else CHECK(y.energy_per_action_j == x.energy_per_action_j);
    }
  }
}

TEST_CASE("SRAM buffers cost what NeuroSim's SRAM buffer equations give on VGG-8 layer 2", "[circuits][chip][sram]") {
  // Per bit at 22 nm LSTP (sram_buffer_test.cpp, register_file_buffer_test.cpp derive them):
  // - tile buffer core, 1024 bits in 32-bit lines (5 address bits, one decode 2.289838e-14 J):
  //   register file read 5.140051e-15, write 7.155744e-16, both 5.855625e-15 J;
  //   SRAM (C_bl = 32 x 10 F x 0.2 fF/um = 1.408e-15 F): read 2.289838e-14 x 0.05 / 32 + 2 x 1.408e-15
  //   x 0.7225 = 2.070339e-15, write 2.289838e-14 / 32 + 1.408e-15 x 0.7225 + 6.054247e-16
  //   = 2.338279e-15, both 4.408618e-15 J: cheaper (short bit lines against every flip-flop clocked);
  // - global buffer core, 128 x 128 bits: register file read 5.138138e-15, write 6.77324e-16 J;
  //   SRAM read 8.172106e-15, write 5.351869e-15 J: dearer (128-cell bit lines).
  // Layer 2 (register_file_buffer_test.cpp gives its counts): the tile buffers read and write
  // 2764800 + 268800 = 3033600 bits: 3033600 x (4.408618e-15 - 5.855625e-15) = -4.389640e-9 J; the
  // global buffer reads 2764800 and writes 230400 bits: 2764800 x (8.172106e-15 - 5.138138e-15)
  // + 230400 x (5.351869e-15 - 6.77324e-16) = 8.388315e-9 + 1.077015e-9 = 9.465330e-9 J; the PE
  // registers are flip-flops in both. SRAM buffers add 5.075689e-9 J to the layer's 169.72 nJ.
  const ChipLayerResult &rf = vgg8_chip().layers[1], &sram = vgg8_sram_chip().layers[1];
  CHECK(price(sram, "tile.input_buffer.novel", "read_bit") == Approx(2.070339e-15).epsilon(1e-5));
  CHECK(price(sram, "tile.input_buffer.novel", "write_bit") == Approx(2.338279e-15).epsilon(1e-5));
  CHECK(price(sram, "chip.global_buffer", "read_bit") == Approx(8.172106e-15).epsilon(1e-5));
  CHECK(price(sram, "chip.global_buffer", "write_bit") == Approx(5.351869e-15).epsilon(1e-5));
  CHECK(sram.energy.buffer_j - rf.energy.buffer_j == Approx(5.075689e-9).epsilon(1e-4));
}

TEST_CASE("an SRAM-buffered VGG-8 chip is smaller and leaks less than the register-file one", "[circuits][chip][sram]") {
  // Global buffer: 8 bits x the largest input (32 x 32 x 128) / 16384 = 64 cores of 128 x 128 bits.
  // A register-file core is 16384 flip-flops of 1.2359424 um^2 = 20249.68 um^2 plus its decoder in
  // 78.848 um (1 NAND2 column, 14 M3 tracks, 1 NOR4 column and its 2 drivers: 84.8 F = 1.8656 um
  // wide, 147.0988 um^2): 20396.78 um^2; an SRAM core 2606.69 um^2 (sram_buffer_test.cpp). The
  // global buffer alone saves 64 x 17790.09 um^2 = 1.138566 mm^2; the tile buffers save more, and
  // a tile's buffer cores leak through their periphery only (sram_buffer.h).
  const NeuroSimChip &rf = vgg8_chip(), &sram = vgg8_sram_chip();
  CHECK(sram.global_buffer_cores == 64);
  CHECK(rf.area.other_m2 - sram.area.other_m2 > 1.138566e-6);
  CHECK(rf.area.total_m2 - sram.area.total_m2 > 1.138566e-6);
  CHECK(sram.area.array_m2 == rf.area.array_m2);
  CHECK(sram.area.adc_m2 == rf.area.adc_m2);
  for (std::size_t i = 0; i < rf.layers.size(); ++i) CHECK(sram.layers[i].tile_leakage_w < rf.layers[i].tile_leakage_w);
}
