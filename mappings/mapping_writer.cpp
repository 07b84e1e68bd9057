#include "mappings/mapping_writer.h"

namespace hwaware::mapping {
namespace {

std::string loops_map(const std::vector<Loop>& loops, const workload::Problem& pr, LoopKind kind) {
  std::string s;
  for (const auto& lp : loops) {
    if (lp.kind != kind) continue;
    s += (s.empty() ? "" : ", ") + pr.dim_names[static_cast<std::size_t>(lp.dim)] + ": " + std::to_string(lp.bound);
  }
  return "{" + s + "}";
}

}  // namespace

void write_native_mapping(std::ostream& os, const Mapping& m, const arch::Spec& spec, const workload::Problem& pr, int indent) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  for (std::size_t l = 0; l < m.levels.size(); ++l) {
    const auto& lm = m.levels[l];
    const auto& lvl = spec.levels[l];
    os << pad << lvl.name << ":\n";
    if (!lm.temporal.empty()) {
      std::string order;
      for (const auto& lp : lm.temporal) order += (order.empty() ? "" : ", ") + pr.dim_names[static_cast<std::size_t>(lp.dim)];
      os << pad << "  temporal: {factors: " << loops_map(lm.temporal, pr, LoopKind::temporal) << ", order: [" << order << "]}\n";
    }
    if (!lm.spatial.empty())
      os << pad << "  spatial: {x: " << loops_map(lm.spatial, pr, LoopKind::spatial_x)
         << ", y: " << loops_map(lm.spatial, pr, LoopKind::spatial_y) << "}\n";
    if (lvl.is_virtual()) continue;
    std::string keep;
    for (std::size_t ds = 0; ds < pr.data_spaces.size(); ++ds)
      if (lm.keep[ds]) keep += (keep.empty() ? "" : ", ") + pr.data_spaces[ds].name;
    os << pad << "  keep: [" << keep << "]\n";
  }
}

void write_mappings_file(std::ostream& os, const std::vector<std::pair<std::string, const Mapping*>>& layers, const arch::Spec& spec,
                         const std::vector<const workload::Problem*>& problems) {
  os << "# Mappings chosen by hwaware's mapper, one per layer; evaluate them again with --mapping.\n";
  os << "mappings:\n";
  for (std::size_t i = 0; i < layers.size(); ++i) {
    os << "  " << layers[i].first << ":\n";
    write_native_mapping(os, *layers[i].second, spec, *problems[i], 4);
  }
}

}  // namespace hwaware::mapping
