#include "mappings/mapping_loader.h"

#include "core/text.h"
#include "core/timeloop_sections.h"
#include "core/yaml_reader.h"
#include "mappings/legality.h"
#include "mappings/native_mapping.h"
#include "mappings/rules.h"
#include "mappings/timeloop_mapping.h"

namespace hwaware::mapping {

Mapping load_mapping(const std::string& path, const arch::Spec& spec, const workload::Problem& problem, const std::string& layer) {
  auto file = core::YamlFile::load(path);
  core::DiagnosticSink sink;
  core::YamlView root(file.root(), path, "", &sink);
  core::MapReader top(root);
  Mapping m;
  std::optional<core::YamlView> read_from;  // where the mapping is written: what a whole-mapping error points at
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
      read_from = view;
      found = true;
    }
    if (!found)
      all->error("no mapping for layer '" + layer + "' (the file has " + std::to_string(names.size()) + " layers)",
                 core::did_you_mean(layer, names));
  } else if (auto v = top.required("mapping")) {
    if (v->is_seq() && v->node().size() == 0)
      v->error(
          "expected a mapping, found an empty list (Timeloop's front end writes `mapping: []` for its mapper to choose one; "
          "without --mapping, hwaware's mapper chooses one within the file's constraints)");
    else if (v->is_seq()) m = read_timeloop_mapping(*v, spec, problem);
    else m = read_native_mapping(*v, spec, problem);
    read_from = v;
  }
  core::finish_top_level(top);  // a Timeloop document's other sections are the other readers'
  sink.throw_if_any();
  check_parallel_groups(spec, problem);
  check_legality(m, spec, problem, read_from ? *read_from : root);
  sink.throw_if_any();
  return m;
}

bool file_gives_mapping(const std::string& path) {
  auto file = core::YamlFile::load(path);
  const YAML::Node& root = file.root();
  if (!root.IsMap() || root["mappings"] || !root["mapping"]) return true;  // load_mapping reports what is wrong
  const YAML::Node& m = root["mapping"];
  return !(m.IsSequence() && m.size() == 0);
}

}  // namespace hwaware::mapping
