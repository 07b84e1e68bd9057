#include "workloads/density.h"

namespace hwaware::workload {

std::optional<DensityDistribution> density_distribution_named(std::string_view name) {
  if (name == "fixed" || name == "fixed-structured" || name == "fixed_structured") return DensityDistribution::fixed_structured;
  if (name == "hypergeometric") return DensityDistribution::hypergeometric;
  return std::nullopt;
}

std::string to_string(DensityDistribution d) { return d == DensityDistribution::hypergeometric ? "hypergeometric" : "fixed_structured"; }

const std::vector<std::string>& density_distribution_names() {
  static const std::vector<std::string> names = {"fixed_structured", "fixed-structured", "fixed", "hypergeometric"};
  return names;
}

}  // namespace hwaware::workload
