#pragma once
// The points of a sweep: `--set KEY=V1,V2,...` options resolved against the accelerator file
// (KEY a dotted path under `accelerator:` or Timeloop's `architecture:`, a list entered by an
// item's name or index; `section.Key` in a SCALE-Sim .cfg), their cartesian product, the
// description at each point (the file with the values written in, read and checked by the
// format's own reader), and the energy breakdown by kind that sweep.csv reports.

#include <array>
#include <string>
#include <vector>

#include "arch/accelerator_document.h"
#include "arch/spec.h"
#include "core/yaml_reader.h"
#include "models/accelerator.h"
#include "models/analytical_model.h"

namespace hwaware::cli {

// The kinds of energy a sweep reports: a PIM chip's converters (with the word and bit lines they
// sense), cell reads, accumulation (shift-adds, partial sums) and other periphery (switch matrices,
// DACs, multiplexers) as NeuroSim groups them (models/pim_circuits.h); a digital MAC; moving
// activations and partial sums (storage and networks); moving and writing weights; leakage.
constexpr std::array<const char*, 8> kEnergyKinds = {
    "adc", "cells", "accumulation", "periphery", "mac", "activation_movement", "weight_movement", "leakage"};
using EnergyByKind = std::array<double, kEnergyKinds.size()>;
EnergyByKind energy_by_kind(const arch::Spec& spec, const model::LayerEnergy& energy);

// KEY=V1,V2,... as given, and where: a --set option, or a parameter of an exploration's space file.
struct SweepSetting {
  std::string text;
  core::SourceLoc loc{"--set", 0, 0};
  std::string key_path;  // names it in messages ("--set KEY=...", "space.parameters.KEY")
};

// One --set: keys set together and their values.
struct SweepAxis {
  std::string option;  // as written
  SweepSetting setting;
  std::vector<std::string> keys;                // dotted paths
  std::vector<std::vector<std::string>> paths;  // their segments
  std::vector<std::string> values;
};

struct SweepPoint {
  std::vector<std::size_t> index;   // the value of each axis
  std::vector<std::string> values;  // one per key column
  std::string label;                // "pim.crossbar.rows=256 ..."
};

struct Sweep {
  std::vector<SweepAxis> axes;
  std::vector<SweepPoint> points() const;
  // The description at a point; a value the reader rejects is reported against its --set.
  arch::Spec spec_at(const arch::AcceleratorDocument& document, const SweepPoint& point) const;
  // The accelerator at every point, read, checked and priced (with `ert` when given), keyed by the
  // document and the point. Throws core::InputError (at the first setting) for a value the reader
  // rejects, or for points whose energies are in different units (pJ and MACe).
  std::vector<model::Accelerator> accelerators(const arch::AcceleratorDocument& document, const std::vector<SweepPoint>& points,
                                               const std::optional<model::Ert>& ert) const;
  // sweep.csv's columns: every key, then the layer and its figures, energies in `unit`.
  std::vector<std::string> columns(const model::EnergyUnit& unit) const;
};

// The most points one sweep or exploration may have: each is evaluated, and a run of more is
// almost surely a mistake (a list that was meant to be split, a range written as values).
inline constexpr long long kMaxSweepPoints = 1'000'000;

// Throws core::InputError (at the setting's location) for a malformed setting, a key the file does
// not have (with a "did you mean"), a key that is not a single value, or a value list that does not parse.
Sweep parse_sweep(const std::vector<SweepSetting>& sets, const arch::AcceleratorDocument& document);
// The same for --set options.
Sweep parse_sweep(const std::vector<std::string>& sets, const arch::AcceleratorDocument& document);

}  // namespace hwaware::cli
