// Prints this project's subarray-level VGG-8 figures next to DNN+NeuroSim V1.3's (test-only
// program: `circuits_neurosim_vgg8 [reference dir]`).

#include <cstdio>
#include <string>

#include "neurosim_vgg8.h"

using namespace hwaware::circuits;

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : std::string(HWAWARE_TEST_DATA) + "/reference/neurosim";
  const SubarrayConfig base = neurosim_default_config();
  const Subarray s = build_subarray(base);
  const testing::Vgg8Chip chip = testing::load_vgg8_chip(dir);
  const double n = static_cast<double>(testing::vgg8_subarrays(testing::load_vgg8(dir)));
  std::printf("sensing cycle: ours %.5g ns, NeuroSim's clock period %.5g ns\n", s.sensing_cycle_s * 1e9, chip.clock_period_s * 1e9);
  std::printf(
      "area of the chip's %.0f subarrays (um2): arrays %.6g (NeuroSim %.6g), ADCs %.6g (NeuroSim %.6g), shift-adders %.4g, other %.4g\n", n,
      n * s.area.array_m2 * 1e12, chip.array_area_m2 * 1e12, n * s.area.adc_m2 * 1e12, chip.adc_area_m2 * 1e12,
      n * s.area.accumulation_m2 * 1e12, n * s.area.other_m2 * 1e12);
  std::printf("%5s | %10s %10s %6s | %10s %10s %6s | %10s %10s %6s | %9s %9s %6s\n", "layer", "ADC ours", "NeuroSim", "ratio", "shift-add",
              "accum", "ratio", "other", "NS other*", "ratio", "ADC ns", "NeuroSim", "ratio");
  for (const auto& l : testing::load_vgg8(dir)) {
    const testing::LayerEstimate e = testing::estimate_layer(base, l);
    const double other_ref = l.other_j - l.buffer_j - l.interconnect_j;
    std::printf("%5d | %10.4g %10.4g %6.3f | %10.4g %10.4g %6.3f | %10.4g %10.4g %6.3f | %9.4g %9.4g %6.3f\n", l.layer, e.adc_j * 1e12,
                l.adc_j * 1e12, e.adc_j / l.adc_j, e.shift_add_j * 1e12, l.accumulation_j * 1e12, e.shift_add_j / l.accumulation_j,
                e.other_j * 1e12, other_ref * 1e12, e.other_j / other_ref, e.adc_latency_s * 1e9, l.adc_latency_s * 1e9,
                e.adc_latency_s / l.adc_latency_s);
  }
  std::printf("energies in pJ per image; NS other* = NeuroSim's other periphery minus its buffers and interconnect\n");
  return 0;
}
