#pragma once
// A convolution in SCALE-Sim v2's im2col terms (scalesim/compute/operand_matrix.py, commit
// 22f88b17): an ifmap matrix of E ofmap pixels x T window elements times a filter matrix of
// T x M filters. And the distinct ifmap words under a block of the ifmap matrix (the im2col
// matrix repeats an ifmap word in every window covering it; an SRAM holds it once), which the
// systolic fold model (models/systolic_folds.h) needs for its DRAM traffic.

#include <map>
#include <utility>
#include <vector>

#include "workloads/problem.h"

namespace hwaware::model {

// A half-open range [lo, hi) along one axis of the im2col matrices.
struct Range {
  long long lo = 0, hi = 0;
  long long size() const { return hi - lo; }
  bool operator<(const Range& o) const { return lo != o.lo ? lo < o.lo : hi < o.hi; }
};

// One group (sublayer) of a convolution: ofmap pixel e = (n*Q + oh)*P + ow; window element
// t = (kr*R + kc)*C + c (filter row, filter column, channel fastest). R, P run along the width and
// S, Q along the height, as in workload::conv2d_problem.
struct ConvShape {
  long long groups = 1, batch = 1;
  long long channels = 1, filters = 1;   // C, M per group
  long long kernel_w = 1, kernel_h = 1;  // R, S
  long long out_w = 1, out_h = 1;        // P, Q
  long long stride_w = 1, stride_h = 1, dil_w = 1, dil_h = 1;
  long long pixels() const { return batch * out_w * out_h; }           // E
  long long window() const { return kernel_w * kernel_h * channels; }  // T
  long long in_w() const { return (out_w - 1) * stride_w + (kernel_w - 1) * dil_w + 1; }
  long long in_h() const { return (out_h - 1) * stride_h + (kernel_h - 1) * dil_h + 1; }
};

// The shape of a convolution over dims named G (optional), C, M (or K), R, S, N, P, Q (absent
// dims are 1). Throws core::InputError for other dims: the layer cannot be mapped onto a
// systolic array.
ConvShape conv_shape(const workload::Problem& problem);

// Distinct ifmap words under a block of the ifmap matrix (pixels x window slice), memoized.
class IfmapFootprint {
 public:
  explicit IfmapFootprint(const ConvShape& s);
  double operator()(Range pixels, Range window);

 private:
  double part(long long channels, Range pixels, long long ka, long long kb);

  ConvShape s_;
  std::vector<unsigned> stamp_;  // position -> the last call that counted it
  unsigned now_ = 0;
  std::map<std::pair<Range, Range>, double> memo_;
};

}  // namespace hwaware::model
