#include "workloads/problem.h"

namespace hwaware::workload {

bool DataSpace::indexed_by(int dim) const {
  for (const auto& rank : ranks)
    for (const auto& term : rank)
      if (term.dim == dim && term.coefficient != 0) return true;
  return false;
}

int Problem::dim_index(const std::string& dim) const {
  for (std::size_t i = 0; i < dim_names.size(); ++i)
    if (dim_names[i] == dim) return static_cast<int>(i);
  return -1;
}

int Problem::data_space_index(const std::string& ds) const {
  for (std::size_t i = 0; i < data_spaces.size(); ++i)
    if (data_spaces[i].name == ds) return static_cast<int>(i);
  return -1;
}

long long Problem::macs() const {
  long long m = 1;
  for (long long b : bounds) m *= b;
  return m;
}

long long Problem::tile_size(int data_space, const std::vector<long long>& extents) const {
  long long size = 1;
  for (const auto& rank : data_spaces.at(static_cast<std::size_t>(data_space)).ranks) {
    long long extent = 1;  // max index + 1 of sum(coef * (extent - 1))
    for (const auto& t : rank) extent += t.coefficient * (extents.at(static_cast<std::size_t>(t.dim)) - 1);
    size *= extent;
  }
  return size;
}

}  // namespace hwaware::workload
