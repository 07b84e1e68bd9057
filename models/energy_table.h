#pragma once
// The one energy table: pJ per action for every component, built once per accelerator (from an
// Accelergy ERT, written values, or the built-in estimators). Models count actions; only this
// table turns counts into energy.

#include <map>
#include <optional>
#include <string>

namespace hwaware::model {

// Energies of one component. Storage: per vector access (one block); compute: per operation.
struct ComponentEnergy {
  double read_pj = 0;
  double write_pj = 0;                      // a fill
  std::optional<double> update_pj;          // defaults to write
  double leak_pj_per_cycle = 0;             // per instance per cycle
  double compute_pj = 0;                    // per compute (arithmetic units), at operand_bits x operand_bits
  int operand_bits = 0;                     // compute: operand width compute_pj is for; 0: not scaled by width
  double multiplier_share = 1;              // compute: share of compute_pj that scales with the product of widths
  double transfer_pj = 0;                   // networks: per word delivered to a child
  double hop_pj = 0;                        // networks: per word per mesh hop
  std::map<std::string, double> action_pj;  // named actions of circuits with more than read/write
                                            // (PIM crossbars: "convert", "idle", "drive", ...)
  double area_um2 = 0;                      // per instance, when known
  std::string source;                       // "ERT", "explicit", estimator name

  double update() const { return update_pj.value_or(write_pj); }
  // A named action's energy (action_pj), or read_pj / write_pj for "read" / "write"; 0 if unknown.
  double action(const std::string& name) const;
  // Energy of one compute with operands of these widths: the multiplier share scales with the
  // product of the widths (an array multiplier has one partial-product cell per operand bit pair:
  // Horowitz, ISSCC 2014, 8-bit 0.2 pJ vs 32-bit 3.1 pJ), the rest (the adder) with the wider
  // operand. Explicit and table energies are all multiplier share; see build_energy_table.
  double compute_at(int weight_bits, int input_bits) const;
};

class EnergyTable {
 public:
  void set(const std::string& component, ComponentEnergy e) { entries_[component] = std::move(e); }
  const ComponentEnergy* find(const std::string& component) const;
  const std::map<std::string, ComponentEnergy>& entries() const { return entries_; }

 private:
  std::map<std::string, ComponentEnergy> entries_;
};

}  // namespace hwaware::model
