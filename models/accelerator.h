#pragma once
// An accelerator ready to be evaluated: its description, read from any format arch::load_arch
// takes (hwaware YAML, Timeloop v0.2-v0.4 YAML, SCALE-Sim .cfg); the one energy table that prices
// its actions (its own energies, written or estimated, with an Accelergy ERT merged over them when
// one is given); the unit those energies are in; and a key of all that, for lookup tables. Every
// command and cost oracle builds its accelerator here, so that one file is priced one way.

#include <optional>
#include <string>

#include "arch/spec.h"
#include "models/energy_table.h"

namespace hwaware::model {

// The unit an accelerator's energies are in: picojoules, or the energy of one MAC for the
// normalized Eyeriss table (Chen et al., ISCA 2016), whose entries are relative to a MAC.
struct EnergyUnit {
  std::string symbol;   // "pJ" or "MACe"
  std::string suffix;   // as output columns name it: "pj" (energy_pj) or "mace" (energy_mace)
  std::string meaning;  // for stats.json and plots

  // An output column of energies in this unit: "energy_pj", "energy_mace", "systemc_energy_pj", ...
  std::string column(const std::string& stem = "energy") const { return stem + "_" + suffix; }
};

// An Accelergy energy reference table (ERT_summary.yaml or ERT.yaml) and a key of its contents.
struct Ert {
  EnergyTable table;
  std::string path, key;
};

// Reads an ERT; an empty path is none. Throws core::InputError for a file that does not read.
std::optional<Ert> load_ert(const std::string& path);

struct Accelerator {
  arch::Spec spec;
  EnergyTable table;  // prices every action the models count
  std::string key;    // the description as read and the ERT: equal keys, equal answers

  EnergyUnit energy_unit() const;
};

// The accelerator of the file at `arch_path`, priced with the ERT at `ert_path` when not empty.
// Throws core::InputError for a mistake in either file.
Accelerator load_accelerator(const std::string& arch_path, const std::string& ert_path = "");

// An accelerator from a description already read (a point of a sweep), keyed by
// `description_key` (arch::AcceleratorDocument::key() and what was set), with `ert` merged over
// its own energies. A PIM chip's area budget is resolved here into crossbars (pim_crossbar_area_um2);
// throws core::InputError, at the budget, for one that holds no crossbar.
Accelerator make_accelerator(arch::Spec spec, const std::string& description_key, const std::optional<Ert>& ert = std::nullopt);

}  // namespace hwaware::model
