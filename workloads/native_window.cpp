// The window keys of hwaware's workload format: sizes, strides, padding, dilation, and their checks.
#include "workloads/native_window.h"

#include <algorithm>

#include "core/checked.h"

namespace hwaware::workload {

// An int (same for height and width) or [height, width]; `minimum` is 0 or 1.
std::optional<std::pair<long long, long long>> read_pair(const core::YamlView& v, long long minimum) {
  std::vector<long long> vals;
  if (v.is_scalar()) {
    auto n = v.as_int();
    if (!n) return std::nullopt;
    vals = {*n, *n};
  } else if (v.is_seq() && v.node().size() == 2) {
    for (auto& item : v.items()) {
      auto n = item.as_int();
      if (!n) return std::nullopt;
      vals.push_back(*n);
    }
  } else {
    v.error("expected an integer or a list [height, width], found " + v.found());
    return std::nullopt;
  }
  if (vals[0] < minimum || vals[1] < minimum) {
    v.error(std::string("expected ") + (minimum > 0 ? "positive" : "non-negative") + " values, found " + std::to_string(vals[0]) + " x " +
            std::to_string(vals[1]));
    return std::nullopt;
  }
  return std::make_pair(vals[0], vals[1]);
}

// `input: [h, w]` and `kernel: [h, w]` must be lists of two (a single int is accepted too).
bool read_shape(core::MapReader& m, const char* key, long long& h, long long& w) {
  auto v = m.required(key);
  if (!v) return false;
  auto p = read_pair(*v, 1);
  if (!p) return false;
  h = p->first;
  w = p->second;
  return true;
}

void read_optional_pair(core::MapReader& m, const char* key, long long minimum, long long& h, long long& w) {
  if (auto v = m.get(key))
    if (auto p = read_pair(*v, minimum)) {
      h = p->first;
      w = p->second;
    }
}

// `padding`: an int, [height, width] (the same on both sides), or {top, bottom, left, right}
// (ONNX's asymmetric pads, as `hwaware import onnx` writes them).
void read_padding(core::MapReader& m, Padding& p) {
  auto v = m.get("padding");
  if (!v) return;
  if (!v->is_map()) {
    if (auto pair = read_pair(*v, 0)) p = Padding{pair->first, pair->first, pair->second, pair->second, false};
    return;
  }
  core::MapReader sides(*v);
  p.sides = true;
  for (auto [key, out] : {std::pair{"top", &p.top}, {"bottom", &p.bottom}, {"left", &p.left}, {"right", &p.right}})
    if (auto side = sides.required(key)) *out = side->as_int_in(0, core::kMaxCount, "a padding").value_or(0);
  sides.finish();
}

namespace {

template <typename Params>
void set_sides(Params& p, const Padding& pad) {
  p.pad_h = pad.top, p.pad_w = pad.left;
  if (pad.bottom != pad.top) p.pad_bottom = pad.bottom;
  if (pad.right != pad.left) p.pad_right = pad.right;
}

}  // namespace

void set_padding(ConvParams& p, const Padding& pad) { set_sides(p, pad); }
void set_padding(PoolParams& p, const Padding& pad) { set_sides(p, pad); }

// A sliding window (after dilation) must fit the padded input, else the output would be empty.
bool check_window(const core::YamlView& v, long long in_h, long long in_w, long long k_h, long long k_w, const Padding& pad,
                  long long dil_h, long long dil_w) {
  // dil x (k - 1) + 1 and in + pads from factors within core::kMaxCount (then within 64 bits).
  auto span = core::checked_count({dil_h, k_h}), span_w = core::checked_count({dil_w, k_w});
  const bool sizes_ok = in_h <= core::kMaxCount && in_w <= core::kMaxCount && pad.top <= core::kMaxCount && pad.bottom <= core::kMaxCount &&
                        pad.left <= core::kMaxCount && pad.right <= core::kMaxCount;
  if (!span || !span_w || !sizes_ok) {
    v.error(std::string("the window or the padded input is more than ") + core::kMaxCountText);
    return false;
  }
  const long long kh = dil_h * (k_h - 1) + 1, kw = dil_w * (k_w - 1) + 1;
  const long long ih = in_h + pad.top + pad.bottom, iw = in_w + pad.left + pad.right;
  if (kh <= ih && kw <= iw) return true;
  v.error("the kernel (" + std::to_string(kh) + " x " + std::to_string(kw) + " after dilation) is larger than the padded input (" +
          std::to_string(ih) + " x " + std::to_string(iw) + "); the output would be empty");
  return false;
}

// As in PyTorch, padding of at most half the (dilated) window; padding given side by side (as
// ONNX's pools with ceil_mode give it), less than the window: no window reads padding only.
bool check_pool_padding(const core::YamlView& v, const PoolParams& p, const Padding& pad) {
  const long long kh = p.dilation_h * (p.kernel_h - 1) + 1, kw = p.dilation_w * (p.kernel_w - 1) + 1;
  const std::string window = std::to_string(kh) + " x " + std::to_string(kw);
  if (!pad.sides && (2 * pad.top > kh || 2 * pad.left > kw)) {
    v.error("padding (" + std::to_string(pad.top) + " x " + std::to_string(pad.left) + ") must be at most half the window (" + window +
            ")");
    return false;
  }
  if (pad.sides && (std::max(pad.top, pad.bottom) >= kh || std::max(pad.left, pad.right) >= kw)) {
    v.error("padding on each side (top " + std::to_string(pad.top) + ", bottom " + std::to_string(pad.bottom) + ", left " +
            std::to_string(pad.left) + ", right " + std::to_string(pad.right) + ") must be less than the window (" + window +
            "), else a window reads padding only");
    return false;
  }
  return true;
}

}  // namespace hwaware::workload
