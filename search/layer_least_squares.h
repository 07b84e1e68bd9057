#pragma once
// One layer of a network as a linear least-squares problem, for energy-aware pruning (Yang, Chen,
// Sze, "Designing Energy-Efficient Convolutional Neural Networks using Energy-Aware Pruning", CVPR
// 2017): the layer's output feature map is a linear function of its input patches, y = w x. From
// sampled patches X (the pruned network's inputs to the layer) and the original network's outputs
// Y, only the Gram matrix X'X and the cross term X'Y are kept; every question pruning asks of the
// layer (the output error of a set of kept weights, the weights that best reproduce the outputs)
// is answered from them. Pure C++ (Eigen): no LibTorch.

#include <Eigen/Dense>
#include <vector>

namespace hwaware::search {

// One block of independent outputs: all of a layer, or one group of a grouped convolution.
struct LeastSquaresBlock {
  Eigen::MatrixXd gram;     // k x k: sum over patches of x x'
  Eigen::MatrixXd cross;    // k x m: sum over patches of x y' (y: the original outputs, bias removed)
  Eigen::VectorXd target;   // m: sum over patches of y_o^2, per output
  Eigen::MatrixXd weights;  // m x k: the current filters, one row per output
};

struct LayerLeastSquares {
  std::vector<LeastSquaresBlock> blocks;
  long long weight_count() const;
};

// Which weights a layer keeps, per block (m x k, true: kept).
using BlockMask = Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic>;
using LayerMask = std::vector<BlockMask>;

long long kept_count(const LayerMask& mask);

// The layer's weights where `mask` keeps them, zero elsewhere (pruning without refitting).
std::vector<Eigen::MatrixXd> masked_weights(const LayerLeastSquares& ls, const LayerMask& mask);

// Sum over patches and outputs of (y - w x)^2 with masked_weights(ls, mask) (the output error of
// pruning without refitting).
double output_error(const LayerLeastSquares& ls, const LayerMask& mask);
// The same for any weights (per block, m x k).
double output_error(const LayerLeastSquares& ls, const std::vector<Eigen::MatrixXd>& weights);
// Sum over patches and outputs of y^2: the error of a layer with no weights.
double target_energy(const LayerLeastSquares& ls);

// The `keep` weights of largest magnitude over the whole layer (ties: the first in block, row,
// column order).
LayerMask magnitude_mask(const LayerLeastSquares& ls, long long keep);

// EAP's selection: the `keep` weights that best reproduce the original outputs. Starts from
// magnitude_mask, then repeatedly restores the pruned weight whose return most reduces the output
// error and removes the kept weight whose loss raises it least, while the pair lowers the error
// (at most `max_swaps` pairs). Never a larger output error than magnitude_mask at the same keep.
LayerMask feature_map_mask(const LayerLeastSquares& ls, long long keep, long long max_swaps);

struct RefitOptions {
  // Added to the Gram matrix's diagonal, times its mean diagonal: inputs that never fire get weight 0.
  double ridge = 1e-6;
  // Outputs keeping at most this many weights are solved directly (LDL'); larger ones (an FC layer
  // of thousands of inputs) by conjugate gradients on the normal equations, all outputs of a block
  // at once, from the current weights (Jacobi preconditioner).
  long long direct_limit = 768;
  int cg_iterations = 50;
  double cg_tolerance = 1e-8;  // relative residual of the normal equations
};

// The local fine-tune: per output, the kept weights refit in closed form to the original outputs
// (the normal equations on the kept columns). Pruned weights are 0. With the true support kept and
// no ridge, the true weights are recovered.
std::vector<Eigen::MatrixXd> refit(const LayerLeastSquares& ls, const LayerMask& mask, const RefitOptions& options);

}  // namespace hwaware::search
