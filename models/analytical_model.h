#pragma once
// The analytical per-layer model: counts (reads, fills, updates per level and tensor, computes)
// and cycles for a layer on a spec with a mapping, the bits those accesses move (bitwidth), and,
// where the spec has sparse features, Sparseloop's actual, gated and skipped accesses and
// computes (models/sparse_analysis.h). It never prices; see price_layer(), which only multiplies
// these counts by the energy table.

#include <optional>
#include <string>
#include <vector>

#include "arch/spec.h"
#include "mappings/mapping.h"
#include "models/energy_table.h"
#include "models/pim_counts.h"
#include "models/sparse_counts.h"
#include "models/sparsity.h"
#include "models/systolic_report.h"
#include "models/tile_accounting.h"
#include "workloads/problem.h"

namespace hwaware::model {

struct LevelCounts {
  std::string name;
  bool is_virtual = false;
  long long block_size = 1;
  int word_bits = 8;
  std::vector<TensorAccess> tensors;       // per data space
  std::vector<TensorBits> bits;            // per data space: bits moved and vector accesses (kept tensors)
  std::vector<NetworkAccess> network;      // per data space: the network to this level's children
  std::vector<NetworkBits> network_bits;   // per data space: words that network carries
  std::vector<SparseTensorCounts> sparse;  // per data space, under Sparseloop's sparse features; empty: dense
  std::string network_name;                // component that prices the network
  double slowdown = 1;                     // bandwidth throttling (1 = none)
  long long cycles = 0;
  long long utilized_instances = 0;  // max over tensors
};

struct LayerCounts {
  std::vector<std::string> tensor_names;
  std::vector<LevelCounts> levels;     // outermost first, as in the spec
  double computes = 0;                 // all instances, dense (every MAC of the layer)
  ComputeSplit compute;                // performed / gated / skipped (models/sparse_analysis.h)
  std::string sparse_failure;          // non-empty: a level's format cannot hold its tile (Timeloop fails the mapping)
  core::SourceLoc sparse_failure_loc;  // that format's
  long long compute_instances = 0;     // utilized
  long long compute_cycles = 0;        // of one compute instance: its performed and gated computes
  long long cycles = 0;
  double utilization = 0;             // issued computes (performed + gated) / (cycles * compute instances available)
  std::optional<PimLayerCounts> pim;  // analog PIM crossbars did the MACs (models/pim_model.h)
  // A systolic array did them: SCALE-Sim's report of its folds (models/systolic_model.h).
  std::optional<SystolicReport> systolic;
};

LayerCounts evaluate_counts(const arch::Spec& spec, const mapping::Mapping& m, const workload::Problem& problem);
// The same, into `out`, reusing its storage (for searches that evaluate many mappings).
void evaluate_counts(const arch::Spec& spec, const mapping::Mapping& m, const workload::Problem& problem, LayerCounts& out);

// Cycles a level's ports take to read `read_bits` and write `write_bits` of one instance at its
// bandwidths (words per cycle; with one port, reads and writes share its time); 0 without bandwidths.
double port_busy_cycles(const arch::StorageLevel& lvl, double read_bits, double write_bits);

// The factor (<= 1) by which a level's ports slow a layer of `compute_cycles` when one instance
// reads `read_bits` and writes `write_bits` (demand in words/cycle against the bandwidths; with
// one port, reads and writes share its time).
double bandwidth_slowdown(const arch::StorageLevel& lvl, double read_bits, double write_bits, long long compute_cycles);

// Cycles of a layer of `compute_cycles` slowed by `slowdown` (<= 1): rounded up to whole cycles,
// ignoring floating-point noise of a relative 1e-12 (a bound that is an exact whole number of
// cycles stays that number).
long long throttled_cycles(long long compute_cycles, double slowdown);

struct BreakdownRow {
  std::string component, tensor, action;
  double count = 0;  // scalar accesses (or computes) over all instances
  double energy_pj = 0;
  std::optional<double> bits;               // bits moved (data + metadata) over all instances; empty for leak, compute
  std::optional<PimCategory> pim_category;  // a PIM circuit's action: its NeuroSim category
};

struct LayerEnergy {
  std::vector<BreakdownRow> rows;
  double total_pj = 0;
};

LayerEnergy price_layer(const arch::Spec& spec, const LayerCounts& counts, const EnergyTable& table);
// The same total as price_layer(), without building the rows (for searches).
double price_total(const arch::Spec& spec, const LayerCounts& counts, const EnergyTable& table);

}  // namespace hwaware::model
