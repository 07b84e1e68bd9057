#include "models/energy_table.h"

#include <algorithm>

namespace hwaware::model {

double ComponentEnergy::compute_at(int weight_bits, int input_bits) const {
  if (operand_bits <= 0 || (weight_bits == operand_bits && input_bits == operand_bits)) return compute_pj;
  const double ref = static_cast<double>(operand_bits);
  const double product = static_cast<double>(weight_bits) * static_cast<double>(input_bits) / (ref * ref);
  const double wider = static_cast<double>(std::max(weight_bits, input_bits)) / ref;
  return compute_pj * (multiplier_share * product + (1 - multiplier_share) * wider);
}

double ComponentEnergy::action(const std::string& name) const {
  if (auto it = action_pj.find(name); it != action_pj.end()) return it->second;
  if (name == "read") return read_pj;
  if (name == "write") return write_pj;
  return 0;
}

const ComponentEnergy* EnergyTable::find(const std::string& component) const {
  auto it = entries_.find(component);
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace hwaware::model
