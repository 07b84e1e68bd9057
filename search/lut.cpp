#include "search/lut.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/diagnostics.h"
#include "core/text.h"
#include "models/network_mapper.h"

namespace hwaware::search {
namespace {

constexpr const char* kHeader = "# hwaware per-layer LUT v1: key energy_pj latency_s cycles";

}  // namespace

std::string accelerator_hash(const core::YamlFile& file) { return core::fnv1a_hex(YAML::Dump(file.root())); }

LutOracle::LutOracle(std::unique_ptr<CostOracle> backend, std::string accelerator_hash, std::string path)
    : backend_(std::move(backend)), accelerator_hash_(std::move(accelerator_hash)), path_(std::move(path)) {
  std::ifstream in(path_);
  if (!in) return;  // a new table
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string key;
    LayerMetrics m;
    if (!(fields >> key >> m.energy_pj >> m.latency_s >> m.cycles))
      throw core::InputError(core::SourceLoc{path_, number, 1}, "",
                             "expected a LUT entry (key energy_pj latency_s cycles), found '" + line + "'");
    entries_[key] = m;
  }
}

std::string LutOracle::key_of(const workload::Problem& p) const {
  return core::fnv1a_hex(model::shape_key(p) + "|" + accelerator_hash_ + "|" + backend_->backend());
}

void LutOracle::append(const std::string& key, const LayerMetrics& m) const {
  const bool fresh = !std::filesystem::exists(path_);
  std::ofstream out(path_, std::ios::app);
  if (!out) throw core::InputError(core::SourceLoc{path_, 0, 0}, "", "cannot write the LUT file");
  if (fresh) out << kHeader << "\n";
  char buf[128];
  std::snprintf(buf, sizeof buf, "%s %.17g %.17g %lld\n", key.c_str(), m.energy_pj, m.latency_s, m.cycles);
  out << buf;
}

NetworkMetrics LutOracle::metrics(const workload::Network& network) {
  NetworkMetrics m;
  for (const auto& layer : network.layers) {
    const std::string key = key_of(layer.problem);
    auto it = entries_.find(key);
    if (it == entries_.end()) {
      workload::Network alone;
      alone.name = network.name;
      alone.layers.push_back(layer);
      const NetworkMetrics one = backend_->metrics(alone);
      m.area_um2 = one.area_um2;
      LayerMetrics entry = one.layers.front();
      entry.layer.clear();
      it = entries_.emplace(key, entry).first;
      append(key, entry);
      ++misses_;
    } else {
      ++hits_;
    }
    LayerMetrics lm = it->second;
    lm.layer = layer.name;
    m.layers.push_back(lm);
  }
  add_totals(m);
  return m;
}

}  // namespace hwaware::search
