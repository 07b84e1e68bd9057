#include "workloads/native_workload.h"

#include <algorithm>

#include "core/text.h"

namespace hwaware::workload {
namespace {

const std::vector<std::string> kLayerTypes = {"conv2d", "fc"};

// Defaults that layers inherit from the workload (and may override).
struct Defaults {
  long long batch = 1;
  int weight_bits = 8, input_bits = 8, output_bits = 8;
};

void read_bits(const core::YamlView& v, Defaults& d) {
  core::MapReader m(v);
  auto one = [&](const char* key, int& out) {
    if (auto b = m.get(key)) out = static_cast<int>(b->as_positive_int().value_or(out));
  };
  one("weights", d.weight_bits);
  one("inputs", d.input_bits);
  one("outputs", d.output_bits);
  m.finish();
}

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
    v.error(std::string("expected ") + (minimum > 0 ? "positive" : "non-negative") + " values, found " +
            std::to_string(vals[0]) + " x " + std::to_string(vals[1]));
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

bool read_positive(core::MapReader& m, const char* key, long long& out) {
  auto v = m.required(key);
  if (!v) return false;
  auto n = v->as_positive_int();
  if (n) out = *n;
  return n.has_value();
}

bool read_conv(core::MapReader& m, const core::YamlView& v, ConvParams& p) {
  bool ok = read_positive(m, "in_channels", p.in_channels);
  ok = read_positive(m, "out_channels", p.out_channels) && ok;
  ok = read_shape(m, "input", p.in_height, p.in_width) && ok;
  ok = read_shape(m, "kernel", p.kernel_h, p.kernel_w) && ok;
  read_optional_pair(m, "stride", 1, p.stride_h, p.stride_w);
  read_optional_pair(m, "padding", 0, p.pad_h, p.pad_w);
  read_optional_pair(m, "dilation", 1, p.dilation_h, p.dilation_w);
  if (auto g = m.get("groups")) p.groups = g->as_positive_int().value_or(1);
  if (!ok) return false;
  if (p.in_channels % p.groups != 0 || p.out_channels % p.groups != 0) {
    v.error("in_channels (" + std::to_string(p.in_channels) + ") and out_channels (" + std::to_string(p.out_channels) +
            ") must both be divisible by groups (" + std::to_string(p.groups) + ")");
    ok = false;
  }
  auto extent = [](long long k, long long d) { return d * (k - 1) + 1; };
  long long kh = extent(p.kernel_h, p.dilation_h), kw = extent(p.kernel_w, p.dilation_w);
  long long ih = p.in_height + 2 * p.pad_h, iw = p.in_width + 2 * p.pad_w;
  if (kh > ih || kw > iw) {
    v.error("the kernel (" + std::to_string(kh) + " x " + std::to_string(kw) + " after dilation) is larger than the padded input (" +
            std::to_string(ih) + " x " + std::to_string(iw) + "); the output would be empty");
    ok = false;
  }
  return ok;
}

std::optional<Layer> read_layer(const core::YamlView& v, const Defaults& defaults) {
  core::MapReader m(v);
  Layer layer;
  layer.loc = v.loc();
  if (auto n = m.required("name")) layer.name = n->as_string().value_or("");
  if (auto t = m.required("type")) layer.type = t->as_string().value_or("");
  Defaults d = defaults;
  if (auto b = m.get("batch")) d.batch = b->as_positive_int().value_or(d.batch);
  if (auto b = m.get("bits")) read_bits(*b, d);
  bool ok = !layer.name.empty();
  if (layer.type == "conv2d") {
    ConvParams p;
    p.batch = d.batch;
    p.weight_bits = d.weight_bits;
    p.input_bits = d.input_bits;
    p.output_bits = d.output_bits;
    ok = read_conv(m, v, p) && ok;
    if (ok) layer.problem = conv2d_problem(layer.name, p);
  } else if (layer.type == "fc") {
    long long in = 1, out = 1;
    ok = read_positive(m, "in_features", in) && ok;
    ok = read_positive(m, "out_features", out) && ok;
    if (ok) layer.problem = fc_problem(layer.name, d.batch, in, out, d.weight_bits, d.input_bits, d.output_bits);
  } else if (!layer.type.empty()) {
    m.view().error("expected a layer type (conv2d or fc), found '" + layer.type + "'",
                   core::did_you_mean(layer.type, kLayerTypes));
    ok = false;
  }
  // Keys of the other layer type are not "unknown" when the type itself is wrong.
  if (layer.type == "conv2d" || layer.type == "fc") m.finish();
  if (!ok) return std::nullopt;
  return layer;
}

}  // namespace

Network read_native_workload(const core::YamlView& workload) {
  Network net;
  core::MapReader m(workload);
  if (!workload.is_map()) {
    if (workload.is_null()) workload.error("expected a map describing the workload, found nothing");
    return net;
  }
  if (auto n = m.get("name")) net.name = n->as_string().value_or("");
  Defaults defaults;
  if (auto b = m.get("batch")) defaults.batch = b->as_positive_int().value_or(1);
  if (auto b = m.get("bits")) read_bits(*b, defaults);
  if (auto layers = m.required("layers")) {
    if (layers->is_seq() && layers->node().size() == 0) layers->error("expected at least one layer, found an empty list");
    for (auto& item : layers->items()) {
      auto layer = read_layer(item, defaults);
      if (!layer) continue;
      bool dup = std::any_of(net.layers.begin(), net.layers.end(), [&](const Layer& l) { return l.name == layer->name; });
      if (dup) {
        item.error("duplicate layer name '" + layer->name + "' (layer names must be unique)");
        continue;
      }
      net.layers.push_back(*layer);
    }
  }
  m.finish();
  if (net.name.empty() && net.layers.size() == 1) net.name = net.layers.front().name;
  return net;
}

}  // namespace hwaware::workload
