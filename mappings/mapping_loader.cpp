#include "mappings/mapping_loader.h"

#include "core/text.h"
#include "core/yaml_reader.h"
#include "mappings/legality.h"
#include "mappings/native_mapping.h"
#include "mappings/timeloop_mapping.h"

namespace hwaware::mapping {

Mapping load_mapping(const std::string& path, const arch::Spec& spec, const workload::Problem& problem, const std::string& layer) {
  auto file = core::YamlFile::load(path);
  core::DiagnosticSink sink;
  core::YamlView root(file.root(), path, "", &sink);
  core::MapReader top(root);
  Mapping m;
  if (root.is_map() && root.node()["mappings"]) {
    // One mapping per layer, as the mapper writes them.
    auto all = top.required("mappings");
    core::MapReader layers(*all);
    std::vector<std::string> names;
    bool found = false;
    for (auto& [name, view] : layers.entries()) {
      names.push_back(name);
      if (name != layer) continue;
      m = read_native_mapping(view, spec, problem);
      found = true;
    }
    if (!found)
      all->error("no mapping for layer '" + layer + "' (the file has " + std::to_string(names.size()) + " layers)",
                 core::did_you_mean(layer, names));
  } else if (auto v = top.required("mapping")) {
    if (v->is_seq()) m = read_timeloop_mapping(*v, spec, problem);
    else m = read_native_mapping(*v, spec, problem);
  }
  top.finish();
  sink.throw_if_any();
  check_legality(m, spec, problem, root);
  sink.throw_if_any();
  return m;
}

}  // namespace hwaware::mapping
