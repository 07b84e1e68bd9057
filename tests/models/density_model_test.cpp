// Sparseloop's density models (models/density_model.h) on hand-derived cases, against closed forms
// on tensors of 10^7 and 10^8 coordinates, and against boost::math's hypergeometric quantile, which
// is what Sparseloop calls (boost is the oracle here, not a dependency of the model).

#include <boost/math/distributions/hypergeometric.hpp>
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <random>

#include "models/density_model.h"

using namespace hwaware::model;

namespace {

// C(N - r, n) / C(N, n) = prod_{i < n} (N - r - i) / (N - i) = C(N - n, r) / C(N, r): the
// probability that a tile misses every nonzero, as a product of min(n, r) ratios.
long double empty_closed_form(std::uint64_t N, std::uint64_t r, std::uint64_t n) {
  const std::uint64_t a = std::min(n, r), b = std::max(n, r);
  long double p = 1;
  for (std::uint64_t i = 0; i < a; ++i) p *= static_cast<long double>(N - b - i) / static_cast<long double>(N - i);
  return p;
}

double relative_error(double got, long double want) { return static_cast<double>(std::fabs((got - want) / want)); }

std::uint64_t boost_quantile(std::uint64_t N, std::uint64_t r, std::uint64_t n, double c) {
  // Sparseloop: boost::math::hypergeometric_distribution<double> distribution(r, n, N); quantile(distribution, c).
  boost::math::hypergeometric_distribution<double> d(static_cast<unsigned>(r), static_cast<unsigned>(n), static_cast<unsigned>(N));
  return static_cast<std::uint64_t>(quantile(d, c));
}

}  // namespace

TEST_CASE("hypergeometric: a tile of n of 16 coordinates at d = 0.25 holds k nonzeros with probability C(4,k) C(12,n-k) / C(16,n)") {
  // r = ceil(0.25 x 16) = 4. n = 1: P(0) = 12/16 = 3/4, P(1) = 1/4.
  // n = 4: C(16,4) = 1820; P(0) = C(12,4) = 495/1820, P(1) = 4 x 220 = 880/1820,
  // P(2) = 6 x 66 = 396/1820, P(3) = 4 x 12 = 48/1820, P(4) = 1/1820 (sum 1820/1820);
  // mean (880 + 792 + 144 + 4)/1820 = 1 = 4 x 4/16. n = 16 (the whole tensor): P(4) = 1.
  const HypergeometricDensity m(0.25, 16);
  REQUIRE(m.nonzeros() == 4);
  CHECK(m.occupancy_probability(1, 0) == Approx(0.75).epsilon(1e-15));
  CHECK(m.occupancy_probability(1, 1) == Approx(0.25).epsilon(1e-15));
  CHECK(m.occupancy_probability(1, 2) == 0);
  const double want[] = {495, 880, 396, 48, 1};
  for (std::uint64_t k = 0; k <= 4; ++k) CHECK(m.occupancy_probability(4, k) == Approx(want[k] / 1820).epsilon(1e-15));
  CHECK(m.empty_probability(4) == Approx(495.0 / 1820).epsilon(1e-15));
  CHECK(m.expected_occupancy(4) == 1.0);
  CHECK(m.max_occupancy(4) == 4);
  CHECK(m.min_occupancy(4) == 0);
  CHECK(m.occupancy_probability(16, 4) == Approx(1).epsilon(1e-15));
  CHECK(m.empty_probability(16) == 0);
  CHECK(m.expected_occupancy(16) == 4.0);
  CHECK(m.max_occupancy(16) == 4);
  CHECK(m.min_occupancy(16) == 4);  // 16 + 4 - 16
}

TEST_CASE("fixed_structured: a tile holds floor(n d) with probability 1 - frac(n d) and ceil(n d) with probability frac(n d)") {
  // N = 16, d = 0.25. n = 1: x = 0.25: P(0) = 0.75, P(1) = 0.25, max 1. n = 4: x = 1: P(1) = 1,
  // never empty, max 1. n = 16: x = 4: P(4) = 1, max 4.
  const FixedStructuredDensity q(0.25, 16);
  CHECK(q.occupancy_probability(1, 0) == 0.75);
  CHECK(q.occupancy_probability(1, 1) == 0.25);
  CHECK(q.max_occupancy(1) == 1);
  CHECK(q.occupancy_probability(4, 1) == 1);
  CHECK(q.empty_probability(4) == 0);
  CHECK(q.max_occupancy(4) == 1);
  CHECK(q.occupancy_probability(16, 4) == 1);
  CHECK(q.max_occupancy(16) == 4);
  // Sparseloop's conv1d example, Weights at d = 0.43: a tile of n = 3 holds x = 1.29: 1 with
  // probability 0.71, 2 with 0.29; expected 1.29, max 2, never empty. The whole 48: x = 20.64,
  // 20 or 21, max ceil(48 x 0.43) = 21.
  const FixedStructuredDensity w(0.43, 48);
  CHECK(w.occupancy_probability(3, 1) == Approx(0.71).epsilon(1e-14));
  CHECK(w.occupancy_probability(3, 2) == Approx(0.29).epsilon(1e-14));
  CHECK(w.occupancy_probability(3, 0) == 0);
  CHECK(w.occupancy_probability(3, 3) == 0);
  CHECK(w.empty_probability(3) == 0);
  CHECK(w.expected_occupancy(3) == Approx(1.29).epsilon(1e-15));
  CHECK(w.max_occupancy(3) == 2);
  CHECK(w.min_occupancy(3) == 1);
  CHECK(w.occupancy_probability(48, 20) == Approx(0.36).epsilon(1e-13));
  CHECK(w.occupancy_probability(48, 21) == Approx(0.64).epsilon(1e-13));
  CHECK(w.max_occupancy(48) == 21);
}

TEST_CASE("fixed_structured: the occupancy at confidence c is floor(n d) up to c = 1 - frac(n d), ceil(n d) above") {
  // n = 3, d = 0.43: x = 1.29, 1 - frac = 0.71 (0.70999999999999996 in double).
  const FixedStructuredDensity w(0.43, 48);
  CHECK(w.occupancy_at_confidence(3, 0.5) == 1);
  CHECK(w.occupancy_at_confidence(3, 0.70) == 1);
  CHECK(w.occupancy_at_confidence(3, 0.72) == 2);
  CHECK(w.occupancy_at_confidence(3, 1.0) == 2);
  // x an integer: floor = ceil, probability 1.
  const FixedStructuredDensity q(0.25, 16);
  CHECK(q.occupancy_at_confidence(4, 1.0) == 1);
  CHECK(q.occupancy_at_confidence(4, 0.0) == 1);
}

TEST_CASE("a scalar tile is empty with probability 1 - d in both models, 1 - ceil(d N)/N for the hypergeometric") {
  // Fixed: x = d, P(0) = 1 - d. Hypergeometric: P(0) = (N - r)/N = 1 - r/N, which is 1 - d when
  // d N is an integer (16 x 0.25 = 4) and Sparseloop's rounded r otherwise (48 x 0.43 = 20.64,
  // r = 21: 1 - 21/48 = 0.5625, not 0.57).
  CHECK(FixedStructuredDensity(0.25, 16).empty_probability(1) == 0.75);
  CHECK(FixedStructuredDensity(0.43, 48).empty_probability(1) == Approx(0.57).epsilon(1e-15));
  CHECK(HypergeometricDensity(0.25, 16).empty_probability(1) == Approx(0.75).epsilon(1e-15));
  CHECK(HypergeometricDensity(0.43, 48).empty_probability(1) == Approx(0.5625).epsilon(1e-15));
}

TEST_CASE("hypergeometric: the tensor holds r = ceil(d N) nonzeros computed in double, a tile holds at most min(n, r)") {
  // 48 x 0.43 = 20.64 -> 21 (conv1d's Weights: 21 at full confidence); 100 x 0.07 is
  // 7.000000000000001 in double -> 8, as Sparseloop computes it.
  const HypergeometricDensity w(0.43, 48);
  CHECK(w.nonzeros() == 21);
  CHECK(w.max_occupancy(48) == 21);
  CHECK(w.max_occupancy(3) == 3);
  CHECK(w.min_occupancy(30) == 3);  // 30 + 21 - 48
  // n = 3: P(0) = C(27,3)/C(48,3) = 2925/17296; mean 3 x 21/48 = 21/16.
  CHECK(w.empty_probability(3) == Approx(2925.0 / 17296).epsilon(1e-15));
  CHECK(w.expected_occupancy(3) == 21.0 / 16);
  const HypergeometricDensity s(0.07, 100);
  CHECK(s.nonzeros() == 8);
  CHECK(s.max_occupancy(100) == 8);
  CHECK(FixedStructuredDensity(0.07, 100).max_occupancy(100) == 8);  // x = 7.000000000000001
}

TEST_CASE("the expected density is d as specified, the hypergeometric's expected occupancy is n r / N") {
  // N = 100, d = 0.07: r = 8, so a scalar tile holds 0.08 nonzeros on average, but its expected
  // density is the specified 0.07 (Sparseloop's GetTileExpectedDensity).
  const HypergeometricDensity s(0.07, 100);
  CHECK(s.expected_density(1) == 0.07);
  CHECK(s.expected_occupancy(1) == 0.08);
  CHECK(s.expected_occupancy(50) == 4.0);
  CHECK(FixedStructuredDensity(0.07, 100).expected_density(10) == 0.07);
}

TEST_CASE("occupancy probabilities sum to 1 and average the expected occupancy (n r / N, n d)") {
  struct Case {
    std::uint64_t N, n;
    double d;
  };
  for (const Case c : {Case{16, 4, 0.25}, Case{48, 3, 0.43}, Case{48, 30, 0.43}, Case{1000, 999, 0.5}, Case{4096, 512, 0.1},
                       Case{1000003, 2000, 0.37}, Case{10, 10, 1.0}, Case{10, 7, 0.0}}) {
    for (const auto& m : {make_density_model(DensityDistribution::hypergeometric, c.d, c.N),
                          make_density_model(DensityDistribution::fixed_structured, c.d, c.N)}) {
      long double sum = 0, mean = 0;
      for (std::uint64_t k = 0; k <= m->max_occupancy(c.n); ++k) {
        const double p = m->occupancy_probability(c.n, k);
        sum += p;
        mean += p * static_cast<long double>(k);
      }
      INFO("N " << c.N << " n " << c.n << " d " << c.d);
      CHECK(static_cast<double>(sum) == Approx(1).epsilon(1e-13));
      CHECK(static_cast<double>(mean) == Approx(m->expected_occupancy(c.n)).epsilon(1e-13).margin(1e-300));
    }
  }
}

TEST_CASE("probabilities within a known tile: the hypergeometric draws from that tile, fixed_structured takes its density") {
  // A known tile of 16 coordinates holding 4 nonzeros, in a tensor of 10^7: a sub-tile of 4 is
  // empty with C(12,4)/C(16,4) = 495/1820, whatever the tensor. Fixed: a known tile of 48 holding
  // 21, sub-tile 3: x = 3 x 21/48 = 1.3125: 1 with 0.6875, 2 with 0.3125.
  const HypergeometricDensity h(0.3, 10000000);
  CHECK(h.empty_probability(4, KnownTile{16, 4}) == Approx(495.0 / 1820).epsilon(1e-15));
  CHECK(h.occupancy_probability(4, 4, KnownTile{16, 4}) == Approx(1.0 / 1820).epsilon(1e-14));
  CHECK(h.occupancy_probability(4, 5, KnownTile{16, 4}) == 0);
  const FixedStructuredDensity f(0.9, 1000);
  CHECK(f.occupancy_probability(3, 1, KnownTile{48, 21}) == 0.6875);
  CHECK(f.occupancy_probability(3, 2, KnownTile{48, 21}) == 0.3125);
  CHECK(f.empty_probability(3, KnownTile{48, 21}) == 0);
  CHECK(f.empty_probability(3, KnownTile{48, 0}) == 1);
}

TEST_CASE("hypergeometric occupancy at a confidence is boost's quantile, rounded outwards, and min(n, r) at 1") {
  // N = 16, r = 4, n = 4: cdf(0) = 495/1820 = 0.272, cdf(1) = 1375/1820 = 0.755, cdf(2) = 0.973.
  // c = 0.3 (below the median): rounded down to 0, though cdf(0) < 0.3. c = 0.5: from the median
  // up, rounded up: 1. c = 0.9: 2. c = 1: min(4, 4) = 4.
  const HypergeometricDensity m(0.25, 16);
  CHECK(m.occupancy_at_confidence(4, 0.3) == 0);
  CHECK(m.occupancy_at_confidence(4, 0.5) == 1);
  CHECK(m.occupancy_at_confidence(4, 0.9) == 2);
  CHECK(m.occupancy_at_confidence(4, 1.0) == 4);
  // N = 16, r = 8, n = 3: P = 1/10, 4/10, 4/10, 1/10; cdf(1) = 0.5 exactly: p = 0.5 rounds up to 2.
  CHECK(HypergeometricDensity(0.5, 16).occupancy_at_confidence(3, 0.5) == 2);
  for (std::uint64_t r = 0; r <= 16; ++r)
    for (std::uint64_t n = 0; n <= 16; ++n)
      for (double c : {0.0, 0.3, 0.5, 0.9, 1.0}) {
        INFO("r " << r << " n " << n << " c " << c);
        CHECK(hypergeometric_quantile(16, r, n, c) == boost_quantile(16, r, n, c));
      }
}

TEST_CASE("the hypergeometric quantile equals boost's on every small case, at ties and in large tensors") {
  // Every N <= 24 with every r and n, at fixed confidences and at each exact cumulative
  // probability (ties, where boost's rounding decides), then random large cases.
  std::uint64_t mismatches = 0, checked = 0;
  for (std::uint64_t N = 1; N <= 24; ++N)
    for (std::uint64_t r = 0; r <= N; ++r)
      for (std::uint64_t n = 0; n <= N; ++n) {
        std::vector<double> cs = {0.0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0};
        boost::math::hypergeometric_distribution<double> d(static_cast<unsigned>(r), static_cast<unsigned>(n), static_cast<unsigned>(N));
        const unsigned lo = n + r > N ? static_cast<unsigned>(n + r - N) : 0;
        for (unsigned k = lo; k < std::min(n, r); ++k) cs.push_back(cdf(d, k));
        for (double c : cs) {
          ++checked;
          if (hypergeometric_quantile(N, r, n, c) != boost_quantile(N, r, n, c)) {
            ++mismatches;
            UNSCOPED_INFO("N " << N << " r " << r << " n " << n << " c " << c);
          }
        }
      }
  std::mt19937_64 rng(20);
  for (int i = 0; i < 200; ++i) {
    const std::uint64_t N = std::uniform_int_distribution<std::uint64_t>(25, 3000000)(rng);
    const std::uint64_t r = std::uniform_int_distribution<std::uint64_t>(0, N)(rng);
    const std::uint64_t n = std::uniform_int_distribution<std::uint64_t>(0, std::min<std::uint64_t>(N, 20000))(rng);
    const double c = std::uniform_real_distribution<double>(0, 1)(rng);
    ++checked;
    if (hypergeometric_quantile(N, r, n, c) != boost_quantile(N, r, n, c)) {
      ++mismatches;
      UNSCOPED_INFO("N " << N << " r " << r << " n " << n << " c " << c);
    }
  }
  INFO(checked << " cases checked");
  CHECK(mismatches == 0);
}

TEST_CASE("tensors of 10^7 and 10^8 coordinates: probabilities stay finite and match closed forms to 1e-12") {
  // N = 10^7, d = 0.3: r = 3 x 10^6. A tile of 16 is empty with prod_{i<16} (N - r - i)/(N - i)
  // (about 0.7^16); a scalar tile holds a nonzero with r / N = 0.3.
  const std::uint64_t N = 10000000;
  const HypergeometricDensity m(0.3, N);
  REQUIRE(m.nonzeros() == 3000000);
  CHECK(relative_error(m.empty_probability(16), empty_closed_form(N, 3000000, 16)) < 1e-12);
  CHECK(relative_error(m.occupancy_probability(1, 1), 0.3L) < 1e-12);
  CHECK(relative_error(m.expected_occupancy(1000), 300.0L) < 1e-15);
  // Sum and mean over the whole support of a tile of 1000.
  long double sum = 0, mean = 0;
  for (std::uint64_t k = 0; k <= 1000; ++k) {
    const double p = m.occupancy_probability(1000, k);
    REQUIRE(std::isfinite(p));
    sum += p;
    mean += p * static_cast<long double>(k);
  }
  CHECK(relative_error(static_cast<double>(sum), 1.0L) < 1e-12);
  CHECK(relative_error(static_cast<double>(mean), 300.0L) < 1e-12);
  // Few nonzeros, a huge tile: d = 10^-6, r = 10, n = N/2: empty with C(N - n, 10)/C(N, 10).
  const HypergeometricDensity few(1e-6, N);
  REQUIRE(few.nonzeros() == 10);
  CHECK(relative_error(few.empty_probability(N / 2), empty_closed_form(N, 10, N / 2)) < 1e-12);
  // Half the tensor at d = 0.5: the empty probability underflows to exactly 0, the mode stays finite.
  const HypergeometricDensity half(0.5, N);
  CHECK(half.empty_probability(N / 2) == 0);
  CHECK(std::isfinite(half.occupancy_probability(N / 2, N / 4)));
  CHECK(half.occupancy_probability(N / 2, N / 4) > 0);
  // N = 10^8, n = r = 5 x 10^7: neighbouring probabilities keep the exact ratio
  // P(k+1)/P(k) = (n - k)(r - k) / ((k + 1)(N - r - n + k + 1)) around the mode.
  const std::uint64_t big = 100000000, n = 50000000, r = 50000000;
  for (std::uint64_t k : {n / 2 - 5000, n / 2, n / 2 + 3000}) {
    const double a = hypergeometric_pmf(big, r, n, k), b = hypergeometric_pmf(big, r, n, k + 1);
    const long double ratio = static_cast<long double>(n - k) * (r - k) / (static_cast<long double>(k + 1) * (big - r - n + k + 1));
    INFO("k " << k);
    REQUIRE(std::isfinite(a));
    CHECK(relative_error(b / a, ratio) < 1e-12);
  }
  CHECK(hypergeometric_quantile(big, r, n, 1.0) == n);
}

TEST_CASE("density_distribution_named accepts Sparseloop's distribution names") {
  CHECK(density_distribution_named("fixed") == DensityDistribution::fixed_structured);
  CHECK(density_distribution_named("fixed-structured") == DensityDistribution::fixed_structured);
  CHECK(density_distribution_named("fixed_structured") == DensityDistribution::fixed_structured);
  CHECK(density_distribution_named("hypergeometric") == DensityDistribution::hypergeometric);
  CHECK_FALSE(density_distribution_named("banded").has_value());
  CHECK_FALSE(density_distribution_named("uniform").has_value());
}
