#include "models/energy_table.h"

namespace hwaware::model {

const ComponentEnergy* EnergyTable::find(const std::string& component) const {
  auto it = entries_.find(component);
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace hwaware::model
