#pragma once
// Test helper: every layer of a network takes what its inputs give (the workload reader's rule).

#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "workloads/layer.h"

namespace hwaware::test {

inline void require_consistent(const workload::Network& net) {
  std::map<std::string, const workload::Layer*> by_name;
  for (const auto& l : net.layers) {
    long long channels = 0;
    for (const auto& in : l.inputs) {
      const auto* p = by_name.at(in);
      if (l.type == "add") REQUIRE(p->output_channels() == l.input_channels());
      channels += l.type == "fc" ? p->output_values() : p->output_channels();
    }
    INFO(l.name);
    if (!l.inputs.empty() && l.type != "add") REQUIRE(channels == l.input_channels());
    by_name[l.name] = &l;
  }
}

}  // namespace hwaware::test
