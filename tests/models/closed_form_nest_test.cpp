// The closed-form nest analysis must give exactly what the position-by-position walk gives:
// checked on seeded random layers (strides, dilation, groups) and random mappings.

#include <catch2/catch.hpp>

#include <map>
#include <random>

#include "models/nest_analysis.h"
#include "models/nest_walker.h"
#include "workloads/layer.h"

using namespace hwaware;

namespace {

// Splits `n` into `parts` factors at random (a random divisor each time).
std::vector<long long> random_split(long long n, std::size_t parts, std::mt19937& rng) {
  std::vector<long long> f(parts, 1);
  for (std::size_t i = 0; i + 1 < parts; ++i) {
    std::vector<long long> divisors;
    for (long long d = 1; d <= n; ++d)
      if (n % d == 0) divisors.push_back(d);
    long long d = divisors[std::uniform_int_distribution<std::size_t>(0, divisors.size() - 1)(rng)];
    f[i] = d;
    n /= d;
  }
  f[parts - 1] = n;
  std::shuffle(f.begin(), f.end(), rng);
  return f;
}

workload::Problem random_layer(std::mt19937& rng) {
  auto pick = [&](long long lo, long long hi) { return std::uniform_int_distribution<long long>(lo, hi)(rng); };
  workload::ConvParams p;
  p.groups = pick(1, 2);
  p.in_channels = p.groups * pick(1, 6);
  p.out_channels = p.groups * pick(1, 6);
  p.kernel_h = pick(1, 3);
  p.kernel_w = pick(1, 3);
  p.stride_h = pick(1, 2);
  p.stride_w = pick(1, 2);
  p.dilation_w = pick(1, 2);
  p.pad_h = p.pad_w = 1;
  p.in_height = pick(3, 9);
  p.in_width = pick(3, 9);
  p.batch = pick(1, 2);
  return workload::conv2d_problem("random", p);
}

// Three or four storage levels; every dimension split over temporal loops of each level and
// spatial loops of random levels; random orders; one trivial loop where a level has none.
std::vector<model::NestLoop> random_nest(const workload::Problem& pr, std::mt19937& rng) {
  const int nlev = std::uniform_int_distribution<int>(2, 4)(rng);
  std::vector<std::vector<model::NestLoop>> temporal(static_cast<std::size_t>(nlev)), spatial(static_cast<std::size_t>(nlev));
  for (std::size_t d = 0; d < pr.bounds.size(); ++d) {
    auto f = random_split(pr.bounds[d], static_cast<std::size_t>(nlev) + 2, rng);
    for (int l = 0; l < nlev; ++l)
      if (f[static_cast<std::size_t>(l)] > 1)
        temporal[static_cast<std::size_t>(l)].push_back({static_cast<int>(d), f[static_cast<std::size_t>(l)], false, false, l, false});
    for (std::size_t s = 0; s < 2; ++s) {
      long long b = f[static_cast<std::size_t>(nlev) + s];
      if (b == 1) continue;
      int l = std::uniform_int_distribution<int>(0, nlev - 2)(rng);
      spatial[static_cast<std::size_t>(l)].push_back({static_cast<int>(d), b, true, s == 0, l, false});
    }
  }
  std::vector<model::NestLoop> loops;
  for (int l = 0; l < nlev; ++l) {
    auto& sp = spatial[static_cast<std::size_t>(l)];
    auto& tp = temporal[static_cast<std::size_t>(l)];
    std::shuffle(sp.begin(), sp.end(), rng);
    std::shuffle(tp.begin(), tp.end(), rng);
    for (auto& x : sp) loops.push_back(x);
    for (auto& x : tp) loops.push_back(x);
    if (tp.empty()) loops.push_back({0, 1, false, false, l, false});
    loops.back().boundary = true;
  }
  return loops;
}

std::map<long long, double> nonzero(const model::AccessStats& a) {
  std::map<long long, double> out;
  for (const auto& [m, v] : a)
    if (v != 0) out[m] = v;
  return out;
}

}  // namespace

TEST_CASE("the closed-form nest analysis equals the walk on random layers and mappings", "[rules]") {
  std::mt19937 rng(20261126);
  for (int trial = 0; trial < 400; ++trial) {
    auto pr = random_layer(rng);
    auto loops = random_nest(pr, rng);
    auto fast = model::analyze_nest(pr, loops);
    auto slow = test::analyze_nest_by_walking(pr, loops);
    INFO("trial " << trial);
    REQUIRE(fast.compute_per_instance == slow.compute_per_instance);
    REQUIRE(fast.compute_instances == slow.compute_instances);
    for (std::size_t l = 0; l < loops.size(); ++l) {
      INFO("loop " << l);
      const auto& f = fast.tiles[l];
      const auto& s = slow.tiles[l];
      REQUIRE(f.valid == s.valid);
      REQUIRE(f.replication == s.replication);
      REQUIRE(f.fanout == s.fanout);
      if (!f.valid) continue;
      for (std::size_t ds = 0; ds < pr.data_spaces.size(); ++ds) {
        INFO("tensor " << pr.data_spaces[ds].name);
        if (loops[l].boundary || f.master_spatial) REQUIRE(f.size[ds] == s.size[ds]);
        auto fa = nonzero(f.accesses[ds]);
        auto sa = nonzero(s.accesses[ds]);
        REQUIRE(fa.size() == sa.size());
        for (const auto& [m, v] : sa) REQUIRE(fa[m] == Approx(v).epsilon(1e-12));
      }
    }
  }
}
