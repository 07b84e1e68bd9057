#pragma once
// The analytical model of a layer on analog PIM crossbars (arch::PimSpec): weights stay in the
// crossbars (im2col placement, mappings/crossbar_placement.h); every output pixel's input vector
// enters slice by slice (input_bits / dac_bits slices, bit-serial when the DAC is narrower); each
// slice drives the used rows (DAC activations), reads every cell holding a weight, and converts
// every used column (ADC conversions, shift-and-add per output); row blocks' partial sums are
// added after the ADCs. Activations stay on chip: the innermost level that holds Inputs is read
// once per window element (im2col), the one that holds Outputs updated once per output and per
// extra row block, and outputs cross the network below the level that fans out to the tiles.
// DRAM moves weights only, when the network's weights do not all fit the chip and must be
// programmed every inference. Cycles: all crossbars of a layer work in parallel (copies split the
// vectors); a slice takes, for each read of rows_per_read rows, the longer of a cell read and its ADC's turn over the columns it serves;
// weights read from DRAM take at least their words over its read bandwidth.

#include <vector>

#include "arch/spec.h"
#include "mappings/crossbar_allocation.h"
#include "models/analytical_model.h"
#include "models/pim_circuits.h"
#include "workloads/problem.h"

namespace hwaware::model {

// `weights_resident`: the network's weights stay in the crossbars (mapping::weights_fit); otherwise
// this layer's weights are programmed (and read from DRAM) every inference, each of its copies.
// `copies`: the layer's, as the network's allocation gives them (mapping::allocate_copies; they
// depend on the whole network); copies written every inference over other layers' weights, and
// those layers' cells restored, are programmed and read from DRAM too.
LayerCounts evaluate_pim(const arch::Spec& spec, const workload::Problem& problem, bool weights_resident,
                         const mapping::LayerCopies& copies);
// The same with the crossbars' circuits built once for the spec (build_pim_circuits), as a network's
// evaluation does for all its layers.
LayerCounts evaluate_pim(const arch::Spec& spec, const workload::Problem& problem, bool weights_resident,
                         const mapping::LayerCopies& copies, const PimCircuits& circuits);

// Bits one instance of each level reads and writes for a layer (its kept tensors' totals over the
// level's instances, shared evenly), in the order of the accelerator's levels.
struct LevelTraffic {
  double read_bits = 0, write_bits = 0;
};
std::vector<LevelTraffic> level_traffic(const arch::Spec& spec, const LayerCounts& counts);

// A PIM layer's counts before anything is counted: its tensors, the description's levels (no
// access yet), its MACs (analog: none performed digitally).
LayerCounts pim_layer_frame(const arch::Spec& spec, const workload::Problem& problem);

}  // namespace hwaware::model
