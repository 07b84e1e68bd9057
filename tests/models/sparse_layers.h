#pragma once
// Test helpers for the sparse analysis tests: the small layer of sparse_analysis_test.cpp's file
// comment (conv1d(1, 3, 5) on Main -> Buffer -> MAC), action optimizations and formats written
// briefly, and access to one tensor's sparse counts and one energy row.

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "models/analytical_model.h"
#include "models/small_layers.h"

namespace hwaware::test::sparse_layers {

using arch::RankFormat;
using arch::SafKind;

inline constexpr std::size_t kMain = 0, kBuffer = 1;

inline arch::ActionOptimization saf(SafKind kind, std::vector<std::pair<std::string, std::vector<std::string>>> options) {
  arch::ActionOptimization a;
  a.kind = kind;
  for (auto& [target, on] : options) {
    arch::SafOption o;
    o.target = target;
    o.condition_on = on;
    a.options.push_back(o);
  }
  return a;
}

// A tensor's format, ranks outermost first.
inline arch::TensorFormat format_of(const std::string& tensor, const std::vector<RankFormat>& ranks) {
  arch::TensorFormat f;
  f.tensor = tensor;
  for (RankFormat r : ranks) {
    arch::RankSpec s;
    s.format = r;
    f.ranks.push_back(s);
  }
  return f;
}

// The small layer of the file comment: conv1d(1, 3, 5), Main P5, Buffer R3.
struct SmallLayer {
  workload::Problem pr = conv1d(1, 3, 5);
  arch::Spec spec = spec_of({level("Main"), level("Buffer")});
  mapping::Mapping m{{lm({{P, 5}}), lm({{R, 3}})}};

  arch::StorageLevel& buffer() { return spec.levels[kBuffer]; }
  model::LayerCounts counts() const { return model::evaluate_counts(spec, m, pr); }
};

inline const model::SparseTensorCounts& sparse(const model::LayerCounts& c, std::size_t level, std::size_t tensor) {
  REQUIRE(c.levels.at(level).sparse.size() == c.tensor_names.size());
  return c.levels[level].sparse[tensor];
}

// The energy row of one action (nullptr: not priced).
inline const model::BreakdownRow* row(const model::LayerEnergy& e, const std::string& component, const std::string& tensor,
                                      const std::string& action) {
  for (const auto& r : e.rows)
    if (r.component == component && r.tensor == tensor && r.action == action) return &r;
  return nullptr;
}

inline double energy_of(const model::LayerEnergy& e, const std::string& component, const std::string& tensor, const std::string& action) {
  const auto* r = row(e, component, tensor, action);
  return r ? r->energy_pj : 0.0;
}

// Buffer: read 1 pJ, write (fill and update) 2 pJ; MAC 0.5 pJ; Main free.
inline model::EnergyTable small_table() {
  model::EnergyTable t;
  model::ComponentEnergy buffer;
  buffer.read_pj = 1;
  buffer.write_pj = 2;
  t.set("Buffer", buffer);
  model::ComponentEnergy mac;
  mac.compute_pj = 0.5;
  t.set("mac", mac);
  return t;
}

inline void add_buffer_action(model::EnergyTable& t, const std::string& action, double pj) {
  model::ComponentEnergy e = *t.find("Buffer");
  e.action_pj[action] = pj;
  t.set("Buffer", e);
}

}  // namespace hwaware::test::sparse_layers
