#include "arch/native_pim.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <vector>

#include "circuits/technology.h"
#include "core/text.h"
#include "core/units.h"

namespace hwaware::arch {
namespace {

const std::vector<std::string> kDevices = {"rram", "sram"};                            // the devices models/pim_circuits.h knows
const std::vector<std::string> kAdcModels = {"mlsa", "sar", "isaac-table", "survey"};  // models/pim_circuits.h
const std::vector<std::string> kOrganizations = {"crossbars", "neurosim"};
const std::vector<std::string> kNeuroSimBuffers = {"register_file", "sram"};  // circuits/neurosim_chip.h ChipBufferKind
constexpr int kMaxAdcBits = 16;  // the ADC and DAC models cover 1..16 bits (models/pim_estimators.h)
constexpr int kMaxDacBits = 16;

// An integer in [lo, hi], or the error that says so.
std::optional<int> int_in(const core::YamlView& v, int lo, int hi, const std::string& what) {
  auto n = v.as_int_in(lo, hi, what);
  return n ? std::optional<int>(static_cast<int>(*n)) : std::nullopt;
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

// Whether the cell's bits read (the ADC's lossless bits depend on them).
bool read_cell(const core::YamlView& v, PimCell& cell) {
  core::MapReader m(v);
  cell.loc = v.loc();
  bool bits_ok = true;
  if (auto d = m.get("device")) cell.device = one_of(*d, kDevices, "a cell device").value_or(cell.device);
  if (auto b = m.get("bits")) {
    const auto n = int_in(*b, 1, 8, "bits per cell");
    bits_ok = n.has_value();
    cell.bits = n.value_or(cell.bits);
  }
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
  return bits_ok;
}

// A number of cells: an integer, optionally with a binary multiple ("65536", "64Ki", "64Mi", "1Gi").
std::optional<long long> cell_count(const core::YamlView& v) {
  const std::string s = v.is_scalar() ? core::trim(v.scalar()) : "";
  long long factor = 1;
  std::string digits = s;
  for (const auto& [suffix, f] : {std::pair<const char*, long long>{"Ki", 1LL << 10}, {"Mi", 1LL << 20}, {"Gi", 1LL << 30}})
    if (s.size() > 2 && s.compare(s.size() - 2, 2, suffix) == 0) factor = f, digits = s.substr(0, s.size() - 2);
  const bool is_number = !digits.empty() && digits.size() <= 15 &&
                         std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
  const long long n = is_number ? std::stoll(digits) : 0;
  if (n <= 0 || n > std::numeric_limits<long long>::max() / factor) {
    v.error("expected a positive number of cells such as 65536, 64Ki or 64Mi (Ki, Mi, Gi: 2^10, 2^20, 2^30), found " + v.found());
    return std::nullopt;
  }
  return n * factor;
}

void read_crossbar(const core::YamlView& v, PimSpec& p) {
  core::MapReader m(v);
  if (auto r = m.required("rows")) p.rows = r->as_positive_int().value_or(0);
  if (auto c = m.required("cols")) p.cols = c->as_positive_int().value_or(0);
  if (auto r = m.get("rows_per_read")) {
    if (auto n = r->as_positive_int()) {
      if (p.rows > 0 && *n > p.rows)
        r->error("expected at most the crossbar's " + std::to_string(p.rows) + " rows activated at once, found " + std::to_string(*n));
      else p.rows_per_read = *n;
    }
  }
  m.finish();
}

// `budget: {cells: 64Mi}` or `budget: {area: 60mm2}`: a cell budget is resolved here, an area budget
// where the accelerator is built (models/accelerator.h: it needs the crossbar's area estimate).
void read_budget(const core::YamlView& v, PimSpec& p) {
  core::MapReader m(v);
  PimBudget b;
  auto cells = m.get("cells"), area = m.get("area");
  m.finish();
  if (cells && area) {
    area->error("expected one budget, 'cells' or 'area', found both");
    return;
  }
  if (!cells && !area) {
    if (m.ok()) v.error("expected a budget of 'cells' (such as 64Mi) or 'area' (such as 60mm2), found neither");
    return;
  }
  const core::YamlView& key = cells ? *cells : *area;
  b.loc = key.loc();
  b.key_path = key.path();
  if (area) {
    b.area_um2 = area->as_positive_quantity(core::UnitKind::area_um2);
    if (b.area_um2) p.budget = b;
    return;
  }
  b.cells = cell_count(*cells);
  if (!b.cells || p.rows <= 0 || p.cols <= 0) return;
  long long per_crossbar = 0;
  if (__builtin_mul_overflow(p.rows, p.cols, &per_crossbar) || *b.cells / per_crossbar < 1) {
    cells->error("expected a budget of at least one crossbar of " + std::to_string(p.rows) + " x " + std::to_string(p.cols) +
                 " cells, found " + std::to_string(*b.cells) + " cells");
    return;
  }
  b.crossbars = *b.cells / per_crossbar;
  b.resolved = true;
  p.budget = b;
}

// `bits: auto` or an integer; with the crossbar, DACs and cells known (`sized`), auto is resolved to
// what a lossless sum of the active rows needs, and a lossless request is checked against it.
void read_adc(const core::YamlView& v, PimSpec& p, bool sized) {
  core::MapReader m(v);
  PimAdc& adc = p.adc;
  adc.loc = v.loc();
  auto bits = m.get("bits");
  if (bits && bits->is_scalar() && bits->scalar() == "auto") adc.bits_auto = true;
  else if (bits && bits->is_scalar() && !core::parse_integer(bits->scalar()))
    bits->error("expected ADC bits (an integer from 1 to " + std::to_string(kMaxAdcBits) + ") or auto, found " + bits->found());
  else if (bits) adc.bits = int_in(*bits, 1, kMaxAdcBits, "ADC bits").value_or(adc.bits);
  if (auto l = m.get("lossless")) adc.lossless = l->as_bool().value_or(false);
  if (auto s = m.get("model")) adc.model = one_of(*s, kAdcModels, "an ADC model").value_or(adc.model);
  if (auto c = m.get("cols_per_adc")) {
    if (auto n = c->as_positive_int()) {
      if (sized && *n > p.cols)
        c->error("expected at most the crossbar's " + std::to_string(p.cols) + " columns per ADC, found " + std::to_string(*n));
      else if (sized && p.cols % *n != 0)
        c->error("expected a number of columns per ADC that divides the crossbar's " + std::to_string(p.cols) + " columns, found " +
                 std::to_string(*n));
      else adc.cols_per_adc = *n;
    }
  }
  m.finish();
  if (!sized) return;
  const int need = p.lossless_adc_bits();
  const std::string why = "a lossless sum of " + std::to_string(p.active_rows()) + " rows read at once, with " +
                          std::to_string(p.dac_bits) + "-bit DAC slices and " + std::to_string(p.cell.bits) + "-bit cells, needs " +
                          std::to_string(need) + " bits (ceil(log2(rows)) + DAC bits + cell bits, minus one when either is 1: ISAAC)";
  if (adc.bits_auto && need > kMaxAdcBits)
    bits->error("bits: auto gives " + std::to_string(need) + " ADC bits, above the " + std::to_string(kMaxAdcBits) +
                " the ADC models cover: " + why + "; read fewer rows at once (crossbar.rows_per_read)");
  else if (adc.bits_auto) adc.bits = need;
  else if (adc.lossless && adc.bits < need)
    (bits ? *bits : v)
        .error("an ADC of " + std::to_string(adc.bits) + " bits is too coarse for a lossless request (lossless: true): " + why +
               "; give bits: " + std::to_string(need) + " or bits: auto");
}

// What NeuroSim's chip builds its global and tile buffers of. Only its organization has them: the
// crossbars organization's buffers are the description's levels.
void read_neurosim_buffers(core::MapReader& m, PimSpec& p) {
  auto b = m.get("buffers");
  if (!b) return;
  if (p.organization != "neurosim")
    b->error(
        "'buffers' chooses what NeuroSim's chip builds its global and tile buffers of and applies only to organization: neurosim; "
        "the crossbars organization's buffers are the description's levels (remove 'buffers', or use organization: neurosim)");
  else p.neurosim_buffers = one_of(*b, kNeuroSimBuffers, "what NeuroSim's buffers are built of").value_or(p.neurosim_buffers);
}

// The chip's size: tiles x crossbars_per_tile, or a budget (not both).
void read_chip_size(core::MapReader& m, PimSpec& p) {
  auto t = m.get("tiles"), c = m.get("crossbars_per_tile"), b = m.get("budget");
  if (t) p.tiles = t->as_positive_int().value_or(p.tiles);
  if (c) p.crossbars_per_tile = c->as_positive_int().value_or(p.crossbars_per_tile);
  if (b && (t || c))
    b->error("a chip is sized either by a budget or by tiles and crossbars_per_tile, not both (remove '" +
             std::string(t ? "tiles" : "crossbars_per_tile") + "' or 'budget')");
  else if (b) read_budget(*b, p);
}

void read_duplication(core::MapReader& m, PimSpec& p) {
  if (auto d = m.get("duplicate")) {
    if (auto name = one_of(*d, duplication_names(), "a duplication (copies of a layer's weights)"))
      for (auto x : {Duplication::none, Duplication::free, Duplication::reprogram})
        if (to_string(x) == *name) p.duplicate = x;
  }
  if (auto r = m.get("replicate"))
    r->error(
        "'replicate' is replaced by 'duplicate': none, free (copies only into crossbars that hold no layer's weights) or "
        "reprogram (copies over other layers' weights, which are then reprogrammed every inference)");
}

// pipeline: true keeps every layer's weights on chip at once: neither a copy written over another
// layer's weights (duplicate: reprogram) nor NeuroSim's pipeline, which re-plans its chip, applies.
void read_pipeline(core::MapReader& m, PimSpec& p) {
  auto x = m.get("pipeline");
  if (!x) return;
  p.pipeline = x->as_bool().value_or(false);
  if (!p.pipeline) return;
  if (p.organization == "neurosim")
    x->error(
        "NeuroSim's pipeline mode re-plans its chip (copies by a speed-up degree, wider buses, a larger global buffer), which this "
        "organization does not model; use organization: crossbars for a pipelined chip, or remove 'pipeline'");
  else if (p.duplicate == Duplication::reprogram)
    x->error(
        "a pipelined chip runs every layer at once, so no copy may be written over another layer's weights; use duplicate: none or "
        "free with pipeline: true");
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
  if (auto x = m.required("crossbar")) read_crossbar(*x, p);
  read_chip_size(m, p);
  if (auto w = m.get("weight_bits")) p.weight_bits = int_in(*w, 1, 32, "weight bits").value_or(p.weight_bits);
  if (auto i = m.get("input_bits")) p.input_bits = int_in(*i, 1, 32, "input bits").value_or(p.input_bits);
  auto dac = m.get("dac_bits");
  const auto dac_bits = dac ? int_in(*dac, 1, kMaxDacBits, "DAC bits") : std::optional<int>(p.dac_bits);
  p.dac_bits = dac_bits.value_or(p.dac_bits);
  const bool cell_ok = !m.has("cell") || read_cell(*m.get("cell"), p.cell);
  if (auto a = m.get("adc")) read_adc(*a, p, p.rows > 0 && p.cols > 0 && dac_bits && cell_ok);
  read_duplication(m, p);
  if (auto o = m.get("organization")) p.organization = one_of(*o, kOrganizations, "a chip organization").value_or(p.organization);
  read_neurosim_buffers(m, p);
  if (p.organization == "neurosim")  // NeuroSim's floorplan sizes the chip and copies small layers itself
    for (const char* key : {"tiles", "crossbars_per_tile", "budget", "duplicate"})
      if (auto k = m.get(key))
        k->error(std::string("NeuroSim's chip organization sizes the chip to the network and copies small layers itself; '") + key +
                 "' does not apply (remove it, or use organization: crossbars)");
  read_pipeline(m, p);
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
