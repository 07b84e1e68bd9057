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
  double write_pj = 0;                 // a fill
  std::optional<double> update_pj;     // defaults to write
  double leak_pj_per_cycle = 0;        // per instance per cycle
  double compute_pj = 0;               // per compute (arithmetic units)
  double transfer_pj = 0;              // networks: per word delivered to a child
  double hop_pj = 0;                   // networks: per word per mesh hop
  double area_um2 = 0;                 // per instance, when known
  std::string source;                  // "ERT", "explicit", estimator name

  double update() const { return update_pj.value_or(write_pj); }
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
