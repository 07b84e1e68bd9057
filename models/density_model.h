#pragma once
// Density models of a sparse tensor, as Sparseloop computes them (Timeloop's sparse extension: Wu et
// al., "Sparseloop", MICRO 2022; NVlabs/timeloop src/workload/density-models/): over a tensor of N
// coordinates whose nonzeros have density d, how many nonzeros (the "occupancy") a tile of n of
// its coordinates holds. The sparse analysis asks them for the probability that a tile is empty
// (gating and skipping), the expected occupancy (accesses, metadata) and the occupancy at a
// confidence (storage capacity). Self-contained: no dependency on the rest of the model (the
// distribution's type is the workload's).
//
// Preconditions are our bugs, not the user's (the readers reject densities outside (0, 1]): a
// density outside [0, 1], an empty tensor, a tile larger than its tensor or a confidence outside
// [0, 1] panic.

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "workloads/density.h"

namespace hwaware::model {

// The distributions Sparseloop's factory builds, and their names, are the workload's: a problem's
// tensors carry one (workloads/density.h).
using workload::density_distribution_named;
using workload::DensityDistribution;

// What is known of the tile a sub-tile lies in: it holds `occupancy` nonzeros among its `coords`
// coordinates. Sparseloop's analysis conditions a sub-tile's probabilities on it (its
// ExtraTileConstraintInfo) when it counts the metadata of a data tile of each possible occupancy.
struct KnownTile {
  std::uint64_t coords = 0;
  std::uint64_t occupancy = 0;
};

// A tensor's density model: the distribution of the occupancy of a tile of n coordinates.
class DensityModel {
 public:
  virtual ~DensityModel() = default;

  virtual DensityDistribution distribution() const = 0;
  std::uint64_t tensor_coords() const { return tensor_coords_; }  // N
  double density() const { return density_; }                     // d, as specified

  // P(occupancy = k) for a tile of n coordinates; 0 for an occupancy the tile cannot have.
  virtual double occupancy_probability(std::uint64_t n, std::uint64_t k) const = 0;
  // The same for a sub-tile of n coordinates of `tile`, given the nonzeros `tile` holds.
  virtual double occupancy_probability(std::uint64_t n, std::uint64_t k, const KnownTile& tile) const = 0;
  double empty_probability(std::uint64_t n) const { return occupancy_probability(n, 0); }
  double empty_probability(std::uint64_t n, const KnownTile& tile) const { return occupancy_probability(n, 0, tile); }

  // The mean occupancy of a tile of n coordinates (Sparseloop's GetExpectedTileOccupancy).
  virtual double expected_occupancy(std::uint64_t n) const = 0;
  // The expected density of a tile (Sparseloop's GetTileExpectedDensity): d as specified, for
  // every n. (The hypergeometric's expected occupancy / n is r / N, which rounding makes differ.)
  double expected_density(std::uint64_t /*n*/) const { return density_; }

  // The occupancy a tile of n coordinates exceeds with probability at most 1 - confidence
  // (Sparseloop's GetMaxTileOccupancyByConfidence), rounded as Sparseloop rounds it; at 1, the
  // largest occupancy the tile can have (the capacity Sparseloop reserves).
  virtual std::uint64_t occupancy_at_confidence(std::uint64_t n, double confidence) const = 0;
  std::uint64_t max_occupancy(std::uint64_t n) const { return occupancy_at_confidence(n, 1.0); }
  // The smallest occupancy of nonzero probability.
  virtual std::uint64_t min_occupancy(std::uint64_t n) const = 0;

 protected:
  DensityModel(double density, std::uint64_t tensor_coords);
  void check_tile(std::uint64_t n) const;                                // n <= N
  static void check_known_tile(std::uint64_t n, const KnownTile& tile);  // n <= coords, occupancy <= coords
  static void check_confidence(double confidence);                       // in [0, 1]

 private:
  double density_;
  std::uint64_t tensor_coords_;
};

// Sparseloop's fixed_structured (fixed-structured-distribution.cpp): every tile of n coordinates
// holds x = n d nonzeros in expectation, realised as floor(x) with probability 1 - frac(x) and
// ceil(x) with probability frac(x) (x computed in double, as Sparseloop does: 100 x 0.07 is
// 7.000000000000001, so such a tile holds 8 with probability 9e-16).
class FixedStructuredDensity final : public DensityModel {
 public:
  FixedStructuredDensity(double density, std::uint64_t tensor_coords);
  DensityDistribution distribution() const override { return DensityDistribution::fixed_structured; }
  double occupancy_probability(std::uint64_t n, std::uint64_t k) const override;
  double occupancy_probability(std::uint64_t n, std::uint64_t k, const KnownTile& tile) const override;
  double expected_occupancy(std::uint64_t n) const override;
  std::uint64_t occupancy_at_confidence(std::uint64_t n, double confidence) const override;
  std::uint64_t min_occupancy(std::uint64_t n) const override;
};

// Sparseloop's hypergeometric (hypergeometric-distribution.cpp): the tensor holds r = ceil(d N)
// nonzeros (d N in double) at random coordinates; a tile of n coordinates is a draw without
// replacement, so its occupancy is hypergeometric(N, r, n).
class HypergeometricDensity final : public DensityModel {
 public:
  HypergeometricDensity(double density, std::uint64_t tensor_coords);
  DensityDistribution distribution() const override { return DensityDistribution::hypergeometric; }
  std::uint64_t nonzeros() const { return nonzeros_; }  // r
  double occupancy_probability(std::uint64_t n, std::uint64_t k) const override;
  double occupancy_probability(std::uint64_t n, std::uint64_t k, const KnownTile& tile) const override;
  double expected_occupancy(std::uint64_t n) const override;  // n r / N
  std::uint64_t occupancy_at_confidence(std::uint64_t n, double confidence) const override;
  std::uint64_t min_occupancy(std::uint64_t n) const override;  // max(0, n + r - N)

 private:
  std::uint64_t nonzeros_;
};

std::unique_ptr<DensityModel> make_density_model(DensityDistribution distribution, double density, std::uint64_t tensor_coords);

// P(k nonzeros in n coordinates drawn without replacement from N holding r nonzeros)
// = C(r, k) C(N - r, n - k) / C(N, n), relative error ~1e-15 for any N (no overflow; values below
// the smallest double are 0). Preconditions: r <= N, n <= N.
double hypergeometric_pmf(std::uint64_t N, std::uint64_t r, std::uint64_t n, std::uint64_t k);

// What Sparseloop gets from boost::math::quantile(hypergeometric_distribution<double>(r, n, N), c)
// for c < 1 (boost's default policy: long double arithmetic, quantiles rounded outwards, i.e. down
// below the median and up from it), and min(n, r) at c = 1 (Sparseloop's shortcut). Equal to boost
// except when c is a cumulative probability itself and the sums land within a fraction of a long
// double ulp of boost's tie tolerance (355 of 6.9 million such cases for N <= 70, off by one; none
// elsewhere). Microseconds where boost walks from the support's end (seconds at N = 10^8).
std::uint64_t hypergeometric_quantile(std::uint64_t N, std::uint64_t r, std::uint64_t n, double confidence);

}  // namespace hwaware::model
