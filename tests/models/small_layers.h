#pragma once
// Test helper: a 1-D convolution and tiny accelerators and mappings to hand-check counts on.

#include <optional>
#include <string>
#include <vector>

#include "arch/spec.h"
#include "mappings/mapping.h"
#include "workloads/layer.h"
#include "workloads/problem.h"

namespace hwaware::test {

// 1-D convolution: Weights[K][R], Inputs[R + P], Outputs[K][P]; bits empty = one word of each level.
inline workload::Problem conv1d(long long K, long long R, long long P, std::optional<int> bits = std::nullopt) {
  workload::Problem p;
  p.name = "conv1d";
  p.dim_names = {"K", "R", "P"};
  p.bounds = {K, R, P};
  p.data_spaces = {{"Weights", {{{0, 1}}, {{1, 1}}}, false, bits, 1.0},
                   {"Inputs", {{{1, 1}, {2, 1}}}, false, bits, 1.0},
                   {"Outputs", {{{0, 1}}, {{2, 1}}}, true, bits, 1.0}};
  return p;
}

inline arch::StorageLevel level(const std::string& name, long long instances = 1, long long block = 1, int word_bits = 8) {
  arch::StorageLevel l;
  l.name = name;
  l.instances = instances;
  l.mesh_x = instances;
  l.block_size = block;
  l.word_bits = word_bits;
  return l;
}

inline arch::Spec spec_of(std::vector<arch::StorageLevel> levels, long long macs = 1) {
  arch::Spec s;
  s.levels = std::move(levels);
  s.compute.instances = macs;
  s.compute.mesh_x = macs;
  return s;
}

inline mapping::LevelMapping lm(std::vector<mapping::Loop> temporal, std::vector<mapping::Loop> spatial = {},
                                std::vector<bool> keep = {true, true, true}) {
  mapping::LevelMapping m;
  m.temporal = std::move(temporal);
  m.spatial = std::move(spatial);
  m.keep = std::move(keep);
  return m;
}

// A square convolution: c -> m channels over an out x out map, k x k filters padded to keep the
// size, in `groups` groups.
inline workload::Problem square_conv(long long c, long long m, long long out, long long k, long long groups = 1) {
  workload::ConvParams p;
  p.in_channels = c;
  p.out_channels = m;
  p.groups = groups;
  p.kernel_h = p.kernel_w = k;
  p.pad_h = p.pad_w = k / 2;
  p.in_height = p.in_width = out;
  return workload::conv2d_problem("layer", p);
}

constexpr int K = 0, R = 1, P = 2;
constexpr std::size_t W = 0, I = 1, O = 2;

}  // namespace hwaware::test
