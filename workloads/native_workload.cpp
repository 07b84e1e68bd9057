#include "workloads/native_workload.h"

#include <algorithm>
#include <map>

#include "core/checked.h"
#include "core/text.h"
#include "workloads/layer_window.h"
#include "workloads/native_window.h"

namespace hwaware::workload {
namespace {

const std::vector<std::string> kLayerTypes = {"conv2d", "fc", "pool", "add"};
const std::vector<std::string> kPoolModes = {"max", "avg"};

// Defaults that layers inherit from the workload (and may override).
struct Defaults {
  long long batch = 1;
  int weight_bits = 8, input_bits = 8, output_bits = 8;
  std::map<std::string, double> density;      // tensor name -> fraction of non-zero elements
  std::map<std::string, double> bit_density;  // tensor name -> fraction of 1 bits
};

// `density: {weights: 0.5}`: fraction of non-zero elements per tensor, in (0, 1]; default 1.
void read_density(const core::YamlView& v, Defaults& d) {
  core::MapReader m(v);
  for (const char* tensor : {"Weights", "Inputs", "Outputs"}) {
    std::string key = tensor;
    key[0] = static_cast<char>(key[0] - 'A' + 'a');
    auto dv = m.get(key);
    if (!dv) continue;
    auto x = dv->as_number();
    if (x && !(*x > 0 && *x <= 1)) dv->error("expected a density in (0, 1] (the fraction of non-zero elements), found " + dv->found());
    else if (x) d.density[tensor] = *x;
  }
  m.finish();
}

// `bit_density: {inputs: 0.21}`: fraction of the bits of a tensor's elements that are 1, in
// [0, 1]; weights and inputs only (what drives and what sets a PIM crossbar); default 0.5.
void read_bit_density(const core::YamlView& v, Defaults& d) {
  core::MapReader m(v);
  for (const char* tensor : {"Weights", "Inputs"}) {
    std::string key = tensor;
    key[0] = static_cast<char>(key[0] - 'A' + 'a');
    auto dv = m.get(key);
    if (!dv) continue;
    auto x = dv->as_number();
    if (x && !(*x >= 0 && *x <= 1)) dv->error("expected a bit density in [0, 1] (the fraction of bits that are 1), found " + dv->found());
    else if (x) d.bit_density[tensor] = *x;
  }
  m.finish();
}

void apply_density(const Defaults& d, Problem& pr) {
  for (auto& ds : pr.data_spaces) {
    auto it = d.density.find(ds.name);
    if (it != d.density.end()) ds.density = it->second;
    auto bit = d.bit_density.find(ds.name);
    if (bit != d.bit_density.end()) ds.bit_density = bit->second;
  }
}

void read_bits(const core::YamlView& v, Defaults& d) {
  core::MapReader m(v);
  auto one = [&](const char* key, int& out) {
    if (auto b = m.get(key)) out = b->as_positive_int32().value_or(out);
  };
  one("weights", d.weight_bits);
  one("inputs", d.input_bits);
  one("outputs", d.output_bits);
  m.finish();
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
  Padding pad;
  read_padding(m, pad);
  set_padding(p, pad);
  read_optional_pair(m, "dilation", 1, p.dilation_h, p.dilation_w);
  if (auto g = m.get("groups")) p.groups = g->as_positive_int().value_or(1);
  if (!ok) return false;
  if (p.in_channels % p.groups != 0 || p.out_channels % p.groups != 0) {
    v.error("in_channels (" + std::to_string(p.in_channels) + ") and out_channels (" + std::to_string(p.out_channels) +
            ") must both be divisible by groups (" + std::to_string(p.groups) + ")");
    ok = false;
  }
  ok = check_window(v, p.in_height, p.in_width, p.kernel_h, p.kernel_w, pad, p.dilation_h, p.dilation_w) && ok;
  return ok;
}

// `mode: max|avg` of a pool layer; empty if missing or unknown (reported).
std::string read_pool_mode(core::MapReader& m) {
  auto v = m.required("mode");
  if (!v) return "";
  std::string mode = v->as_string().value_or("");
  if (mode.empty() || std::find(kPoolModes.begin(), kPoolModes.end(), mode) != kPoolModes.end()) return mode;
  v->error("expected a pool mode (max or avg), found '" + mode + "'", core::did_you_mean(mode, kPoolModes));
  return "";
}

// Window of a pool: `global: true` takes the whole input (and forbids kernel/stride/padding/
// dilation); otherwise `kernel` is required and `stride` defaults to the kernel (as in PyTorch).
bool read_pool_window(core::MapReader& m, PoolParams& p, Padding& pad) {
  bool global = false, ok = true;
  if (auto g = m.get("global")) {
    auto b = g->as_bool();
    ok = b.has_value();
    global = b.value_or(false);
  }
  if (global) {
    for (const char* key : {"kernel", "stride", "padding", "dilation"})
      if (auto k = m.get(key)) {
        k->error(std::string("a global pool takes its window from the input; remove '") + key + "' or set 'global: false'");
        ok = false;
      }
    p.kernel_h = p.in_height;
    p.kernel_w = p.in_width;
    return ok;
  }
  ok = read_shape(m, "kernel", p.kernel_h, p.kernel_w) && ok;
  p.stride_h = p.kernel_h;
  p.stride_w = p.kernel_w;
  read_optional_pair(m, "stride", 1, p.stride_h, p.stride_w);
  read_padding(m, pad);
  set_padding(p, pad);
  read_optional_pair(m, "dilation", 1, p.dilation_h, p.dilation_w);
  return ok;
}

bool read_pool(core::MapReader& m, const core::YamlView& v, PoolParams& p, std::string& mode) {
  mode = read_pool_mode(m);
  bool ok = !mode.empty();
  ok = read_positive(m, "channels", p.channels) && ok;
  bool have_input = read_shape(m, "input", p.in_height, p.in_width);
  Padding pad;
  bool have_window = read_pool_window(m, p, pad);  // reads its keys even when the input is wrong
  ok = have_input && have_window && ok;
  return ok && check_window(v, p.in_height, p.in_width, p.kernel_h, p.kernel_w, pad, p.dilation_h, p.dilation_w) &&
         check_pool_padding(v, p, pad);
}

// Reads the keys of the layer's type and lowers it; false if anything was wrong (reported).
bool read_layer_body(core::MapReader& m, const core::YamlView& v, const Defaults& d, Layer& layer) {
  if (layer.type == "conv2d") {
    ConvParams p;
    p.batch = d.batch;
    p.weight_bits = d.weight_bits;
    p.input_bits = d.input_bits;
    p.output_bits = d.output_bits;
    if (!read_conv(m, v, p)) return false;
    layer.problem = conv2d_problem(layer.name, p);
    layer.window = conv_window(p);
  } else if (layer.type == "fc") {
    long long in = 1, out = 1;
    bool ok = read_positive(m, "in_features", in);
    if (!(read_positive(m, "out_features", out) && ok)) return false;
    layer.problem = fc_problem(layer.name, d.batch, in, out, d.weight_bits, d.input_bits, d.output_bits);
  } else if (layer.type == "pool") {
    PoolParams p;
    p.batch = d.batch;
    p.input_bits = d.input_bits;
    p.output_bits = d.output_bits;
    if (!read_pool(m, v, p, layer.op)) return false;
    layer.problem = pool_problem(layer.name, p);
    const auto g = m.get("global");
    const bool global = g && g->as_bool().value_or(false);
    layer.window = pool_window(p, global);
    layer.is_mac_layer = false;
  } else if (layer.type == "add") {
    AddParams p;
    p.batch = d.batch;
    p.input_bits = d.input_bits;
    p.output_bits = d.output_bits;
    bool ok = read_positive(m, "channels", p.channels);
    if (!(read_shape(m, "input", p.height, p.width) && ok)) return false;
    layer.problem = add_problem(layer.name, p);
    layer.op = "add";
    layer.is_mac_layer = false;
  } else {
    if (!layer.type.empty())
      m.view().error("expected a layer type (conv2d, fc, pool or add), found '" + layer.type + "'",
                     core::did_you_mean(layer.type, kLayerTypes));
    return false;
  }
  return true;
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
  if (auto dn = m.get("density")) read_density(*dn, d);
  if (auto bd = m.get("bit_density")) read_bit_density(*bd, d);
  if (auto in = m.get("inputs")) {
    layer.inputs = in->string_list();
    if (layer.inputs.empty()) in->error("expected the names of the layers it reads, found an empty list");
  }
  bool ok = read_layer_body(m, v, d, layer) && !layer.name.empty();
  // Keys of the other layer types are not "unknown" when the type itself is wrong.
  if (std::find(kLayerTypes.begin(), kLayerTypes.end(), layer.type) != kLayerTypes.end()) m.finish();
  if (!ok) return std::nullopt;
  apply_density(d, layer.problem);
  return layer;
}

// Where a layer's `inputs` key is, else the layer itself.
core::YamlView inputs_view(const core::YamlView& item) {
  for (auto it = item.node().begin(); it != item.node().end(); ++it)
    if (it->first.IsScalar() && it->first.Scalar() == "inputs") return item.child(it->second, "inputs");
  return item;
}

// Each layer reads earlier layers (by default the previous one), with as many channels as it
// takes: an add the same from each input, a convolution or pool their concatenation, an FC layer
// their values flattened.
void connect_layers(const core::YamlView& items, Network& net) {
  std::map<std::string, std::size_t> earlier;
  const auto views = items.items();
  for (std::size_t i = 0; i < net.layers.size() && i < views.size(); ++i) {
    Layer& l = net.layers[i];
    const auto where = inputs_view(views[i]);
    if (l.inputs.empty() && i > 0) l.inputs = {net.layers[i - 1].name};
    long long channels = 0;
    bool known = true;
    for (const auto& in : l.inputs) {
      auto it = earlier.find(in);
      if (it == earlier.end()) {
        std::vector<std::string> names;
        for (const auto& [n, _] : earlier) names.push_back(n);
        where.error("layer '" + l.name + "' reads '" + in + "', which is not an earlier layer", core::did_you_mean(in, names));
        known = false;
        continue;
      }
      const Layer& p = net.layers[it->second];
      if (l.type == "add" && p.output_channels() != l.input_channels())
        where.error("layer '" + l.name + "' adds " + std::to_string(l.input_channels()) + " channels but '" + in + "' gives " +
                    std::to_string(p.output_channels()));
      channels = l.type == "add" ? l.input_channels() : channels + (l.type == "fc" ? p.output_values() : p.output_channels());
    }
    if (known && !l.inputs.empty() && l.type != "add" && channels != l.input_channels())
      where.error("layer '" + l.name + "' takes " + std::to_string(l.input_channels()) + (l.type == "fc" ? " features" : " channels") +
                  " but its inputs (" + core::join(l.inputs, ", ") + ") give " + std::to_string(channels));
    earlier[l.name] = i;
  }
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
  if (auto dn = m.get("density")) read_density(*dn, defaults);
  if (auto bd = m.get("bit_density")) read_bit_density(*bd, defaults);
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
  // Connected only when every layer read (errors are reported already otherwise).
  if (auto layers = m.get("layers"); layers && layers->is_seq() && layers->node().size() == net.layers.size()) connect_layers(*layers, net);
  if (net.name.empty() && net.layers.size() == 1) net.name = net.layers.front().name;
  return net;
}

}  // namespace hwaware::workload
