// The subarray model against DNN+NeuroSim V1.3's VGG-8 run on RRAM 128x128 subarrays
// (tests/reference/neurosim/): same method, same parameters, no tuning.

#include <catch2/catch.hpp>

#include "neurosim_vgg8.h"

using namespace hwaware::circuits;

namespace {
const std::string kDir = std::string(HWAWARE_TEST_DATA) + "/reference/neurosim";
}  // namespace

TEST_CASE("the sensing cycle of NeuroSim's default subarray is the clock period NeuroSim set from it") {
  CHECK(build_subarray(neurosim_default_config()).sensing_cycle_s == Approx(testing::load_vgg8_chip(kDir).clock_period_s).epsilon(1e-4));
}

TEST_CASE("the chip's 4048 subarrays have NeuroSim's array and ADC area") {
  const Subarray s = build_subarray(neurosim_default_config());
  const testing::Vgg8Chip chip = testing::load_vgg8_chip(kDir);
  const long n = testing::vgg8_subarrays(testing::load_vgg8(kDir));
  CHECK(n == 13 * 144 + 34 * 64);  // layers 2-6 novel (13 tiles), 1, 7, 8 conventional (34)
  CHECK(n * s.area.array_m2 == Approx(chip.array_area_m2).epsilon(1e-4));
  CHECK(n * s.area.adc_m2 == Approx(chip.adc_area_m2).epsilon(1e-4));
}

TEST_CASE("every VGG-8 layer's ADC energy (array read and converters) is within 5% of NeuroSim's") {
  for (const auto& l : testing::load_vgg8(kDir)) {
    INFO("layer " << l.layer);
    CHECK(testing::estimate_layer(neurosim_default_config(), l).adc_j == Approx(l.adc_j).epsilon(0.05));
  }
}

TEST_CASE("every VGG-8 layer's other periphery is within 5% of NeuroSim's once its buffers and interconnect are taken out") {
  for (const auto& l : testing::load_vgg8(kDir)) {
    INFO("layer " << l.layer);
    CHECK(testing::estimate_layer(neurosim_default_config(), l).other_j == Approx(l.other_j - l.buffer_j - l.interconnect_j).epsilon(0.05));
  }
}

TEST_CASE("the subarrays' shift-adders are most of NeuroSim's accumulation, the rest its adder trees") {
  for (const auto& l : testing::load_vgg8(kDir)) {
    INFO("layer " << l.layer);
    const double shift_add_j = testing::estimate_layer(neurosim_default_config(), l).shift_add_j;
    CHECK(shift_add_j <= l.accumulation_j * 1.001);
    CHECK(shift_add_j >= l.accumulation_j * 0.9);
  }
}

TEST_CASE("every VGG-8 layer's ADC latency is NeuroSim's: one sensing cycle per column turn of every read pulse") {
  for (const auto& l : testing::load_vgg8(kDir)) {
    INFO("layer " << l.layer);
    CHECK(testing::estimate_layer(neurosim_default_config(), l).adc_latency_s == Approx(l.adc_latency_s).epsilon(1e-3));
  }
}
