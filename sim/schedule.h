#pragma once
// A layer's work as the SystemC backend times it: a sequence of steps (the tiles the outermost
// on-chip buffer receives from DRAM, or the folds of a systolic array). Before a step computes,
// its operands must have arrived from DRAM into the on-chip buffers; when the buffer has room
// for two steps it is double-buffered, so the next step's operands arrive while this one
// computes. After a step, its outputs go back to DRAM. Schedules are built by pure C++ code
// (spatial_schedule.h, pim_schedule.h, systolic_schedule.h) from the models' counts; the SystemC
// modules only time them.

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace hwaware::sim {

constexpr std::size_t kMaxTensors = 4;

struct Step {
  std::array<double, kMaxTensors> dram_reads{};   // words read from DRAM before the step, per tensor
  std::array<double, kMaxTensors> dram_writes{};  // words written to DRAM after the step, per tensor
  long long compute_cycles = 0;                   // cycles the array computes, pipeline fill and drain included
  double share = 0;                               // the step's share of the on-chip levels' traffic (Schedule::loads)
};

// What one instance of an on-chip level moves over a layer, in its own words: the reads it serves
// (to the level below, the array, or its network) and the writes it takes (fills and updates),
// and the words its network delivers to the level's children. A step moves `share` of it, at the
// level's ports while the array computes: a step lasts as long as the slowest of them.
struct LevelLoad {
  double read_words = 0, write_words = 0;
  double network_words = 0;
};

struct Schedule {
  std::vector<std::string> tensors;  // names, aligned with the arrays of a step
  std::vector<Step> steps;
  // Per tensor: the on-chip level its DRAM reads land in (an index into the accelerator's
  // levels, 1 = the first below DRAM), the words of it that level holds for one step (its tile,
  // over all the level's instances) and the level's capacity in words for that tensor. A level
  // whose tensors' two tiles all fit is double-buffered.
  std::array<std::size_t, kMaxTensors> landing{1, 1, 1, 1};
  std::array<double, kMaxTensors> tile_words{};
  std::array<double, kMaxTensors> buffer_words{};
  long long ideal_cycles = 0;  // the analytical, throughput-bound cycles of the layer (for reports)
  // Per level of the description (index 0, DRAM, unused).
  std::vector<LevelLoad> loads;
};

}  // namespace hwaware::sim

namespace hwaware::sim {

// Words of tensor `t` a schedule reads from (writes to) DRAM over all its steps.
double total_dram_reads(const Schedule& s, std::size_t t);
double total_dram_writes(const Schedule& s, std::size_t t);
// Cycles the array is busy over all steps (what the layer takes with operands always ready).
long long total_compute_cycles(const Schedule& s);

}  // namespace hwaware::sim
