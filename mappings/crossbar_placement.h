#pragma once
// How a layer is laid onto PIM crossbars, as im2col (NeuroSim's mapping; Peng et al., IEDM 2019):
// each group's weights are a matrix of rows = C x R x S (its input channels times the filter
// window) by cols = M x ceil(weight_bits / cell_bits) (its filters, each weight sliced over
// cells). A matrix larger than a crossbar is cut into row blocks and column blocks, one crossbar
// each; the row blocks' partial sums are added after the ADCs. Groups small enough share a
// crossbar on its diagonal (disjoint rows and columns), so a depthwise layer or a small layer
// maps at every crossbar size: there is no minimum-size rule. Every output pixel (N x P x Q of
// them) needs one input vector through the layer's crossbars. A crossbar activates rows_per_read
// rows at once: a column of a row block is read (and converted) ceil(its rows / rows_per_read) times.

#include "arch/pim_spec.h"
#include "workloads/problem.h"

namespace hwaware::mapping {

struct CrossbarPlacement {
  long long groups = 1;
  long long rows = 0, cols = 0;              // of one group's weight matrix (cells)
  long long row_blocks = 0, col_blocks = 0;  // crossbars one group spans, down and across
  long long groups_per_crossbar = 1;         // groups sharing one crossbar on its diagonal
  long long crossbars = 0;                   // for one copy of the layer's weights
  long long replicas = 1;                    // copies working in parallel (given: crossbar_allocation.h)
  long long vectors = 0;                     // input vectors per group: one per output pixel
  long long row_reads = 0;                   // reads of one group's column over its row blocks (row_blocks when all rows are read at once)
  long long reads_per_slice = 1;             // reads of one crossbar, one after the other, per input slice
  long long cells_used = 0;                  // cells holding weights, one copy
  double utilization = 0;                    // cells_used / cells of the crossbars used
  bool fits = true;                          // crossbars x replicas <= the chip's crossbars

  long long crossbars_used() const { return crossbars * replicas; }
};

// A layer without weights (pooling, adds) takes no crossbar: crossbars 0, replicas 0, utilization
// 0. `copies`: of the layer's weights, as the network's allocation gives them (allocate_copies).
CrossbarPlacement place_on_crossbars(const arch::PimSpec& pim, const workload::Problem& problem, long long copies = 1);

}  // namespace hwaware::mapping
