#include "models/im2col.h"

#include <algorithm>
#include <string>

#include "core/diagnostics.h"

namespace hwaware::model {
namespace {

long long bound(const workload::Problem& p, const std::string& dim) {
  const int i = p.dim_index(dim);
  return i < 0 ? 1 : p.bounds[static_cast<std::size_t>(i)];
}

// The coefficient of `dim` in the Inputs index (a stride or a dilation); 1 if absent.
long long coefficient(const workload::Problem& p, const workload::DataSpace& inputs, const std::string& dim) {
  const int i = p.dim_index(dim);
  for (const auto& rank : inputs.ranks)
    for (const auto& term : rank)
      if (term.dim == i) return term.coefficient;
  return 1;
}

}  // namespace

ConvShape conv_shape(const workload::Problem& p) {
  const bool has_m = p.dim_index("M") >= 0;
  for (const auto& dim : p.dim_names) {
    const std::string known = has_m ? "GCMRSNPQ" : "GCKRSNPQ";
    if (dim.size() != 1 || known.find(dim) == std::string::npos)
      throw core::InputError(
          core::SourceLoc{}, p.name,
          "cannot be mapped onto the systolic array: dimension '" + dim + "' is not one of a convolution's G, C, M (or K), R, S, N, P, Q");
  }
  const auto& inputs = p.data_spaces[static_cast<std::size_t>(p.data_space_index("Inputs"))];
  ConvShape s;
  s.groups = bound(p, "G");
  s.batch = bound(p, "N");
  s.channels = bound(p, "C");
  s.filters = has_m ? bound(p, "M") : bound(p, "K");
  s.kernel_w = bound(p, "R");
  s.kernel_h = bound(p, "S");
  s.out_w = bound(p, "P");
  s.out_h = bound(p, "Q");
  s.stride_w = coefficient(p, inputs, "P");
  s.stride_h = coefficient(p, inputs, "Q");
  s.dil_w = coefficient(p, inputs, "R");
  s.dil_h = coefficient(p, inputs, "S");
  return s;
}

IfmapFootprint::IfmapFootprint(const ConvShape& s) : s_(s), stamp_(static_cast<std::size_t>(s.batch * s.in_h() * s.in_w()), 0) {}

double IfmapFootprint::operator()(Range pix, Range win) {
  const auto key = std::make_pair(pix, win);
  if (auto it = memo_.find(key); it != memo_.end()) return it->second;
  const long long C = s_.channels, k0 = win.lo / C, c0 = win.lo % C, k1 = (win.hi - 1) / C, c1 = (win.hi - 1) % C;
  double words = 0;
  if (k0 == k1) {
    words = part(c1 - c0 + 1, pix, k0, k1);
  } else {  // channel c is in window offset k0 if c >= c0, in k1 if c <= c1, in those between always
    words = part(c1 - c0 + 1, pix, k0, k1) + part(C - std::max(c0, c1 + 1), pix, k0, k1 - 1) + part(std::min(c0, c1 + 1), pix, k0 + 1, k1) +
            part(c0 - c1 - 1, pix, k0 + 1, k1 - 1);
  }
  memo_.emplace(key, words);
  return words;
}

// `channels` channels x the distinct (n, h, w) positions of pixels `pix` under window offsets [ka, kb].
double IfmapFootprint::part(long long channels, Range pix, long long ka, long long kb) {
  if (channels <= 0 || ka > kb) return 0;
  ++now_;
  long long count = 0;
  const long long W = s_.in_w(), H = s_.in_h(), PQ = s_.out_w * s_.out_h;
  for (long long e = pix.lo; e < pix.hi; ++e) {
    const long long n = e / PQ, oh = (e % PQ) / s_.out_w, ow = e % s_.out_w;
    for (long long k = ka; k <= kb; ++k) {
      const long long h = oh * s_.stride_h + (k / s_.kernel_w) * s_.dil_h;
      const long long w = ow * s_.stride_w + (k % s_.kernel_w) * s_.dil_w;
      auto& mark = stamp_[static_cast<std::size_t>((n * H + h) * W + w)];
      if (mark != now_) {
        mark = now_;
        ++count;
      }
    }
  }
  return static_cast<double>(channels) * static_cast<double>(count);
}

}  // namespace hwaware::model
