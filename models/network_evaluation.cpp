#include "models/network_evaluation.h"

#include <algorithm>
#include <cstdio>
#include <functional>

#include "core/diagnostics.h"
#include "mappings/mapping_loader.h"
#include "models/pim_model.h"
#include "models/pim_neurosim.h"
#include "models/pim_pipeline.h"
#include "models/sparse_checks.h"
#include "models/systolic_model.h"

namespace hwaware::model {
namespace {

// PIM crossbars and systolic arrays place a layer themselves: a mapping file or a dataflow for the
// mapper is a mistake there, and so are Sparseloop's features, which count a loop nest.
void check_no_mapping(const arch::Spec& spec, const EvaluationOptions& o) {
  if (!spec.pim && !spec.systolic) return;
  const std::string places = spec.pim ? "a PIM accelerator places weights on its crossbars itself (im2col)"
                                      : "a systolic array runs SCALE-Sim's folds of the layer (im2col rows and columns over the array, "
                                        "its dataflow the one its description names)";
  if (!o.mapping_file.empty()) throw core::InputError(core::SourceLoc{o.mapping_file, 0, 0}, "--mapping", places + "; it takes no mapping");
  if (!o.map.dataflow.empty())
    throw core::InputError(core::SourceLoc{"--dataflow", 0, 0}, "--dataflow", places + "; it takes no dataflow for the mapper");
  if (spec.sparse_optimized()) {
    const auto& lvl = std::find_if(spec.levels.begin(), spec.levels.end(), [](const arch::StorageLevel& l) { return !l.sparse.empty(); });
    const core::SourceLoc where = lvl != spec.levels.end() ? lvl->sparse.loc : spec.compute.sparse.loc;
    throw core::InputError(where, "sparse",
                           places + "; Sparseloop's formats, gating and skipping are modelled on loop-nest accelerators only");
  }
}

// The layers as a pipeline's stages (pim_pipeline.h): each needs its own crossbars at once.
void pipeline(const arch::Spec& spec, const mapping::CopyAllocation& allocation, NetworkEvaluation& out) {
  if (!allocation.weights_resident)
    throw core::InputError(spec.pim->loc, "accelerator.pim.pipeline",
                           "a pipelined chip keeps every layer's weights on its crossbars at once, but this network's weights do not fit "
                           "its " +
                               std::to_string(spec.pim->crossbars()) +
                               " crossbars; give the chip more crossbars (tiles, crossbars_per_tile or budget) or remove 'pipeline'");
  std::vector<LayerCounts*> stages;
  for (auto& l : out.layers) stages.push_back(&l.counts);
  pipeline_stages(spec, stages);
  out.pipelined = true;
}

// Per layer: its mapping (given, or found by the mapper) and its analytical counts.
void count_layers(const Accelerator& a, const workload::Network& network, const EvaluationOptions& o, NetworkEvaluation& out) {
  const arch::Spec& spec = a.spec;
  auto& layers = out.layers;
  if (spec.pim && spec.pim->organization == "neurosim") {
    auto chip = evaluate_neurosim(a, network);  // the chip holds the whole network
    out.weights_resident = true;
    for (std::size_t i = 0; i < layers.size(); ++i) layers[i].counts = std::move(chip.layers[i]);
    out.table = std::move(chip.table);
    out.area = chip.area;
    return;
  }
  if (spec.pim) {
    const auto allocation = o.pim_allocation ? *o.pim_allocation : allocate_pim_copies(spec, network);
    if (allocation.layers.size() != layers.size()) core::panic("evaluate_network: one PIM allocation entry per layer expected");
    out.weights_resident = allocation.weights_resident;
    out.pim_free_crossbars = allocation.free_crossbars;
    const PimCircuits circuits = build_pim_circuits(spec);  // once for every layer
    for (std::size_t i = 0; i < layers.size(); ++i)
      layers[i].counts = evaluate_pim(spec, network.layers[i].problem, allocation.weights_resident, allocation.layers[i], circuits);
    if (spec.pim->pipeline) pipeline(spec, allocation, out);
    return;
  }
  if (spec.systolic) {
    for (std::size_t i = 0; i < layers.size(); ++i) layers[i].counts = evaluate_systolic(spec, network.layers[i].problem);
    return;
  }
  check_sparse_features(spec, network);
  // A Timeloop document's `mapping: []` gives no mapping: the mapper chooses, within its constraints.
  if (o.mapping_file.empty() || !mapping::file_gives_mapping(o.mapping_file)) {
    const auto mapped = map_layers(spec, network, a.table, o.map);
    for (std::size_t i = 0; i < layers.size(); ++i) {
      layers[i].mapping = mapped[i].mapping;
      layers[i].search = mapped[i].search;
      layers[i].reused_from = mapped[i].reused_from;
    }
  } else {
    for (std::size_t i = 0; i < layers.size(); ++i) {
      const auto& l = network.layers[i];
      layers[i].mapping = mapping::load_mapping(o.mapping_file, spec, l.problem, l.name);
    }
  }
  for (std::size_t i = 0; i < layers.size(); ++i) {
    layers[i].counts = evaluate_counts(spec, layers[i].mapping, network.layers[i].problem);
    if (!layers[i].counts.sparse_failure.empty())  // only a given mapping can be: the mapper passes such mappings over
      throw core::InputError(layers[i].counts.sparse_failure_loc, "layer '" + network.layers[i].name + "'",
                             "the mapping is infeasible: " + layers[i].counts.sparse_failure +
                                 " (give the format a rank for each level's loops, or 'flattened' ranks)");
  }
}

}  // namespace

mapping::CopyAllocation allocate_pim_copies(const arch::Spec& spec, const workload::Network& network,
                                            std::optional<bool> weights_resident) {
  if (!spec.pim) core::panic("allocate_pim_copies: the accelerator has no PIM crossbars");
  std::vector<mapping::CrossbarPlacement> placements;
  for (const auto& l : network.layers) placements.push_back(mapping::place_on_crossbars(*spec.pim, l.problem));
  return mapping::allocate_copies(*spec.pim, placements, weights_resident.value_or(mapping::weights_fit(*spec.pim, placements)));
}

bool answers_depend_on_network(const arch::Spec& spec) { return spec.pim && (spec.pim->organization == "neurosim" || spec.pim->pipeline); }

std::vector<std::string> layer_context_keys(const arch::Spec& spec, const workload::Network& network) {
  std::vector<std::string> keys(network.layers.size());
  if (!spec.pim) return keys;
  if (answers_depend_on_network(spec)) {  // on the whole network's floorplan, or on all the pipeline's stages
    std::string shapes;
    for (const auto& l : network.layers) shapes += shape_key(l.problem) + ";";
    char hash[32];
    std::snprintf(hash, sizeof hash, " chip=%016zx", std::hash<std::string>{}(shapes));
    std::fill(keys.begin(), keys.end(), std::string(hash));
    return keys;
  }
  const auto a = allocate_pim_copies(spec, network);
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = mapping::copies_key(a.weights_resident, a.layers[i]);
  return keys;
}

NetworkEvaluation evaluate_network(const Accelerator& a, const workload::Network& network, const EvaluationOptions& o,
                                   LayerSimulator* simulator) {
  check_no_mapping(a.spec, o);
  NetworkEvaluation out;
  out.layers.resize(network.layers.size());
  for (std::size_t i = 0; i < network.layers.size(); ++i) {
    out.layers[i].name = network.layers[i].name;
    out.layers[i].macs = network.layers[i].macs();
  }
  count_layers(a, network, o, out);
  const EnergyTable& table = out.table ? *out.table : a.table;
  for (std::size_t i = 0; i < out.layers.size(); ++i) {
    LayerEvaluation& l = out.layers[i];
    l.energy = price_layer(a.spec, l.counts, table);
    if (!simulator) continue;
    l.simulated = simulator->simulate(a.spec, l.mapping, network.layers[i].problem, l.counts);
    l.simulated_energy = price_layer(a.spec, l.simulated->counts, table);  // leakage over the simulated cycles
  }
  return out;
}

namespace {

// Cycles per inference from each layer's `cycles_of`: their sum, or the slowest in a pipeline.
template <class CyclesOf>
long long per_inference(const NetworkEvaluation& e, bool pipelined, CyclesOf cycles_of) {
  long long sum = 0, slowest = 0;
  for (const auto& l : e.layers) {
    sum += cycles_of(l);
    slowest = std::max(slowest, cycles_of(l));
  }
  return pipelined ? slowest : sum;
}

long long analytical(const LayerEvaluation& l) { return l.counts.cycles; }
long long simulated(const LayerEvaluation& l) { return l.simulated ? l.simulated->counts.cycles : 0; }

}  // namespace

long long NetworkEvaluation::cycles() const { return per_inference(*this, pipelined, analytical); }
long long NetworkEvaluation::simulated_cycles() const { return per_inference(*this, pipelined, simulated); }
long long NetworkEvaluation::fill_cycles() const { return per_inference(*this, false, analytical); }

AreaReport chip_area(const Accelerator& a, const NetworkEvaluation& e) { return e.area ? *e.area : estimate_area(a.spec); }

}  // namespace hwaware::model
