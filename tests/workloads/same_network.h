#pragma once
// Test helper: two networks are the same layer by layer (types, ops, inputs, problems with their
// tensors' projections, windows), for round trips through the workload writer and for an imported
// network against the one written by hand (names aside: inputs then compare by position).

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "workloads/layer.h"

namespace hwaware::test {

inline void check_same_data_space(const workload::Problem& a, const workload::Problem& b, std::size_t i) {
  const auto &x = a.data_spaces[i], &y = b.data_spaces[i];
  INFO("tensor " << x.name);
  CHECK(x.name == y.name);
  CHECK(x.read_write == y.read_write);
  CHECK(x.bits == y.bits);
  CHECK(x.density == y.density);
  CHECK(a.tensor_size(static_cast<int>(i)) == b.tensor_size(static_cast<int>(i)));
  REQUIRE(x.ranks.size() == y.ranks.size());
  for (std::size_t r = 0; r < x.ranks.size(); ++r) {
    REQUIRE(x.ranks[r].size() == y.ranks[r].size());
    for (std::size_t t = 0; t < x.ranks[r].size(); ++t) {
      CHECK(x.ranks[r][t].dim == y.ranks[r][t].dim);
      CHECK(x.ranks[r][t].coefficient == y.ranks[r][t].coefficient);
    }
  }
}

inline void check_same_problem(const workload::Problem& a, const workload::Problem& b, bool same_names = true) {
  if (same_names) CHECK(a.name == b.name);
  CHECK(a.dim_names == b.dim_names);
  CHECK(a.bounds == b.bounds);
  CHECK(a.macs() == b.macs());
  REQUIRE(a.data_spaces.size() == b.data_spaces.size());
  for (std::size_t i = 0; i < a.data_spaces.size(); ++i) check_same_data_space(a, b, i);
}

inline void check_same_window(const workload::Window& a, const workload::Window& b) {
  CHECK(a.known == b.known);
  CHECK(a.global == b.global);
  CHECK(std::vector<long long>{a.in_height, a.in_width, a.kernel_h, a.kernel_w, a.stride_h, a.stride_w, a.pad_h, a.pad_w, a.dilation_h,
                               a.dilation_w} == std::vector<long long>{b.in_height, b.in_width, b.kernel_h, b.kernel_w, b.stride_h,
                                                                       b.stride_w, b.pad_h, b.pad_w, b.dilation_h, b.dilation_w});
  CHECK(a.pad_bottom.value_or(a.pad_h) == b.pad_bottom.value_or(b.pad_h));
  CHECK(a.pad_right.value_or(a.pad_w) == b.pad_right.value_or(b.pad_w));
}

// The positions of the layers a layer reads.
inline std::vector<std::size_t> input_positions(const workload::Network& net, const workload::Layer& l) {
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < net.layers.size(); ++i) at[net.layers[i].name] = i;
  std::vector<std::size_t> out;
  for (const auto& in : l.inputs) out.push_back(at.count(in) ? at.at(in) : net.layers.size());
  return out;
}

// With `same_names` false, layer and network names may differ and inputs compare by position.
inline void check_same_network(const workload::Network& a, const workload::Network& b, bool same_names = true) {
  if (same_names) CHECK(a.name == b.name);
  REQUIRE(a.layers.size() == b.layers.size());
  for (std::size_t i = 0; i < a.layers.size(); ++i) {
    const auto &x = a.layers[i], &y = b.layers[i];
    INFO("layer " << i << " '" << x.name << "' and '" << y.name << "'");
    if (same_names) CHECK(x.name == y.name);
    CHECK(x.type == y.type);
    CHECK(x.op == y.op);
    CHECK(x.is_mac_layer == y.is_mac_layer);
    if (same_names) CHECK(x.inputs == y.inputs);
    CHECK(input_positions(a, x) == input_positions(b, y));
    check_same_problem(x.problem, y.problem, same_names);
    check_same_window(x.window, y.window);
  }
}

}  // namespace hwaware::test
