#pragma once
// Builds the energy table of an accelerator from its description: energies written in the
// file, the normalized Eyeriss table, or built-in estimators (DRAM by type per bit, SRAM and
// register files by size, width and technology node, MAC by operand bits).

#include "arch/spec.h"
#include "models/energy_table.h"

namespace hwaware::model {

// pJ per bit of a DRAM access by type (LPDDR4 8, HBM2 3.9, GDDR5 14, DDR3 70); 0 if unknown.
double dram_pj_per_bit(const std::string& type);
// pJ per bit of an SRAM/register-file access for a capacity in bits at a node in nm.
double sram_pj_per_bit(double capacity_bits, double node_nm);
// pJ per multiply-accumulate with the given operand bits at a node in nm (both operands equal,
// or weights x inputs); mac_multiply_pj is the multiplier's part of it.
double mac_pj(int operand_bits, double node_nm);
double mac_pj(int weight_bits, int input_bits, double node_nm);
double mac_multiply_pj(int weight_bits, int input_bits, double node_nm);

EnergyTable build_energy_table(const arch::Spec& spec);

}  // namespace hwaware::model
