#pragma once
// The accelerator description as plain typed structs, read from YAML (hwaware's own format or
// Timeloop's) and validated. Levels are listed outermost (DRAM) first; fan-out between levels is
// given by instance counts and mesh shapes. Energies are not here: the energy table prices.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace hwaware::arch {

enum class Technology { dram, sram, regfile, none };  // none: a spatial-only level (no storage)

std::string to_string(Technology t);

// How a component's energy per action is obtained: written out, or estimated by a model.
struct EnergySpec {
  std::map<std::string, double> explicit_pj;  // action -> pJ per vector access (or per compute)
  std::string estimator;                      // "" (use explicit/defaults), or a model name
  std::string dram_type;                      // for DRAM estimators: LPDDR4, HBM2, GDDR5, DDR3
};

// The network that carries data between a level and its spatial children (the array NoC below a
// global buffer, for instance). Absent: the network is counted but costs nothing, as in Timeloop.
struct NetworkSpec {
  bool declared = false;
  std::string name;                    // component name; default "<level>_network"
  std::optional<double> hop_length_nm; // distance between neighbouring children, for the wire estimator
  EnergySpec energy;                   // explicit: transfer (pJ per word delivered), hop (pJ per word-hop)
  core::SourceLoc loc;
};

struct StorageLevel {
  std::string name;
  Technology technology = Technology::sram;
  std::optional<long long> depth;  // entries; empty = unbounded (DRAM)
  long long block_size = 1;        // words per entry: one vector access moves this many words
  int word_bits = 8;
  std::optional<double> read_bandwidth;   // words/cycle per instance
  std::optional<double> write_bandwidth;  // words/cycle per instance
  long long instances = 1;
  long long mesh_x = 1, mesh_y = 1;
  std::vector<std::string> keep;    // tensors this level must keep (constraint)
  std::vector<std::string> bypass;  // tensors this level must bypass (constraint)
  EnergySpec energy;
  NetworkSpec network;  // between this level and its spatial children (used when it fans out)
  core::SourceLoc loc;

  bool is_virtual() const { return technology == Technology::none; }
  std::optional<long long> capacity_words() const;
  std::string network_name() const { return network.name.empty() ? name + "_network" : network.name; }
};

struct ComputeUnit {
  std::string name = "mac";
  long long instances = 1;
  long long mesh_x = 1, mesh_y = 1;
  int operand_bits = 8;
  EnergySpec energy;
  core::SourceLoc loc;
};

struct Spec {
  std::string name;
  std::vector<StorageLevel> levels;  // outermost first
  ComputeUnit compute;
  double clock_hz = 1e9;
  double technology_nm = 45;
  std::string energy_model;  // "" (per-component) or "eyeriss-normalized"
  std::string dataflow;      // named dataflow preset (used by the mapper)
  core::SourceLoc loc;

  int level_index(const std::string& name) const;  // -1 if absent
  // Instances of the level below `level` (or of the compute unit below the innermost level)
  // served by one instance of `level`.
  long long fanout_below(int level) const;
  long long fanout_x_below(int level) const;
  long long fanout_y_below(int level) const;
};

}  // namespace hwaware::arch
