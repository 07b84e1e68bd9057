#pragma once
// Reads Accelergy energy reference tables: ERT_summary.yaml (v0.4: `ERT_summary.table_summary`)
// and ERT.yaml (v0.3: `ERT.tables`, actions with arguments). Component names are matched by
// their last path element without the instance range ("system.PE.mac[1..168]" -> "mac").
// Where an action has several argument variants, the most expensive one is used, as Timeloop does.

#include "core/yaml_reader.h"
#include "models/energy_table.h"

namespace hwaware::model {

EnergyTable read_accelergy_ert(const core::YamlFile& file);

}  // namespace hwaware::model
