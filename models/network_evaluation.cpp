#include "models/network_evaluation.h"

#include "core/diagnostics.h"
#include "mappings/mapping_loader.h"
#include "models/pim_model.h"
#include "models/pim_neurosim.h"
#include "models/systolic_model.h"

namespace hwaware::model {
namespace {

// PIM crossbars and systolic arrays place a layer themselves: a mapping file or a dataflow for the
// mapper is a mistake there.
void check_no_mapping(const arch::Spec& spec, const EvaluationOptions& o) {
  if (!spec.pim && !spec.systolic) return;
  const std::string places = spec.pim ? "a PIM accelerator places weights on its crossbars itself (im2col)"
                                      : "a systolic array runs SCALE-Sim's folds of the layer (im2col rows and columns over the array, "
                                        "its dataflow the one its description names)";
  if (!o.mapping_file.empty()) throw core::InputError(core::SourceLoc{o.mapping_file, 0, 0}, "--mapping", places + "; it takes no mapping");
  if (!o.map.dataflow.empty())
    throw core::InputError(core::SourceLoc{"--dataflow", 0, 0}, "--dataflow", places + "; it takes no dataflow for the mapper");
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
    std::vector<const workload::Problem*> problems;
    for (const auto& l : network.layers) problems.push_back(&l.problem);
    out.weights_resident = o.weights_resident.value_or(weights_fit(spec, problems));
    for (std::size_t i = 0; i < layers.size(); ++i) layers[i].counts = evaluate_pim(spec, network.layers[i].problem, out.weights_resident);
    return;
  }
  if (spec.systolic) {
    for (std::size_t i = 0; i < layers.size(); ++i) layers[i].counts = evaluate_systolic(spec, network.layers[i].problem);
    return;
  }
  if (o.mapping_file.empty()) {
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
  for (std::size_t i = 0; i < layers.size(); ++i) layers[i].counts = evaluate_counts(spec, layers[i].mapping, network.layers[i].problem);
}

}  // namespace

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

AreaReport chip_area(const Accelerator& a, const NetworkEvaluation& e) { return e.area ? *e.area : estimate_area(a.spec); }

}  // namespace hwaware::model
