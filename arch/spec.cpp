#include "arch/spec.h"

#include <algorithm>

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

bool StorageLevel::bypasses(const std::string& tensor) const {
  auto in = [&](const std::vector<std::string>& v) { return std::find(v.begin(), v.end(), tensor) != v.end(); };
  return in(bypass) || (branch_keeps && !in(*branch_keeps));
}

bool StorageLevel::holds(const std::string& tensor) const {
  return std::find(keep.begin(), keep.end(), tensor) != keep.end() || !bypasses(tensor);
}

std::optional<long long> StorageLevel::capacity_words() const {
  if (!depth) return std::nullopt;
  return *depth * block_size;
}

std::optional<double> StorageLevel::capacity_bits() const {
  if (!depth) return std::nullopt;
  return static_cast<double>(*depth) * static_cast<double>(block_size) * static_cast<double>(word_bits);
}

int Spec::level_index(const std::string& n) const {
  for (std::size_t i = 0; i < levels.size(); ++i)
    if (levels[i].name == n) return static_cast<int>(i);
  return -1;
}

bool Spec::sparse_optimized() const {
  if (!compute.sparse.empty()) return true;
  return std::any_of(levels.begin(), levels.end(), [](const StorageLevel& l) { return !l.sparse.empty(); });
}

std::optional<int> Spec::element_bits(const std::string& tensor, std::optional<int> workload_bits) const {
  auto it = tensor_bits.find(tensor);
  if (it != tensor_bits.end()) return it->second;
  return workload_bits;
}

long long Spec::fanout_below(int level) const { return fanout_x_below(level) * fanout_y_below(level); }

long long Spec::fanout_x_below(int level) const {
  const auto& me = levels.at(static_cast<std::size_t>(level));
  long long child =
      (static_cast<std::size_t>(level) + 1 < levels.size()) ? levels[static_cast<std::size_t>(level) + 1].mesh_x : compute.mesh_x;
  return child / me.mesh_x;
}

long long Spec::fanout_y_below(int level) const {
  const auto& me = levels.at(static_cast<std::size_t>(level));
  long long child =
      (static_cast<std::size_t>(level) + 1 < levels.size()) ? levels[static_cast<std::size_t>(level) + 1].mesh_y : compute.mesh_y;
  return child / me.mesh_y;
}

std::string to_string(SystolicDataflow d) {
  switch (d) {
    case SystolicDataflow::os: return "os";
    case SystolicDataflow::ws: return "ws";
    case SystolicDataflow::is: return "is";
  }
  return "ws";
}

std::optional<SystolicDataflow> systolic_dataflow_from(const std::string& name) {
  for (auto d : {SystolicDataflow::os, SystolicDataflow::ws, SystolicDataflow::is})
    if (to_string(d) == name) return d;
  return std::nullopt;
}

}  // namespace hwaware::arch
