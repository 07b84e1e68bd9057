// The measured cost oracle (measured_oracle.h): layers and whole networks timed on this CPU with
// LibTorch, as the trainer's modules (torch_network.h), in inference mode.

#include <time.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <thread>
#include <vector>

#include "models/network_mapper.h"
#include "search/measured_oracle.h"
#include "search/torch_network.h"

namespace hwaware::search {
namespace {

// LibTorch's intra-op threads set for a scope, the previous count restored after it.
class ThreadScope {
 public:
  explicit ThreadScope(int threads) : previous_(torch::get_num_threads()) { torch::set_num_threads(std::max(1, threads)); }
  ~ThreadScope() { torch::set_num_threads(previous_); }
  ThreadScope(const ThreadScope&) = delete;
  ThreadScope& operator=(const ThreadScope&) = delete;

 private:
  int previous_;
};

long long batch_of(const workload::Network& net) {
  const auto& p = net.layers.front().problem;
  const int n = p.dim_index("N");
  return n < 0 ? 1 : p.bounds[static_cast<std::size_t>(n)];
}

void check_options(const MeasureOptions& o) {
  if (o.clock == MeasureClock::thread_cpu && o.threads != 1)
    throw std::invalid_argument("the thread CPU clock times one thread: measure with threads = 1, or with the wall clock");
}

double now_s(MeasureClock clock) {
  if (clock == MeasureClock::wall) return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

double median(std::vector<double> v) {
  const auto mid = v.begin() + static_cast<long>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

// What reading the clock around nothing measures (the median of many tries, once per process):
// taken off every timing, so that a sum of many short layers does not count it many times (the
// thread CPU clock is a system call, ~0.5 us under KVM).
double clock_overhead_s(MeasureClock clock) {
  const auto measure = [](MeasureClock c) {
    std::vector<double> t(201);
    for (auto& d : t) {
      const double start_s = now_s(c);
      d = now_s(c) - start_s;
    }
    return median(std::move(t));
  };
  static const double cpu_s = measure(MeasureClock::thread_cpu), wall_s = measure(MeasureClock::wall);
  return clock == MeasureClock::thread_cpu ? cpu_s : wall_s;
}

// Whether the machine runs at its usual speed, from a probe: a fixed product of two small matrices
// on LibTorch's BLAS (what most layers run on), the median of three runs. On this VM, such code
// slows down about 1.6x for seconds to minutes at a time (neighbours on the physical core; an ALU
// loop does not). The machine is steady while the probe takes at most (1 + tolerance) times the
// fastest probe seen in this process. One per process (leaked: no LibTorch at exit).
class SteadyGate {
 public:
  static SteadyGate& instance() {
    static auto* gate = new SteadyGate();
    return *gate;
  }
  bool steady(double tolerance) {
    const double p = probe_s();  // may lower fastest_s_
    return p <= (1 + tolerance) * fastest_s_;
  }
  // Probes until steady (every 20 ms) or `wait_s` has passed; whether steady.
  bool wait(double tolerance, double wait_s) {
    const double until_s = now_s(MeasureClock::wall) + wait_s;
    while (!steady(tolerance)) {
      if (now_s(MeasureClock::wall) >= until_s) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
  }
  long long unsteady = 0;  // passes kept although the machine was not steady

 private:
  SteadyGate() : a_(torch::rand({16, 144})), b_(torch::rand({144, 98})), c_(torch::empty({16, 98})) {}
  // In thread CPU time: other processes taking the core do not make the machine look unsteady.
  double probe_s() {
    std::vector<double> t(3);
    for (auto& d : t) {
      const double start_s = now_s(MeasureClock::thread_cpu);
      torch::mm_out(c_, a_, b_);
      d = now_s(MeasureClock::thread_cpu) - start_s;
    }
    const double p = median(std::move(t));
    fastest_s_ = std::min(fastest_s_, p);
    return p;
  }
  torch::Tensor a_, b_, c_;
  double fastest_s_ = std::numeric_limits<double>::infinity();
};

}  // namespace

// A layer or network built once as the trainer builds it, in inference mode, with a random input
// of its input shape and batch.
struct LayerRunner {
  std::shared_ptr<TorchNetwork> module;
  torch::Tensor x;
  explicit LayerRunner(const workload::Network& net) : module(std::make_shared<TorchNetwork>(net)) {
    torch::manual_seed(1);
    module->eval();
    const auto& s = module->input_shape;
    x = torch::randn({batch_of(net), s[0], s[1], s[2]});
  }
  void run() { module->forward_all(x); }
};

namespace {

// Timed passes over `runners`, one run of each per pass (round robin), after `warmup` untimed
// passes: each runner's median over `repeats` passes. With the steady gate, passes are kept in
// blocks between two probes (50 ms apart) that found the machine steady; a block between an
// unsteady probe and the last one is taken again, until steady_wait_s has passed.
std::vector<double> time_passes(const std::vector<LayerRunner*>& runners, const MeasureOptions& o,
                                const std::function<void(long long, long long)>& progress) {
  ThreadScope threads(o.threads);
  c10::InferenceMode inference;
  for (int w = 0; w < o.warmup; ++w)
    for (auto* r : runners) r->run();
  const auto repeats = static_cast<std::size_t>(std::max(1, o.repeats));
  std::vector<std::vector<double>> kept(runners.size()), block(runners.size());
  const bool gated = o.steady_wait_s > 0;
  auto& gate = SteadyGate::instance();
  const double until_s = now_s(MeasureClock::wall) + o.steady_wait_s;
  const auto left_s = [&] { return std::max(0.0, until_s - now_s(MeasureClock::wall)); };
  if (gated) gate.wait(o.steady_tolerance, left_s());
  const double overhead_s = clock_overhead_s(o.clock);
  double probed_s = now_s(MeasureClock::wall);
  for (std::size_t passes = 0; passes < repeats;) {
    for (std::size_t i = 0; i < runners.size(); ++i) {
      const double start_s = now_s(o.clock);
      runners[i]->run();
      block[i].push_back(std::max(0.0, now_s(o.clock) - start_s - overhead_s));
    }
    const std::size_t in_block = block.front().size();
    if (gated && now_s(MeasureClock::wall) - probed_s < 0.05 && passes + in_block < repeats) continue;
    const bool steady = !gated || gate.steady(o.steady_tolerance);
    if (steady || left_s() <= 0) {
      if (!steady) gate.unsteady += static_cast<long long>(in_block);
      for (std::size_t i = 0; i < runners.size(); ++i) kept[i].insert(kept[i].end(), block[i].begin(), block[i].end());
      passes += in_block;
      if (progress) progress(static_cast<long long>(passes), static_cast<long long>(repeats));
    } else {
      gate.wait(o.steady_tolerance, left_s());
    }
    for (auto& b : block) b.clear();
    probed_s = now_s(MeasureClock::wall);
  }
  std::vector<double> medians;
  for (auto& k : kept) medians.push_back(median(std::move(k)));
  return medians;
}

// What a layer's time depends on: its problem's shape, and what the problem does not say (the
// operation, the window; an FC layer alone has no ReLU after it, as the last layer of a network).
std::string layer_shape_key(const workload::Layer& l) {
  const auto& w = l.window;
  std::string k = model::shape_key(l.problem) + "|" + l.type + "|" + l.op + "|";
  for (long long v : {w.known ? 1LL : 0LL, w.global ? 1LL : 0LL, w.in_height, w.in_width, w.kernel_h, w.kernel_w, w.stride_h, w.stride_w,
                      w.pad_h, w.pad_w, w.dilation_h, w.dilation_w})
    k += std::to_string(v) + ",";
  return k;
}

}  // namespace

MeasuredOracle::MeasuredOracle(MeasureOptions options) : options_(options) { check_options(options_); }

MeasuredOracle::~MeasuredOracle() = default;

void MeasuredOracle::add_shapes(const workload::Network& network) {
  Neighbours set;
  for (const auto& layer : network.layers) {
    const std::string key = layer_shape_key(layer);
    if (std::find(set.keys.begin(), set.keys.end(), key) != set.keys.end()) continue;
    const bool fresh = layers_.count(key) == 0;
    if (fresh) {
      Timed t;
      t.alone.name = network.name;
      t.alone.layers.push_back(layer);
      t.runner = std::make_shared<LayerRunner>(t.alone);
      layers_.emplace(key, std::move(t));
    }
    set.keys.push_back(key);
    set.timed.push_back(fresh);
  }
  if (std::find(set.timed.begin(), set.timed.end(), true) != set.timed.end()) sets_.push_back(std::move(set));
}

void MeasuredOracle::measure(const Neighbours& set) {
  if (first_round_s_ < 0) first_round_s_ = now_s(MeasureClock::wall);
  std::vector<LayerRunner*> runners;
  for (const auto& k : set.keys) runners.push_back(layers_.at(k).runner.get());
  const auto latency_s = time_passes(runners, options_, {});
  for (std::size_t i = 0; i < set.keys.size(); ++i) {
    if (!set.timed[i]) continue;
    Timed& t = layers_.at(set.keys[i]);
    t.latency_s = t.rounds == 0 ? latency_s[i] : std::min(t.latency_s, latency_s[i]);
    ++t.rounds;
    ++timed_;
  }
}

NetworkMetrics MeasuredOracle::metrics(const workload::Network& network) {
  const auto before = sets_.size();
  add_shapes(network);
  if (sets_.size() > before) measure(sets_.back());
  NetworkMetrics m;
  for (const auto& layer : network.layers) {
    LayerMetrics lm;
    lm.layer = layer.name;
    lm.latency_s = layers_.at(layer_shape_key(layer)).latency_s;
    m.layers.push_back(lm);
  }
  add_totals(m);
  return m;
}

void MeasuredOracle::measure_again(const std::function<void(long long, long long)>& progress) {
  for (std::size_t i = 0; i < sets_.size(); ++i) {
    measure(sets_[i]);
    if (progress) progress(static_cast<long long>(i + 1), static_cast<long long>(sets_.size()));
  }
}

int MeasuredOracle::measure_rounds(const std::function<void(int, long long, long long)>& progress) {
  const auto fewest = [&] {
    int f = std::numeric_limits<int>::max();
    for (const auto& entry : layers_) f = std::min(f, entry.second.rounds);
    return layers_.empty() ? 0 : f;
  };
  if (layers_.empty()) return 0;
  while (fewest() < options_.rounds || first_round_s_ < 0 || now_s(MeasureClock::wall) - first_round_s_ < options_.span_s) {
    const int round = fewest() + 1;
    measure_again([&](long long set, long long sets) {
      if (progress) progress(round, set, sets);
    });
  }
  return fewest();
}

long long unsteady_passes() { return SteadyGate::instance().unsteady; }

double measure_network_latency_s(const workload::Network& network, const MeasureOptions& options) {
  check_options(options);
  if (network.layers.empty()) return 0.0;
  LayerRunner runner(network);
  return time_passes({&runner}, options, {}).front();
}

std::vector<double> measure_networks_latency_s(const std::vector<workload::Network>& networks, const MeasureOptions& options,
                                               const std::function<void(int, long long, long long)>& progress) {
  check_options(options);
  std::vector<std::unique_ptr<LayerRunner>> runners;
  for (const auto& n : networks) runners.push_back(n.layers.empty() ? nullptr : std::make_unique<LayerRunner>(n));
  std::vector<double> latency_s(networks.size(), std::numeric_limits<double>::infinity());
  const double start_s = now_s(MeasureClock::wall);
  for (int round = 1; round <= options.rounds || now_s(MeasureClock::wall) - start_s < options.span_s; ++round)
    for (std::size_t i = 0; i < networks.size(); ++i) {
      const double t = runners[i] ? time_passes({runners[i].get()}, options, {}).front() : 0.0;
      latency_s[i] = std::min(latency_s[i], t);
      if (progress) progress(round, static_cast<long long>(i + 1), static_cast<long long>(networks.size()));
    }
  return latency_s;
}

std::string cpu_description(const MeasureOptions& options) {
  std::ifstream in("/proc/cpuinfo");
  std::string line, model = "unknown CPU";
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) != 0) continue;
    const auto start = line.find_first_not_of(" \t", line.find(':') + 1);
    if (line.find(':') != std::string::npos && start != std::string::npos) model = line.substr(start);
    break;
  }
  const int threads = options.threads;
  return model + "; " + std::to_string(threads) + (threads == 1 ? " thread" : " threads") + "; " +
         (options.clock == MeasureClock::thread_cpu ? "thread CPU time" : "wall time");
}

}  // namespace hwaware::search
