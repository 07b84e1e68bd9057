#include "search/subnet_space.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "core/diagnostics.h"

namespace hwaware::search {
namespace {

std::size_t index_of(const workload::Network& net, const std::string& name) {
  for (std::size_t i = 0; i < net.layers.size(); ++i)
    if (net.layers[i].name == name) return i;
  core::panic("no layer '" + name + "' in " + net.name);
}

// A group can be bypassed when its only convolution is an ungrouped one that reads one layer and
// keeps that layer's shape (channels and map): its input can stand in for its output.
bool bypassable(const workload::Network& net, const WidthGroup& g) {
  if (!g.prunable || g.step != 1) return false;
  std::size_t convolutions = 0, producer = 0;  // the producer and depthwise ones (which would have to follow the bypass)
  for (std::size_t i : g.layers) {
    if (net.layers[i].type == "conv2d" || net.layers[i].type == "fc") ++convolutions;
    if (makes_width(net.layers[i])) producer = i;
  }
  if (convolutions != 1) return false;
  const auto& l = net.layers[producer];
  const auto& w = l.window;
  return l.type == "conv2d" && bound(l.problem, "G") == 1 && l.inputs.size() == 1 && w.known && !w.asymmetric() && w.stride_h == 1 &&
         w.stride_w == 1 && l.input_channels() == l.output_channels() && bound(l.problem, "Q") == w.in_height &&
         bound(l.problem, "P") == w.in_width;
}

std::size_t producer_of(const workload::Network& net, const WidthGroup& g) {
  for (std::size_t i : g.layers)
    if (makes_width(net.layers[i])) return i;
  core::panic("a width group without a producer");
}

std::vector<long long> width_choices(const WidthGroup& g, int levels, bool with_zero) {
  long long unit = std::max<long long>(1, g.width / std::max(1, levels));
  unit = std::max(g.step, unit / g.step * g.step);
  std::vector<long long> c;
  if (with_zero) c.push_back(0);
  for (long long w = unit; w < g.width; w += unit) c.push_back(w);
  c.push_back(g.width);
  return c;
}

core::InputError kernel_error(const workload::Layer& l, const std::string& why) {
  return core::InputError(core::SourceLoc{"--search", 0, 0}, "--search",
                          "expected a layer whose kernel can shrink with kernel=" + l.name + ", found " + why);
}

// Kernels k, k-2, ... down to 1, while the padding can shrink with them so the output keeps its size.
std::vector<long long> kernel_choices(const workload::Layer& l, bool named) {
  const auto& w = l.window;
  std::vector<long long> c;
  const auto refuse = [&](const std::string& why) -> std::vector<long long> {
    if (named) throw kernel_error(l, why);
    return c;
  };
  if (l.type != "conv2d") return refuse("a layer of type " + l.type + " (kernels are searched in conv2d layers)");
  if (!w.known || w.asymmetric()) return refuse("a layer without hwaware's window (an imported one, or asymmetric padding)");
  if (w.kernel_h != w.kernel_w || w.pad_h != w.pad_w) return refuse("a kernel or padding that is not square");
  if (w.kernel_h == 1) return refuse("a 1x1 kernel: there is no smaller one");
  if (w.dilation_h != 1 || w.dilation_w != 1) return refuse("a dilated kernel");
  for (long long k = w.kernel_h - 2 * std::min(w.pad_h, (w.kernel_h - 1) / 2); k <= w.kernel_h; k += 2) c.push_back(k);
  if (c.size() < 2) return refuse("no padding to shrink with the kernel (a smaller kernel would change the output size)");
  return c;
}

}  // namespace

SubnetSpace subnet_space(const workload::Network& super, const SearchDimensions& d) {
  SubnetSpace s{super, width_groups(super), {}};
  for (std::size_t g = 0; g < s.groups.size(); ++g) {
    const auto& group = s.groups[g];
    if (!group.prunable) continue;
    s.dims.push_back({Dimension::Kind::width, g, super.layers[producer_of(super, group)].name,
                      width_choices(group, d.width_levels, d.depth && bypassable(super, group))});
  }
  for (const auto& name : d.kernel_layers)
    if (std::none_of(super.layers.begin(), super.layers.end(), [&](const auto& l) { return l.name == name; }))
      throw core::InputError(core::SourceLoc{"--search", 0, 0}, "--search",
                             "expected a layer of " + super.name + " with kernel=LAYER, found '" + name + "'");
  for (std::size_t i = 0; i < super.layers.size(); ++i) {
    const auto& l = super.layers[i];
    const bool named = std::find(d.kernel_layers.begin(), d.kernel_layers.end(), l.name) != d.kernel_layers.end();
    if (!named && !d.all_kernels) continue;
    auto choices = kernel_choices(l, named);
    if (!choices.empty()) s.dims.push_back({Dimension::Kind::kernel, i, l.name, std::move(choices)});
  }
  if (d.all_kernels && std::none_of(s.dims.begin(), s.dims.end(), [](const Dimension& x) { return x.kind == Dimension::Kind::kernel; }))
    throw core::InputError(core::SourceLoc{"--search", 0, 0}, "--search",
                           "expected a network with a kernel to shrink with 'kernel', found none in " + super.name +
                               " (every convolution is 1x1, dilated or unpadded)");
  return s;
}

SubnetConfig largest(const SubnetSpace& s) {
  SubnetConfig c;
  for (const auto& d : s.dims) c.push_back(d.choices.back());
  return c;
}

SubnetConfig smallest(const SubnetSpace& s) {
  SubnetConfig c;
  for (const auto& d : s.dims) c.push_back(d.choices.front());
  return c;
}

bool bypassed(const SubnetSpace& s, const SubnetConfig& c, std::size_t layer) {
  for (std::size_t k = 0; k < s.dims.size(); ++k)
    if (s.dims[k].kind == Dimension::Kind::width && c[k] == 0 && producer_of(s.super, s.groups[s.dims[k].index]) == layer) return true;
  return false;
}

long long kernel_of(const SubnetSpace& s, const SubnetConfig& c, std::size_t layer) {
  for (std::size_t k = 0; k < s.dims.size(); ++k)
    if (s.dims[k].kind == Dimension::Kind::kernel && s.dims[k].index == layer) return c[k];
  return s.super.layers[layer].window.kernel_h;
}

workload::Network subnetwork(const SubnetSpace& s, const SubnetConfig& c) {
  if (c.size() != s.dims.size()) throw std::invalid_argument("a configuration of " + std::to_string(s.dims.size()) + " choices");
  for (std::size_t k = 0; k < c.size(); ++k)
    if (std::find(s.dims[k].choices.begin(), s.dims[k].choices.end(), c[k]) == s.dims[k].choices.end())
      throw std::invalid_argument("no choice " + std::to_string(c[k]) + " for " + s.dims[k].name);
  workload::Network n = s.super;
  std::vector<std::size_t> removed;  // bypassed producers, in layer order
  for (std::size_t k = 0; k < c.size(); ++k) {
    const auto& d = s.dims[k];
    if (d.kind == Dimension::Kind::kernel) {
      auto& l = n.layers[d.index];
      const long long shrink = (l.window.kernel_h - c[k]) / 2;
      l.window.kernel_h = l.window.kernel_w = c[k];
      l.window.pad_h -= shrink;
      l.window.pad_w -= shrink;
      set_bound(l.problem, "R", c[k]);
      set_bound(l.problem, "S", c[k]);
    } else if (c[k] == 0) {
      removed.push_back(producer_of(s.super, s.groups[d.index]));
    } else if (c[k] != s.groups[d.index].width) {
      n = with_width(n, s.groups, d.index, c[k]);
    }
  }
  std::sort(removed.begin(), removed.end());
  // A bypassed layer's output takes its input's width, then the layer goes: its consumers read its
  // input (in layer order, so that a chain of bypassed layers resolves to the first one's input).
  std::map<std::string, std::string> source;
  const auto resolve = [&](const std::string& name) {
    const auto it = source.find(name);
    return it == source.end() ? name : it->second;
  };
  for (std::size_t i : removed) {
    const std::string from = resolve(n.layers[i].inputs.front());
    const long long width = n.layers[index_of(n, from)].output_channels();
    for (std::size_t g = 0; g < s.groups.size(); ++g)
      if (std::find(s.groups[g].layers.begin(), s.groups[g].layers.end(), i) != s.groups[g].layers.end())
        n = with_width(n, s.groups, g, width);
    source[n.layers[i].name] = from;
  }
  workload::Network out = n;
  out.layers.clear();
  for (auto& l : n.layers) {
    if (source.count(l.name)) continue;
    for (auto& in : l.inputs) in = resolve(in);
    out.layers.push_back(std::move(l));
  }
  return out;
}

std::string describe_change(const SubnetSpace& s, const SubnetConfig& from, const SubnetConfig& to) {
  std::string text;
  for (std::size_t k = 0; k < s.dims.size(); ++k) {
    if (from[k] == to[k]) continue;
    const auto& d = s.dims[k];
    std::string what;
    if (d.kind == Dimension::Kind::kernel) what = d.name + " kernel " + std::to_string(from[k]) + "->" + std::to_string(to[k]);
    else if (to[k] == 0) what = d.name + " bypassed";
    else what = d.name + " " + std::to_string(from[k]) + "->" + std::to_string(to[k]);
    text += (text.empty() ? "" : ", ") + what;
  }
  return text;
}

}  // namespace hwaware::search
