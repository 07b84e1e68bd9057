#include "arch/spec.h"

namespace hwaware::arch {

std::string to_string(Technology t) {
  switch (t) {
    case Technology::dram: return "DRAM";
    case Technology::sram: return "SRAM";
    case Technology::regfile: return "regfile";
    case Technology::none: return "none";
  }
  return "?";
}

std::optional<long long> StorageLevel::capacity_words() const {
  if (!depth) return std::nullopt;
  return *depth * block_size;
}

int Spec::level_index(const std::string& n) const {
  for (std::size_t i = 0; i < levels.size(); ++i)
    if (levels[i].name == n) return static_cast<int>(i);
  return -1;
}

long long Spec::fanout_below(int level) const { return fanout_x_below(level) * fanout_y_below(level); }

long long Spec::fanout_x_below(int level) const {
  const auto& me = levels.at(static_cast<std::size_t>(level));
  long long child = (static_cast<std::size_t>(level) + 1 < levels.size())
                        ? levels[static_cast<std::size_t>(level) + 1].mesh_x
                        : compute.mesh_x;
  return child / me.mesh_x;
}

long long Spec::fanout_y_below(int level) const {
  const auto& me = levels.at(static_cast<std::size_t>(level));
  long long child = (static_cast<std::size_t>(level) + 1 < levels.size())
                        ? levels[static_cast<std::size_t>(level) + 1].mesh_y
                        : compute.mesh_y;
  return child / me.mesh_y;
}

}  // namespace hwaware::arch
