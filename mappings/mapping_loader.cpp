#include "mappings/mapping_loader.h"

#include "core/yaml_reader.h"
#include "mappings/legality.h"
#include "mappings/native_mapping.h"
#include "mappings/timeloop_mapping.h"

namespace hwaware::mapping {

Mapping load_mapping(const std::string& path, const arch::Spec& spec, const workload::Problem& problem) {
  auto file = core::YamlFile::load(path);
  core::DiagnosticSink sink;
  core::YamlView root(file.root(), path, "", &sink);
  core::MapReader top(root);
  Mapping m;
  if (auto v = top.required("mapping")) {
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
