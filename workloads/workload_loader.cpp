#include "workloads/workload_loader.h"

#include <filesystem>

#include "core/text.h"
#include "core/timeloop_sections.h"
#include "core/yaml_reader.h"
#include "workloads/native_workload.h"
#include "workloads/onnx_import.h"
#include "workloads/scalesim_topology.h"
#include "workloads/timeloop_problem.h"
#include "workloads/validate.h"

namespace hwaware::workload {
namespace {

bool has_extension(const std::string& path, const std::string& ext) {
  return core::lower(std::filesystem::path(path).extension().string()) == ext;
}

}  // namespace

Network load_workload(const std::string& path, const LoadOptions& options) {
  core::DiagnosticSink sink;
  if (has_extension(path, ".onnx")) {
    Network net = import_onnx(path, OnnxOptions{options.batch});
    validate(net, sink);
    sink.throw_if_any();
    return net;
  }
  if (options.batch)
    throw core::InputError(core::SourceLoc{"--batch", 0, 0}, "--batch",
                           "sets the batch of an ONNX model's input; '" + path + "' gives its batch itself (`batch:` in hwaware's format)");
  if (has_extension(path, ".csv")) {
    Network net = load_scalesim_topology(path);
    validate(net, sink);
    sink.throw_if_any();
    return net;
  }
  return read_workload_document(core::YamlFile::load(path));
}

Network read_workload_document(const core::YamlFile& file) {
  core::DiagnosticSink sink;
  core::YamlView root(file.root(), file.path(), "", &sink);
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
