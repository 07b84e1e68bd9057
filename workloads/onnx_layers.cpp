// ONNX's Conv, Gemm, MatMul, pools, Add and Sum as hwaware layers, sized from the inferred shapes.
#include "workloads/onnx_layers.h"

#include <algorithm>

#include "core/checked.h"
#include "workloads/layer_window.h"

namespace hwaware::workload {
namespace {

const std::string kImage = "input (N, C, H, W)";
const std::string kImageOut = "output (N, C, H, W)";

// A sliding window along one axis (ONNX's Conv and pools): its padding before and after the input.
struct Axis {
  long long in = 1, kernel = 1, stride = 1, dilation = 1, before = 0, after = 0;
  long long span() const { return dilation * (kernel - 1) + 1; }
  long long floor_output() const { return (in + before + after - span()) / stride + 1; }
};

struct Axes {
  Axis h, w;
};

// auto_pad SAME_*: the output is ceil(in / stride); the padding that takes, split in two, the odd
// one after the input (SAME_UPPER) or before it (SAME_LOWER) -- ONNX's operator documentation.
void same_padding(Axis& a, bool upper) {
  const long long out = (a.in + a.stride - 1) / a.stride;
  const long long total = std::max(0LL, (out - 1) * a.stride + a.span() - a.in);
  a.before = upper ? total / 2 : total - total / 2;
  a.after = total - a.before;
}

// The window of a Conv or pool from kernel_shape (or `kernel`), strides, dilations, pads and auto_pad.
Axes read_window(const OnnxNode& n, const std::vector<long long>& x, const std::vector<long long>& kernel, bool dilations) {
  const auto k = n.ints_attr("kernel_shape", kernel, 2, 1);
  const auto s = n.ints_attr("strides", {1, 1}, 2, 1);
  const auto d = dilations ? n.ints_attr("dilations", {1, 1}, 2, 1) : std::vector<long long>{1, 1};
  Axes a{{x[2], k[0], s[0], d[0]}, {x[3], k[1], s[1], d[1]}};
  for (const Axis* axis : {&a.h, &a.w})
    if (!core::checked_count({axis->dilation, axis->kernel}))
      n.fail("its window (kernel x dilation) is more than " + std::string(core::kMaxCountText));
  const std::string auto_pad = n.string_attr("auto_pad", "NOTSET");
  if (auto_pad == "NOTSET") {
    const auto p = n.ints_attr("pads", {0, 0, 0, 0}, 4, 0);  // [top, left, bottom, right]
    a.h.before = p[0], a.w.before = p[1], a.h.after = p[2], a.w.after = p[3];
  } else if (auto_pad == "SAME_UPPER" || auto_pad == "SAME_LOWER") {
    same_padding(a.h, auto_pad == "SAME_UPPER");
    same_padding(a.w, auto_pad == "SAME_UPPER");
  } else if (auto_pad != "VALID") {
    n.fail("expected auto_pad NOTSET, SAME_UPPER, SAME_LOWER or VALID, found '" + auto_pad + "'");
  }
  for (const Axis* axis : {&a.h, &a.w})
    if (axis->in + axis->before + axis->after < axis->span())
      n.fail("its window (" + std::to_string(axis->span()) + " after dilation) is larger than the padded input (" +
             std::to_string(axis->in + axis->before + axis->after) + "); the output would be empty");
  return a;
}

// ceil_mode: the output rounds up, as if the input had as much more padding after it as that takes.
void round_up(const OnnxNode& n, Axis& a, long long out) {
  if (a.floor_output() >= out) return;
  const auto steps = core::checked_mul(out - 1, a.stride);
  if (!steps) n.fail("its output is more than " + std::string(core::kMaxCountText));
  a.after = *steps + a.span() - a.in - a.before;
}

// The window into a layer's parameters (ConvParams or PoolParams): pad_bottom and pad_right only
// where the padding after the input differs from the padding before it.
template <typename Params>
void set_window(Params& p, const Axes& a) {
  p.in_height = a.h.in, p.kernel_h = a.h.kernel, p.stride_h = a.h.stride, p.dilation_h = a.h.dilation, p.pad_h = a.h.before;
  p.in_width = a.w.in, p.kernel_w = a.w.kernel, p.stride_w = a.w.stride, p.dilation_w = a.w.dilation, p.pad_w = a.w.before;
  if (a.h.after != a.h.before) p.pad_bottom = a.h.after;
  if (a.w.after != a.w.before) p.pad_right = a.w.after;
}

// hwaware's output size must be ONNX's: a layer of another size would be another layer.
template <typename Params>
void check_output(const OnnxNode& n, const Params& p, const std::vector<long long>& y) {
  if (p.out_height() == y[2] && p.out_width() == y[3]) return;
  n.fail("its window gives an output of " + std::to_string(p.out_height()) + " x " + std::to_string(p.out_width()) +
         " but ONNX's shape inference gives " + std::to_string(y[2]) + " x " + std::to_string(y[3]));
}

Layer named(const std::string& name, const std::string& type) {
  Layer l;
  l.name = name;
  l.type = type;
  return l;
}

}  // namespace

Layer onnx_conv(const OnnxNode& n, const std::string& name) {
  const auto x = n.input_dims(0, 4, kImage);
  const auto w = n.input_dims(1, 4, "weights (M, C/group, kH, kW)");
  const auto y = n.output_dims(0, 4, kImageOut);
  ConvParams p;
  p.groups = n.int_attr("group", 1, 1);
  p.batch = x[0], p.in_channels = x[1], p.out_channels = w[0];
  if (x[1] != w[1] * p.groups || w[0] % p.groups != 0 || y[1] != w[0] || y[0] != x[0])
    n.fail("its input " + dims_text(x) + ", weights " + dims_text(w) + ", group " + std::to_string(p.groups) + " and output " +
           dims_text(y) + " do not agree");
  set_window(p, read_window(n, x, {w[2], w[3]}, true));
  check_output(n, p, y);
  Layer l = named(name, "conv2d");
  l.problem = conv2d_problem(name, p);
  l.window = conv_window(p);
  return l;
}

Layer onnx_fc(const OnnxNode& n, const std::string& name) {
  const bool gemm = n.op() == "Gemm";
  const auto a = n.input_dims(0, gemm ? 2 : 0, "input");
  const auto b = n.input_dims(1, 2, "weights");
  long long rows = 1, k = a.back(), out = b[1], b_k = b[0];
  if (gemm) {
    const bool trans_a = n.int_attr("transA", 0, 0) != 0, trans_b = n.int_attr("transB", 0, 0) != 0;
    rows = trans_a ? a[1] : a[0], k = trans_a ? a[0] : a[1];
    if (trans_b) out = b[0], b_k = b[1];
  } else {
    for (std::size_t i = 0; i + 1 < a.size(); ++i) {
      auto r = core::checked_count({rows, a[i]});
      if (!r) n.fail("its input " + dims_text(a) + " has more rows than " + std::string(core::kMaxCountText));
      rows = *r;
    }
  }
  if (k != b_k) n.fail("its input " + dims_text(a) + " and weights " + dims_text(b) + " do not agree");
  Layer l = named(name, "fc");
  l.problem = fc_problem(name, rows, k, out, 8, 8, 8);  // the bits a layer of hwaware's format gets by default
  return l;
}

Layer onnx_pool(const OnnxNode& n, const std::string& name) {
  const bool global = n.op() == "GlobalMaxPool" || n.op() == "GlobalAveragePool";
  const auto x = n.input_dims(0, 4, kImage);
  const auto y = n.output_dims(0, 4, kImageOut);
  if (y[0] != x[0] || y[1] != x[1]) n.fail("its input " + dims_text(x) + " and output " + dims_text(y) + " do not agree");
  PoolParams p;
  p.batch = x[0], p.channels = x[1];
  Axes a{{x[2], x[2]}, {x[3], x[3]}};  // a global pool: the whole input, one output
  if (!global) {
    a = read_window(n, x, {0, 0}, n.op() == "MaxPool");
    if (n.int_attr("ceil_mode", 0, 0) != 0) round_up(n, a.h, y[2]), round_up(n, a.w, y[3]);
  }
  set_window(p, a);
  check_output(n, p, y);
  Layer l = named(name, "pool");
  l.op = n.op().find("Max") != std::string::npos ? "max" : "avg";
  l.is_mac_layer = false;
  l.problem = pool_problem(name, p);
  l.window = pool_window(p, global);
  return l;
}

Layer onnx_add(const OnnxNode& n, const std::string& name) {
  const auto first = n.input_dims(0, 0, "operand");
  if (first.size() < 2 || first.size() > 4) n.fail("expected operands of 2 to 4 dimensions (N, C[, H[, W]]), found " + dims_text(first));
  for (int i = 1; i < n.proto().input_size(); ++i)
    if (auto other = n.input_dims(i, 0, "operand"); other != first)
      n.fail("adds operands of different shapes, " + dims_text(first) + " and " + dims_text(other) + " (broadcasting is not modelled)");
  AddParams p;
  p.batch = first[0], p.channels = first[1];
  p.height = first.size() > 2 ? first[2] : 1, p.width = first.size() > 3 ? first[3] : 1;
  p.operands = n.proto().input_size();
  Layer l = named(name, "add");
  l.op = "add";
  l.is_mac_layer = false;
  l.problem = add_problem(name, p);
  return l;
}

}  // namespace hwaware::workload
