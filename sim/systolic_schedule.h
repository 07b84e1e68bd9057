#pragma once
// A layer on a systolic array as SCALE-Sim v2 runs it (Samajdar et al., ISPASS 2020;
// scalesim-project/scale-sim-v2, commit 22f88b17): the layer in im2col form (E ofmap pixels x
// T = R*S*C window elements times T x M filters) is cut into folds of rows x cols, one step of the
// schedule per fold, folds of the array columns outermost as in SCALE-Sim's loops. Pure C++: the
// SystemC modules time the schedule; this file only counts.
//
// Per dataflow (scalesim/compute/systolic_compute_{os,ws,is}.py):
//   os: rows carry ofmap pixels (E), cols filters (M); T streams in time.
//       cycles per fold = T + rows + cols - 2 (operands skewed in, outputs drained).
//   ws: rows carry the window (T), cols filters (M); E streams in time.
//       cycles per fold = E + 2*rows + cols - 2 (rows cycles to load weights, then as os).
//   is: rows carry the window (T), cols ofmap pixels (E); M streams in time.
//       cycles per fold = M + 2*rows + cols - 2 (rows cycles to load inputs, then as os).
// Folds = ceil(Sr / rows) x ceil(Sc / cols) for Sr, Sc the sizes the rows and cols carry. A grouped
// convolution is G independent sublayers (SCALE-Sim splits a depthwise layer the same way); batch
// N adds ofmap pixels.

#include "arch/spec.h"
#include "sim/schedule.h"
#include "workloads/problem.h"

namespace hwaware::sim {

// SCALE-Sim's per-layer report (COMPUTE_REPORT.csv, DETAILED_ACCESS_REPORT.csv), in words.
struct SystolicReport {
  long long folds = 0;
  // SCALE-Sim's total_cycles with stalls excluded: the sum of the folds' cycles minus one per
  // sublayer (SCALE-Sim reports the index of its last cycle). The schedule's steps carry the
  // folds' full cycles.
  long long compute_cycles = 0;
  double mapping_efficiency = 0;  // mean over folds of used PEs / (rows x cols)
  double utilization = 0;         // MACs / (compute_cycles x rows x cols)
  double sram_ifmap_reads = 0, sram_filter_reads = 0;
  // SCALE-Sim's count: in os it adds rows + cols per fold to the real writes (an artifact of
  // systolic_compute_os.py); ws and is write every output once per fold of the reduction (T).
  double sram_ofmap_writes = 0;
  double sram_ofmap_writes_physical = 0;  // words the array really writes (os: E x M)
  // hwaware's DRAM model (see systolic_schedule.cpp); SCALE-Sim's own DRAM counts come from its
  // read buffers and differ (the differences are stated there).
  double dram_ifmap_reads = 0, dram_filter_reads = 0, dram_ofmap_writes = 0;
};

struct SystolicLayer {
  Schedule schedule;
  SystolicReport report;
};

// The folds of `problem` on spec.systolic (which must be set) with the capacities of the SRAMs
// keeping each tensor. The problem is a convolution over dims named G (optional), C, M (or K),
// R, S, N, P, Q (absent dims are 1), or a layer without weights (pool, add): the array cannot
// compute those, so their schedule is one step that only streams the tensors from and to DRAM.
// Throws core::InputError for a layer with weights over other dims (it cannot be mapped).
SystolicLayer build_systolic_schedule(const arch::Spec& spec, const workload::Problem& problem);

}  // namespace hwaware::sim
