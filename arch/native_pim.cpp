#include "arch/native_pim.h"

#include <algorithm>
#include <vector>

#include "circuits/technology.h"
#include "core/text.h"

namespace hwaware::arch {
namespace {

const std::vector<std::string> kDevices = {"rram", "sram"};                            // the devices models/pim_estimators.h knows
const std::vector<std::string> kAdcModels = {"mlsa", "sar", "isaac-table", "survey"};  // models/pim_circuits.h
const std::vector<std::string> kOrganizations = {"crossbars", "neurosim"};
constexpr int kMaxAdcBits = 16;

// An integer in [lo, hi], or the error that says so.
std::optional<int> int_in(const core::YamlView& v, int lo, int hi, const std::string& what) {
  auto n = v.as_int();
  if (!n) return std::nullopt;
  if (*n < lo || *n > hi) {
    v.error("expected " + what + " between " + std::to_string(lo) + " and " + std::to_string(hi) + ", found '" + v.scalar() + "'");
    return std::nullopt;
  }
  return static_cast<int>(*n);
}

std::optional<std::string> one_of(const core::YamlView& v, const std::vector<std::string>& names, const std::string& what) {
  auto s = v.as_string();
  if (!s) return std::nullopt;
  if (std::find(names.begin(), names.end(), *s) == names.end()) {
    v.error("expected " + what + " (" + core::join(names, ", ") + "), found '" + *s + "'", core::did_you_mean(*s, names));
    return std::nullopt;
  }
  return s;
}

void read_cell(const core::YamlView& v, PimCell& cell) {
  core::MapReader m(v);
  cell.loc = v.loc();
  if (auto d = m.get("device")) cell.device = one_of(*d, kDevices, "a cell device").value_or(cell.device);
  if (auto b = m.get("bits")) cell.bits = int_in(*b, 1, 8, "bits per cell").value_or(cell.bits);
  auto energy = [&](const char* key, std::optional<double>& out) {
    if (auto e = m.get(key)) out = e->as_positive_quantity(core::UnitKind::energy_pj);
  };
  auto latency = [&](const char* key, std::optional<double>& out) {
    if (auto t = m.get(key))
      if (auto s = t->as_positive_quantity(core::UnitKind::time_s)) out = *s * 1e9;
  };
  energy("read_energy", cell.read_pj);
  latency("read_latency", cell.read_latency_ns);
  energy("write_energy", cell.write_pj);
  latency("write_latency", cell.write_latency_ns);
  if (auto g = m.get("on_conductance")) cell.on_conductance_us = g->as_positive_quantity(core::UnitKind::conductance_us);
  if (auto g = m.get("off_conductance")) cell.off_conductance_us = g->as_positive_quantity(core::UnitKind::conductance_us);
  m.finish();
  if (cell.on_conductance_us && cell.off_conductance_us && *cell.on_conductance_us <= *cell.off_conductance_us)
    m.get("on_conductance")->error("expected the on conductance above the off conductance");
}

void read_adc(const core::YamlView& v, PimAdc& adc, long long cols) {
  core::MapReader m(v);
  adc.loc = v.loc();
  if (auto b = m.get("bits")) adc.bits = int_in(*b, 1, kMaxAdcBits, "ADC bits").value_or(adc.bits);
  if (auto s = m.get("model")) adc.model = one_of(*s, kAdcModels, "an ADC model").value_or(adc.model);
  if (auto c = m.get("cols_per_adc")) {
    if (auto n = c->as_positive_int()) {
      if (*n > cols) c->error("expected at most the crossbar's " + std::to_string(cols) + " columns per ADC, found " + std::to_string(*n));
      else if (cols % *n != 0)
        c->error("expected a number of columns per ADC that divides the crossbar's " + std::to_string(cols) + " columns, found " +
                 std::to_string(*n));
      else adc.cols_per_adc = *n;
    }
  }
  m.finish();
}

}  // namespace

bool pim_node_modelled(double node_nm) {
  for (int n : circuits::technology_nodes())
    if (node_nm == n) return true;
  return false;
}

std::string pim_node_list() {
  std::vector<std::string> names;
  for (int n : circuits::technology_nodes()) names.push_back(std::to_string(n) + "nm");
  return core::join(names, ", ");
}

void read_pim(const core::YamlView& v, Spec& spec) {
  if (!v.is_map()) {
    v.error("expected a map describing the crossbars (crossbar, cell, adc, ...), found " + v.found());
    return;
  }
  core::MapReader m(v);
  PimSpec p;
  p.loc = v.loc();
  if (auto t = m.get("tiles")) p.tiles = t->as_positive_int().value_or(p.tiles);
  if (auto c = m.get("crossbars_per_tile")) p.crossbars_per_tile = c->as_positive_int().value_or(p.crossbars_per_tile);
  if (auto x = m.required("crossbar")) {
    core::MapReader xm(*x);
    if (auto r = xm.required("rows")) p.rows = r->as_positive_int().value_or(0);
    if (auto c = xm.required("cols")) p.cols = c->as_positive_int().value_or(0);
    xm.finish();
  }
  if (auto w = m.get("weight_bits")) p.weight_bits = int_in(*w, 1, 32, "weight bits").value_or(p.weight_bits);
  if (auto i = m.get("input_bits")) p.input_bits = int_in(*i, 1, 32, "input bits").value_or(p.input_bits);
  if (auto d = m.get("dac_bits")) p.dac_bits = int_in(*d, 1, 32, "DAC bits").value_or(p.dac_bits);
  if (auto c = m.get("cell")) read_cell(*c, p.cell);
  if (auto a = m.get("adc")) read_adc(*a, p.adc, std::max(1LL, p.cols));
  if (auto r = m.get("replicate")) p.replicate = r->as_bool().value_or(false);
  if (auto o = m.get("organization")) p.organization = one_of(*o, kOrganizations, "a chip organization").value_or(p.organization);
  m.finish();
  if (p.cell.bits > p.weight_bits)
    (m.get("cell") ? *m.get("cell") : v)
        .error("a cell of " + std::to_string(p.cell.bits) + " bits holds more than a weight of " + std::to_string(p.weight_bits) +
               " bits (weight_bits)");
  if (p.dac_bits > p.input_bits)
    m.get("dac_bits")
        ->error("a DAC of " + std::to_string(p.dac_bits) + " bits is wider than an input of " + std::to_string(p.input_bits) +
                " bits (input_bits)");
  if (spec.systolic) v.error("an accelerator is either a systolic array or PIM crossbars, not both ('systolic' is given too)");
  spec.pim = p;
}

}  // namespace hwaware::arch
