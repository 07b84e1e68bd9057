#include "models/timeloop_ert.h"

#include <algorithm>

namespace hwaware::model {
namespace {

std::string component_name(const std::string& path) {
  std::string n = path;
  auto br = n.find('[');
  if (br != std::string::npos) n = n.substr(0, br);
  auto dot = n.rfind('.');
  if (dot != std::string::npos) n = n.substr(dot + 1);
  return n;
}

void read_table(const core::YamlView& table, EnergyTable& ert) {
  core::MapReader t(table);
  std::string name;
  if (auto n = t.required("name")) name = component_name(n->scalar());
  std::map<std::string, double> best;  // action -> max energy over argument variants
  if (auto actions = t.required("actions")) {
    for (auto& a : actions->items()) {
      core::MapReader ar(a);
      std::string action;
      if (auto n = ar.required("name")) action = n->scalar();
      double e = 0;
      if (auto en = ar.required("energy")) e = en->as_number().value_or(0);
      ar.get("arguments");
      ar.finish();
      auto it = best.find(action);
      best[action] = it == best.end() ? e : std::max(it->second, e);
    }
  }
  t.get("primitive_estimation(s)");
  t.finish();
  ComponentEnergy c;
  c.source = "ERT";
  auto get = [&](const std::string& k) -> std::optional<double> {
    auto it = best.find(k);
    if (it == best.end()) return std::nullopt;
    return it->second;
  };
  c.read_pj = get("read").value_or(0);
  c.write_pj = get("write").value_or(0);
  c.update_pj = get("update");
  c.leak_pj_per_cycle = get("leak").value_or(0);  // v0.3 "idle" is not charged by Timeloop
  if (auto v = get("compute")) c.compute_pj = *v;
  else if (auto m = get("mac_random")) c.compute_pj = *m;
  else {
    double mx = 0;
    for (auto& [k, pj] : best)
      if (k.rfind("mac", 0) == 0) mx = std::max(mx, pj);
    c.compute_pj = mx;
  }
  // Every other action by its name (a sparse level's gated_read, metadata_read,
  // decompression_count, ...; Accelergy's older mac_gated and mac_skipped are gated_compute and
  // skipped_compute, as Timeloop's arithmetic unit reads them).
  for (const auto& [k, pj] : best) {
    if (k == "read" || k == "write" || k == "update" || k == "leak" || k == "compute") continue;
    c.action_pj[k == "mac_gated" ? "gated_compute" : k == "mac_skipped" ? "skipped_compute" : k] = pj;
  }
  ert.set(name, c);
}

}  // namespace

EnergyTable read_accelergy_ert(const core::YamlFile& file) {
  core::DiagnosticSink sink;
  EnergyTable ert;
  core::YamlView root(file.root(), file.path(), "", &sink);
  core::MapReader top(root);
  if (auto summary = top.get("ERT_summary")) {
    core::MapReader s(*summary);
    s.get("version");
    if (auto tables = s.required("table_summary"))
      for (auto& t : tables->items()) read_table(t, ert);
    s.finish();
  } else if (auto e = top.get("ERT")) {
    core::MapReader s(*e);
    s.get("version");
    if (auto tables = s.required("tables"))
      for (auto& t : tables->items()) read_table(t, ert);
    s.finish();
  } else {
    root.error("expected an Accelergy energy table with top-level key 'ERT_summary' or 'ERT'");
  }
  top.finish({"ERT_summary", "ERT"});
  sink.throw_if_any();
  return ert;
}

}  // namespace hwaware::model
