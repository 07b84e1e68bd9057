#pragma once
// How a network's layers share a PIM chip's crossbars (arch::PimSpec::duplicate): each layer's one
// copy of its weights (crossbar_placement.h), and the further copies that process its input
// vectors in parallel. Copies are not free: they take crossbars that other layers' weights could
// hold, or that hold them.
//
// When the network's weights stay on chip (one copy of every layer fits: weights_fit), the
// crossbars no layer holds are the free ones (chip - sum of the layers' crossbars):
//   none:      one copy per layer.
//   free:      copies only into free crossbars, never over another layer's weights; shared by a
//              greedy rule that balances latency: the next copy goes to the layer with the most
//              input vectors per copy whose one copy still fits the remaining free crossbars (ties:
//              the earlier layer); a layer never gets more copies than its input vectors.
//   reprogram: the free allocation first (those copies stay, written once); then each layer takes
//              as many copies as the whole chip holds while it runs (at most its input vectors).
//              Those further copies are programmed every inference (copies_written), and the
//              crossbars they take beyond the free ones left over held other layers' weights, which
//              are restored every inference (reprogrammed_cells: the crossbars overwritten times
//              the mean cells per crossbar of the other layers' weights).
// When the weights do not stay (they are programmed every inference anyway), free and reprogram
// let each layer use the whole chip for its copies while it runs; programming every copy is the
// evaluation's (pim_model.h: weight writes x copies); nothing is left to overwrite.

#include <string>
#include <vector>

#include "arch/pim_spec.h"
#include "mappings/crossbar_placement.h"

namespace hwaware::mapping {

struct LayerCopies {
  long long copies = 1;              // of the layer's weights, working in parallel (0: a layer without weights)
  long long copies_written = 0;      // of them, copies programmed every inference although the weights stay (reprogram)
  long long reprogrammed_cells = 0;  // other layers' cells these copies overwrite, restored every inference
};

struct CopyAllocation {
  bool weights_resident = true;  // one copy of every layer's weights stays on chip
  long long free_crossbars = 0;  // crossbars no layer's one copy holds (0 when the weights do not stay)
  std::vector<LayerCopies> layers;
};

// Whether one copy of every layer's weights fits the chip's crossbars at once.
bool weights_fit(const arch::PimSpec& pim, const std::vector<CrossbarPlacement>& layers);

// The copies of every layer of a network (its placements with one copy each, in order), whether its
// weights stay or not: `weights_resident` (usually weights_fit; a search may set it).
CopyAllocation allocate_copies(const arch::PimSpec& pim, const std::vector<CrossbarPlacement>& layers, bool weights_resident);

// What a layer's answer depends on beyond its shape, as text for memo and lookup-table keys:
// residency, copies, copies written and cells reprogrammed.
std::string copies_key(bool weights_resident, const LayerCopies& copies);

}  // namespace hwaware::mapping
