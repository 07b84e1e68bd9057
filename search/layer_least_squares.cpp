#include "search/layer_least_squares.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/diagnostics.h"

namespace hwaware::search {
namespace {

// Where a weight is: block, row (output), column (input of the patch).
struct Entry {
  std::size_t block = 0;
  Eigen::Index row = 0, col = 0;
  double delta = std::numeric_limits<double>::infinity();  // change of the output error
};

// The output error of block weights V: sum_r t_r - 2 v_r'c_r + v_r'G v_r.
double block_error(const LeastSquaresBlock& b, const Eigen::MatrixXd& v) {
  return b.target.sum() - 2 * (v.array() * b.cross.transpose().array()).sum() + ((v * b.gram).array() * v.array()).sum();
}

// Feature-map selection's state: the mask, the residual gradient H = V G - C' (m x k, V the kept
// weights at their values) and, per output, its best weight to restore and to remove. Restoring
// w_rj changes the output error by 2 w H_rj + w^2 G_jj, removing it by -2 w H_rj + w^2 G_jj.
// Changing weight (r, j) changes only row r of H, so only that output's candidates are found again.
class SwapSearch {
 public:
  SwapSearch(const LayerLeastSquares& ls, LayerMask& mask) : ls_(ls), mask_(mask) {
    for (std::size_t bi = 0; bi < ls.blocks.size(); ++bi) {
      const auto& b = ls.blocks[bi];
      h_.push_back(b.weights.cwiseProduct(mask[bi].cast<double>().matrix()) * b.gram - b.cross.transpose());
      add_.emplace_back(static_cast<std::size_t>(b.weights.rows()));
      drop_.emplace_back(static_cast<std::size_t>(b.weights.rows()));
      for (Eigen::Index r = 0; r < b.weights.rows(); ++r) find(bi, r, Entry{ls.blocks.size(), 0, 0});
    }
  }
  Entry best_add() const { return best(add_); }
  Entry best_drop() const { return best(drop_); }
  // Restores (keep) or removes weight `e`; `excluded` is not offered for removal until its output changes again.
  void set(const Entry& e, bool keep, const Entry& excluded) {
    const auto& b = ls_.blocks[e.block];
    const double w = b.weights(e.row, e.col);
    h_[e.block].row(e.row) += (keep ? w : -w) * b.gram.row(e.col);
    mask_[e.block](e.row, e.col) = keep;
    find(e.block, e.row, excluded);
  }
  // Finds the candidates of `e`'s output again (after an exclusion ends).
  void refresh(const Entry& e) { find(e.block, e.row, Entry{ls_.blocks.size(), 0, 0}); }

 private:
  static Entry best(const std::vector<std::vector<Entry>>& per_row) {
    Entry out;
    for (const auto& rows : per_row)
      for (const auto& e : rows)
        if (e.delta < out.delta) out = e;
    return out;
  }
  void find(std::size_t bi, Eigen::Index r, const Entry& excluded) {
    const auto& b = ls_.blocks[bi];
    Entry add{bi, r, 0}, drop{bi, r, 0};
    for (Eigen::Index c = 0; c < b.weights.cols(); ++c) {
      const double w = b.weights(r, c), hw = w * h_[bi](r, c), ww = w * w * b.gram(c, c);
      if (!mask_[bi](r, c)) {
        if (w != 0 && 2 * hw + ww < add.delta) add = Entry{bi, r, c, 2 * hw + ww};
      } else if (-2 * hw + ww < drop.delta && !(excluded.block == bi && excluded.row == r && excluded.col == c)) {
        drop = Entry{bi, r, c, -2 * hw + ww};
      }
    }
    add_[bi][static_cast<std::size_t>(r)] = add;
    drop_[bi][static_cast<std::size_t>(r)] = drop;
  }

  const LayerLeastSquares& ls_;
  LayerMask& mask_;
  std::vector<Eigen::MatrixXd> h_;
  std::vector<std::vector<Entry>> add_, drop_;  // per block and output
};

// Solves (G_SS + ridge I) w_S = c_S for each output of a block directly, S the kept columns of its row.
void solve_direct(const LeastSquaresBlock& b, const BlockMask& mask, Eigen::Index r, double ridge, Eigen::MatrixXd& out) {
  std::vector<Eigen::Index> s;
  for (Eigen::Index c = 0; c < mask.cols(); ++c)
    if (mask(r, c)) s.push_back(c);
  if (s.empty()) return;
  const auto n = static_cast<Eigen::Index>(s.size());
  Eigen::MatrixXd g(n, n);
  Eigen::VectorXd rhs(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    rhs(i) = b.cross(s[i], r);
    for (Eigen::Index j = 0; j < n; ++j) g(i, j) = b.gram(s[i], s[j]);
    g(i, i) += ridge;
  }
  const Eigen::VectorXd w = g.ldlt().solve(rhs);
  for (Eigen::Index i = 0; i < n; ++i) out(r, s[i]) = std::isfinite(w(i)) ? w(i) : 0.0;
}

// Conjugate gradients on the masked normal equations of the rows `rows` of a block, all at once:
// minimise the output error over the kept weights, from the current ones (Jacobi preconditioner).
void solve_cg(const LeastSquaresBlock& b, const BlockMask& mask, const std::vector<Eigen::Index>& rows, double ridge, const RefitOptions& o,
              Eigen::MatrixXd& out) {
  const auto m = static_cast<Eigen::Index>(rows.size());
  const Eigen::Index k = b.gram.cols();
  Eigen::MatrixXd keep(m, k), x(m, k), rhs(m, k);
  for (Eigen::Index i = 0; i < m; ++i) {
    keep.row(i) = mask.row(rows[static_cast<std::size_t>(i)]).cast<double>();
    x.row(i) = b.weights.row(rows[static_cast<std::size_t>(i)]).cwiseProduct(keep.row(i));
    rhs.row(i) = b.cross.col(rows[static_cast<std::size_t>(i)]).transpose().cwiseProduct(keep.row(i));
  }
  const Eigen::RowVectorXd inv_diag = (b.gram.diagonal().array() + ridge).max(1e-300).inverse().matrix().transpose();
  auto apply = [&](const Eigen::MatrixXd& p) -> Eigen::MatrixXd { return ((p * b.gram + ridge * p).array() * keep.array()).matrix(); };
  Eigen::MatrixXd res = rhs - apply(x);
  Eigen::MatrixXd z = res.array() * inv_diag.replicate(m, 1).array();
  Eigen::MatrixXd p = z;
  Eigen::VectorXd rz = (res.array() * z.array()).rowwise().sum();
  const Eigen::VectorXd rhs_norm = rhs.rowwise().norm();
  for (int it = 0; it < o.cg_iterations; ++it) {
    if (((res.rowwise().norm().array()) <= o.cg_tolerance * rhs_norm.array().max(1e-300)).all()) break;
    const Eigen::MatrixXd q = apply(p);
    const Eigen::VectorXd pq = (p.array() * q.array()).rowwise().sum();
    const Eigen::VectorXd alpha = (pq.array() > 0).select(rz.array() / pq.array(), 0.0);
    x += (p.array().colwise() * alpha.array()).matrix();
    res -= (q.array().colwise() * alpha.array()).matrix();
    z = res.array() * inv_diag.replicate(m, 1).array();
    const Eigen::VectorXd rz_new = (res.array() * z.array()).rowwise().sum();
    const Eigen::VectorXd beta = (rz.array() > 0).select(rz_new.array() / rz.array(), 0.0);
    p = z + (p.array().colwise() * beta.array()).matrix();
    rz = rz_new;
  }
  for (Eigen::Index i = 0; i < m; ++i) out.row(rows[static_cast<std::size_t>(i)]) = x.row(i);
}

}  // namespace

long long LayerLeastSquares::weight_count() const {
  long long n = 0;
  for (const auto& b : blocks) n += static_cast<long long>(b.weights.size());
  return n;
}

long long kept_count(const LayerMask& mask) {
  long long n = 0;
  for (const auto& m : mask) n += m.count();
  return n;
}

double output_error(const LayerLeastSquares& ls, const std::vector<Eigen::MatrixXd>& weights) {
  double e = 0;
  for (std::size_t i = 0; i < ls.blocks.size(); ++i) e += block_error(ls.blocks[i], weights[i]);
  return std::max(0.0, e);
}

std::vector<Eigen::MatrixXd> masked_weights(const LayerLeastSquares& ls, const LayerMask& mask) {
  std::vector<Eigen::MatrixXd> w;
  for (std::size_t i = 0; i < ls.blocks.size(); ++i) w.push_back(ls.blocks[i].weights.cwiseProduct(mask[i].cast<double>().matrix()));
  return w;
}

double output_error(const LayerLeastSquares& ls, const LayerMask& mask) { return output_error(ls, masked_weights(ls, mask)); }

double target_energy(const LayerLeastSquares& ls) {
  double e = 0;
  for (const auto& b : ls.blocks) e += b.target.sum();
  return e;
}

LayerMask magnitude_mask(const LayerLeastSquares& ls, long long keep) {
  struct Weight {
    double magnitude;
    std::size_t block;
    Eigen::Index index;
  };
  std::vector<Weight> all;
  LayerMask mask;
  for (std::size_t bi = 0; bi < ls.blocks.size(); ++bi) {
    const auto& w = ls.blocks[bi].weights;
    mask.push_back(BlockMask::Constant(w.rows(), w.cols(), false));
    for (Eigen::Index r = 0; r < w.rows(); ++r)
      for (Eigen::Index c = 0; c < w.cols(); ++c) all.push_back({std::abs(w(r, c)), bi, r * w.cols() + c});
  }
  keep = std::clamp<long long>(keep, 0, static_cast<long long>(all.size()));
  std::stable_sort(all.begin(), all.end(), [](const Weight& a, const Weight& b) { return a.magnitude > b.magnitude; });
  for (long long i = 0; i < keep; ++i) {
    const auto& w = all[static_cast<std::size_t>(i)];
    const auto cols = ls.blocks[w.block].weights.cols();
    mask[w.block](w.index / cols, w.index % cols) = true;
  }
  return mask;
}

LayerMask feature_map_mask(const LayerLeastSquares& ls, long long keep, long long max_swaps) {
  LayerMask mask = magnitude_mask(ls, keep);
  SwapSearch search(ls, mask);
  const Entry none{ls.blocks.size(), 0, 0};
  const double floor = 1e-12 * std::max(1.0, target_energy(ls));
  for (long long s = 0; s < max_swaps; ++s) {
    const Entry add = search.best_add();
    if (!std::isfinite(add.delta)) break;
    search.set(add, true, add);  // the weight just restored is not the one to remove
    const Entry drop = search.best_drop();
    if (!std::isfinite(drop.delta) || add.delta + drop.delta >= -floor) {  // no pair lowers the error: undo and stop
      search.set(add, false, none);
      break;
    }
    search.set(drop, false, none);
    if (drop.block != add.block || drop.row != add.row) search.refresh(add);  // its output may offer it for removal again
  }
  return mask;
}

std::vector<Eigen::MatrixXd> refit(const LayerLeastSquares& ls, const LayerMask& mask, const RefitOptions& o) {
  std::vector<Eigen::MatrixXd> out;
  for (std::size_t bi = 0; bi < ls.blocks.size(); ++bi) {
    const auto& b = ls.blocks[bi];
    if (mask[bi].rows() != b.weights.rows() || mask[bi].cols() != b.weights.cols()) core::panic("refit: the mask does not match the layer");
    const double ridge = o.ridge * (b.gram.cols() ? b.gram.diagonal().mean() : 0.0);
    Eigen::MatrixXd w = Eigen::MatrixXd::Zero(b.weights.rows(), b.weights.cols());
    std::vector<Eigen::Index> large;
    for (Eigen::Index r = 0; r < w.rows(); ++r) {
      if (mask[bi].row(r).count() <= o.direct_limit) solve_direct(b, mask[bi], r, ridge, w);
      else large.push_back(r);
    }
    if (!large.empty()) solve_cg(b, mask[bi], large, ridge, o, w);
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace hwaware::search
