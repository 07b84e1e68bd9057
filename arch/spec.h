#pragma once
// The accelerator description as plain typed structs, read from YAML (hwaware's own format or
// Timeloop's) and validated. Levels are listed outermost (DRAM) first; fan-out between levels is
// given by instance counts and mesh shapes. Energies are not here: the energy table prices.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "arch/constraint_spec.h"
#include "arch/pim_spec.h"
#include "arch/sparse_spec.h"
#include "core/diagnostics.h"

namespace hwaware::arch {

enum class Technology { dram, sram, regfile, none };  // none: a spatial-only level (no storage)

std::string to_string(Technology t);

// How a component's energy per action (and its area) is obtained: written out, or estimated.
struct EnergySpec {
  std::map<std::string, double> explicit_pj;  // action -> pJ per vector access (or per compute)
  std::string estimator;                      // "" (use explicit/defaults), or a model name
  std::string dram_type;                      // for DRAM estimators: LPDDR4, HBM2, GDDR5, DDR3
  std::optional<double> area_um2;             // written area of one instance; overrides the area estimator
};

// The network that carries data between a level and its spatial children (the array NoC below a
// global buffer, for instance). Absent: the network is counted but costs nothing, as in Timeloop.
struct NetworkSpec {
  bool declared = false;
  std::string name;                     // component name; default "<level>_network"
  std::optional<double> hop_length_nm;  // distance between neighbouring children, for the wire estimator
  EnergySpec energy;                    // explicit: transfer (pJ per word delivered), hop (pJ per word-hop); area
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
  long long latency_cycles = 0;           // from a request to its first word (SystemC backend)
  int ports = 2;                          // 2: reads and writes each at their bandwidth; 1: they share one port's time
  long long instances = 1;
  long long mesh_x = 1, mesh_y = 1;
  std::vector<std::string> keep;    // tensors this level must keep (constraint)
  std::vector<std::string> bypass;  // tensors this level must bypass (constraint)
  // In a branch of a Timeloop !Parallel node: the tensors its branch keeps. Every other tensor is
  // bypassed here, as Timeloop's front end derives it (timeloopfe's Dataspace2BranchProcessor).
  std::optional<std::vector<std::string>> branch_keeps;
  EnergySpec energy;
  NetworkSpec network;           // between this level and its spatial children (used when it fans out)
  LevelConstraints constraints;  // mapper constraints written with the level (Timeloop v0.4 files)
  LevelSparsity sparse;          // Sparseloop's formats and action optimizations
  core::SourceLoc loc;
  core::FieldLocs field_locs;  // depth, word_bits, block_size, instances, bandwidths, energy: where each was written

  bool is_virtual() const { return technology == Technology::none; }
  // Whether the description makes this level bypass `tensor` (its bypass list or its branch), and
  // whether it may hold it (keeps it, or does not bypass it).
  bool bypasses(const std::string& tensor) const;
  bool holds(const std::string& tensor) const;
  std::optional<long long> capacity_words() const;
  std::optional<double> capacity_bits() const;  // depth x block_size x word_bits
  std::string network_name() const { return network.name.empty() ? name + "_network" : network.name; }
};

struct ComputeUnit {
  std::string name = "mac";
  long long instances = 1;
  long long mesh_x = 1, mesh_y = 1;
  int operand_bits = 8;
  ComputeSparsity sparse;  // Sparseloop's compute optimizations
  EnergySpec energy;
  core::SourceLoc loc;
  core::FieldLocs field_locs;  // instances, operand_bits, energy
};

// A systolic array (TPU-like, as SCALE-Sim models it): rows x cols PEs between the operand
// buffers; operands enter skewed from the left and top edges. The dataflow says what stays in
// the PEs: outputs (os), weights (ws) or inputs (is).
enum class SystolicDataflow { os, ws, is };
std::string to_string(SystolicDataflow d);  // "os", "ws", "is"
std::optional<SystolicDataflow> systolic_dataflow_from(const std::string& name);

struct SystolicSpec {
  long long rows = 1, cols = 1;
  SystolicDataflow dataflow = SystolicDataflow::ws;
  core::SourceLoc loc;
};

// A Timeloop !Parallel node: each tensor that reaches it must be kept in exactly one of its
// branches (the levels of a branch bypass what the others keep: StorageLevel::branch_keeps).
// Two branches keeping one tensor is an error when read; a tensor kept in none is one when a layer
// names its tensors (mappings/rules.h).
struct ParallelGroup {
  std::vector<std::vector<std::string>> branch_keeps;  // per branch, the tensors its levels keep
  std::optional<std::vector<std::string>> reaching;    // the enclosing branch's tensors; none: every tensor
  core::SourceLoc loc;
};

struct Spec {
  std::string name;
  std::vector<StorageLevel> levels;  // outermost first
  ComputeUnit compute;
  double clock_hz = 1e9;
  double technology_nm = 45;
  std::string energy_model;                    // "" (per-component) or "eyeriss-normalized"
  std::string dataflow;                        // named dataflow preset (used by the mapper)
  core::SourceLoc dataflow_loc;                // where the dataflow was named
  std::map<std::string, int> tensor_bits;      // tensor name -> bits per element; overrides the workload
  std::optional<SystolicSpec> systolic;        // the compute array is a systolic array
  std::optional<PimSpec> pim;                  // the compute array is analog PIM crossbars
  std::vector<ParallelGroup> parallel_groups;  // Timeloop v0.4 !Parallel nodes
  // Component attributes of a Timeloop file that hwaware does not read (Accelergy's circuit
  // parameters): "component.attribute", listed in stats.json.
  std::vector<std::string> unused_attributes;
  core::SourceLoc loc;
  core::FieldLocs field_locs;  // clock, technology

  int level_index(const std::string& name) const;  // -1 if absent
  // Whether any level or the compute unit has Sparseloop's sparse features (models/sparse_analysis.h).
  bool sparse_optimized() const;
  // Instances of the level below `level` (or of the compute unit below the innermost level)
  // served by one instance of `level`.
  long long fanout_below(int level) const;
  long long fanout_x_below(int level) const;
  long long fanout_y_below(int level) const;
  // Bits per element of a tensor on this accelerator: its `tensor_bits` override, else the
  // workload's bits; empty when neither gives them (then an element is one word of each level).
  std::optional<int> element_bits(const std::string& tensor, std::optional<int> workload_bits) const;
};

}  // namespace hwaware::arch
