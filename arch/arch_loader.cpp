#include "arch/arch_loader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "arch/native_arch.h"
#include "arch/scalesim_config.h"
#include "arch/sparse_checks.h"
#include "arch/timeloop_arch.h"
#include "arch/timeloop_constraints.h"
#include "arch/timeloop_sparse.h"
#include "arch/validate.h"
#include "core/timeloop_sections.h"
#include "core/yaml_reader.h"

namespace hwaware::arch {
bool is_scalesim_config(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".cfg";
}

Spec load_arch(const std::string& path) {
  if (!is_scalesim_config(path)) return read_arch(core::YamlFile::load(path));
  return validated(load_scalesim_config(path));
}

Spec read_arch(const core::YamlFile& file) {
  core::DiagnosticSink sink;
  core::YamlView root(file.root(), file.path(), "", &sink);
  core::MapReader top(root);
  Spec spec;
  if (auto a = top.get("architecture")) {
    spec = read_timeloop_arch(*a);
    read_constraint_sections(top, spec);
    if (auto s = top.get("sparse_optimizations")) read_sparse_optimizations(*s, spec);
    check_sparse_features(spec, root.sink());  // after the constraint sections: a format may not be of a bypassed tensor
  } else if (auto n = top.get("accelerator")) {
    spec = read_native_arch(*n);
  } else if (top.ok()) {
    root.error("expected an accelerator description: top-level key 'accelerator' (hwaware) or 'architecture' (Timeloop)");
  }
  core::finish_top_level(top);             // a Timeloop document's other sections are the other readers'
  if (sink.empty()) validate(spec, sink);  // after a reader's own errors, its defaults would only add noise
  sink.throw_if_any();
  return spec;
}

}  // namespace hwaware::arch
