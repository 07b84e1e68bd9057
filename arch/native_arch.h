#pragma once
// hwaware's own accelerator format (see docs/formats.md): storage levels outermost first, each
// with capacity, word bits, block size, bandwidth, instances/mesh, keep/bypass, energy; the
// compute unit; clock; technology; energy model.

#include "arch/spec.h"
#include "core/yaml_reader.h"

namespace hwaware::arch {

// `accelerator` is the view of the top-level "accelerator" key; errors go to its sink.
Spec read_native_arch(const core::YamlView& accelerator);

}  // namespace hwaware::arch
