#include "cli/sweep_points.h"

#include <limits>

#include "core/checked.h"
#include "core/diagnostics.h"
#include "core/text.h"

namespace hwaware::cli {
namespace {

[[noreturn]] void bad_set(const SweepSetting& option, const std::string& message, const std::string& hint = {}) {
  core::Diagnostic d{option.loc, option.key_path, message, hint};
  throw core::InputError(std::vector<core::Diagnostic>{d});
}

// The setting of the axis that wrote the key an error names (the last segment of its key path).
const SweepAxis* axis_of(const std::vector<SweepAxis>& axes, const std::string& key_path) {
  const std::string key = key_path.substr(key_path.find_last_of('.') + 1);
  for (const auto& a : axes)
    for (const auto& path : a.paths)
      if (!path.empty() && path.back() == key) return &a;
  return nullptr;
}

// A point's errors: one on a swept value goes to the setting that wrote it; any other stays at its
// line of the accelerator file (the file is wrong there with these values), or, without a line,
// goes to the first setting.
[[noreturn]] void rethrow_for_point(const std::vector<SweepAxis>& axes, const core::InputError& e, const std::string& label) {
  std::vector<core::Diagnostic> ds;
  for (auto d : e.diagnostics()) {
    if (const SweepAxis* a = axis_of(axes, d.key_path)) d.loc = a->setting.loc;
    else if (d.loc.line == 0) d.loc = axes.empty() ? core::SourceLoc{"--set", 0, 0} : axes.front().setting.loc;
    d.message = "with " + label + ": " + d.message;
    ds.push_back(d);
  }
  throw core::InputError(ds);
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == sep) out.emplace_back();
    else out.back() += c;
  }
  for (auto& p : out) p = core::trim(p);
  return out;
}

// The node a path names (entering a list by an item's name or index); reports what is missing.
YAML::Node follow(YAML::Node node, const std::vector<std::string>& path, const SweepSetting& option) {
  std::string where;
  for (const auto& seg : path) {
    std::vector<std::string> names;
    YAML::Node next;
    if (node.IsMap()) {
      for (auto it = node.begin(); it != node.end(); ++it) {
        names.push_back(it->first.IsScalar() ? it->first.Scalar() : std::string("<a key that is not a name>"));
        if (names.back() == seg) next.reset(it->second);
      }
    } else if (node.IsSequence()) {
      for (std::size_t i = 0; i < node.size(); ++i) {
        const auto name = node[i].IsMap() && node[i]["name"].IsScalar() ? node[i]["name"].Scalar() : std::to_string(i);
        names.push_back(name);
        if (name == seg) next.reset(node[i]);
      }
    } else {
      bad_set(option, "'" + where + "' is a value; it has no key '" + seg + "'");
    }
    if (!next.IsDefined() || next.IsNull())
      bad_set(option, "the description has no key '" + seg + "'" + (where.empty() ? "" : " under '" + where + "'"),
              core::did_you_mean(seg, names));
    node.reset(next);  // rebinds the handle (operator= would write into the tree)
    where += (where.empty() ? "" : ".") + seg;
  }
  if (!node.IsScalar()) bad_set(option, "'" + where + "' is " + (node.IsMap() ? "a map" : "a list") + ", not a value to set");
  return node;
}

SweepAxis parse_axis(const SweepSetting& setting, const YAML::Node& top, const std::string& top_key) {
  const std::string& option = setting.text;
  const auto eq = option.find('=');
  if (eq == std::string::npos || eq == 0)
    bad_set(setting, "expected KEY=V1,V2,... (for example pim.crossbar.rows=128,256), found '" + option + "'");
  SweepAxis a;
  a.option = option;
  a.setting = setting;
  for (auto key : split(option.substr(0, eq), '+')) {
    if (key.empty()) bad_set(setting, "expected keys joined by '+', found an empty key");
    auto path = split(key, '.');
    if (!top_key.empty() && path.front() == top_key) path.erase(path.begin());
    follow(top, path, setting);
    a.keys.push_back(key);
    a.paths.push_back(path);
  }
  a.values = split(option.substr(eq + 1), ',');
  for (const auto& v : a.values)
    if (v.empty()) bad_set(setting, "expected a comma-separated list of values such as 128,256,512, found '" + option.substr(eq + 1) + "'");
  return a;
}

// The sweep's kind of a PIM crossbar action.
const char* pim_kind(const model::BreakdownRow& r, model::PimCategory c) {
  switch (c) {
    case model::PimCategory::adc: return r.component == "cells" || r.component == "subarray.cells" ? "cells" : "adc";
    case model::PimCategory::accumulation: return "accumulation";
    case model::PimCategory::periphery: return "periphery";
    case model::PimCategory::buffer:
    case model::PimCategory::interconnect: return "activation_movement";
    case model::PimCategory::weight_programming: return "weight_movement";
    case model::PimCategory::leakage: return "leakage";
  }
  return "leakage";
}

}  // namespace

EnergyByKind energy_by_kind(const arch::Spec& spec, const model::LayerEnergy& energy) {
  EnergyByKind k{};
  auto at = [&](const char* kind) -> double& {
    for (std::size_t i = 0; i < kEnergyKinds.size(); ++i)
      if (std::string(kEnergyKinds[i]) == kind) return k[i];
    return k.back();
  };
  for (const auto& r : energy.rows) {
    if (r.pim_category) at(pim_kind(r, *r.pim_category)) += r.energy_pj;
    else if (r.component == spec.compute.name && !spec.pim) at("mac") += r.energy_pj;
    else if (r.action == "leak") at("leakage") += r.energy_pj;
    else at(r.tensor == "Weights" ? "weight_movement" : "activation_movement") += r.energy_pj;
  }
  return k;
}

std::vector<SweepPoint> Sweep::points() const {
  std::vector<SweepPoint> out;
  std::vector<std::size_t> index(axes.size(), 0);
  for (;;) {
    SweepPoint p;
    p.index = index;
    for (std::size_t a = 0; a < axes.size(); ++a)
      for (const auto& key : axes[a].keys) {
        p.values.push_back(axes[a].values[index[a]]);
        p.label += (p.label.empty() ? "" : " ") + key + "=" + axes[a].values[index[a]];
      }
    out.push_back(std::move(p));
    std::size_t a = axes.size();  // odometer, the last axis fastest
    while (a-- > 0) {
      if (++index[a] < axes[a].values.size()) break;
      index[a] = 0;
    }
    if (a == static_cast<std::size_t>(-1)) return out;
  }
}

arch::Spec Sweep::spec_at(const arch::AcceleratorDocument& document, const SweepPoint& point) const {
  YAML::Node root = document.editable_root();
  const std::string top_key = document.top_key();
  YAML::Node top = top_key.empty() ? root : root[top_key];
  for (std::size_t a = 0; a < axes.size(); ++a)
    for (const auto& path : axes[a].paths) {
      YAML::Node node = follow(top, path, axes[a].setting);
      node = axes[a].values[point.index[a]];
    }
  try {
    return document.read(root);
  } catch (const core::InputError& e) {
    rethrow_for_point(axes, e, point.label);
  }
}

std::vector<model::Accelerator> Sweep::accelerators(const arch::AcceleratorDocument& document, const std::vector<SweepPoint>& points,
                                                    const std::optional<model::Ert>& ert) const {
  std::vector<model::Accelerator> out;
  for (const auto& p : points) {
    arch::Spec spec = spec_at(document, p);
    try {
      out.push_back(model::make_accelerator(std::move(spec), document.key() + "|" + p.label, ert));
    } catch (const core::InputError& e) {  // a PIM area budget that holds no crossbar of this point's size, say
      rethrow_for_point(axes, e, p.label);
    }
    const std::string unit = out.back().energy_unit().symbol, first = out.front().energy_unit().symbol;
    if (unit != first)
      bad_set(axes.empty() ? SweepSetting{} : axes.front().setting,
              "every point must price energy in one unit; " + p.label + " gives " + unit + ", the first point " + first);
  }
  return out;
}

std::vector<std::string> Sweep::columns(const model::EnergyUnit& unit) const {
  std::vector<std::string> c;
  for (const auto& a : axes) c.insert(c.end(), a.keys.begin(), a.keys.end());
  for (const auto& f :
       std::vector<std::string>{"layer", "macs", "cycles", "latency_s", unit.column(), unit.suffix + "_per_mac", "utilization"})
    c.push_back(f);
  for (const char* k : kEnergyKinds) c.push_back(unit.column(std::string("energy_") + k));
  return c;
}

Sweep parse_sweep(const std::vector<SweepSetting>& sets, const arch::AcceleratorDocument& document) {
  const YAML::Node top = document.top();
  if (!top)
    bad_set(sets.empty() ? SweepSetting{} : sets.front(), "a sweep needs an accelerator description (accelerator: or architecture:)");
  Sweep s;
  long long points = 1;
  for (const auto& setting : sets) {
    s.axes.push_back(parse_axis(setting, top, document.top_key()));
    points = core::saturating_mul(points, static_cast<long long>(s.axes.back().values.size()));
    if (points > kMaxSweepPoints)
      bad_set(setting, "the sweep reaches " +
                           (points == std::numeric_limits<long long>::max() ? "more than 2^63" : std::to_string(points)) +
                           " points here (every value of each setting with every value of the others), more than the " +
                           std::to_string(kMaxSweepPoints) + " a sweep may have; split it into several runs");
  }
  return s;
}

Sweep parse_sweep(const std::vector<std::string>& sets, const arch::AcceleratorDocument& document) {
  std::vector<SweepSetting> settings;
  for (const auto& option : sets) settings.push_back({option, core::SourceLoc{"--set", 0, 0}, "--set " + option});
  return parse_sweep(settings, document);
}

}  // namespace hwaware::cli
