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

constexpr const char* kHeader = "# hwaware per-layer LUT v2: key energy_pj latency_s cycles area_um2";
constexpr const char* kOldHeader = "# hwaware per-layer LUT v1";

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
    if (line.rfind(kOldHeader, 0) == 0)
      throw core::InputError(core::SourceLoc{path_, number, 1}, "",
                             "expected a LUT of format v2 (entries keyed on the backend's settings too, with the area), found v1: "
                             "delete the file and the table is built again");
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string key, rest;
    Entry e;
    if (!(fields >> key >> e.metrics.energy_pj >> e.metrics.latency_s >> e.metrics.cycles >> e.area_um2) || (fields >> rest))
      throw core::InputError(core::SourceLoc{path_, number, 1}, "",
                             "expected a LUT entry (key energy_pj latency_s cycles area_um2), found '" + line + "'");
    entries_[key] = e;
  }
}

std::string LutOracle::key_of(const workload::Layer& layer) const {
  return core::fnv1a_hex(model::shape_key(layer.problem) + "|" + layer.type + "|" + layer.op + "|" + accelerator_hash_ + "|" +
                         backend_->backend() + "|" + backend_->settings());
}

void LutOracle::append(const std::string& key, const Entry& e) const {
  const bool fresh = !std::filesystem::exists(path_);
  std::ofstream out(path_, std::ios::app);
  if (!out) throw core::InputError(core::SourceLoc{path_, 0, 0}, "", "cannot write the LUT file");
  if (fresh) out << kHeader << "\n";
  char buf[160];
  std::snprintf(buf, sizeof buf, "%s %.17g %.17g %lld %.17g\n", key.c_str(), e.metrics.energy_pj, e.metrics.latency_s, e.metrics.cycles,
                e.area_um2);
  out << buf;
}

NetworkMetrics LutOracle::metrics(const workload::Network& network) {
  NetworkMetrics m;
  for (const auto& layer : network.layers) {
    const std::string key = key_of(layer);
    auto it = entries_.find(key);
    if (it == entries_.end()) {
      workload::Network alone;
      alone.name = network.name;
      alone.layers.push_back(layer);
      const NetworkMetrics one = backend_->metrics(alone);
      Entry entry{one.layers.front(), one.area_um2};
      entry.metrics.layer.clear();
      it = entries_.emplace(key, entry).first;
      append(key, entry);
      ++misses_;
    } else {
      ++hits_;
    }
    m.area_um2 = it->second.area_um2;
    LayerMetrics lm = it->second.metrics;
    lm.layer = layer.name;
    m.layers.push_back(lm);
  }
  add_totals(m);
  return m;
}

}  // namespace hwaware::search
