#pragma once
// Test-only reader of Timeloop's `timeloop-mapper.stats.txt` as Sparseloop (Timeloop's sparse
// extension) prints it: per storage level and tensor the algorithmic / actual / gated / skipped
// scalar accesses, the per-rank format (metadata, payload) accesses, energies; the arithmetic
// level's computes; the run's cycles and energy. The reference cases of tests/reference/sparseloop
// are checked against it. The dense layout (no sparse analysis, 01.2.1) is read too: its single
// counts are both the algorithmic and the actual ones.

#include <map>
#include <string>
#include <vector>

namespace hwaware::test {

// One kind of access (reads, fills or updates) of a tensor at a level, per instance.
struct SparseloopAccesses {
  long long algorithmic = 0, actual = 0, gated = 0, skipped = 0;
};

// Format words of one rank: metadata units and payload units.
struct SparseloopRankCounts {
  long long metadata = 0, payload = 0;
  bool operator==(const SparseloopRankCounts& o) const { return metadata == o.metadata && payload == o.payload; }
};

// Format accesses of one kind, per rank: index r is "Rank r" (0 = innermost). Empty where the stats
// print `: 0` (no format access of that kind).
struct SparseloopFormatAccesses {
  std::vector<SparseloopRankCounts> actual, gated, skipped;
};

struct SparseloopTensorStats {
  SparseloopAccesses reads, fills, updates;
  SparseloopFormatAccesses format_reads, format_fills, format_updates;
  long long temporal_reductions = 0;
  long long utilized_instances = 0;                   // "Utilized instances (max)"
  long long max_capacity = 0;                         // "Max utilized data storage capacity" ("Utilized capacity" in the dense layout)
  std::vector<SparseloopRankCounts> format_capacity;  // "Max utilized Repr format storage capacity", per rank
  double energy_per_instance_pj = 0;                  // "Energy (per-instance)", as printed (2 decimals)
};

struct SparseloopLevelStats {
  std::string name;  // as the stats print it (the architecture's level name without [..])
  long long cycles = 0;
  double leakage_energy_pj = 0;                          // "Leakage energy (total)", all instances
  std::map<std::string, SparseloopTensorStats> tensors;  // by tensor name
};

struct SparseloopComputeStats {
  std::string name;  // the arithmetic level ("mac")
  long long utilized_instances = 0;
  long long cycles = 0;
  long long algorithmic = 0, actual = 0, gated = 0, skipped = 0;  // computes, all instances
  double energy_pj = 0;                                           // "Energy (total)"
};

struct SparseloopStats {
  SparseloopComputeStats compute;
  std::vector<SparseloopLevelStats> levels;  // storage levels in the stats' order (innermost first)
  long long cycles = 0;                      // the run's ("Summary Stats" Cycles)
  long long actual_computes = 0;             // "Actual Computes = N" ("Computes = N" in the dense layout)
  double energy_per_compute_pj = 0;          // the "Total" of "fJ/Compute" (converted) or "pJ/Compute"
  double energy_pj = 0;                      // energy_per_compute_pj x actual_computes

  // The level or the (level, tensor) record; throws std::out_of_range naming what is missing.
  const SparseloopLevelStats& level(const std::string& name) const;
  const SparseloopTensorStats& at(const std::string& level, const std::string& tensor) const;
};

// Reads the text of a stats file. Throws std::runtime_error when a count it knows is malformed or
// the text has no per-level section.
SparseloopStats parse_sparseloop_stats(const std::string& text);

}  // namespace hwaware::test
