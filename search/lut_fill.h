#pragma once
// What `hwaware lut build` and `lut check` do with a per-layer LUT (lut.h): fill it with every layer
// shape a width search may visit, and measure how far the sum of a network's entries is from the
// backend's whole-network answer on sampled networks.

#include <functional>
#include <random>
#include <string>
#include <vector>

#include "search/cost_oracle.h"
#include "search/network_surgery.h"

namespace hwaware::search {

// Every layer at `levels` widths of its own group and of the group it reads (when it reads one),
// in multiples of the groups' steps: level k of n is ceil(k / n x width) rounded up to the step.
// `progress(done, total)` is called as entries are asked for. Returns the number of shapes asked.
long long fill_lut(CostOracle& lut, const workload::Network& net, int levels,
                   const std::function<void(long long, long long)>& progress = {});

// What fill_lut asks about, by pair of levels (a, b), a-major: every layer at level a of its own
// group and b of the group it reads, gathered as a network (each layer at its own widths: a set of
// neighbours as in a network, not one that runs as a whole).
std::vector<workload::Network> lut_level_sets(const workload::Network& net, int levels);

// A network with every prunable group at a random width level (as fill_lut's levels).
workload::Network sample_widths(const workload::Network& net, const std::vector<WidthGroup>& groups, int levels, std::mt19937_64& rng);

struct LutCheck {
  long long networks = 0;
  double mean_error = 0;  // |LUT sum - whole network| / whole network, latency
  double p95_error = 0;
  double share_within_10 = 0;  // of the sampled networks
  double mean_energy_error = 0;
};

// Compares the LUT's sums with `backend` on `samples` networks sampled from `net`.
LutCheck check_lut(CostOracle& lut, CostOracle& backend, const workload::Network& net, int levels, int samples, unsigned long long seed);

// The `samples` networks check_lut compares, drawn from `net` with `seed` (sample_widths).
std::vector<workload::Network> sample_networks(const workload::Network& net, int levels, int samples, unsigned long long seed);

// Compares the LUT's latency sums over `networks` with their latencies as a whole,
// `whole_latency_s` (e.g. forward passes timed end to end); energy is not compared (0).
LutCheck check_lut_latency(CostOracle& lut, const std::vector<workload::Network>& networks, const std::vector<double>& whole_latency_s);

}  // namespace hwaware::search
