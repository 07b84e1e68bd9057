#pragma once
// What an analog PIM layer does, counted (models/pim_model.h fills it; the energy table prices
// every action at models/pim_circuits.h's prices). Kept apart from analytical_model.h so the
// digital model's header does not change shape.

#include <string>
#include <vector>

#include "mappings/crossbar_placement.h"

namespace hwaware::model {

// NeuroSim's categories of a PIM chip's energy: the ADC with the array read, accumulation, other
// periphery, buffers, interconnect; and the programming of weights and leakage.
enum class PimCategory { adc, accumulation, periphery, buffer, interconnect, weight_programming, leakage };
const char* to_string(PimCategory c);

// A count of one action of a crossbar circuit (models/pim_circuits.h says what each action is;
// circuits/neurosim_chip.h for NeuroSim's organization).
struct PimAction {
  std::string component, action;
  double count = 0;
  PimCategory category = PimCategory::adc;
};

struct PimLayerCounts {
  mapping::CrossbarPlacement placement;
  std::vector<PimAction> actions;
  double input_bit_density = 0;   // the layer's, as counted
  double pulses = 0;              // crossbar read pulses: crossbars x vectors x input slices x reads per column
  double conversions = 0;         // columns converted (with current or idle)
  double rows_on = 0;             // rows driven, over all pulses
  double weight_writes = 0;       // cells programmed every inference: weights that do not stay on chip, copies written
                                  // over other layers' weights and those layers' cells restored (reprogrammed_cells)
  double weight_reads = 0;        // weights read from DRAM to program those cells
  double reprogrammed_cells = 0;  // other layers' cells this layer's copies overwrite, restored every inference
  double cycle_ns = 0;            // the crossbars' sensing cycle
  double pulse_ns = 0;            // one read pulse: its column turns through the ADCs, then its shift-adds
  double compute_ns = 0;          // the layer's read pulses, one copy's share after another
  double write_ns = 0;            // programming the layer's weights (0 when they stay on chip and no copy is written)

  double count(const std::string& component, const std::string& action) const;
};

}  // namespace hwaware::model
