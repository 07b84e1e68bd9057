#include "models/pim_estimators.h"

#include <algorithm>
#include <cmath>

#include "core/diagnostics.h"

namespace hwaware::model {
namespace {

// ISAAC's components are given at 32 nm (Shafiee et al., ISCA 2016); ZigZag's AIMC models at 28 nm
// (KULeuven-MICAS/zigzag, zigzag/hardware/architecture/imc_unit.py, TECH_PARAM_28NM).
constexpr double kIsaacNodeNm = 32;
constexpr double kZigzagNodeNm = 28;

// Energy scales linearly with the node (switched capacitance), as in energy_estimators.cpp.
double energy_scale(double node_nm, double reference_nm) { return node_nm / reference_nm; }
// Area scales with the square of the feature size (Dennard et al., IEEE JSSC 1974), as in
// area_estimators.cpp.
double area_scale(double node_nm, double reference_nm) { return (node_nm / reference_nm) * (node_nm / reference_nm); }
// Gate delay scales linearly with the feature size under the same constant-field scaling.
double delay_scale(double node_nm, double reference_nm) { return node_nm / reference_nm; }
// One F^2 (F = the node) in um^2.
double f2_um2(double node_nm) { return (node_nm * 1e-3) * (node_nm * 1e-3); }

void require(bool ok, const std::string& what) {
  if (!ok) core::panic("pim_estimators: " + what);
}

void require_bits(int bits, const char* what) {
  require(bits >= 1 && bits <= 16, std::string(what) + " must be in 1..16, got " + std::to_string(bits));
}

void require_node(double node_nm) { require(node_nm > 0, "technology node must be positive"); }

// ---- ADC: ISAAC's table ------------------------------------------------------------------------

// ISAAC's SAR ADC (Kull et al., ISSCC 2013, as used by Shafiee et al., ISCA 2016) at 32 nm:
// 8 bits, 1.2 GS/s, 2 mW, 1200 um^2, i.e. 16 mW / (8 ADCs x 1.2 GS/s) = 1.667 pJ per conversion;
// and its 4..10-bit versions scaled with Saberi et al.'s CDAC analysis (IEEE TCAS-I 2011), as
// Accelergy-Project/hwcomponents-library (hwcomponents_library/library/isaac.py, IsaacADC)
// encodes them. The 8-bit row is ISAAC's own point (the table rounds it to 1.67).
struct AdcRow {
  int bits;
  double energy_pj;
  double area_um2;
};
constexpr AdcRow kIsaacAdcTable[] = {
    {4, 0.79, 361.04},
    {5, 0.99, 476.91},
    {6, 1.20, 626.91},
    {7, 1.42, 845.18},
    {8, 16e-3 / (1.2 * 8e9) * 1e12, 1200},
    {9, 1.969078145, 1827.911647},
    {10, 2.379022742, 3002.008032},
};
constexpr int kIsaacTableRows = sizeof(kIsaacAdcTable) / sizeof(kIsaacAdcTable[0]);
constexpr double kIsaacAdcRateGsps = 1.2;

// The table's value at `bits`: the row itself for 4..10 bits; outside, the table's trend
// continued geometrically, i.e. log(value) extrapolated linearly in bits with the slope of the
// two nearest rows (below 4 bits: the 4->5-bit ratio per bit removed, x0.80 energy, x0.76 area;
// above 10 bits: the 9->10-bit ratio per bit added, x1.21 energy, x1.64 area).
double isaac_table(int bits, double AdcRow::*field) {
  const AdcRow& first = kIsaacAdcTable[0];
  const AdcRow& last = kIsaacAdcTable[kIsaacTableRows - 1];
  if (bits < first.bits) {
    double per_bit = kIsaacAdcTable[1].*field / first.*field;
    return first.*field / std::pow(per_bit, first.bits - bits);
  }
  if (bits > last.bits) {
    double per_bit = last.*field / kIsaacAdcTable[kIsaacTableRows - 2].*field;
    return last.*field * std::pow(per_bit, bits - last.bits);
  }
  return kIsaacAdcTable[bits - first.bits].*field;
}

PeripheralCost isaac_adc(int bits, double node_nm) {
  PeripheralCost c;
  c.energy_pj = isaac_table(bits, &AdcRow::energy_pj) * energy_scale(node_nm, kIsaacNodeNm);
  c.area_um2 = isaac_table(bits, &AdcRow::area_um2) * area_scale(node_nm, kIsaacNodeNm);
  c.latency_ns = 1.0 / kIsaacAdcRateGsps;  // one conversion per sample at 1.2 GS/s, whatever the rows
  c.source = "ISAAC SAR ADC (Shafiee et al., ISCA 2016), Saberi-2011-scaled table of hwcomponents-library isaac.py";
  return c;
}

// ---- ADC: survey model -------------------------------------------------------------------------

// Accelergy-Project/accelergy-adc-plug-in fits Murmann's ADC survey (adc_data/model.yaml): the best
// Schreier figure of merit falls with the sampling rate, FOMS = 302.7387 - 6.460791 ln(f / Hz) dB,
// capped at 180.1416 dB; energy per conversion = 1 / (2 x 10^((FOMS - SNDR) / 10)) J with
// SNDR = 6.02 B + 1.76 dB (model.py foms_sndr2energy, headers.py bits2sndr).
double plugin_energy_pj(int bits, double rate_hz) {
  double foms_db = std::min(302.7387019052544 - 6.460790934271676 * std::log(rate_hz), 180.14159078904734);
  double sndr_db = bits * 20 * std::log10(2.0) + 10 * std::log10(1.5);
  return 1e12 / (2 * std::pow(10.0, (foms_db - sndr_db) / 10));
}

// The Walden figure of merit (energy per conversion step) the survey model uses: the plug-in's
// best 8-bit ADC at ISAAC's 1.2 GS/s, 0.840 pJ per conversion / 2^8 = 3.28 fJ per step. Energy
// is then FOM x 2^bits (Walden, IEEE JSAC 1999; Murmann's survey reports FOM_W). The plug-in's
// energy has no node term; it is taken at 32 nm (the node model.py evaluates its example at).
double survey_walden_fom_pj() { return plugin_energy_pj(8, kIsaacAdcRateGsps * 1e9) / 256.0; }

// ZigZag's AIMC ADC at 28 nm (zigzag/hardware/architecture/AimcArray.py get_adc_cost, "formula
// extracted and validated against 3 AIMC papers on 28nm"): delay = B x (0.00653 x rows + 0.64) ns,
// area = 10^(-0.0369 B + 1.206) x 2^B um^2 (ZigZag counts a 1-bit ADC as 0 um^2; the formula is
// kept there too, so area grows with bits throughout).
PeripheralCost survey_adc(int bits, double node_nm, long long rows) {
  PeripheralCost c;
  c.energy_pj = survey_walden_fom_pj() * std::pow(2.0, bits) * energy_scale(node_nm, kIsaacNodeNm);
  c.latency_ns = bits * (0.00653 * static_cast<double>(rows) + 0.64) * delay_scale(node_nm, kZigzagNodeNm);
  c.area_um2 = std::pow(10.0, -0.0369 * bits + 1.206) * std::pow(2.0, bits) * area_scale(node_nm, kZigzagNodeNm);
  c.source = "Walden FOM 3.28 fJ/step from accelergy-adc-plug-in (Murmann survey); delay and area: ZigZag AimcArray.py (28 nm)";
  return c;
}

// ---- cells -------------------------------------------------------------------------------------

// RRAM write. NVSim's RRAM cell (accelergy-neurosim-plug-in cells/nvsim_RRAM.cell): SET and RESET
// pulses of 10 ns, 0.6 pJ each. A cell of b bits is programmed the way NeuroSim's training model
// moves an analog synapse (Param.cpp maxNumLevelLTP: one write pulse per conductance state): a
// RESET to the lowest of its 2^b levels, then one SET pulse per level up to the target. Energy
// counts the mean over equally likely levels, 1 + (2^b - 1) / 2 pulses; latency the worst case,
// 1 + (2^b - 1) pulses, since a row's cells are written together.
PeripheralCost rram_write(int bits_per_cell, double node_nm) {
  const double levels = std::pow(2.0, bits_per_cell);
  PeripheralCost c;
  c.energy_pj = 0.6 * (1 + (levels - 1) / 2);
  c.latency_ns = 10 * levels;
  c.area_um2 = 4 * f2_um2(node_nm);
  c.source = "NVSim RRAM cell SET/RESET 0.6 pJ, 10 ns (accelergy-neurosim-plug-in); a pulse per level";
  return c;
}

// SRAM cell write: ZigZag's shipped AIMC example (zigzag/inputs/hardware/aimc.yaml) writes an
// 8-bit cell group for 0.095 pJ at 28 nm, 0.0119 pJ per bit cell. Assumed: a write takes one
// cycle of NeuroSim's default 1 GHz clock (Param.cpp clkFreq); ZigZag leaves it off the
// critical path.
PeripheralCost sram_write(int bits_per_cell, double node_nm) {
  PeripheralCost c;
  c.energy_pj = bits_per_cell * (0.095 / 8) * energy_scale(node_nm, kZigzagNodeNm);
  c.latency_ns = 1;
  c.area_um2 = bits_per_cell * 280 * f2_um2(node_nm);
  c.source = "ZigZag aimc.yaml cell write 0.095 pJ per 8 bits (28 nm); 1 ns write cycle assumed";
  return c;
}

}  // namespace

std::string to_string(AdcModel m) { return m == AdcModel::isaac_table ? "isaac-table" : "survey"; }

std::optional<AdcModel> adc_model_from(const std::string& name) {
  if (name == "isaac-table") return AdcModel::isaac_table;
  if (name == "survey") return AdcModel::survey;
  return std::nullopt;
}

const std::vector<std::string>& adc_model_names() {
  static const std::vector<std::string> names = {"isaac-table", "survey"};
  return names;
}

PeripheralCost adc_cost(AdcModel model, int bits, double node_nm, long long rows) {
  require_bits(bits, "ADC bits");
  require_node(node_nm);
  require(rows >= 1, "an ADC serves at least one row");
  return model == AdcModel::isaac_table ? isaac_adc(bits, node_nm) : survey_adc(bits, node_nm, rows);
}

// ISAAC's 1-bit DAC (row driver) at 32 nm as hwcomponents-library isaac.py (IsaacDAC) encodes it:
// 4 mW for 8 x 128 DACs at 128 x 8 x 1.2e7 drives per second, x 128/100 for the ADC-bound
// utilization: 0.41667 pJ per drive; 170 um^2 / 1024 = 0.166 um^2. More bits: MNSIM-2.0's
// ISAAC-derived table (MNSIM/Hardware_Model/DAC.py: 1, 2, 3, 4, 6 bits at 0.0039, 0.0078, 0.0156,
// 0.0312, 0.1248 mW and 0.166 ... 5.312 um^2) doubles power and area per bit (x4 per 2 bits), as
// IsaacDAC's pow_base(2) resolution scaling does. Latency: one drive per 1 ns, MNSIM's 1 GS/s DAC
// sample rate (PUMA's dac_lat is likewise one 1 ns cycle).
PeripheralCost dac_cost(int bits, double node_nm) {
  require_bits(bits, "DAC bits");
  require_node(node_nm);
  const double per_bit = std::pow(2.0, bits - 1);
  PeripheralCost c;
  c.energy_pj = 0.41667 * per_bit * energy_scale(node_nm, kIsaacNodeNm);
  c.area_um2 = (170.0 / 1024) * per_bit * area_scale(node_nm, kIsaacNodeNm);
  c.latency_ns = 1;
  c.source = "ISAAC 1-bit DAC (hwcomponents-library isaac.py); x2 per bit (MNSIM-2.0 DAC.py)";
  return c;
}

std::optional<PeripheralCost> cell_write_cost(const std::string& device, int bits_per_cell, double node_nm) {
  require_bits(bits_per_cell, "bits per cell");
  require_node(node_nm);
  if (device == "rram") return rram_write(bits_per_cell, node_nm);
  if (device == "sram") return sram_write(bits_per_cell, node_nm);
  return std::nullopt;
}

int partial_sum_bits(int weight_bits, int input_bits, long long rows) {
  const int log2_rows = static_cast<int>(std::ceil(std::log2(static_cast<double>(std::max(2LL, rows)))));
  return weight_bits + input_bits + log2_rows;
}

}  // namespace hwaware::model
