#include "sim/simulator.h"

#include <algorithm>
#include <cmath>
#include <systemc>
#include <vector>

#include "core/diagnostics.h"
#include "sim/array_module.h"
#include "sim/buffer_module.h"
#include "sim/dram_module.h"
#include "sim/network_module.h"
#include "sim/sim_time.h"

namespace hwaware::sim {
namespace {

bool g_elaborated = false;  // SystemC elaborates once per process

}  // namespace

// The modules: the DRAM (the outermost level), one buffer per on-chip level, the array.
struct Simulator::Impl {
  DramModule dram;
  std::vector<std::unique_ptr<BufferModule>> buffers;    // levels 1.. of the description
  std::vector<std::unique_ptr<NetworkModule>> networks;  // their networks, where they fan out
  std::unique_ptr<ArrayModule> array;

  explicit Impl(const arch::Spec& spec)
      : dram(spec.levels.front().name.c_str(), spec.levels.front().read_bandwidth, spec.levels.front().write_bandwidth,
             spec.levels.front().latency_cycles) {
    std::vector<BufferModule*> levels;
    std::vector<NetworkModule*> links;
    for (std::size_t l = 1; l < spec.levels.size(); ++l) {
      buffers.push_back(std::make_unique<BufferModule>(spec.levels[l].name.c_str(), spec.levels[l], dram));
      levels.push_back(buffers.back().get());
      NetworkModule* link = nullptr;
      if (spec.fanout_below(static_cast<int>(l)) > 1) {
        networks.push_back(std::make_unique<NetworkModule>(spec.levels[l].network_name().c_str()));
        link = networks.back().get();
      }
      links.push_back(link);
    }
    array = std::make_unique<ArrayModule>(spec.pim ? "crossbars" : spec.compute.name.c_str(), levels, links);
  }
};

void require_simulatable(const arch::Spec& spec) {
  if (spec.levels.size() < 2)
    throw core::InputError(spec.loc, "accelerator.levels",
                           "the SystemC backend needs an on-chip level below '" + spec.levels.front().name +
                               "' (the buffer DRAM fills); this accelerator has only one level");
}

Simulator::Simulator(const arch::Spec& spec) {
  if (g_elaborated) core::panic("a second SystemC simulator in one process (SystemC elaborates once per process)");
  if (spec.levels.size() < 2) core::panic("the SystemC backend needs DRAM and at least one on-chip level");
  g_elaborated = true;
  impl_ = std::make_unique<Impl>(spec);
  sc_core::sc_start(sc_core::SC_ZERO_TIME);  // end of elaboration: the threads wait for work
}

Simulator::~Simulator() = default;

SimResult Simulator::run(const Schedule& schedule) {
  SimResult r;
  r.steps = static_cast<long long>(schedule.steps.size());
  if (schedule.steps.empty()) return r;
  // Each level moves the tensors that land in it; it double-buffers when two steps' tiles of
  // each of them fit.
  const auto before_read = impl_->dram.words_read;
  const auto before_written = impl_->dram.words_written;
  const sc_core::sc_time start = sc_core::sc_time_stamp();
  r.double_buffered = true;
  for (std::size_t b = 0; b < impl_->buffers.size(); ++b) {
    std::array<bool, kMaxTensors> mine{};
    bool doubled = true;
    for (std::size_t t = 0; t < schedule.tensors.size(); ++t) {
      mine[t] = schedule.landing[t] == b + 1;
      if (mine[t] && schedule.tile_words[t] > 0 && 2 * schedule.tile_words[t] > schedule.buffer_words[t]) doubled = false;
    }
    if (std::find(mine.begin(), mine.end(), true) != mine.end()) r.double_buffered = r.double_buffered && doubled;
    impl_->buffers[b]->start(schedule, doubled ? 2 : 1, mine);
  }
  impl_->array->start(schedule);
  sc_core::sc_start();  // runs until the layer is done and every thread waits again
  const ArrayModule& a = *impl_->array;
  sc_core::sc_time end = a.last_compute;
  for (const auto& b : impl_->buffers) end = std::max(end, b->last_write);
  // Whole cycles, rounded up: a layer ends in the cycle its last transfer does.
  r.cycles = static_cast<long long>(std::ceil((end - start).to_seconds() * 1e9 - 1e-6));
  r.compute_cycles = std::llround(a.busy_cycles);
  r.stall_cycles = a.stall_cycles;
  r.fill_cycles = to_cycles(a.first_compute - start);
  r.drain_cycles = std::max(0LL, r.cycles - to_cycles(a.last_compute - start));
  for (std::size_t t = 0; t < kMaxTensors; ++t) {
    r.dram_reads[t] = impl_->dram.words_read[t] - before_read[t];
    r.dram_writes[t] = impl_->dram.words_written[t] - before_written[t];
  }
  return r;
}

}  // namespace hwaware::sim
