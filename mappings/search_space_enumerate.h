#pragma once
// Exhaustive enumeration of a SearchSpace (a template, so it lives in a header).

#include <functional>

namespace hwaware::mapping {

template <typename Visit>
void SearchSpace::enumerate(Visit visit) const {
  if (!infeasible_.empty()) return;
  std::vector<std::vector<std::vector<long long>>> per_dim;
  for (std::size_t d = 0; d < pr_.dim_names.size(); ++d) per_dim.push_back(factorizations(d));
  std::vector<std::size_t> index(per_dim.size(), 0);
  Candidate c = minimal();
  const std::function<void(const Candidate&)> fn = visit;
  for (;;) {
    for (std::size_t d = 0; d < per_dim.size(); ++d) c.factor[d] = per_dim[d][index[d]];
    enumerate_orders(c, 0, [&](const Candidate& withorder) {
      Candidate k = withorder;
      enumerate_keeps(k, 0, fn);
    });
    std::size_t d = 0;
    while (d < index.size() && ++index[d] == per_dim[d].size()) index[d++] = 0;
    if (d == index.size()) break;
  }
}

}  // namespace hwaware::mapping
