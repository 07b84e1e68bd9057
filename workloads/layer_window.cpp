#include "workloads/layer_window.h"

namespace hwaware::workload {
namespace {

template <typename Params>
Window window_of(const Params& p, bool global) {
  Window w;
  w.known = true, w.global = global, w.in_height = p.in_height, w.in_width = p.in_width, w.kernel_h = p.kernel_h, w.kernel_w = p.kernel_w;
  w.stride_h = p.stride_h, w.stride_w = p.stride_w, w.pad_h = p.pad_h, w.pad_w = p.pad_w, w.dilation_h = p.dilation_h;
  w.dilation_w = p.dilation_w, w.pad_bottom = p.pad_bottom, w.pad_right = p.pad_right;
  return w;
}

}  // namespace

Window conv_window(const ConvParams& p) { return window_of(p, false); }
Window pool_window(const PoolParams& p, bool global) { return window_of(p, global); }

}  // namespace hwaware::workload
