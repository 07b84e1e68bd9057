#pragma once
// Reads the `pim:` section of an accelerator in hwaware's format (arch/pim_spec.h): the crossbars,
// their cells and peripherals. Errors go to the view's sink with file:line:col.

#include "arch/spec.h"
#include "core/yaml_reader.h"

namespace hwaware::arch {

void read_pim(const core::YamlView& v, Spec& spec);

}  // namespace hwaware::arch
