// NeuroSim V1.3's chip, composed: the parts (neurosim_chip_parts.cpp), each layer in order
// (neurosim_chip_layer.cpp) and the area.

#include "circuits/neurosim_chip.h"

#include "circuits/neurosim_chip_parts.h"
#include "core/diagnostics.h"

namespace hwaware::circuits {

ChipEnergy energy_by_category(const std::vector<ChipAction>& actions) {
  ChipEnergy e;
  for (const ChipAction& a : actions) {
    const double j = a.energy_j();
    switch (a.category) {
      case ChipCategory::adc: e.adc_j += j; break;
      case ChipCategory::accumulation: e.accumulation_j += j; break;
      case ChipCategory::other: e.other_j += j; break;
      case ChipCategory::buffer: e.buffer_j += j; break;
      case ChipCategory::interconnect: e.interconnect_j += j; break;
      case ChipCategory::leakage: e.leakage_j += j; break;
    }
  }
  return e;
}

NeuroSimChip build_neurosim_chip(const std::vector<ChipLayer>& layers, const SubarrayConfig& config, const ChipOptions& options) {
  if (layers.empty()) core::panic("build_neurosim_chip: a chip needs at least one layer");
  if (!(options.target_clock_hz > 0)) core::panic("build_neurosim_chip: the target clock must be > 0 Hz");
  const chip_detail::ChipParts parts = chip_detail::build_parts(layers, config, options);
  NeuroSimChip chip;
  chip.floorplan = parts.floorplan;
  chip.subarray = parts.subarray;
  chip.clock_period_s = parts.period_s;
  chip.global_bus_bits = parts.global_bus_bits;
  chip.global_buffer_cores = parts.global_buffer_cores;
  chip.area = chip_detail::chip_area(parts);
  chip.tile_area_m2[0] = parts.conventional.area.total_m2;
  if (parts.novel) chip.tile_area_m2[1] = parts.novel->area.total_m2;
  // NeuroSim rule (main.cpp): layers run in order; adder trees keep their last reduction's state.
  int stale[2] = {0, 0};
  for (std::size_t i = 0; i < layers.size(); ++i)
    chip.layers.push_back(chip_detail::evaluate_layer(parts, layers[i], parts.floorplan.layers[i], stale));
  return chip;
}

}  // namespace hwaware::circuits
