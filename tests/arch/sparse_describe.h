#pragma once
// Test helpers: sparse features described in one line, to compare what a reader read.

#include <string>

#include "arch/sparse_spec.h"
#include "core/text.h"

namespace hwaware::test {

// "UOP CP": a tensor's rank formats, outermost first ("" when the level gives it none).
inline std::string ranks_of(const arch::TensorFormat* f) {
  std::string out;
  if (f)
    for (const auto& r : f->ranks) out += (out.empty() ? "" : " ") + arch::to_string(r.format);
  return out;
}

// "skipping Z<-A,B": an action optimization's kind and options.
inline std::string options_of(const arch::ActionOptimization& a) {
  std::string out = arch::to_string(a.kind);
  for (const auto& o : a.options) out += " " + o.target + "<-" + core::join(o.condition_on, ",");
  return out;
}

}  // namespace hwaware::test
