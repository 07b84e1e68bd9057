#pragma once
// Area of every component of an accelerator, estimated from the same description its energy
// comes from (technology, capacity, access width and node for storage; operand bits for the MAC;
// fan-out and word bits for networks). DRAM is off chip and counted as 0. An `area:` key written
// in the description overrides the estimate.

#include <string>
#include <vector>

#include "arch/spec.h"

namespace hwaware::model {

struct ComponentArea {
  std::string component;
  std::string kind;  // storage, network, compute
  long long instances = 1;
  double per_instance_um2 = 0;
  double total_um2 = 0;
  std::string source;  // explicit, or the estimator's name
};

struct AreaReport {
  std::vector<ComponentArea> components;  // levels outermost first, each followed by its network; MAC last
  double total_um2 = 0;                   // on chip
};

// SRAM macro of `capacity_bits` with `width_bits` per access at a node in nm.
double sram_area_um2(double capacity_bits, double width_bits, double node_nm);
// Flip-flop register file likewise.
double regfile_area_um2(double capacity_bits, double width_bits, double node_nm);
// Multiplier plus accumulator for operands of `operand_bits`.
double mac_area_um2(int operand_bits, double node_nm);
// Network below one instance of a level: `children` ports of `word_bits` wires each.
double network_area_um2(long long children, int word_bits, double node_nm);

// The parts of one PIM crossbar (spec.pim) with its peripherals: cells, DACs, ADCs and
// shift-and-adds, instances per crossbar. The one place a crossbar's area is estimated.
std::vector<ComponentArea> pim_crossbar_parts(const arch::Spec& spec);
// Area of one PIM crossbar with its peripherals (the sum of pim_crossbar_parts): what an area
// budget (arch::PimBudget) divides.
double pim_crossbar_area_um2(const arch::Spec& spec);

AreaReport estimate_area(const arch::Spec& spec);

}  // namespace hwaware::model
