#include "workloads/workload_loader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "core/timeloop_sections.h"
#include "core/yaml_reader.h"
#include "workloads/native_workload.h"
#include "workloads/scalesim_topology.h"
#include "workloads/timeloop_problem.h"
#include "workloads/validate.h"

namespace hwaware::workload {
namespace {

bool has_csv_extension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".csv";
}

}  // namespace

Network load_workload(const std::string& path) {
  core::DiagnosticSink sink;
  if (has_csv_extension(path)) {
    Network net = load_scalesim_topology(path);
    validate(net, sink);
    sink.throw_if_any();
    return net;
  }
  auto file = core::YamlFile::load(path);
  core::YamlView root(file.root(), path, "", &sink);
  core::MapReader top(root);
  Network net;
  if (auto p = top.get("problem")) {
    Layer layer;
    layer.problem = read_timeloop_problem(*p);
    layer.name = layer.problem.name.empty() ? "layer" : layer.problem.name;
    layer.type = "timeloop";
    layer.loc = p->loc();
    net.name = layer.name;
    net.layers.push_back(layer);
  } else if (auto w = top.get("workload")) {
    net = read_native_workload(*w);
  } else if (top.ok()) {
    root.error("expected a workload: top-level key 'workload' (hwaware) or 'problem' (Timeloop)");
  }
  core::finish_top_level(top);            // a Timeloop document's other sections are the other readers'
  if (sink.empty()) validate(net, sink);  // after a reader's own errors, its defaults would only add noise
  sink.throw_if_any();
  return net;
}

}  // namespace hwaware::workload
