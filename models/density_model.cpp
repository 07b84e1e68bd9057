#include "models/density_model.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "core/diagnostics.h"

// What of Timeloop's density models (src/workload/density-models/, read at commits 1e995f7,
// f7d27e8 and 278ee15) is reproduced here:
// - fixed_structured and hypergeometric: P(occupancy = k), the occupancy at a confidence
//   (GetMaxTileOccupancyByConfidence), the expected occupancy and density, and the probabilities
//   conditioned on a known enclosing tile (ExtraTileConstraintInfo), with Sparseloop's roundings.
// - Not reproduced: GetMinTileDensity divides two integers in both models (floor(n d) / n and
//   (n + r - N) / n), so it is 0 unless the tile is all nonzeros; min_occupancy() gives the true
//   support minimum instead (the analysis only uses it to start a sum over occupancies, whose
//   terms below the true minimum are 0 either way).
// - Not reproduced: the `banded` (`diagonal`) model that the later factory builds. It needs the
//   2-D position of a tile in a square matrix (its occupancy histogram enumerates aligned tiles
//   in warm-up and steady-state row groups), so it does not fit a model of n coordinates; its
//   histogram counts the row groups more than once when fewer than 2 ceil(band / tile rows) of
//   them exist (probabilities summing above 1), its quantile subtracts the next bucket's
//   probability instead of the current one's, and its GetMaxNumElementByConfidence multiplies by
//   P(element empty) where 1 - P was meant. None of Sparseloop's example designs uses it.
// - GetMaxNumElementByConfidence of the two models (spatial skipping) is declared by Timeloop's
//   latest base class but its implementations were not in the sources read; callers can build it
//   from max_occupancy() and empty_probability(n, KnownTile).

namespace hwaware::model {

namespace {

// ---- The hypergeometric pmf without overflow: Loader's saddle-point method (C. Loader, "Fast and
// accurate computation of binomial probabilities", 2000), in long double. A binomial probability
// C(m, x) p^x q^(m - x) is exp(lc) sqrt(pre) with lc = stirlerr(m) - stirlerr(x) - stirlerr(m - x)
// - bd0(x, m p) - bd0(m - x, m q) and pre = m / (2 pi x (m - x)); the hypergeometric probability is
// the ratio of three binomial ones at p = n / N, whose powers of p and q cancel:
// C(r, k) C(N - r, n - k) / C(N, n) = b(k; r, p) b(n - k; N - r, p) / b(n; N, p).

// stirlerr(m) = ln m! - ln(sqrt(2 pi m) (m / e)^m) for m = 1..15, to 25 digits (mpmath).
constexpr long double kStirlerr[16] = {
    0.0L,  // unused
    0.08106146679532725821967026L,
    0.04134069595540929409382208L,
    0.02767792568499833914878929L,
    0.02079067210376509311152277L,
    0.01664469118982119216319487L,
    0.01387612882307074799874573L,
    0.01189670994589177009505572L,
    0.01041126526197209649747857L,
    0.009255462182712732917728637L,
    0.008330563433362871256469319L,
    0.007573675487951840794972024L,
    0.006942840107209529865664153L,
    0.006408994188004207068439631L,
    0.005951370112758847735624416L,
    0.00555473355196280137103869L,
};

// Stirling's series beyond the table: sum_j B_2j / (2j (2j - 1) m^(2j - 1)), eight terms (the
// ninth is below 1e-21 at m = 16).
long double stirlerr(std::uint64_t m) {
  if (m < 16) return kStirlerr[m];
  const long double x = static_cast<long double>(m), x2 = x * x;
  constexpr long double c[] = {1.0L / 12,   -1.0L / 360,      1.0L / 1260, -1.0L / 1680,
                               1.0L / 1188, -691.0L / 360360, 1.0L / 156,  -3617.0L / 122400};
  long double s = c[7];
  for (int j = 6; j >= 0; --j) s = c[j] + s / x2;
  return s / x;
}

// bd0(x, np) = x ln(x / np) + np - x, the deviance term, by its series in v = (x - np) / (x + np)
// when x is near np (Loader 2000, eq. 5).
long double bd0(long double x, long double np) {
  if (std::fabs(x - np) < 0.1L * (x + np)) {
    const long double v = (x - np) / (x + np);
    long double s = (x - np) * v, ej = 2 * x * v;
    for (int j = 1; j < 1000; ++j) {
      ej *= v * v;
      const long double s1 = s + ej / (2 * j + 1);
      if (s1 == s) return s;
      s = s1;
    }
    return s;
  }
  return x * std::log(x / np) + np - x;
}

// A probability as exp(lc) sqrt(pre).
struct SaddlePoint {
  long double lc = 0, pre = 1;
};

// b(x; m, p) = C(m, x) p^x q^(m - x), q = 1 - p given apart to keep its precision.
SaddlePoint binomial_terms(std::uint64_t x, std::uint64_t m, long double p, long double q) {
  constexpr long double kTwoPi = 6.283185307179586476925287L;
  if (m == 0) return {};
  const long double mm = static_cast<long double>(m);
  if (x == 0) return {p < 0.1L ? -bd0(mm, mm * q) - mm * p : mm * std::log(q), 1};
  if (x == m) return {q < 0.1L ? -bd0(mm, mm * p) - mm * q : mm * std::log(p), 1};
  const long double xx = static_cast<long double>(x), yy = static_cast<long double>(m - x);
  const long double lc = stirlerr(m) - stirlerr(x) - stirlerr(m - x) - bd0(xx, mm * p) - bd0(yy, mm * q);
  return {lc, mm / (kTwoPi * xx * yy)};
}

struct Support {
  std::uint64_t lo, hi;  // max(0, n + r - N), min(n, r)
};

Support support(std::uint64_t N, std::uint64_t r, std::uint64_t n) { return {n + r > N ? n + r - N : 0, std::min(n, r)}; }

// The hypergeometric probability of k (inside the support) as exp(lc) sqrt(pre).
SaddlePoint hypergeometric_terms(std::uint64_t N, std::uint64_t r, std::uint64_t n, std::uint64_t k) {
  const long double NN = static_cast<long double>(N);
  const long double p = static_cast<long double>(n) / NN, q = static_cast<long double>(N - n) / NN;
  if (n == 0 || n == N) return {};  // the support is the single point k = 0 or k = r
  const SaddlePoint a = binomial_terms(k, r, p, q), b = binomial_terms(n - k, N - r, p, q), c = binomial_terms(n, N, p, q);
  return {a.lc + b.lc - c.lc, a.pre * b.pre / c.pre};
}

long double pmf_value(const SaddlePoint& t) { return std::exp(t.lc) * std::sqrt(t.pre); }
long double pmf_log(const SaddlePoint& t) { return t.lc + 0.5L * std::log(t.pre); }

// C(A, L) / C(N, L) = prod_{i < L} (A - i) / (N - i), 0 once below 1e-400 (the loop stops after at
// most sqrt(921 N) factors when the terms are small).
long double falling_ratio(std::uint64_t A, std::uint64_t L, std::uint64_t N) {
  long double p = 1;
  for (std::uint64_t i = 0; i < L && p > 1e-400L; ++i) p *= static_cast<long double>(A - i) / static_cast<long double>(N - i);
  return p > 1e-400L ? p : 0;
}

// The probability of a support endpoint as a product of ratios, exact to a few ulps (the saddle
// point loses ~20 ulps there, which shows in boost's rounding at ties). With a = min(n, r) and
// b = max(n, r): P(0) = C(N - b, a) / C(N, a); P(a + b - N) = C(a, N - b) / C(N, N - b);
// P(a) = C(b, a) / C(N, a) = C(N - a, N - b) / C(N, N - b), the shorter product.
long double endpoint_pmf(std::uint64_t N, std::uint64_t r, std::uint64_t n, std::uint64_t k, const Support& s) {
  const std::uint64_t a = std::min(n, r), b = std::max(n, r);
  if (k == s.lo) return s.lo == 0 ? falling_ratio(N - b, a, N) : falling_ratio(a, N - b, N);
  return a <= N - b ? falling_ratio(b, a, N) : falling_ratio(N - a, N - b, N);
}

// The hypergeometric probability of k inside the support, in long double.
long double pmf_in_support(std::uint64_t N, std::uint64_t r, std::uint64_t n, std::uint64_t k, const Support& s) {
  if (k == s.lo || k == s.hi) return endpoint_pmf(N, r, n, k, s);
  return pmf_value(hypergeometric_terms(N, r, n, k));
}

void check_counts(std::uint64_t N, std::uint64_t r, std::uint64_t n, const char* who) {
  if (r > N || n > N)
    core::panic(std::string(who) + ": " + std::to_string(r) + " nonzeros or a tile of " + std::to_string(n) + " in a tensor of " +
                std::to_string(N) + " coordinates");
}

// ---- boost::math's hypergeometric quantile (boost/math/distributions/detail/hypergeometric_quantile.hpp,
// Boost 1.74) as Sparseloop calls it: default policy, so long double arithmetic and discrete
// quantiles rounded outwards. Below the median it walks up from the support's start adding the
// pmf until the sum reaches p, or until the next step would overshoot p by more than half its
// mass, then rounds down (one less when the sum is not below p, within the tolerance `fudge`); from
// the median it walks down from the support's end adding the upper tail until it reaches q = 1 - p
// likewise, then rounds up. The pmf terms below p (or q) x 1e-40 are not walked (boost skips only
// those below the smallest long double): they cannot change a comparison at long double precision.

struct Walk {
  std::uint64_t N, r, n;
  Support s;
  std::uint64_t mode;
  long double fudge;
};

Walk make_walk(std::uint64_t N, std::uint64_t r, std::uint64_t n) {
  Walk w{N, r, n, support(N, r, n), 0, 0};
  // The mode, floor((n + 1)(r + 1) / (N + 2)), clamped to the support.
  const long double m =
      std::floor((static_cast<long double>(n) + 1) * (static_cast<long double>(r) + 1) / (static_cast<long double>(N) + 2));
  w.mode = std::clamp(static_cast<std::uint64_t>(m), w.s.lo, w.s.hi);
  // boost: 1 + epsilon x (50 if N <= prime(max_prime - 1) = 104723, else 2 N).
  w.fudge = 1 + LDBL_EPSILON * (N <= 104723 ? 50.0L : 2.0L * static_cast<long double>(N));
  return w;
}

long double log_pmf(const Walk& w, std::uint64_t k) { return pmf_log(hypergeometric_terms(w.N, w.r, w.n, k)); }

// The first k in [lo, mode] with ln pmf(k) >= threshold (ln pmf rises up to the mode).
std::uint64_t first_at_least(const Walk& w, long double threshold) {
  std::uint64_t a = w.s.lo, b = w.mode;
  while (a < b) {
    const std::uint64_t m = a + (b - a) / 2;
    if (log_pmf(w, m) >= threshold) b = m;
    else a = m + 1;
  }
  return a;
}

// The last k in [mode, hi] with ln pmf(k) >= threshold (ln pmf falls after the mode).
std::uint64_t last_at_least(const Walk& w, long double threshold) {
  std::uint64_t a = w.mode, b = w.s.hi;
  while (a < b) {
    const std::uint64_t m = b - (b - a) / 2;
    if (log_pmf(w, m) >= threshold) a = m;
    else b = m - 1;
  }
  return a;
}

constexpr long double kNegligible = -92.1034037197618273607L;  // ln 1e-40

std::uint64_t lower_quantile(const Walk& w, long double p) {
  // p = 0: boost returns the support's start, or where the pmf stops underflowing long double.
  if (p == 0) return first_at_least(w, std::log(LDBL_MIN));
  std::uint64_t x = first_at_least(w, std::log(p) + kNegligible);
  long double result = pmf_in_support(w.N, w.r, w.n, x, w.s), diff = result;
  const long double N = w.N, n = w.n, r = w.r;
  while (result < p) {
    const long double xx = static_cast<long double>(x);
    diff = (n - xx) * (r - xx) * diff / ((xx + 1) * (N + xx + 1 - n - r));  // pmf(x + 1), boost's recurrence
    if (result + diff / 2 > p) break;
    ++x;
    result += diff;
  }
  if (p < 0.5L) return p < result * w.fudge && x != w.s.lo ? x - 1 : x;  // rounded down
  return result < p * w.fudge && x != w.s.hi ? x + 1 : x;                // p = 0.5: rounded up
}

std::uint64_t upper_quantile(const Walk& w, long double q) {
  std::uint64_t x = last_at_least(w, std::log(q) + kNegligible);
  long double result = 0, diff = pmf_in_support(w.N, w.r, w.n, x, w.s);
  const long double N = w.N, n = w.n, r = w.r;
  while (result + diff / 2 < q) {
    result += diff;
    const long double xx = static_cast<long double>(x);
    diff = xx * (N + xx - n - r) * diff / ((1 + n - xx) * (1 + r - xx));  // pmf(x - 1), boost's recurrence
    --x;
  }
  return q < result * w.fudge && x != w.s.hi ? x + 1 : x;  // q < 0.5 here: rounded up
}

// Sparseloop's fixed-structured occupancy of a tile holding x nonzeros in expectation.
double fixed_structured_probability(double x, std::uint64_t k) {
  const double fl = std::floor(x), prob_ceil = x - fl, prob_floor = 1 - prob_ceil;
  const double kk = static_cast<double>(k);
  if (fl == kk) return prob_floor;
  if (std::ceil(x) == kk) return prob_ceil;
  return 0;
}

}  // namespace

double hypergeometric_pmf(std::uint64_t N, std::uint64_t r, std::uint64_t n, std::uint64_t k) {
  check_counts(N, r, n, "hypergeometric_pmf");
  const Support s = support(N, r, n);
  if (k < s.lo || k > s.hi) return 0;
  return static_cast<double>(pmf_in_support(N, r, n, k, s));
}

std::uint64_t hypergeometric_quantile(std::uint64_t N, std::uint64_t r, std::uint64_t n, double confidence) {
  check_counts(N, r, n, "hypergeometric_quantile");
  if (!(confidence >= 0 && confidence <= 1)) core::panic("hypergeometric_quantile: confidence " + std::to_string(confidence));
  if (confidence == 1.0) return std::min(n, r);  // Sparseloop's shortcut, without boost
  const Walk w = make_walk(N, r, n);
  const long double p = confidence, q = static_cast<double>(1.0 - confidence);  // boost: RealType(1 - p)
  return p <= 0.5L ? lower_quantile(w, p) : upper_quantile(w, q);
}

// ---- DensityModel

DensityModel::DensityModel(double density, std::uint64_t tensor_coords) : density_(density), tensor_coords_(tensor_coords) {
  if (!(density >= 0 && density <= 1)) core::panic("DensityModel: density " + std::to_string(density) + " outside [0, 1]");
  if (tensor_coords == 0) core::panic("DensityModel: a tensor of 0 coordinates");
}

void DensityModel::check_tile(std::uint64_t n) const {
  if (n > tensor_coords_)
    core::panic("DensityModel: a tile of " + std::to_string(n) + " coordinates in a tensor of " + std::to_string(tensor_coords_));
}

void DensityModel::check_known_tile(std::uint64_t n, const KnownTile& tile) {
  if (tile.coords == 0 || tile.occupancy > tile.coords || n > tile.coords)
    core::panic("DensityModel: a sub-tile of " + std::to_string(n) + " coordinates in a known tile of " + std::to_string(tile.coords) +
                " holding " + std::to_string(tile.occupancy));
}

void DensityModel::check_confidence(double confidence) {
  if (!(confidence >= 0 && confidence <= 1)) core::panic("DensityModel: confidence " + std::to_string(confidence) + " outside [0, 1]");
}

// ---- fixed_structured

FixedStructuredDensity::FixedStructuredDensity(double density, std::uint64_t tensor_coords) : DensityModel(density, tensor_coords) {}

double FixedStructuredDensity::occupancy_probability(std::uint64_t n, std::uint64_t k) const {
  check_tile(n);
  return fixed_structured_probability(static_cast<double>(n) * density(), k);
}

double FixedStructuredDensity::occupancy_probability(std::uint64_t n, std::uint64_t k, const KnownTile& tile) const {
  check_known_tile(n, tile);
  // Sparseloop: the known tile's own density, occupancy / coords in double.
  return fixed_structured_probability(static_cast<double>(n) * (static_cast<double>(tile.occupancy) / static_cast<double>(tile.coords)), k);
}

double FixedStructuredDensity::expected_occupancy(std::uint64_t n) const {
  check_tile(n);
  return static_cast<double>(n) * density();
}

std::uint64_t FixedStructuredDensity::occupancy_at_confidence(std::uint64_t n, double confidence) const {
  check_tile(n);
  check_confidence(confidence);
  const double x = static_cast<double>(n) * density(), prob_floor = 1 - (x - std::floor(x));
  return static_cast<std::uint64_t>(confidence <= prob_floor ? std::floor(x) : std::ceil(x));
}

std::uint64_t FixedStructuredDensity::min_occupancy(std::uint64_t n) const {
  check_tile(n);
  return static_cast<std::uint64_t>(std::floor(static_cast<double>(n) * density()));
}

// ---- hypergeometric

HypergeometricDensity::HypergeometricDensity(double density, std::uint64_t tensor_coords)
    : DensityModel(density, tensor_coords),
      // Sparseloop: total_nnzs = ceil(density x workload_tensor_size), in double.
      nonzeros_(static_cast<std::uint64_t>(std::ceil(density * static_cast<double>(tensor_coords)))) {}

double HypergeometricDensity::occupancy_probability(std::uint64_t n, std::uint64_t k) const {
  check_tile(n);
  return hypergeometric_pmf(tensor_coords(), nonzeros_, n, k);
}

double HypergeometricDensity::occupancy_probability(std::uint64_t n, std::uint64_t k, const KnownTile& tile) const {
  check_known_tile(n, tile);
  // Sparseloop: the sub-tile is drawn from the known tile, hypergeometric(coords, occupancy, n).
  return hypergeometric_pmf(tile.coords, tile.occupancy, n, k);
}

double HypergeometricDensity::expected_occupancy(std::uint64_t n) const {
  check_tile(n);
  // The mean of hypergeometric(N, r, n); n r is exact in long double's 64-bit significand.
  return static_cast<double>(static_cast<long double>(n) * static_cast<long double>(nonzeros_) / static_cast<long double>(tensor_coords()));
}

std::uint64_t HypergeometricDensity::occupancy_at_confidence(std::uint64_t n, double confidence) const {
  check_tile(n);
  check_confidence(confidence);
  return hypergeometric_quantile(tensor_coords(), nonzeros_, n, confidence);
}

std::uint64_t HypergeometricDensity::min_occupancy(std::uint64_t n) const {
  check_tile(n);
  return support(tensor_coords(), nonzeros_, n).lo;
}

std::unique_ptr<DensityModel> make_density_model(DensityDistribution distribution, double density, std::uint64_t tensor_coords) {
  switch (distribution) {
    case DensityDistribution::fixed_structured: return std::make_unique<FixedStructuredDensity>(density, tensor_coords);
    case DensityDistribution::hypergeometric: return std::make_unique<HypergeometricDensity>(density, tensor_coords);
  }
  core::panic("make_density_model: unknown distribution");
}

}  // namespace hwaware::model
