#pragma once
// The memory cells of a subarray and their array wires as DNN+NeuroSim V1.3 models them
// (SubArray.cpp Initialize and CalculatePower, ProcessingUnit.cpp GetColumnResistance, Param.cpp):
// geometry, word-line and bit-line capacitance and resistance, the conductance an activated cell
// adds to its column, and the array's own share of a read.
//
// How NeuroSim averages over the stored weights: it reads the weight trace, turns each weight into
// cells of `bits` bits, each cell's level l into G = G_off + l / (2^bits - 1) x (G_on - G_off)
// (Chip.cpp LoadInWeightData), and for every input bit sums, per column, 1 / (1 / G + path) over
// the rows whose input bit is 1, the path being the access transistor (1T1R) and the wires from
// the row driver and to the sense amplifier. Knowing only the distribution, this model takes the
// expectation over the levels' probabilities (default: equally likely; VGG-8's synthetic weights,
// whose top cell sits mostly on the middle levels, give a 1.6% higher mean) and the mean wire path
// (0.06% below the exact average over a 128x128 array's positions). NeuroSim's wire resistance per cell uses the node's
// wire width as the cell's feature size (Param.cpp wireLengthRow/Col).
//
// The cell current's energy is not charged here: NeuroSim's ADC fits carry it (mlsa_adc.h,
// sar_adc.h), during the ADC's sensing time; NeuroSim's parallel read does not use the read pulse
// width. ohmic_read_energy_j() gives the physical V^2 G t_pulse for comparison.
//
// Preconditions (core::panic): rows, cols >= 1; bits in [1, 8] (SRAM: 1); resistances, voltages
// and pulse > 0, r_off > r_on; the 1T1R access transistor must fit the cell (NeuroSim's check).

#include <vector>

#include "circuits/technology.h"

namespace hwaware::circuits {

enum class CellDevice { rram_1t1r, rram_crossbar, sram };

struct CellSpec {
  CellDevice device = CellDevice::rram_1t1r;
  int bits = 2;                              // per cell (NeuroSim cellBit); SRAM: 1
  double r_on_ohm = 6e3, r_off_ohm = 900e3;  // at the read voltage
  double read_voltage_v = 0.5;
  double read_pulse_s = 10e-9;
  double access_voltage_v = 1.1;  // gate of the 1T1R access transistor
  double write_voltage_v = 2.0;   // above 1.5 V the array needs level shifters (area)
  // Probability of each stored level 0 .. 2^bits - 1 over the array's cells; empty: all equally
  // likely. Otherwise 2^bits values >= 0 summing to 1.
  std::vector<double> level_probabilities;
};

class CellArray {
 public:
  CellArray(const Technology& t, const CellSpec& c, long rows, long cols);

  const CellSpec& spec() const { return spec_; }
  long rows() const { return rows_; }
  long cols() const { return cols_; }
  // Geometry: 1T1R 4F x 12F, cross-point 2 x 2 wire widths, SRAM 10F x 28F (height x width).
  double cell_height_m() const { return cell_h_m_; }
  double cell_width_m() const { return cell_w_m_; }
  double width_m() const { return cell_w_m_ * static_cast<double>(cols_); }   // NeuroSim lengthRow
  double height_m() const { return cell_h_m_ * static_cast<double>(rows_); }  // NeuroSim lengthCol
  double area_m2() const { return width_m() * height_m(); }

  // A word line: its wire (0.2 fF/um) and, in 1T1R, the gates of its cols access transistors.
  double word_line_cap_f() const { return word_line_f_; }
  // A bit line's wire alone: what NeuroSim's read energy charges.
  double bit_line_wire_cap_f() const;
  // A column: its wire and, in 1T1R, the drains of its rows access transistors (sensing delay).
  double column_cap_f() const { return column_f_; }
  double row_wire_ohm() const;     // a whole row's wire (NeuroSim resRow)
  double column_wire_ohm() const;  // a whole column's (resCol)

  // The access device: 1T1R kIrDropTolerance x R_on; SRAM the 1F access NMOS; cross-point none.
  double access_ohm() const { return access_ohm_; }
  double access_width_m() const { return access_w_m_; }
  // NeuroSim's resMemCellAvg: access + (R_on + R_off) / 2 (sizes pass gates, sets the delay).
  double average_cell_ohm() const;
  double level_conductance_s(int level) const;
  // The mean conductance one cell with input bit 1 adds to its column (see above). SRAM: the
  // access transistor and a cell's column wire, whatever the stored bit (NeuroSim).
  double mean_read_conductance_s() const;

  // One word line charged once: C_wl x vdd^2 (NeuroSim: each activated row, each column turn).
  // SRAM: 0 (NeuroSim counts the SRAM array's read in the precharger).
  double word_line_energy_j() const;
  // One bit line charged once: C_bl(wire) x V_read^2 (NeuroSim: ADCs' columns, each turn). SRAM: 0.
  double bit_line_energy_j() const;
  // The physical energy one mean cell dissipates over a read pulse, V_read^2 x G x t_pulse.
  double ohmic_read_energy_j() const;
  // The column's settling before sensing. Resistive: 0.2 x C_col x R_avg / (rows / 2) ("a 15-20%
  // voltage drop is enough"); SRAM: the bit line discharged through the cell by half the minimum
  // sense voltage (Horowitz from the word line's slope `ramp_in`).
  double sensing_delay_s(double ramp_in) const;
  double leakage_w() const;  // SRAM: 2 inverters per cell; resistive: 0

 private:
  Technology t_;
  CellSpec spec_;
  long rows_, cols_;
  double cell_h_m_ = 0, cell_w_m_ = 0;
  double wire_row_ohm_ = 0, wire_col_ohm_ = 0;  // one cell's wire along its row / column
  double word_line_f_ = 0, column_f_ = 0;
  double access_ohm_ = 0, access_w_m_ = 0, access_drain_f_ = 0;
};

}  // namespace hwaware::circuits
