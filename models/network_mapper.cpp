#include "models/network_mapper.h"

#include "models/analytical_model.h"

#include <fmt/format.h>
#include <chrono>
#include <iostream>
#include <map>

#include "core/text.h"
#include "mappings/dataflow.h"
#include "models/search_evaluator.h"

namespace hwaware::model {
std::string shape_key(const workload::Problem& p) {
  std::string k;
  for (std::size_t d = 0; d < p.dim_names.size(); ++d) k += p.dim_names[d] + "=" + std::to_string(p.bounds[d]) + ",";
  for (const auto& ds : p.data_spaces) {
    k += "|" + ds.name + ":" + std::to_string(ds.bits.value_or(0)) + ":" + fmt::format("{}", ds.density) + ":";
    if (ds.bit_density != 0.5) k += fmt::format("b{}:", ds.bit_density);  // random bits (the default) keep the keys of older tables
    if (ds.density_distribution != workload::DensityDistribution::fixed_structured || ds.density_tensor_coords != 0)
      k += workload::to_string(ds.density_distribution) + ":" + std::to_string(ds.density_tensor_coords) + ":";  // likewise
    for (const auto& rank : ds.ranks) {
      for (const auto& t : rank) k += std::to_string(t.coefficient) + "*" + std::to_string(t.dim) + "+";
      k += ";";
    }
  }
  return k;
}

namespace {

// The dataflow preset the accelerator names (or the one given on the command line), checked.
std::optional<mapping::Dataflow> load_dataflow_for(const arch::Spec& spec, const std::string& override_name) {
  const std::string name = override_name.empty() ? spec.dataflow : override_name;
  if (name.empty()) return std::nullopt;
  std::string file = mapping::dataflow_file(name);
  const bool is_path = name.size() > 5 && name.compare(name.size() - 5, 5, ".yaml") == 0;
  if (file.empty() && is_path)  // a constraints file that is not there: the loader says so
    file = name;
  if (file.empty()) {
    core::SourceLoc loc = override_name.empty() ? spec.dataflow_loc : core::SourceLoc{"--dataflow", 0, 0};
    auto presets = mapping::dataflow_presets();
    throw core::InputError({core::Diagnostic{
        loc, override_name.empty() ? "accelerator.dataflow" : "--dataflow",
        "unknown dataflow '" + name + "' (presets: " + core::join(presets, ", ") + "; or give a constraints file ending in .yaml)",
        core::did_you_mean(name, presets)}});
  }
  auto df = mapping::load_dataflow(file);
  mapping::check_dataflow(spec, df);
  return df;
}

}  // namespace

std::vector<MappedLayer> map_layers(const arch::Spec& spec, const workload::Network& network, const EnergyTable& table,
                                    const MapOptions& options) {
  auto dataflow = load_dataflow_for(spec, options.dataflow);
  std::vector<MappedLayer> out;
  std::map<std::string, std::size_t> first_of_shape;
  core::DiagnosticSink failures;
  const std::size_t n = network.layers.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto& layer = network.layers[i];
    auto key = shape_key(layer.problem);
    if (auto it = first_of_shape.find(key); it != first_of_shape.end()) {
      MappedLayer reuse = out[it->second];
      reuse.reused = true;
      reuse.reused_from = network.layers[it->second].name;
      out.push_back(std::move(reuse));
      if (!options.quiet)
        std::cerr << fmt::format("[{}/{}] {}: same shape as {}, mapping reused\n", i + 1, n, layer.name, network.layers[it->second].name);
      continue;
    }
    auto start = std::chrono::steady_clock::now();
    auto rules = mapping::resolve_rules(spec, layer.problem, dataflow ? &*dataflow : nullptr);
    const auto& pr = layer.problem;
    const SearchEvaluator evaluator(spec, pr, table);  // equals evaluate_counts + price_total
    mapping::CostModel cost = [&evaluator](const mapping::Mapping& m) { return evaluator.evaluate(m); };
    MappedLayer ml;
    ml.search = mapping::find_mapping(spec, pr, rules, cost, options.mapper);
    ml.mapping = ml.search.mapping;
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!ml.search.found && ml.search.unevaluable) {
      // A sparse format that cannot hold the tiles of any mapping: the format is the mistake.
      const LayerCounts c = evaluate_counts(spec, *ml.search.unevaluable, pr);
      failures.error(c.sparse_failure_loc.line ? c.sparse_failure_loc : layer.loc, "layer '" + layer.name + "'",
                     "no mapping the model can evaluate: " + c.sparse_failure +
                         " (give the format a rank for each level's loops, or "
                         "'flattened: all' ranks)");
    } else if (!ml.search.found) failures.error(layer.loc, "layer '" + layer.name + "'", "no legal mapping: " + ml.search.infeasible);
    else if (!options.quiet)
      std::cerr << fmt::format(
          "[{}/{}] {}: {} mappings evaluated, {} rejected, {} repeated; {}; best {:.6g} pJ, {:.0f} cycles ({:.2f} s)\n", i + 1, n,
          layer.name, ml.search.evaluated, ml.search.rejected, ml.search.repeated, ml.search.stop_reason, ml.search.cost.energy_pj,
          ml.search.cost.cycles, secs);
    first_of_shape[key] = out.size();
    out.push_back(std::move(ml));
  }
  failures.throw_if_any();
  return out;
}

}  // namespace hwaware::model
