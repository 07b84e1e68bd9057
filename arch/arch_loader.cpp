#include "arch/arch_loader.h"

#include "arch/native_arch.h"
#include "arch/timeloop_arch.h"
#include "core/yaml_reader.h"

namespace hwaware::arch {

Spec load_arch(const std::string& path) {
  auto file = core::YamlFile::load(path);
  core::DiagnosticSink sink;
  core::YamlView root(file.root(), path, "", &sink);
  core::MapReader top(root);
  Spec spec;
  if (auto a = top.get("architecture")) {
    spec = read_timeloop_arch(*a);
  } else if (auto n = top.get("accelerator")) {
    spec = read_native_arch(*n);
  } else if (top.ok()) {
    root.error("expected an accelerator description: top-level key 'accelerator' (hwaware) or 'architecture' (Timeloop)");
  }
  top.finish();
  sink.throw_if_any();
  return spec;
}

}  // namespace hwaware::arch
