#include "mappings/dataflow.h"

#include <algorithm>
#include <filesystem>

#include "core/install_paths.h"
#include "core/yaml_reader.h"

namespace hwaware::mapping {
namespace {

// The dataflow presets: mappings/constraints/, installed as share/hwaware/constraints/.
std::filesystem::path constraints_dir() { return core::data_dir() / "constraints"; }

std::vector<std::string> names(const core::YamlView& v) {
  if (!v.is_seq()) {
    v.error("expected a list of dimension names, found " + v.found());
    return {};
  }
  return v.string_list();
}

DataflowTarget read_target(const core::YamlView& v) {
  DataflowTarget t;
  t.loc = v.loc();
  core::MapReader m(v);
  if (auto n = m.required("target")) t.target = n->as_string().value_or("");
  if (auto s = m.get("spatial")) {
    core::MapReader sm(*s);
    if (auto x = sm.get("x")) t.spatial_x = names(*x);
    if (auto y = sm.get("y")) t.spatial_y = names(*y);
    sm.finish();
  }
  if (auto tv = m.get("temporal")) {
    core::MapReader tm(*tv);
    if (auto a = tm.get("allowed")) t.temporal_allowed = names(*a);
    if (auto f = tm.get("factors")) {
      core::MapReader fm(*f);
      for (auto& [dim, val] : fm.entries())
        if (auto n = val.as_positive_int()) t.temporal_factors.emplace_back(dim, *n);
    }
    if (auto i = tm.get("innermost")) t.innermost = names(*i);
    tm.finish();
  }
  if (auto k = m.get("keep")) t.keep = k->string_list();
  if (auto b = m.get("bypass")) t.bypass = b->string_list();
  m.finish();
  return t;
}

}  // namespace

Dataflow load_dataflow(const std::string& path) {
  auto file = core::YamlFile::load(path);
  core::DiagnosticSink sink;
  core::YamlView root(file.root(), path, "", &sink);
  core::MapReader top(root);
  Dataflow d;
  d.loc = root.loc();
  if (auto c = top.required("constraints")) {
    core::MapReader m(*c);
    if (auto n = m.get("name")) d.name = n->as_string().value_or("");
    if (auto s = m.get("description")) d.description = s->as_string().value_or("");
    if (auto t = m.required("targets")) {
      if (!t->is_seq()) t->error("expected a list of targets, found " + t->found());
      else
        for (auto& item : t->items()) d.targets.push_back(read_target(item));
    }
    m.finish();
  }
  top.finish();
  sink.throw_if_any();
  return d;
}

std::vector<std::string> dataflow_presets() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(constraints_dir(), ec))
    if (e.path().extension() == ".yaml") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string dataflow_file(const std::string& name) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (name.size() > 5 && name.substr(name.size() - 5) == ".yaml" && fs::exists(name, ec)) return name;
  fs::path preset = constraints_dir() / (name + ".yaml");
  if (fs::exists(preset, ec)) return preset.string();
  return {};
}

}  // namespace hwaware::mapping
