#include "models/energy_estimators.h"

#include "models/pim_circuits.h"
#include "models/pim_estimators.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace hwaware::model {

// Source: DRAM energy per bit by interface, as quoted in the seed survey (Sze et al.,
// "Efficient Processing of Deep Neural Networks", 2020): LPDDR4 8, HBM2 3.9, GDDR5 14, DDR3 70.
double dram_pj_per_bit(const std::string& type) {
  if (type == "LPDDR4" || type.empty()) return 8.0;
  if (type == "HBM2") return 3.9;
  if (type == "GDDR5") return 14.0;
  if (type == "DDR3") return 70.0;
  return 0.0;
}

// Source: Horowitz, "Computing's energy problem", ISSCC 2014 (45 nm): a 64-bit read costs
// 10 pJ from 8 KB, 20 pJ from 32 KB, 100 pJ from 1 MB -- energy grows as sqrt(capacity).
// Scaled linearly with the node from 45 nm (switched capacitance).
double sram_pj_per_bit(double capacity_bits, double node_nm) {
  const double kib8_bits = 8.0 * 1024 * 8;
  double per64 = 10.0 * std::sqrt(std::max(capacity_bits, 64.0) / kib8_bits);
  return per64 / 64.0 * (node_nm / 45.0);
}

// Source: Horowitz, ISSCC 2014 (45 nm): 8-bit multiply 0.2 pJ (grows with bits squared),
// 8-bit add 0.03 pJ (grows linearly); 32-bit: 3.1 pJ and 0.1 pJ. With operands of different
// widths the multiply grows with the product of the widths, the add with the wider one.
double mac_multiply_pj(int weight_bits, int input_bits, double node_nm) {
  return 0.2 * (weight_bits / 8.0) * (input_bits / 8.0) * (node_nm / 45.0);
}

double mac_pj(int weight_bits, int input_bits, double node_nm) {
  return mac_multiply_pj(weight_bits, input_bits, node_nm) + 0.03 * (std::max(weight_bits, input_bits) / 8.0) * (node_nm / 45.0);
}

double mac_pj(int operand_bits, double node_nm) { return mac_pj(operand_bits, operand_bits, node_nm); }

// Source: Keckler et al., "GPUs and the future of parallel computing", IEEE Micro 2011: moving
// 256 bits over 10 mm of on-chip wire costs 310 pJ at 40 nm, i.e. 0.121 pJ per bit per mm. Wire
// energy per mm barely scales with the node, so it is not scaled.
double wire_pj_per_bit_mm() { return 310.0 / (256.0 * 10.0); }

namespace {

// Normalized Eyeriss table (Chen et al., ISCA 2016): energy per word relative to one MAC:
// DRAM 200, global buffer 6, inter-PE 2, register file 1, MAC 1. Values are in units of a MAC.
ComponentEnergy eyeriss_normalized(const arch::StorageLevel& l) {
  double per_word = l.technology == arch::Technology::dram ? 200 : (l.technology == arch::Technology::sram ? 6 : 1);
  ComponentEnergy e;
  e.read_pj = e.write_pj = per_word * static_cast<double>(l.block_size);
  e.source = "eyeriss-normalized";
  return e;
}

ComponentEnergy estimate(const arch::StorageLevel& l, double node_nm) {
  ComponentEnergy e;
  double bits = static_cast<double>(l.word_bits * l.block_size);
  if (l.technology == arch::Technology::dram) {
    e.read_pj = e.write_pj = dram_pj_per_bit(l.energy.dram_type) * bits;
    e.source = "dram-per-bit";
  } else {
    double cap = static_cast<double>(l.capacity_words().value_or(1)) * l.word_bits;
    e.read_pj = e.write_pj = sram_pj_per_bit(cap, node_nm) * bits;
    e.source = "sram-sqrt-capacity";
  }
  return e;
}

void apply_explicit(ComponentEnergy& e, const arch::EnergySpec& s);

// The network below a level: the Eyeriss table's inter-PE cost (2 per word delivered), the wire
// estimator (word bits x hop length x wire energy per bit-mm, per hop), or written values. A
// network that is neither declared nor priced by the energy model costs nothing.
std::optional<ComponentEnergy> network_energy(const arch::StorageLevel& l, bool normalized) {
  if (l.is_virtual() || (!l.network.declared && !normalized)) return std::nullopt;
  ComponentEnergy e;
  if (normalized) {
    e.transfer_pj = 2.0;
    e.source = "eyeriss-normalized";
  } else if (l.network.hop_length_nm) {
    e.hop_pj = static_cast<double>(l.word_bits) * (*l.network.hop_length_nm * 1e-6) * wire_pj_per_bit_mm();
    e.source = "wire-per-bit-mm";
  }
  apply_explicit(e, l.network.energy);
  return e;
}

void apply_explicit(ComponentEnergy& e, const arch::EnergySpec& s) {
  auto get = [&](const char* k) -> const double* {
    auto it = s.explicit_pj.find(k);
    return it == s.explicit_pj.end() ? nullptr : &it->second;
  };
  if (s.explicit_pj.empty()) return;
  if (auto v = get("read")) e.read_pj = *v;
  if (auto v = get("write")) e.write_pj = *v;
  if (auto v = get("update")) e.update_pj = *v;
  if (auto v = get("leak")) e.leak_pj_per_cycle = *v;
  if (auto v = get("compute")) e.compute_pj = *v;
  if (auto v = get("transfer")) e.transfer_pj = *v;
  if (auto v = get("hop")) e.hop_pj = *v;
  for (const auto& [action, pj] : s.explicit_pj)  // a sparse level's or unit's other actions
    if (action != "read" && action != "write" && action != "update" && action != "leak" && action != "compute" && action != "transfer" &&
        action != "hop")
      e.action_pj[action] = pj;
  e.source = "explicit";
}

// A level that stores a tensor in a format reads and writes its metadata in its own array, at its
// data's energy per bit: a metadata access of `metadata_block_size` words of `metadata_word_bits`
// costs that share of a vector access (hwaware's rule; Timeloop takes metadata_read and
// metadata_write from the level's class, 0 when the class has none). Written values win.
void set_metadata_energies(const arch::StorageLevel& l, ComponentEnergy& e) {
  if (l.sparse.formats.empty() || l.sparse.metadata_block_size <= 0) return;
  const double md_bits =
      static_cast<double>(l.sparse.metadata_block_size) * static_cast<double>(l.sparse.metadata_word_bits.value_or(l.word_bits));
  const double share = md_bits / (static_cast<double>(l.block_size) * static_cast<double>(l.word_bits));
  e.action_pj.emplace("metadata_read", e.read_pj * share);
  e.action_pj.emplace("metadata_write", e.write_pj * share);
  e.action_pj.emplace("metadata_update", e.update() * share);
}

// The MAC at the unit's declared operand width. By estimator, compute_at() reproduces
// mac_pj(weight bits, input bits) for any layer widths; a written energy (or the normalized
// table's 1 per MAC) is for the declared width and scales with the product of the widths.
ComponentEnergy compute_energy(const arch::Spec& spec, bool normalized) {
  const int ob = spec.compute.operand_bits;
  ComponentEnergy c;
  c.operand_bits = ob;
  if (normalized) {
    c.compute_pj = 1.0;
    c.source = "eyeriss-normalized";
  } else {
    c.compute_pj = mac_pj(ob, spec.technology_nm);
    c.multiplier_share = mac_multiply_pj(ob, ob, spec.technology_nm) / c.compute_pj;
    c.source = "mac-horowitz";
  }
  apply_explicit(c, spec.compute.energy);
  if (spec.compute.energy.explicit_pj.count("compute")) c.multiplier_share = 1;
  return c;
}

// PIM crossbars' circuits (models/pim_circuits.h): pJ per named action of each component; the
// description's cell energies override the estimates (a read is then the cell's whole read).
void set_pim_energies(const arch::Spec& spec, EnergyTable& t) {
  const auto& pim = *spec.pim;
  const PimCircuits circuits = build_pim_circuits(spec);
  for (const auto& p : circuits.prices) {
    ComponentEnergy e = t.find(p.component) ? *t.find(p.component) : ComponentEnergy{};
    e.action_pj[p.action] = p.energy_pj;
    e.source = "neurosim-method circuits";
    t.set(p.component, e);
  }
  if (pim.cell.read_pj || pim.cell.write_pj) {
    ComponentEnergy cells = *t.find("cells");
    if (pim.cell.read_pj) cells.action_pj["read"] = *pim.cell.read_pj;
    if (pim.cell.write_pj) cells.action_pj["write"] = *pim.cell.write_pj;
    cells.source = "explicit";
    t.set("cells", cells);
  }
}

}  // namespace

EnergyTable build_energy_table(const arch::Spec& spec) {
  EnergyTable t;
  const bool normalized = spec.energy_model == "eyeriss-normalized";
  for (const auto& l : spec.levels) {
    if (l.is_virtual()) continue;
    ComponentEnergy e = normalized ? eyeriss_normalized(l) : estimate(l, spec.technology_nm);
    apply_explicit(e, l.energy);
    set_metadata_energies(l, e);
    t.set(l.name, e);
    if (auto n = network_energy(l, normalized)) t.set(l.network_name(), *n);
  }
  t.set(spec.compute.name, compute_energy(spec, normalized));
  if (spec.pim) set_pim_energies(spec, t);
  return t;
}

}  // namespace hwaware::model
