#pragma once
// The analytical model of a layer on a systolic array (arch::SystolicSpec): SCALE-Sim v2's folds
// (models/systolic_folds.h) counted in the analytical model's form, so that the one energy table
// prices them (price_layer, price_total) and the search sees SCALE-Sim's cycles. No mapping: the
// folds are the mapping. The SystemC backend times the same folds (sim/systolic_schedule.h) and
// keeps these counts, only its cycles differ (stalls, DRAM latency, and leakage with them).
//
// What is counted, level by level (totals; a level's per-instance counts are them over the
// instances that do them):
//   - DRAM: each tensor's reads and writes under the fold DRAM model; Outputs are also read where
//     partial sums spill.
//   - The operand buffers (levels above the array holding a tensor): the outermost receives what
//     DRAM delivers (fills) and sends what goes back (Outputs: updates); the innermost feeds the
//     array edges: SCALE-Sim's ifmap and filter SRAM reads, and for Outputs the physical writes
//     (updates; SCALE-Sim's os artifact is left in the report), and as reads the words leaving for
//     DRAM and the partial sums read back to be added to: every write of an output after its
//     first (ws and is, over the folds of the reduction; Timeloop's read-modify-write of an
//     update). SCALE-Sim counts no ofmap reads. A buffer between them passes every word on once
//     (reads = fills + updates).
//   - The PE register (the innermost level below the array that holds a tensor): a stationary
//     operand (ws: Weights, is: Inputs) is filled once per fold in every used PE and read by every
//     MAC; an operand passing through is filled and read once per MAC (each word a PE receives
//     serves one MAC; one register output drives both the multiplier and the link to the next
//     PE); Outputs are updated and read once per MAC (os: a MAC reads and updates the accumulator,
//     its first update being a write without a read, and the drain reads each final value once;
//     ws, is: a PE latches the partial sum it adds to, which is read to move on). Timeloop's rules
//     for a register the MAC uses (Parashar et al., ISPASS 2019), applied to SCALE-Sim's PEs.
//   - The network below the array's level (the links between PEs and from the edges): a word
//     entering at the left edge is delivered to every used PE of its row (one hop each, the edge's
//     link included), one entering at the top to every used PE of its column; a partial sum
//     flowing down a column is sent by each used PE of it (one hop each); a stationary operand
//     loaded from the top, and an os output drained down its column, reaches one PE with (rows
//     used + 1) / 2 hops on average. Left edge: Inputs (os, ws) or Weights (is); top: Weights (os)
//     or the partial sums (ws, is), after SCALE-Sim's operand matrices.
//   - MACs: the layer's dense MACs, split by the zero-operand policy; the array advances in
//     lockstep, so skipped MACs save energy, not cycles.
// Cycles: SCALE-Sim's total cycles without stalls (report.compute_cycles), throttled by the
// levels' bandwidths as the loop-nest model throttles (bandwidth_slowdown); with SCALE-Sim's CALC
// bandwidth (none given) nothing is throttled. A layer without weights (pool, add) is only
// streamed from and to DRAM: its DRAM reads and writes, no compute, cycles its DRAM transfers.

#include "arch/spec.h"
#include "models/analytical_model.h"
#include "models/systolic_folds.h"
#include "workloads/problem.h"

namespace hwaware::model {

// `problem` on spec.systolic (which must be set); counts.systolic holds SCALE-Sim's report. Throws
// core::InputError for a layer with weights that is not a convolution (systolic_folds).
LayerCounts evaluate_systolic(const arch::Spec& spec, const workload::Problem& problem);

// The same from the layer's folds (systolic_folds(spec, problem)), counted once for both backends.
LayerCounts systolic_counts(const arch::Spec& spec, const workload::Problem& problem, const SystolicFolds& folds);

}  // namespace hwaware::model
