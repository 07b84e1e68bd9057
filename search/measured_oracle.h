#pragma once
// The measured cost oracle (the seed's black-box case, this machine's CPU standing in for a
// phone): every layer is timed on the CPU with LibTorch in inference mode, as the module the
// trainer builds for it (torch_model.h: conv + batch norm + ReLU, pool, add + ReLU, linear), alone,
// on an input of its shape and the workload's batch; warm-up runs, then repeats, the median kept.
// A CPU oracle measures time only: energy_pj and cycles are 0, and there is no area. Per-layer
// results are remembered by layer shape (a search asks about the same layers again and again).
//
// How the timings stay comparable with whole networks (calibrated on this 2-vCPU KVM machine):
// - Layers are timed among neighbours, as in a network: the layers a network (or a LUT's set of
//   layers at one pair of width levels) brings are timed in passes, one run of each per pass in
//   the network's order, never back to back. Timed back to back, a layer finds its code and data in
//   the L2 cache, and a small one (a pool, an FC layer) runs 3-5x faster than after other layers.
// - The machine is not steady (its neighbours on the physical core; a phone has its thermal
//   state): floating-point code slows down about 1.6x for seconds to minutes at a time. Passes
//   are kept only while a probe says it runs at its usual speed, and taken in rounds spread in
//   time, each layer or network keeping its smallest median.
// This header does not include LibTorch (search/torch_measured_oracle.cpp does).

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "search/cost_oracle.h"

namespace hwaware::search {

struct LayerRunner;  // a layer or network built once with its input (torch_measured_oracle.cpp)

// What a run is timed with. thread_cpu: the CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID),
// what the run costs while it has a core, blind to the time other processes take the core from it
// (a shared machine); valid with one thread only, as the other threads' work is not counted. wall:
// elapsed time (std::chrono::steady_clock), what a user waits on an otherwise idle machine.
enum class MeasureClock { thread_cpu, wall };

struct MeasureOptions {
  int warmup = 5;    // untimed passes first (allocations, caches, lazily initialized kernels)
  int repeats = 15;  // timed passes; each layer's or network's median is kept
  // Rounds (MeasuredOracle::measure_rounds, measure_networks_latency_s), each item keeping its
  // smallest median: at least `rounds`, and more until `span_s` seconds have passed since the
  // first, so that they are spread over the machine's slow and fast spells.
  int rounds = 5;
  double span_s = 30;
  // Passes are kept while the machine runs at its usual speed: a probe (a small BLAS product) at
  // most (1 + steady_tolerance) x the fastest probe seen in the process, before and after (every
  // 50 ms); others are taken again, for up to steady_wait_s seconds per round (then kept, and
  // counted by unsteady_passes()). 0 s: no probes.
  double steady_tolerance = 0.25;
  double steady_wait_s = 60;
  // LibTorch intra-op threads while timing. One by default: timings are then stable, do not depend
  // on what else runs on the other core, and can be taken in thread CPU time.
  int threads = 1;
  MeasureClock clock = MeasureClock::thread_cpu;  // with threads > 1, wall only
};

class MeasuredOracle : public CostOracle {
 public:
  // Throws std::invalid_argument for the thread CPU clock with more than one thread.
  explicit MeasuredOracle(MeasureOptions options = {});
  ~MeasuredOracle() override;
  // One latency per layer, their sum as the total; energy 0. Layer shapes not remembered yet are
  // timed then, in one round, as neighbours (a layer asked alone, as a LUT does, is timed back to
  // back). Throws core::InputError for a layer the trainer cannot build (its type, or no window),
  // naming it.
  NetworkMetrics metrics(const workload::Network& network) override;
  std::string backend() const override { return "measured"; }
  // Remembers the layer shapes of `network` not remembered yet, untimed, with the network's layers
  // as their neighbours (all of them, in order: those remembered before run too, untimed).
  void add_shapes(const workload::Network& network);
  // One round over every set of neighbours, each shape timed among the neighbours it came with: its
  // first round sets its latency, later ones keep the smallest median. `progress(set, sets)` is
  // called per set.
  void measure_again(const std::function<void(long long, long long)>& progress = {});
  // Rounds until every remembered shape has had options().rounds of them and options().span_s
  // seconds have passed since the first; `progress(round, set, sets)` per set. Returns the fewest
  // rounds a shape has had.
  int measure_rounds(const std::function<void(int, long long, long long)>& progress = {});
  long long layers_timed() const { return timed_; }  // layer timings taken (one per shape and round)
  std::size_t shapes() const { return layers_.size(); }
  const MeasureOptions& options() const { return options_; }

 private:
  struct Timed {
    workload::Network alone;  // the layer as a network of its own
    std::shared_ptr<LayerRunner> runner;
    double latency_s = 0;
    int rounds = 0;
  };
  struct Neighbours {
    std::vector<std::string> keys;  // in network order
    std::vector<bool> timed;        // whether the shape came with these neighbours (else it only runs)
  };
  // Times one set of neighbours in one round.
  void measure(const Neighbours& set);

  MeasureOptions options_;
  std::map<std::string, Timed> layers_;  // by layer shape
  std::vector<Neighbours> sets_;
  long long timed_ = 0;
  double first_round_s_ = -1;  // steady-clock time of the first round; -1 before
};

// The whole network's forward pass timed end to end (back to back: its layers are each other's
// neighbours; warm-up, repeats, median, in one round): what the sum of its layers' measured
// latencies is checked against. Throws as the oracle does.
double measure_network_latency_s(const workload::Network& network, const MeasureOptions& options = {});

// Every network timed end to end in rounds over the list (as many as MeasuredOracle::measure_rounds
// does: options.rounds and options.span_s), the smallest median of each kept. `progress(round,
// network, networks)` is called per network.
std::vector<double> measure_networks_latency_s(const std::vector<workload::Network>& networks, const MeasureOptions& options = {},
                                               const std::function<void(int, long long, long long)>& progress = {});

// Timed passes kept in this process although the machine was not steady (after
// MeasureOptions::steady_wait_s).
long long unsteady_passes();

// What a measured latency depends on besides the layer: this CPU (its model name, from
// /proc/cpuinfo), the threads used and the clock, e.g. "Intel(R) Xeon(R) Processor; 1 thread;
// thread CPU time". Measured LUTs are keyed on it in place of an accelerator.
std::string cpu_description(const MeasureOptions& options);

}  // namespace hwaware::search
