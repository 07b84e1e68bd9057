#pragma once
// A layer on a systolic array as SCALE-Sim v2 runs it (Samajdar et al., ISPASS 2020;
// scalesim-project/scale-sim-v2, commit 22f88b17): the layer in im2col form (models/im2col.h: E
// ofmap pixels x T = R*S*C window elements times T x M filters) cut into folds of rows x cols,
// folds of the array columns outermost as in SCALE-Sim's loops; per fold its cycles, its im2col
// blocks and what it moves between DRAM and the operand SRAMs (hwaware's DRAM model, stated in
// systolic_folds.cpp). Pure counting: models/systolic_model.h turns the folds into the counts the
// energy table prices, sim/systolic_schedule.h into the steps the SystemC backend times.
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

#include <cstddef>
#include <string>
#include <vector>

#include "arch/spec.h"
#include "models/systolic_report.h"
#include "workloads/problem.h"

namespace hwaware::model {

// One fold: the sizes of the im2col blocks it covers, the PEs it uses, its cycles and its DRAM
// traffic. Counts are elements of the layer's tensors (SCALE-Sim's 1-byte words).
struct SystolicFold {
  long long pixels = 0, window = 0, filters = 0;  // the slices of E, T and M it covers
  long long rows_used = 0, cols_used = 0;
  long long cycles = 0;             // SCALE-Sim's cycles of the fold, skewed fill and drain included
  std::vector<double> dram_reads;   // per data space: read from DRAM before the fold computes
  std::vector<double> dram_writes;  // per data space: written to DRAM after it
};

// A layer's folds. A layer without weights (pool, add) cannot run on the array: it is one fold of
// no compute that only streams its tensors from and to DRAM (report.folds = 0).
struct SystolicFolds {
  std::vector<SystolicFold> folds;  // one group's, in SCALE-Sim's order
  long long groups = 1;             // the groups run one after the other, each with these folds
  SystolicReport report;            // the whole layer's
  // Per data space: the on-chip level its DRAM reads land in (the outermost above the array that
  // holds it; 0 if none), the elements that level has for it (its capacity shared equally by the
  // layer's tensors it holds; infinite when unbounded, 0 without one) and the most one fold uses.
  std::vector<std::size_t> landing;
  std::vector<double> buffer_elements;
  std::vector<double> tile_elements;
};

// The folds of `problem` on spec.systolic (which must be set). The problem is a convolution over
// dims named G (optional), C, M (or K), R, S, N, P, Q, or a layer without weights. Throws
// core::InputError for a layer with weights over other dims (it cannot be mapped).
SystolicFolds systolic_folds(const arch::Spec& spec, const workload::Problem& problem);

// The level whose spatial children are the array's PEs: the innermost that fans out (the
// innermost level when none does). Levels above it and itself are the operand buffers; levels
// below it are registers in every PE.
std::size_t array_level(const arch::Spec& spec);

}  // namespace hwaware::model
