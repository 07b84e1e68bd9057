// EAP's least-squares core on synthetic layers: the refit recovers the true weights when the kept
// set holds their support (direct and conjugate-gradient solvers, grouped layers), magnitude
// selection keeps the largest weights, and feature-map selection never has a larger output error
// than magnitude selection at the same density.

#include <catch2/catch.hpp>

#include <random>

#include "search/layer_least_squares.h"

using namespace hwaware;

namespace {

// A block from patches X (n x k) and outputs Y = X W' (+ noise), with `current` as its weights.
search::LeastSquaresBlock block_of(const Eigen::MatrixXd& x, const Eigen::MatrixXd& y, const Eigen::MatrixXd& current) {
  search::LeastSquaresBlock b;
  b.gram = x.transpose() * x;
  b.cross = x.transpose() * y;
  b.target = y.array().square().colwise().sum().transpose();
  b.weights = current;
  return b;
}

// Patches with correlated inputs (neighbouring pixels of a feature map are), so that magnitude
// alone is a poor guide to a weight's effect on the output.
Eigen::MatrixXd correlated_patches(std::mt19937_64& rng, Eigen::Index n, Eigen::Index k) {
  std::normal_distribution<double> g(0, 1);
  Eigen::MatrixXd base(n, k);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < k; ++j) base(i, j) = g(rng);
  Eigen::MatrixXd x = base;
  for (Eigen::Index j = 1; j < k; ++j) x.col(j) = 0.8 * x.col(j - 1) + 0.6 * base.col(j);
  for (Eigen::Index j = 0; j < k; ++j) x.col(j) *= 0.5 + 0.1 * static_cast<double>(j % 7);  // inputs of different scales
  return x;
}

Eigen::MatrixXd random_matrix(std::mt19937_64& rng, Eigen::Index r, Eigen::Index c) {
  std::normal_distribution<double> g(0, 1);
  Eigen::MatrixXd m(r, c);
  for (Eigen::Index i = 0; i < r; ++i)
    for (Eigen::Index j = 0; j < c; ++j) m(i, j) = g(rng);
  return m;
}

// A sparse true layer, a kept set holding its support and some more, and a layer built on it
// whose current weights are the true ones plus noise.
struct Synthetic {
  search::LayerLeastSquares ls;
  search::LayerMask mask;
  std::vector<Eigen::MatrixXd> truth;
};

Synthetic synthetic(std::mt19937_64& rng, int blocks, Eigen::Index m, Eigen::Index k) {
  Synthetic s;
  std::bernoulli_distribution support(0.4), extra(0.3);
  for (int b = 0; b < blocks; ++b) {
    Eigen::MatrixXd w = random_matrix(rng, m, k);
    search::BlockMask keep(m, k);
    for (Eigen::Index r = 0; r < m; ++r)
      for (Eigen::Index c = 0; c < k; ++c) {
        const bool in_support = support(rng);
        if (!in_support) w(r, c) = 0;
        keep(r, c) = in_support || extra(rng);
      }
    const Eigen::MatrixXd x = correlated_patches(rng, 4 * k, k);
    s.ls.blocks.push_back(block_of(x, x * w.transpose(), w + 0.3 * random_matrix(rng, m, k)));
    s.mask.push_back(keep);
    s.truth.push_back(w);
  }
  return s;
}

}  // namespace

TEST_CASE("the least-squares refit recovers the exact weights when the kept set contains the true support") {
  std::mt19937_64 rng(7);
  const Synthetic s = synthetic(rng, 2, 6, 30);
  search::RefitOptions direct;
  direct.ridge = 0;
  const auto w = search::refit(s.ls, s.mask, direct);
  for (std::size_t b = 0; b < w.size(); ++b) CHECK((w[b] - s.truth[b]).cwiseAbs().maxCoeff() < 1e-8);
  CHECK(search::output_error(s.ls, w) < 1e-12 * search::target_energy(s.ls));
}

TEST_CASE("the conjugate-gradient refit of wide layers recovers the exact weights too") {
  std::mt19937_64 rng(11);
  const Synthetic s = synthetic(rng, 1, 4, 60);
  search::RefitOptions cg;
  cg.ridge = 0;
  cg.direct_limit = 0;  // every output by conjugate gradients
  cg.cg_iterations = 500;
  const auto w = search::refit(s.ls, s.mask, cg);
  CHECK((w[0] - s.truth[0]).cwiseAbs().maxCoeff() < 1e-6);
}

TEST_CASE("the refit never leaves a pruned weight non-zero and never raises the output error") {
  std::mt19937_64 rng(3);
  Synthetic s = synthetic(rng, 1, 5, 20);
  const auto mask = search::magnitude_mask(s.ls, 30);
  const auto w = search::refit(s.ls, mask, search::RefitOptions{});
  for (Eigen::Index r = 0; r < w[0].rows(); ++r)
    for (Eigen::Index c = 0; c < w[0].cols(); ++c)
      if (!mask[0](r, c)) CHECK(w[0](r, c) == 0);
  CHECK(search::output_error(s.ls, w) <= search::output_error(s.ls, mask) * (1 + 1e-9));
}

TEST_CASE("magnitude selection keeps exactly the largest weights of the whole layer") {
  search::LayerLeastSquares ls;
  for (int b = 0; b < 2; ++b) {
    search::LeastSquaresBlock blk;
    blk.weights = Eigen::MatrixXd(1, 3);
    blk.weights << (b ? -5.0 : 1.0), 0.5, (b ? 2.0 : -4.0);
    ls.blocks.push_back(blk);
  }
  const auto mask = search::magnitude_mask(ls, 3);
  CHECK(search::kept_count(mask) == 3);
  CHECK(mask[1](0, 0));  // -5
  CHECK(mask[0](0, 2));  // -4
  CHECK(mask[1](0, 2));  // 2
  CHECK_FALSE(mask[0](0, 0));
}

TEST_CASE("feature-map selection never has a larger output error than magnitude selection at the same density") {
  std::mt19937_64 rng(5);
  int better = 0, cases = 0;
  for (int layer = 0; layer < 8; ++layer) {
    search::LayerLeastSquares ls;
    for (int b = 0; b < 1 + layer % 2; ++b) {
      const Eigen::MatrixXd x = correlated_patches(rng, 200, 24);
      const Eigen::MatrixXd w = random_matrix(rng, 5, 24);
      ls.blocks.push_back(block_of(x, x * w.transpose() + 0.1 * random_matrix(rng, 200, 5), w));
    }
    for (double density : {0.1, 0.3, 0.5, 0.7, 0.9}) {
      const auto keep = static_cast<long long>(density * static_cast<double>(ls.weight_count()));
      const auto fm = search::feature_map_mask(ls, keep, 10000);
      const auto mag = search::magnitude_mask(ls, keep);
      CHECK(search::kept_count(fm) == keep);
      const double e_fm = search::output_error(ls, fm), e_mag = search::output_error(ls, mag);
      CHECK(e_fm <= e_mag * (1 + 1e-12));
      better += e_fm < 0.99 * e_mag;
      ++cases;
    }
  }
  CHECK(better > cases / 2);  // and it is usually strictly better on correlated inputs
}
