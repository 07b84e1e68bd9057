#include "search/lut.h"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "core/diagnostics.h"
#include "core/text.h"
#include "core/units.h"
#include "models/network_mapper.h"

namespace hwaware::search {
namespace {

constexpr const char* kHeader = "# hwaware per-layer LUT v3: key energy_pj latency_s cycles area_um2 component=energy_pj...";
constexpr const char* kOldHeader = "# hwaware per-layer LUT v";  // v1, v2: before components

// A component's name in an entry, whitespace, '=' and '%' escaped (%20, %09, %3D, %25).
std::string escape(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (c == '%' || c == '=' || c == ' ' || c == '\t') {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
      out += hex;
    } else {
      out += c;
    }
  }
  return out;
}

// The name escape() wrote; empty when `text` holds a malformed escape.
std::optional<std::string> unescape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size() || !std::isxdigit(static_cast<unsigned char>(text[i + 1])) ||
        !std::isxdigit(static_cast<unsigned char>(text[i + 2])))
      return std::nullopt;
    out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
    i += 2;
  }
  return out;
}

// "name=energy" into the entry's components; false when it is not that.
bool read_component(const std::string& token, LayerMetrics& m) {
  const auto eq = token.find('=');
  if (eq == std::string::npos || eq == 0) return false;
  const auto name = unescape(token.substr(0, eq));
  const auto value = core::parse_number(token.substr(eq + 1));
  if (!name || !value) return false;
  m.energy_by_component_pj[*name] = *value;
  return true;
}

}  // namespace

LutOracle::LutOracle(std::unique_ptr<CostOracle> backend, std::string accelerator_key, std::string path)
    : backend_(std::move(backend)), accelerator_key_(std::move(accelerator_key)), path_(std::move(path)) {
  std::ifstream in(path_);
  if (!in) return;  // a new table
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.rfind(kOldHeader, 0) == 0 && line.rfind(kHeader, 0) != 0)
      throw core::InputError(core::SourceLoc{path_, number, 1}, "",
                             "expected a LUT of format v3 (entries with the energy by component), found '" + line +
                                 "': delete the file and the table is built again");
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string key, component;
    Entry e;
    bool ok = static_cast<bool>(fields >> key >> e.metrics.energy_pj >> e.metrics.latency_s >> e.metrics.cycles >> e.area_um2);
    while (ok && fields >> component) ok = read_component(component, e.metrics);
    if (!ok)
      throw core::InputError(core::SourceLoc{path_, number, 1}, "",
                             "expected a LUT entry (key energy_pj latency_s cycles area_um2 component=energy_pj...), found '" + line + "'");
    entries_[key] = e;
  }
}

std::string LutOracle::key_of(const workload::Layer& layer, const std::string& context) const {
  return core::fnv1a_hex(model::shape_key(layer.problem) + "|" + layer.type + "|" + layer.op + "|" + accelerator_key_ + "|" +
                         backend_->backend() + "|" + backend_->settings() + context);
}

void LutOracle::append(const std::string& key, const Entry& e) const {
  const bool fresh = !std::filesystem::exists(path_);
  std::ofstream out(path_, std::ios::app);
  if (!out) throw core::InputError(core::SourceLoc{path_, 0, 0}, "", "cannot write the LUT file");
  if (fresh) out << kHeader << "\n";
  char buf[160];
  std::snprintf(buf, sizeof buf, "%s %.17g %.17g %lld %.17g", key.c_str(), e.metrics.energy_pj, e.metrics.latency_s, e.metrics.cycles,
                e.area_um2);
  out << buf;
  for (const auto& [component, pj] : e.metrics.energy_by_component_pj) {
    std::snprintf(buf, sizeof buf, "=%.17g", pj);
    out << " " << escape(component) << buf;
  }
  out << "\n";
}

NetworkMetrics LutOracle::metrics(const workload::Network& network) {
  NetworkMetrics m;
  const auto contexts = backend_->layer_contexts(network);
  if (contexts.size() != network.layers.size()) core::panic("LutOracle: one layer context per layer expected");
  std::optional<NetworkMetrics> whole;  // the network asked about as a whole, for layers whose answer depends on it
  for (std::size_t i = 0; i < network.layers.size(); ++i) {
    const auto& layer = network.layers[i];
    const std::string key = key_of(layer, contexts[i]);
    auto it = entries_.find(key);
    if (it == entries_.end()) {
      Entry entry;
      if (contexts[i].empty()) {
        workload::Network alone;
        alone.name = network.name;
        alone.layers.push_back(layer);
        const NetworkMetrics one = backend_->metrics(alone);
        entry = {one.layers.front(), one.area_um2};
      } else {
        if (!whole) whole = backend_->metrics(network);
        entry = {whole->layers.at(i), whole->area_um2};
      }
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
  m.pipelined = backend_->pipelined();
  add_totals(m);
  return m;
}

}  // namespace hwaware::search
