#pragma once
// SCALE-Sim's figures of a layer on a systolic array, in SCALE-Sim's own conventions
// (models/systolic_folds.h computes them; models/systolic_model.h turns them into the counts the
// energy table prices). Kept apart from analytical_model.h, as pim_counts.h is, so that
// LayerCounts can carry it without including the fold model.

namespace hwaware::model {

// SCALE-Sim v2's per-layer report (COMPUTE_REPORT.csv, DETAILED_ACCESS_REPORT.csv), in words
// (SCALE-Sim's 1-byte words: elements of the layer's tensors).
struct SystolicReport {
  long long folds = 0;
  // SCALE-Sim's total_cycles with stalls excluded: the sum of the folds' cycles minus one per
  // sublayer (SCALE-Sim reports the index of its last cycle).
  long long compute_cycles = 0;
  double mapping_efficiency = 0;  // mean over folds of used PEs / (rows x cols)
  double utilization = 0;         // MACs / (compute_cycles x rows x cols)
  double sram_ifmap_reads = 0, sram_filter_reads = 0;
  // SCALE-Sim's count: in os it adds rows + cols per fold to the real writes (an artifact of
  // systolic_compute_os.py); ws and is write every output once per fold of the reduction (T).
  double sram_ofmap_writes = 0;
  double sram_ofmap_writes_physical = 0;  // words the array really writes (os: E x M)
  // hwaware's DRAM model (models/systolic_folds.cpp); SCALE-Sim's own DRAM counts come from its
  // read buffers and differ (the differences are stated there).
  double dram_ifmap_reads = 0, dram_filter_reads = 0, dram_ofmap_writes = 0;
};

}  // namespace hwaware::model
