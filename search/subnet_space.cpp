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

// A group can be bypassed when its one producer is an ungrouped convolution that reads one layer
// and keeps that layer's shape (channels and map): its input can stand in for its output (and the
// depthwise convolutions and pools after it follow that input's width).
bool bypassable(const workload::Network& net, const WidthGroup& g) {
  if (!g.prunable || g.step != 1) return false;
  if (g.layers.size() != 1) return false;  // the operands of an add
  const std::size_t producer = g.layers.front();
  const auto& l = net.layers[producer];
  const auto& w = l.window;
  return l.type == "conv2d" && bound(l.problem, "G") == 1 && l.inputs.size() == 1 && w.known && !w.asymmetric() && w.stride_h == 1 &&
         w.stride_w == 1 && l.input_channels() == l.output_channels() && bound(l.problem, "Q") == w.in_height &&
         bound(l.problem, "P") == w.in_width;
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

core::InputError resolution_error(const std::string& why) {
  return core::InputError(core::SourceLoc{"--search", 0, 0}, "--search",
                          "expected a network whose every layer follows its input's size with 'resolution', found " + why);
}

// Output height and width of a conv2d or pool layer's window on an input of h x w.
std::pair<long long, long long> window_output(const workload::Window& w, long long h, long long wd) {
  workload::PoolParams p;
  p.in_height = h, p.in_width = wd, p.kernel_h = w.kernel_h, p.kernel_w = w.kernel_w, p.stride_h = w.stride_h, p.stride_w = w.stride_w;
  p.pad_h = w.pad_h, p.pad_w = w.pad_w, p.dilation_h = w.dilation_h, p.dilation_w = w.dilation_w;
  p.pad_bottom = w.pad_bottom, p.pad_right = w.pad_right;
  return {p.out_height(), p.out_width()};
}

// Resolutions from the full size down by 4 pixels to half of it, where the network follows.
std::vector<long long> resolution_choices(const workload::Network& net) {
  const auto& first = net.layers.front();
  if (!first.window.known || first.window.in_height != first.window.in_width)
    throw resolution_error("a first layer '" + first.name + "' without a square input of hwaware's format");
  const long long full = first.window.in_height;
  at_resolution(net, full);  // throws for a layer that cannot follow
  std::vector<long long> c;
  for (long long r = full - 4; r >= (full + 1) / 2; r -= 4) {
    try {
      at_resolution(net, r);
      c.insert(c.begin(), r);
    } catch (const core::InputError&) {
      break;  // a map no longer of one size, or empty: no smaller resolution either
    }
  }
  c.push_back(full);
  return c;
}

}  // namespace

workload::Network at_resolution(const workload::Network& net, long long r) {
  workload::Network n = net;
  std::map<std::string, std::pair<long long, long long>> out;  // each layer's output map, height x width
  for (auto& l : n.layers) {
    std::pair<long long, long long> in{r, r};
    if (!l.inputs.empty()) in = out.at(l.inputs.front());
    for (const auto& other : l.inputs)
      if (out.at(other) != in)
        throw resolution_error("the inputs of '" + l.name + "' at different sizes at " + std::to_string(r) + "x" + std::to_string(r));
    auto& w = l.window;
    if (l.type == "fc") {
      if (in != std::make_pair(1LL, 1LL))
        throw resolution_error("'" + l.name + "' reading a " + std::to_string(in.first) + "x" + std::to_string(in.second) +
                               " map (a fully connected layer's weights fix the size of the map it reads)");
      out[l.name] = {1, 1};
      continue;
    }
    if (l.type == "add") {
      set_bound(l.problem, "P", in.second);
      set_bound(l.problem, "Q", in.first);
      out[l.name] = in;
      continue;
    }
    if (!w.known) throw resolution_error("'" + l.name + "' without hwaware's window (an imported layer)");
    w.in_height = in.first, w.in_width = in.second;
    if (w.global) {
      w.kernel_h = in.first, w.kernel_w = in.second;
      set_bound(l.problem, "R", in.second);
      set_bound(l.problem, "S", in.first);
    }
    const auto o = window_output(w, in.first, in.second);
    if (o.first < 1 || o.second < 1)
      throw resolution_error("an empty output of '" + l.name + "' at " + std::to_string(r) + "x" + std::to_string(r));
    set_bound(l.problem, "P", o.second);
    set_bound(l.problem, "Q", o.first);
    out[l.name] = o;
  }
  return n;
}

SubnetSpace subnet_space(const workload::Network& super, const SearchDimensions& d) {
  SubnetSpace s{super, width_groups(super), {}};
  for (std::size_t g = 0; g < s.groups.size(); ++g) {
    const auto& group = s.groups[g];
    if (!group.prunable) continue;
    s.dims.push_back({Dimension::Kind::width, g, super.layers[group.layers.front()].name,
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
  if (d.resolution) s.dims.push_back({Dimension::Kind::resolution, 0, "resolution", resolution_choices(super)});
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
    if (s.dims[k].kind == Dimension::Kind::width && c[k] == 0 && s.groups[s.dims[k].index].layers.front() == layer) return true;
  return false;
}

workload::Network subnetwork(const SubnetSpace& s, const SubnetConfig& c) {
  if (c.size() != s.dims.size()) throw std::invalid_argument("a configuration of " + std::to_string(s.dims.size()) + " choices");
  for (std::size_t k = 0; k < c.size(); ++k)
    if (std::find(s.dims[k].choices.begin(), s.dims[k].choices.end(), c[k]) == s.dims[k].choices.end())
      throw std::invalid_argument("no choice " + std::to_string(c[k]) + " for " + s.dims[k].name);
  workload::Network n = s.super;
  for (std::size_t k = 0; k < c.size(); ++k)
    if (s.dims[k].kind == Dimension::Kind::resolution && c[k] != s.dims[k].choices.back()) n = at_resolution(n, c[k]);
  std::vector<std::size_t> removed;  // bypassed producers, in layer order
  for (std::size_t k = 0; k < c.size(); ++k) {
    const auto& d = s.dims[k];
    if (d.kind == Dimension::Kind::resolution) continue;
    if (d.kind == Dimension::Kind::kernel) {
      auto& l = n.layers[d.index];
      const long long shrink = (l.window.kernel_h - c[k]) / 2;
      l.window.kernel_h = l.window.kernel_w = c[k];
      l.window.pad_h -= shrink;
      l.window.pad_w -= shrink;
      set_bound(l.problem, "R", c[k]);
      set_bound(l.problem, "S", c[k]);
    } else if (c[k] == 0) {
      removed.push_back(s.groups[d.index].layers.front());  // its one producer (bypassable)
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
    if (d.kind == Dimension::Kind::resolution) what = "resolution " + std::to_string(from[k]) + "->" + std::to_string(to[k]);
    else if (d.kind == Dimension::Kind::kernel) what = d.name + " kernel " + std::to_string(from[k]) + "->" + std::to_string(to[k]);
    else if (to[k] == 0) what = d.name + " bypassed";
    else what = d.name + " " + std::to_string(from[k]) + "->" + std::to_string(to[k]);
    text += (text.empty() ? "" : ", ") + what;
  }
  return text;
}

}  // namespace hwaware::search
