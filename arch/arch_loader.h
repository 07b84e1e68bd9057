#pragma once
// Loads an accelerator file, detecting the format from its top-level key:
// `accelerator:` (hwaware) or `architecture:` (Timeloop v0.2/v0.3/v0.4).

#include <string>

#include "arch/spec.h"

namespace hwaware::arch {

Spec load_arch(const std::string& path);

}  // namespace hwaware::arch
