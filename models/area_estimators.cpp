#include "models/area_estimators.h"

#include "models/pim_circuits.h"
#include "models/pim_estimators.h"

#include <algorithm>
#include <cmath>

namespace hwaware::model {
namespace {

// Area scales with the square of the feature size (constant-field scaling of every layout
// dimension: Dennard et al., IEEE JSSC 1974).
double node_scale(double node_nm, double reference_nm) { return (node_nm / reference_nm) * (node_nm / reference_nm); }

// Source: one register bit is 5.98 um^2 at 40 nm (Aladdin's 40 nm component table, Shao et al.,
// ISCA 2014, as shipped with Accelergy's aladdin plug-in).
double register_bit_um2(double node_nm) { return 5.98 * node_scale(node_nm, 40); }

// Source: Intel's 45 nm 6T SRAM cell is 0.346 um^2 (Mistry et al., IEDM 2007).
double sram_cell_um2(double node_nm) { return 0.346 * node_scale(node_nm, 45); }

// Assumed: bit cells fill 70% of an SRAM macro (decoders, wordline drivers, control take the
// rest); typical of compiled macros of a few KiB and more, not calibrated to a chip.
constexpr double kSramArrayEfficiency = 0.7;

// Assumed: each bit of the access width needs a sense amplifier and a write driver (SRAM) or a
// read-mux output and write enable (register file), counted as two register bits.
double port_um2(double width_bits, double node_nm) { return width_bits * 2 * register_bit_um2(node_nm); }

ComponentArea storage_area(const arch::StorageLevel& l, double node_nm) {
  ComponentArea a;
  a.component = l.name;
  a.kind = "storage";
  a.instances = l.instances;
  const double width = static_cast<double>(l.word_bits) * static_cast<double>(l.block_size);
  const double capacity = l.capacity_bits().value_or(0);
  if (l.technology == arch::Technology::dram) {
    a.source = "off-chip";
  } else if (l.technology == arch::Technology::sram) {
    a.per_instance_um2 = sram_area_um2(capacity, width, node_nm);
    a.source = "sram-6t-cell";
  } else {
    a.per_instance_um2 = regfile_area_um2(capacity, width, node_nm);
    a.source = "regfile-flip-flop";
  }
  if (l.energy.area_um2) {
    a.per_instance_um2 = *l.energy.area_um2;
    a.source = "explicit";
  }
  return a;
}

}  // namespace

double sram_area_um2(double capacity_bits, double width_bits, double node_nm) {
  return capacity_bits * sram_cell_um2(node_nm) / kSramArrayEfficiency + port_um2(width_bits, node_nm);
}

double regfile_area_um2(double capacity_bits, double width_bits, double node_nm) {
  return capacity_bits * register_bit_um2(node_nm) + port_um2(width_bits, node_nm);
}

// Source: Aladdin's 40 nm table (Shao et al., ISCA 2014; Accelergy's aladdin plug-in): a 32-bit
// multiplier is 6351 um^2 and a 32-bit adder 278 um^2. An array multiplier grows with the square
// of the operand width, an adder linearly; the accumulator is twice the operand width.
double mac_area_um2(int operand_bits, double node_nm) {
  const double r = operand_bits / 32.0;
  return (6351.0 * r * r + 278.0 * 2 * r) * node_scale(node_nm, 40);
}

// Source: ISAAC's on-tile bus is 7500 um^2 for 256 bits feeding 12 units at 32 nm (Shafiee et
// al., ISCA 2016, as encoded in Accelergy's hwcomponents library): 2.44 um^2 per bit per child.
double network_area_um2(long long children, int word_bits, double node_nm) {
  const double per_bit_child_um2 = 7500.0 / 256.0 / 12.0;
  return static_cast<double>(children) * static_cast<double>(word_bits) * per_bit_child_um2 * node_scale(node_nm, 32);
}

std::vector<ComponentArea> pim_crossbar_parts(const arch::Spec& spec) {
  // The crossbar's circuits (models/pim_circuits.h) in NeuroSim's layout of a subarray: its cell
  // array, ADCs, accumulation (shift-adders) and other periphery (switch matrices, multiplexers,
  // decoders), one of each per crossbar.
  const PimCircuits circuits = build_pim_circuits(spec);
  std::vector<ComponentArea> parts;
  auto part = [&](const char* name, double um2) {
    ComponentArea a;
    a.component = name;
    a.kind = "compute";
    a.instances = 1;
    a.per_instance_um2 = a.total_um2 = um2;
    a.source = "neurosim-method circuits";
    parts.push_back(a);
  };
  part("cells", circuits.array_area_um2);
  part("adc", circuits.adc_area_um2);
  part("shift_add", circuits.accumulation_area_um2);
  part("crossbar_periphery", circuits.periphery_area_um2);
  return parts;
}

double pim_crossbar_area_um2(const arch::Spec& spec) {
  double um2 = 0;
  for (const auto& part : pim_crossbar_parts(spec)) um2 += part.total_um2;
  return um2;
}

AreaReport estimate_area(const arch::Spec& spec) {
  AreaReport r;
  auto add = [&](ComponentArea a) {
    a.total_um2 = a.per_instance_um2 * static_cast<double>(a.instances);
    r.total_um2 += a.total_um2;
    r.components.push_back(std::move(a));
  };
  for (std::size_t i = 0; i < spec.levels.size(); ++i) {
    const auto& l = spec.levels[i];
    if (!l.is_virtual()) add(storage_area(l, spec.technology_nm));  // a spatial-only level still has its network
    long long children = spec.fanout_below(static_cast<int>(i));
    if (children <= 1) continue;
    ComponentArea n;
    n.component = l.network_name();
    n.kind = "network";
    n.instances = l.instances;
    n.per_instance_um2 = network_area_um2(children, l.word_bits, spec.technology_nm);
    n.source = "bus-per-bit-child";
    if (l.network.energy.area_um2) {
      n.per_instance_um2 = *l.network.energy.area_um2;
      n.source = "explicit";
    }
    add(n);
  }
  if (spec.pim) {
    const long long crossbars = spec.pim->crossbars();
    for (auto part : pim_crossbar_parts(spec)) {
      part.instances *= crossbars;
      add(part);
    }
    if (spec.compute.loc.file.empty()) return r;  // no digital compute unit was described
  }
  ComponentArea c;
  c.component = spec.compute.name;
  c.kind = "compute";
  c.instances = spec.compute.instances;
  c.per_instance_um2 = mac_area_um2(spec.compute.operand_bits, spec.technology_nm);
  c.source = "mac-aladdin";
  if (spec.compute.energy.area_um2) {
    c.per_instance_um2 = *spec.compute.energy.area_um2;
    c.source = "explicit";
  }
  add(c);
  return r;
}

}  // namespace hwaware::model
