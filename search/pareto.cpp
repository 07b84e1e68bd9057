#include "search/pareto.h"

namespace hwaware::search {

bool dominates(const std::vector<double>& a, const std::vector<double>& b) {
  bool better = false;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i] > b[i]) return false;
    if (a[i] < b[i]) better = true;
  }
  return better;
}

std::vector<std::size_t> pareto_front(const std::vector<std::vector<double>>& costs) {
  // Every pair is compared: explorations have thousands of points at most.
  std::vector<std::size_t> front;
  for (std::size_t i = 0; i < costs.size(); ++i) {
    bool dominated = false;
    for (std::size_t j = 0; j < costs.size() && !dominated; ++j) dominated = j != i && dominates(costs[j], costs[i]);
    if (!dominated) front.push_back(i);
  }
  return front;
}

}  // namespace hwaware::search
