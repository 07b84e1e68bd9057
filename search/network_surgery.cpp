#include "search/network_surgery.h"

#include <map>
#include <numeric>
#include <stdexcept>
#include <string>

namespace hwaware::search {
namespace {

// A depthwise convolution: one input and one output channel per group; its width follows its input.
bool depthwise(const workload::Layer& l) {
  return l.type == "conv2d" && bound(l.problem, "G") > 1 && bound(l.problem, "C") == 1 && bound(l.problem, "M") == 1;
}

// Whether a layer makes its own width (new filters), or passes its inputs' widths on.
bool makes_width(const workload::Layer& l) { return (l.type == "conv2d" && !depthwise(l)) || l.type == "fc"; }

std::map<std::string, std::size_t> index_of(const workload::Network& net) {
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < net.layers.size(); ++i) at[net.layers[i].name] = i;
  return at;
}

struct UnionFind {
  std::vector<std::size_t> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t find(std::size_t x) { return parent[x] == x ? x : parent[x] = find(parent[x]); }
  void join(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

}  // namespace

long long bound(const workload::Problem& p, const char* dim) {
  const int i = p.dim_index(dim);
  return i < 0 ? 1 : p.bounds[static_cast<std::size_t>(i)];
}

void set_bound(workload::Problem& p, const char* dim, long long value) {
  const int i = p.dim_index(dim);
  if (i >= 0) p.bounds[static_cast<std::size_t>(i)] = value;
}

std::vector<WidthGroup> width_groups(const workload::Network& net) {
  const auto at = index_of(net);
  UnionFind uf(net.layers.size());
  // A pass-through layer with one input, or an add, shares its inputs' group.
  for (std::size_t i = 0; i < net.layers.size(); ++i) {
    const auto& l = net.layers[i];
    if (makes_width(l)) continue;
    if (l.type == "add" || l.inputs.size() == 1)
      for (const auto& in : l.inputs) uf.join(at.at(in), i);
  }
  std::map<std::size_t, std::size_t> group_of_root;
  std::vector<WidthGroup> groups;
  for (std::size_t i = 0; i < net.layers.size(); ++i) {
    if (!makes_width(net.layers[i])) continue;
    const std::size_t root = uf.find(i);
    auto [it, fresh] = group_of_root.emplace(root, groups.size());
    if (fresh) groups.push_back(WidthGroup{{}, net.layers[i].output_channels(), true});
    groups[it->second].layers.push_back(i);
  }
  // Grouped convolutions that make or read a group's width need it in multiples of their groups.
  for (std::size_t i = 0; i < net.layers.size(); ++i) {
    const auto& l = net.layers[i];
    const long long gl = bound(l.problem, "G");
    if (l.type != "conv2d" || depthwise(l) || gl == 1) continue;
    auto bump = [&](std::size_t layer) {
      if (auto it = group_of_root.find(uf.find(layer)); it != group_of_root.end())
        groups[it->second].step = std::lcm(groups[it->second].step, gl);
    };
    bump(i);
    for (const auto& in : l.inputs) bump(at.at(in));
  }
  // The network's output keeps its width (the task's classes or channels).
  const std::size_t last = uf.find(net.layers.size() - 1);
  if (auto it = group_of_root.find(last); it != group_of_root.end()) groups[it->second].prunable = false;
  return groups;
}

workload::Network with_width(const workload::Network& net, const std::vector<WidthGroup>& groups, std::size_t g, long long width) {
  if (width < 1 || width % groups.at(g).step != 0)
    throw std::invalid_argument("a width of at least 1 channel, in multiples of " + std::to_string(groups.at(g).step));
  workload::Network out = net;
  const auto at = index_of(out);
  std::vector<long long> own(out.layers.size(), 0);  // widths of the layers that make them
  for (std::size_t k = 0; k < groups.size(); ++k)
    for (std::size_t i : groups[k].layers) own[i] = k == g ? width : out.layers[i].output_channels();
  for (auto& l : out.layers) {
    // What the layer reads: the sum of its inputs' widths (an add: each input's), and values for FC.
    long long channels = 0, values = 0;
    for (const auto& in : l.inputs) {
      const auto& p = out.layers[at.at(in)];
      channels = l.type == "add" ? p.output_channels() : channels + p.output_channels();
      values += p.output_values();
    }
    const long long groups_of_l = bound(l.problem, "G");
    if (l.type == "conv2d" && depthwise(l)) {
      if (!l.inputs.empty()) set_bound(l.problem, "G", channels);
    } else if (l.type == "conv2d") {
      if (!l.inputs.empty()) set_bound(l.problem, "C", channels / groups_of_l);
      set_bound(l.problem, "M", own[at.at(l.name)] / groups_of_l);
    } else if (l.type == "fc") {
      if (!l.inputs.empty()) set_bound(l.problem, "C", values);
      set_bound(l.problem, "M", own[at.at(l.name)]);
    } else if (!l.inputs.empty()) {  // pool, add: channels pass through
      set_bound(l.problem, "C", channels);
    }
  }
  return out;
}

}  // namespace hwaware::search
