#pragma once
// The one engine: a network evaluated on an accelerator. Each layer is counted by the model its
// accelerator calls for -- PIM crossbars place its weights themselves (pim_model.h), a systolic
// array runs SCALE-Sim's folds (systolic_model.h), a digital spatial array runs the loop nest of
// a given mapping or of the one the mapper finds (analytical_model.h) -- then priced by the
// accelerator's one energy table and, with a simulator, timed by a cycle-approximate model too.
// Every command (`eval`, `sweep`, `lut`, `adapt`, `prune`, `explore`) and every cost oracle
// evaluates through this function; none re-assembles the steps.

#include <optional>
#include <string>
#include <vector>

#include "mappings/crossbar_allocation.h"
#include "mappings/mapper.h"
#include "models/accelerator.h"
#include "models/analytical_model.h"
#include "models/area_estimators.h"
#include "models/layer_simulator.h"
#include "models/network_mapper.h"
#include "workloads/layer.h"

namespace hwaware::model {

struct EvaluationOptions {
  MapOptions map;            // the mapper, for a digital array's layers when no mapping is given
  std::string mapping_file;  // mappings given for a digital array (mapping_loader.h); empty, or a file whose
                             // `mapping` is an empty list (a Timeloop dump): the mapper chooses
  // PIM: whether the weights stay on chip and the copies of every layer of the network evaluated,
  // one entry per layer. Empty: allocated over this network (allocate_pim_copies). A search that
  // asks about a network's new layers only gives the whole network's, entry by entry.
  std::optional<mapping::CopyAllocation> pim_allocation;
};

struct LayerEvaluation {
  std::string name;
  long long macs = 0;                           // 0 for pooling and adds: their operations are not MACs
  mapping::Mapping mapping;                     // a digital array's, given or found; empty on PIM and systolic arrays
  std::optional<mapping::MapperResult> search;  // how the mapper found the mapping (absent when given)
  std::string reused_from;                      // a layer of the same shape mapped before, whose mapping this is
  LayerCounts counts;                           // the analytical model's
  LayerEnergy energy;                           // `counts` priced by the energy table
  std::optional<SimulatedLayer> simulated;      // with a simulator
  LayerEnergy simulated_energy;                 // the simulated counts priced by the same table
};

struct NetworkEvaluation {
  std::vector<LayerEvaluation> layers;
  bool weights_resident = true;      // PIM: the network's weights stay in the crossbars
  long long pim_free_crossbars = 0;  // PIM: crossbars no layer's one copy holds (shared by copies under duplicate: free)
  // A PIM chip organized as NeuroSim's (models/pim_neurosim.h) is sized to the network: the table
  // that priced its layers (the accelerator's with the chip's circuits) and its area by NeuroSim's
  // categories (cim_array, adc, accumulation, other, interconnect).
  std::optional<EnergyTable> table;
  std::optional<AreaReport> area;
  // A PIM chip whose layers run as a pipeline (models/pim_pipeline.h): a layer's cycles are its
  // stage's, and an inference takes the slowest stage's.
  bool pipelined = false;

  // Cycles per inference: the layers' sum layer by layer, the slowest layer's in a pipeline;
  // the analytical counts', or the simulated ones' (0 when not simulated).
  long long cycles() const;
  long long simulated_cycles() const;
  // Cycles until the first result in a pipeline: the stages' sum (= cycles() layer by layer).
  long long fill_cycles() const;
};

// The chip's area: the evaluation's when its organization sized the chip, else the description's.
AreaReport chip_area(const Accelerator& accelerator, const NetworkEvaluation& evaluation);

// PIM (spec.pim): how `network`'s layers share the chip (mappings/crossbar_allocation.h): whether
// one copy of every layer fits (or `weights_resident` when given) and every layer's copies.
mapping::CopyAllocation allocate_pim_copies(const arch::Spec& spec, const workload::Network& network,
                                            std::optional<bool> weights_resident = std::nullopt);

// Whether every layer's answer depends on the whole network, so that only the whole network can
// be evaluated: a PIM chip of NeuroSim's organization (sized to the network it runs) or whose
// layers run as a pipeline (a stage's leakage and shared levels depend on all the stages).
bool answers_depend_on_network(const arch::Spec& spec);

// What each layer's answer depends on beyond its shape and the accelerator, in `network`: on a PIM
// chip its residency and copies (mapping::copies_key), which depend on the whole network; empty
// strings on other accelerators. Memos and lookup tables add it to their keys.
std::vector<std::string> layer_context_keys(const arch::Spec& spec, const workload::Network& network);

// Throws core::InputError for a mistake in the mapping file, a mapping given to an accelerator
// that places layers itself, a layer no mapping fits, or a layer the accelerator cannot run.
NetworkEvaluation evaluate_network(const Accelerator& accelerator, const workload::Network& network, const EvaluationOptions& options,
                                   LayerSimulator* simulator = nullptr);

}  // namespace hwaware::model
