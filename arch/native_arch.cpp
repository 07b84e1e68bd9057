#include "arch/native_arch.h"

namespace hwaware::arch {

Spec read_native_arch(const core::YamlView& accelerator) {
  accelerator.error("hwaware's own accelerator format is not available in this build yet");
  return {};
}

}  // namespace hwaware::arch
