#pragma once
// The circuits of a PIM accelerator's crossbars, built once from its description in DNN+NeuroSim's
// method (circuits/subarray.h): the energy of every action a crossbar performs (the energy table's
// PIM entries), how long a read pulse takes, and each crossbar's area and leakage. NeuroSim's ADC
// families (mlsa, sar) are its circuits; isaac-table and survey keep their published converters
// (models/pim_estimators.h) inside the same subarray; a DAC of more than one bit (NeuroSim applies
// inputs bit-serially) drives the rows in place of the switch matrix's pass gates.
//
// What a layer counts against these prices is models/pim_model.h; what each action is:
//   cells/read          a cell whose input bit is 1 in a converted column: its share of the column current
//   word_lines/drive    an activated row, per read pulse (charged once per column turn)
//   bit_lines/charge    a read pulse of one crossbar (the bit lines of its ADCs, every turn)
//   adc/convert         a column converted while at least one of its rows is on
//   adc/idle            a column converted with no row on
//   adc_encoder/encode  a read pulse of one crossbar (MLSA encoders, every turn)
//   precharger/charge   a read pulse of one SRAM crossbar
//   shift_add/add       a read pulse of one crossbar (its shift-adders, every turn)
//   partial_sums/add    one output's partial sum of a further row block added
//   switch_matrix/drive an activated row, per read pulse;  switch_matrix/scan a read pulse
//   column_mux/select   a column turn of one crossbar, per input vector
//   dac/drive           an activated row, per read pulse (multi-bit DACs only)
//   cells/write         a cell programmed;   crossbars/leak  a crossbar powered for one clock cycle
//   cells/write         a cell programmed;  crossbars/leak a crossbar powered for one clock cycle

#include <optional>
#include <string>
#include <vector>

#include "arch/spec.h"
#include "circuits/subarray.h"
#include "models/pim_counts.h"

namespace hwaware::model {

struct PimActionPrice {
  std::string component, action;
  double energy_pj = 0;
  PimCategory category = PimCategory::adc;
};

struct PimCircuits {
  circuits::Subarray subarray;  // at the reference input bit density
  std::vector<PimActionPrice> prices;
  double cycle_ns = 0;       // the sensing cycle (NeuroSim's synchronous clock for the crossbars)
  double convert_ns = 0;     // a read pulse's column turns, each a cycle
  double accumulate_ns = 0;  // its shift-adds (whole cycles)
  double write_row_ns = 0;   // programming one row of cells
  double crossbar_area_um2 = 0;
  double array_area_um2 = 0, adc_area_um2 = 0, accumulation_area_um2 = 0, periphery_area_um2 = 0;
  double crossbar_leakage_uw = 0;

  double pulse_ns() const { return convert_ns + accumulate_ns; }  // NeuroSim: conversions, then shift-adds
  const PimActionPrice* price(const std::string& component, const std::string& action) const;
};

// The input bit density the per-action prices are computed at (the conversion time and the
// per-cell share of the column current depend on how many rows are on; NeuroSim's MLSA fit is
// nearly linear in the column conductance, so the prices change little with it).
inline constexpr double kReferenceBitDensity = 0.5;

// The category of a crossbar action (component, action as priced above); nullopt for anything else.
std::optional<PimCategory> pim_category(const std::string& component, const std::string& action);

// The subarray DNN+NeuroSim would build for this description (the ADCs it does not model in a SAR
// subarray whose converter build_pim_circuits replaces), at the reference density.
circuits::SubarrayConfig pim_subarray_config(const arch::Spec& spec);

// Whether the crossbars' circuits can be built at this node (circuits/technology.h: 22 to 130 nm).
bool pim_node_supported(double node_nm);

// Preconditions (a violation is a bug: core::panic): spec.pim set, pim_node_supported(technology).
PimCircuits build_pim_circuits(const arch::Spec& spec);

}  // namespace hwaware::model
