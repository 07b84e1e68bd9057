#pragma once
// A PIM accelerator organized as DNN+NeuroSim's chip (`pim: {organization: neurosim}`): tiles of
// PEs of subarrays sized by NeuroSim's floorplan to hold the whole network (weights stay on chip;
// small layers duplicated into free PEs and subarrays), flip-flop registers in the PEs, global and
// tile buffers of register files (NeuroSim's reference) or SRAM (`buffers: sram`), H-trees and
// buses, adder trees, ReLU and 2x2 max pooling, every circuit in NeuroSim's
// method (circuits/neurosim_chip.h). Each layer's counts are the chip's actions; the chip's
// per-action energies join the accelerator's energy table, which prices them; its latency is
// NeuroSim's, layer by layer.
//
// The network must be what NeuroSim's chip runs: convolutions and fully connected layers (no
// groups, no dilation), each optionally followed by a 2x2, stride-2 max pooling; inputs of every
// layer after the first are non-negative (after ReLU), so their sign bit is 0 (NeuroSim's
// convention). Anything else is an input error naming the layer.

#include <vector>

#include "circuits/neurosim_chip.h"
#include "models/accelerator.h"
#include "models/analytical_model.h"
#include "models/area_estimators.h"
#include "workloads/layer.h"

namespace hwaware::model {

struct NeuroSimEvaluation {
  std::vector<LayerCounts> layers;  // one per network layer (a pooling layer's work is its MAC layer's)
  EnergyTable table;                // the accelerator's table with the chip's per-action energies
  AreaReport area;                  // NeuroSim's categories: cim_array, adc, accumulation, other, interconnect
  double clock_period_ns = 0;
};

// Throws core::InputError for a layer or a configuration NeuroSim's chip does not run.
NeuroSimEvaluation evaluate_neurosim(const Accelerator& accelerator, const workload::Network& network);

}  // namespace hwaware::model
