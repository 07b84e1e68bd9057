#pragma once
// Reads the `pim:` section of an accelerator in hwaware's format (arch/pim_spec.h): the crossbars,
// their cells and peripherals. Errors go to the view's sink with file:line:col.

#include "arch/spec.h"
#include "core/yaml_reader.h"

namespace hwaware::arch {

void read_pim(const core::YamlView& v, Spec& spec);

// Whether the crossbars' circuits have figures at this node (circuits/technology.h), and the list
// of those nodes for a message ("22nm, 32nm, ...").
bool pim_node_modelled(double node_nm);
std::string pim_node_list();

}  // namespace hwaware::arch
