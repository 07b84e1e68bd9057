#include "sim/simulator.h"

#include <algorithm>
#include <systemc>

#include "core/diagnostics.h"
#include "sim/array_module.h"
#include "sim/buffer_module.h"
#include "sim/dram_module.h"
#include "sim/sim_time.h"

namespace hwaware::sim {
namespace {

bool g_elaborated = false;  // SystemC elaborates once per process

// The outermost level below the backing store: the buffer DRAM fills.
const arch::StorageLevel& onchip_buffer(const arch::Spec& spec) {
  if (spec.levels.size() < 2) core::panic("the SystemC backend needs DRAM and at least one on-chip level");
  return spec.levels[1];
}

}  // namespace

struct Simulator::Impl {
  DramModule dram;
  BufferModule buffer;
  ArrayModule array;

  explicit Impl(const arch::Spec& spec)
      : dram(spec.levels.front().name.c_str(), spec.levels.front().read_bandwidth, spec.levels.front().write_bandwidth,
             spec.levels.front().latency_cycles),
        buffer(onchip_buffer(spec).name.c_str(), dram),
        array(spec.compute.name.c_str(), buffer) {}
};

Simulator::Simulator(const arch::Spec& spec) {
  if (g_elaborated) core::panic("a second SystemC simulator in one process (SystemC elaborates once per process)");
  g_elaborated = true;
  impl_ = std::make_unique<Impl>(spec);
  sc_core::sc_start(sc_core::SC_ZERO_TIME);  // end of elaboration: the threads wait for work
}

Simulator::~Simulator() = default;

SimResult Simulator::run(const Schedule& schedule) {
  SimResult r;
  r.steps = static_cast<long long>(schedule.steps.size());
  if (schedule.steps.empty()) return r;
  // Double buffering when two steps' tiles of every tensor fit the buffer.
  r.double_buffered = true;
  for (std::size_t t = 0; t < schedule.tensors.size(); ++t)
    if (schedule.tile_words[t] > 0 && 2 * schedule.tile_words[t] > schedule.buffer_words[t]) r.double_buffered = false;
  const auto before_read = impl_->dram.words_read;
  const auto before_written = impl_->dram.words_written;
  const sc_core::sc_time start = sc_core::sc_time_stamp();
  impl_->buffer.start(schedule, r.double_buffered ? 2 : 1);
  impl_->array.start(schedule);
  sc_core::sc_start();  // runs until the layer is done and every thread waits again
  const ArrayModule& a = impl_->array;
  r.cycles = to_cycles(std::max(impl_->buffer.last_write, a.last_compute) - start);
  r.compute_cycles = a.busy_cycles;
  r.stall_cycles = a.stall_cycles;
  r.fill_cycles = to_cycles(a.first_compute - start);
  r.drain_cycles = r.cycles - to_cycles(a.last_compute - start);
  for (std::size_t t = 0; t < kMaxTensors; ++t) {
    r.dram_reads[t] = impl_->dram.words_read[t] - before_read[t];
    r.dram_writes[t] = impl_->dram.words_written[t] - before_written[t];
  }
  return r;
}

}  // namespace hwaware::sim
