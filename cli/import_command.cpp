#include "cli/import_command.h"

#include <fmt/format.h>
#include <filesystem>
#include <iostream>
#include <map>
#include <stdexcept>

#include "cli/batch_flag.h"
#include "core/diagnostics.h"
#include "core/output_file.h"
#include "core/yaml_reader.h"
#include "workloads/onnx_import.h"
#include "workloads/validate.h"
#include "workloads/workload_writer.h"

namespace hwaware::cli {
namespace {

// The written file's header: where it comes from, and every node of the model that is no layer.
std::string header(const ImportOptions& o, const workload::Network& net) {
  std::string h = "Imported from " + std::filesystem::path(o.model).filename().string() + " by `hwaware import onnx`" +
                  (o.batch > 0 ? " at batch " + std::to_string(o.batch) : "") + " (docs/formats.md, \"ONNX models\").";
  h += "\nLayers are named after the ONNX nodes. Nodes that are no layer (" + std::to_string(net.notes.size()) + "):";
  for (const auto& note : net.notes) h += "\n  " + note;
  return h;
}

// "53 conv2d, 1 fc, 2 pool, 16 add".
std::string layer_counts(const workload::Network& net) {
  std::map<std::string, int> counts;
  std::vector<std::string> order;
  for (const auto& l : net.layers)
    if (counts[l.type]++ == 0) order.push_back(l.type);
  std::string s;
  for (const auto& t : order) s += (s.empty() ? "" : ", ") + std::to_string(counts[t]) + " " + t;
  return s;
}

}  // namespace

std::shared_ptr<ImportOptions> add_import_command(CLI::App& app) {
  auto o = std::make_shared<ImportOptions>();
  auto* import = app.add_subcommand("import", "Write a network of another format as hwaware's workload YAML");
  import->require_subcommand(1);
  auto* onnx = import->add_subcommand("onnx", "An ONNX model (torch.onnx.export's, for example) as hwaware's workload YAML");
  onnx->add_option("model", o->model, "The ONNX model (.onnx)")->required();
  onnx->add_option("--out", o->out, "The workload file to write (YAML)")->required();
  add_batch_flag(onnx, o->batch);
  return o;
}

int run_import(const ImportOptions& o) {
  core::DiagnosticSink sink;
  workload::Network net = workload::import_onnx(o.model, workload::OnnxOptions{load_options(o.batch).batch});
  workload::validate(net, sink);
  sink.throw_if_any();
  std::string text;
  try {
    text = workload::workload_yaml(net, header(o, net));
  } catch (const std::invalid_argument& e) {  // a layer the format cannot say (one reading the network's input after the first)
    throw core::InputError(core::SourceLoc{o.model, 0, 0}, "", e.what());
  }
  // What is written reads back as the same network, or nothing is written.
  const auto back = workload::read_workload_document(core::YamlFile::parse(text, o.out));
  if (workload::workload_yaml(back, header(o, net)) != text)
    core::panic("hwaware import onnx: " + o.out + " does not read back as written");
  core::write_output_file(o.out, text);
  std::cout << fmt::format("{}: {} layers ({}), {} MACs; {} nodes are no layer (listed in its header)\n", o.out, net.layers.size(),
                           layer_counts(net), net.macs(), net.notes.size());
  return 0;
}

}  // namespace hwaware::cli
