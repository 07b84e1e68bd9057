#include "mappings/crossbar_allocation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace hwaware::mapping {
namespace {

__extension__ typedef __int128 Wide;  // products of two counts of input vectors or copies

// A layer waiting for free crossbars: its input vectors, its copies so far, the crossbars of one copy.
struct Candidate {
  long long vectors = 0, copies = 1, crossbars = 0;
  std::size_t index = 0;
};

// Whether `a` gets the next copy before `b`: more input vectors per copy, ties the earlier layer.
bool before(const Candidate& a, const Candidate& b) {
  const Wide left = static_cast<Wide>(a.vectors) * b.copies, right = static_cast<Wide>(b.vectors) * a.copies;
  return left != right ? left > right : a.index < b.index;
}

// Copies `a` (first in line) gets in a row before `b` (next in line) comes first: copies c >= a.copies
// while a with c copies still goes before b.
long long turn_before(const Candidate& a, const Candidate& b) {
  const Wide limit = static_cast<Wide>(a.vectors) * b.copies;  // a goes first while a.vectors * b.copies vs b.vectors * c
  const Wide last = a.index < b.index ? limit / b.vectors : (limit + b.vectors - 1) / b.vectors - 1;
  const Wide run = last - a.copies + 1;
  return run > std::numeric_limits<long long>::max() ? std::numeric_limits<long long>::max()
                                                     : std::max<long long>(1, static_cast<long long>(run));
}

// `free`: the free crossbars shared by the greedy rule (copies given in runs that the one-at-a-time
// rule would give too). Returns the free crossbars left over.
long long share_free(const std::vector<CrossbarPlacement>& layers, long long free, std::vector<LayerCopies>& out) {
  std::set<Candidate, bool (*)(const Candidate&, const Candidate&)> line(&before);
  for (std::size_t i = 0; i < layers.size(); ++i)
    if (layers[i].crossbars > 0 && layers[i].vectors > 1) line.insert({layers[i].vectors, 1, layers[i].crossbars, i});
  while (!line.empty()) {
    Candidate a = *line.begin();
    line.erase(line.begin());
    if (a.crossbars > free) continue;  // its copy no longer fits, and the free crossbars only shrink
    long long k = std::min(free / a.crossbars, a.vectors - a.copies);
    if (!line.empty()) k = std::min(k, turn_before(a, *line.begin()));
    a.copies += k;
    free -= k * a.crossbars;
    out[a.index].copies = a.copies;
    if (a.copies < a.vectors) line.insert(a);
  }
  return free;
}

// As many copies as the whole chip holds, at most one per input vector, at least one.
long long whole_chip_copies(const CrossbarPlacement& x, long long chip) { return std::max(1LL, std::min(x.vectors, chip / x.crossbars)); }

// `reprogram` over resident weights: after the free allocation, each layer's further copies up to
// the whole chip, written every inference, and the other layers' cells they overwrite.
void reprogram_over(const std::vector<CrossbarPlacement>& layers, long long chip, long long left_free, std::vector<LayerCopies>& out) {
  double cells = 0, crossbars = 0;  // of every layer's copies that stay
  for (std::size_t i = 0; i < layers.size(); ++i) {
    cells += static_cast<double>(out[i].copies) * static_cast<double>(layers[i].cells_used);
    crossbars += static_cast<double>(out[i].copies) * static_cast<double>(layers[i].crossbars);
  }
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const auto& x = layers[i];
    if (x.crossbars == 0) continue;
    const long long whole = whole_chip_copies(x, chip);
    if (whole <= out[i].copies) continue;
    const long long extra = whole - out[i].copies;
    const long long overwritten = std::max(0LL, extra * x.crossbars - left_free);
    const double others_cells = cells - static_cast<double>(out[i].copies) * static_cast<double>(x.cells_used);
    const double others_crossbars = crossbars - static_cast<double>(out[i].copies) * static_cast<double>(x.crossbars);
    out[i].copies = whole;
    out[i].copies_written = extra;
    if (others_crossbars > 0) out[i].reprogrammed_cells = std::llround(static_cast<double>(overwritten) * others_cells / others_crossbars);
  }
}

}  // namespace

bool weights_fit(const arch::PimSpec& pim, const std::vector<CrossbarPlacement>& layers) {
  long long needed = 0;
  for (const auto& x : layers)
    if (__builtin_add_overflow(needed, x.crossbars, &needed)) return false;
  return needed <= pim.crossbars();
}

CopyAllocation allocate_copies(const arch::PimSpec& pim, const std::vector<CrossbarPlacement>& layers, bool weights_resident) {
  CopyAllocation a;
  a.weights_resident = weights_resident;
  a.layers.resize(layers.size());
  const long long chip = pim.crossbars();
  for (std::size_t i = 0; i < layers.size(); ++i)
    if (layers[i].crossbars == 0) a.layers[i].copies = 0;
  if (weights_resident) {
    long long used = 0;
    for (const auto& x : layers) used += x.crossbars;
    a.free_crossbars = std::max(0LL, chip - used);
  }
  if (pim.duplicate == arch::Duplication::none) return a;
  if (!weights_resident) {
    for (std::size_t i = 0; i < layers.size(); ++i)
      if (layers[i].crossbars > 0) a.layers[i].copies = whole_chip_copies(layers[i], chip);
    return a;
  }
  const long long left = share_free(layers, a.free_crossbars, a.layers);
  if (pim.duplicate == arch::Duplication::reprogram) reprogram_over(layers, chip, left, a.layers);
  return a;
}

std::string copies_key(bool weights_resident, const LayerCopies& c) {
  return std::string(weights_resident ? "|resident" : "|programmed") + "|copies=" + std::to_string(c.copies) +
         "|written=" + std::to_string(c.copies_written) + "|reprogrammed=" + std::to_string(c.reprogrammed_cells);
}

}  // namespace hwaware::mapping
