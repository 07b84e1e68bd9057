// Prints this project's subarray-level VGG-8 figures next to DNN+NeuroSim V1.3's (test-only
// program: `circuits_neurosim_vgg8 [reference dir]`).

#include <cstdio>
#include <string>

#include "neurosim_vgg8.h"

using namespace hwaware::circuits;

namespace {

// The composed chip (neurosim_chip.h): ours / NeuroSim's per layer and for the chip.
void print_chip(const std::string& dir) {
  const NeuroSimChip chip = build_neurosim_chip(testing::vgg8_chip_layers(dir), neurosim_default_config(), ChipOptions{});
  const testing::Vgg8Chip ref = testing::load_vgg8_chip(dir);
  std::printf("chip (ours / NeuroSim): %5s | %6s %6s %6s %6s %6s %6s | %6s %6s %6s %6s %6s | %6s %6s\n", "layer", "energy", "ADC", "accum",
              "other*", "buffer", "ic", "lat", "ADC", "accum", "buffer", "ic", "leak W", "leak J");
  double dyn = 0, leak = 0, lat = 0;
  for (const auto& l : testing::load_vgg8(dir)) {
    const ChipLayerResult& r = chip.layers[l.layer - 1];
    const ChipEnergy& e = r.energy;
    const ChipLatency& t = r.latency;
    dyn += e.dynamic_j(), leak += e.leakage_j, lat += t.total_s;
    std::printf("%29d | %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f %6.3f %6.3f | %6.3f %6.3f\n", l.layer,
                e.dynamic_j() / l.dynamic_j, e.adc_j / l.adc_j, e.accumulation_j / l.accumulation_j,
                e.other_j / (l.other_j - l.buffer_j - l.interconnect_j), e.buffer_j / l.buffer_j, e.interconnect_j / l.interconnect_j,
                t.total_s / l.latency_s, t.adc_s / l.adc_latency_s, t.accumulation_s / l.accumulation_latency_s,
                t.buffer_s / l.buffer_latency_s, t.interconnect_s / l.interconnect_latency_s, r.leakage_power_w() / l.leakage_power_w,
                e.leakage_j / l.leakage_j);
  }
  std::printf("network: dynamic energy %.4f, leakage %.4f, latency %.4f\n", dyn / ref.dynamic_j, leak / ref.leakage_j, lat / ref.latency_s);
  const ChipArea& a = chip.area;
  std::printf("area: total %.4f, array %.4f, ADC %.4f, accumulation %.4f, other %.4f, interconnect %.4f\n", a.total_m2 / ref.area_m2,
              a.array_m2 / ref.array_area_m2, a.adc_m2 / ref.adc_area_m2, a.accumulation_m2 / ref.accumulation_area_m2,
              a.other_m2 / ref.other_area_m2, a.interconnect_m2 / ref.interconnect_area_m2);
}

}  // namespace

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
  std::printf("energies in pJ per image; NS other* = NeuroSim's other periphery minus its buffers and interconnect\n\n");
  print_chip(dir);
  return 0;
}
