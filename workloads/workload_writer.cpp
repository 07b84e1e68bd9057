// Writes a Network as hwaware's workload YAML; each layer is checked to read back as itself.
#include "workloads/workload_writer.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

namespace hwaware::workload {
namespace {

const char* const kTensors[] = {"Weights", "Inputs", "Outputs"};
constexpr double kBitDensity = 0.5;  // the reader's default: random bits

// The `key: value` pairs of one flow-style map, in writing order.
using Fields = std::vector<std::pair<std::string, std::string>>;

std::string flow_map(const Fields& fields) {
  std::string s = "{";
  for (std::size_t i = 0; i < fields.size(); ++i) s += (i ? ", " : "") + fields[i].first + ": " + fields[i].second;
  return s + "}";
}

// Whether a YAML reader could take the text for a number, a boolean or null if written plain.
bool looks_typed(const std::string& s) {
  static const std::set<std::string> kWords = {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"};
  std::string lower;
  for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (kWords.count(lower)) return true;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return end != s.c_str() && *end == '\0';
}

// Whether a name must be quoted to read back as the same text inside a flow map.
bool needs_quotes(const std::string& s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return true;
  if (std::string("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string::npos) return true;
  for (char c : s)
    if (std::string(",[]{}:#'\"\\").find(c) != std::string::npos || static_cast<unsigned char>(c) < 0x20) return true;
  return looks_typed(s);
}

// A name as YAML: plain where it can be, else double-quoted with escapes.
std::string yaml_text(const std::string& s) {
  if (!needs_quotes(s)) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      q += '\\';
      q += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned>(static_cast<unsigned char>(c)));
      q += hex;
    } else {
      q += c;
    }
  }
  return q + "\"";
}

std::string value_text(int x) { return std::to_string(x); }

// The shortest decimal that reads back as exactly `x`.
std::string value_text(double x) {
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, x);
    if (std::strtod(buf, nullptr) == x) break;
  }
  return buf;
}

// One integer when height and width agree (as the shipped networks write a square kernel), else [h, w].
std::string pair_text(long long h, long long w) {
  return h == w ? std::to_string(h) : "[" + std::to_string(h) + ", " + std::to_string(w) + "]";
}

std::string shape_text(long long h, long long w) { return "[" + std::to_string(h) + ", " + std::to_string(w) + "]"; }

long long bound(const Problem& p, const char* dim) {
  const int i = p.dim_index(dim);
  return i < 0 ? 1 : p.bounds[static_cast<std::size_t>(i)];
}

[[noreturn]] void cannot_write(const Layer& l, const std::string& why) {
  throw std::invalid_argument("layer '" + l.name + "' cannot be written in hwaware's workload format: " + why);
}

// Batch, bits and densities: the workload's (inherited by every layer) or one layer's.
struct Settings {
  long long batch = 1;
  std::map<std::string, int> bits;            // tensor name -> bits per element
  std::map<std::string, double> density;      // tensor name -> fraction of non-zero elements
  std::map<std::string, double> bit_density;  // tensor name -> fraction of 1 bits
  int bits_of(const char* tensor) const {
    auto it = bits.find(tensor);
    return it == bits.end() ? 8 : it->second;
  }
};

// A layer's settings, from its problem (tensors without bits are left out).
Settings layer_settings(const Layer& l) {
  Settings s;
  s.batch = bound(l.problem, "N");
  for (const auto& ds : l.problem.data_spaces) {
    if (ds.bits) s.bits[ds.name] = *ds.bits;
    s.density[ds.name] = ds.density;
    s.bit_density[ds.name] = ds.bit_density;
  }
  return s;
}

// The value most layers have; on a tie, the reader's default if it is among them, else the smallest.
template <typename T>
T most_common(const std::map<T, int>& counts, T reader_default) {
  T best = reader_default;
  int best_count = counts.count(reader_default) ? counts.at(reader_default) : 0;
  for (const auto& [value, n] : counts)
    if (n > best_count) best = value, best_count = n;
  return best;
}

// The workload's settings: for each, the value most layers have (the layers that differ override
// it), so a uniform network writes them once at the top.
Settings network_settings(const Network& net) {
  std::map<long long, int> batches;
  std::map<std::string, std::map<int, int>> bits;
  std::map<std::string, std::map<double, int>> densities, bit_densities;
  for (const auto& l : net.layers) {
    const Settings s = layer_settings(l);
    ++batches[s.batch];
    for (const auto& [t, b] : s.bits) ++bits[t][b];
    for (const auto& [t, x] : s.density) ++densities[t][x];
    for (const auto& [t, x] : s.bit_density) ++bit_densities[t][x];
  }
  Settings d;
  d.batch = most_common(batches, 1LL);
  for (const char* t : kTensors) {
    d.bits[t] = most_common(bits[t], 8);
    d.density[t] = most_common(densities[t], 1.0);
    d.bit_density[t] = most_common(bit_densities[t], kBitDensity);
  }
  return d;
}

// `{weights: 4, ...}`: the tensors of `values` whose value differs from `base`; empty if none.
template <typename T>
std::string tensor_map(const std::map<std::string, T>& values, const std::map<std::string, T>& base) {
  Fields f;
  for (const char* t : kTensors) {
    auto it = values.find(t);
    if (it == values.end() || it->second == base.at(t)) continue;
    std::string key = t;
    key[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(key[0])));
    f.emplace_back(key, value_text(it->second));
  }
  return f.empty() ? "" : flow_map(f);
}

// A layer's keys after name and type, and the problem hwaware's reader makes of them.
struct Body {
  Fields fields;
  Problem problem;
};

// Padding that differs between the sides of the input (ONNX's asymmetric pads) as {top, bottom, left, right}.
std::string padding_text(const Window& w) {
  if (!w.asymmetric()) return pair_text(w.pad_h, w.pad_w);
  return flow_map({{"top", std::to_string(w.pad_h)},
                   {"bottom", std::to_string(w.pad_bottom.value_or(w.pad_h))},
                   {"left", std::to_string(w.pad_w)},
                   {"right", std::to_string(w.pad_right.value_or(w.pad_w))}});
}

void add_window_keys(Fields& f, long long stride_h, long long stride_w, const Window& w) {
  if (stride_h != 1 || stride_w != 1) f.emplace_back("stride", pair_text(stride_h, stride_w));
  if (w.pad_h != 0 || w.pad_w != 0 || w.asymmetric()) f.emplace_back("padding", padding_text(w));
  if (w.dilation_h != 1 || w.dilation_w != 1) f.emplace_back("dilation", pair_text(w.dilation_h, w.dilation_w));
}

Body conv_body(const Layer& l, const Settings& s) {
  if (!l.window.known) cannot_write(l, "its window (input size, kernel, stride, padding) is not known (an imported layer)");
  const Window& w = l.window;
  ConvParams p;
  p.groups = bound(l.problem, "G");
  p.in_channels = bound(l.problem, "C") * p.groups;
  p.out_channels = bound(l.problem, "M") * p.groups;
  p.in_height = w.in_height, p.in_width = w.in_width, p.kernel_h = w.kernel_h, p.kernel_w = w.kernel_w;
  p.stride_h = w.stride_h, p.stride_w = w.stride_w, p.pad_h = w.pad_h, p.pad_w = w.pad_w;
  p.pad_bottom = w.pad_bottom, p.pad_right = w.pad_right;
  p.dilation_h = w.dilation_h, p.dilation_w = w.dilation_w;
  p.batch = s.batch;
  p.weight_bits = s.bits_of("Weights"), p.input_bits = s.bits_of("Inputs"), p.output_bits = s.bits_of("Outputs");
  Body b;
  b.fields = {{"in_channels", std::to_string(p.in_channels)},
              {"out_channels", std::to_string(p.out_channels)},
              {"input", shape_text(w.in_height, w.in_width)},
              {"kernel", pair_text(w.kernel_h, w.kernel_w)}};
  add_window_keys(b.fields, w.stride_h, w.stride_w, w);
  if (p.groups != 1) b.fields.emplace_back("groups", std::to_string(p.groups));
  b.problem = conv2d_problem(l.name, p);
  return b;
}

Body fc_body(const Layer& l, const Settings& s) {
  const long long in = bound(l.problem, "C"), out = bound(l.problem, "M");
  Body b;
  b.fields = {{"in_features", std::to_string(in)}, {"out_features", std::to_string(out)}};
  b.problem = fc_problem(l.name, s.batch, in, out, s.bits_of("Weights"), s.bits_of("Inputs"), s.bits_of("Outputs"));
  return b;
}

// A global pool reads back with the whole input as its window, stride 1 and no padding.
Body pool_body(const Layer& l, const Settings& s) {
  if (!l.window.known) cannot_write(l, "its window (input size, kernel, stride, padding) is not known");
  if (l.op != "max" && l.op != "avg") cannot_write(l, "pool mode '" + l.op + "' is neither max nor avg");
  const Window& w = l.window;
  PoolParams p;
  p.channels = bound(l.problem, "C");
  p.in_height = w.in_height, p.in_width = w.in_width;
  p.batch = s.batch, p.input_bits = s.bits_of("Inputs"), p.output_bits = s.bits_of("Outputs");
  Body b;
  b.fields = {{"mode", l.op}, {"channels", std::to_string(p.channels)}, {"input", shape_text(w.in_height, w.in_width)}};
  if (w.global) {
    p.kernel_h = w.in_height, p.kernel_w = w.in_width;
    b.fields.emplace_back("global", "true");
  } else {
    p.kernel_h = w.kernel_h, p.kernel_w = w.kernel_w, p.stride_h = w.stride_h, p.stride_w = w.stride_w;
    p.pad_h = w.pad_h, p.pad_w = w.pad_w, p.dilation_h = w.dilation_h, p.dilation_w = w.dilation_w;
    p.pad_bottom = w.pad_bottom, p.pad_right = w.pad_right;
    b.fields.emplace_back("kernel", pair_text(w.kernel_h, w.kernel_w));
    b.fields.emplace_back("stride", pair_text(w.stride_h, w.stride_w));  // always, as the shipped networks do
    add_window_keys(b.fields, 1, 1, w);
  }
  b.problem = pool_problem(l.name, p);
  return b;
}

Body add_body(const Layer& l, const Settings& s) {
  AddParams p;
  p.channels = bound(l.problem, "C");
  p.height = bound(l.problem, "Q"), p.width = bound(l.problem, "P");
  p.batch = s.batch, p.input_bits = s.bits_of("Inputs"), p.output_bits = s.bits_of("Outputs");
  Body b;
  b.fields = {{"channels", std::to_string(p.channels)}, {"input", shape_text(p.height, p.width)}};
  b.problem = add_problem(l.name, p);
  return b;
}

bool same_ranks(const DataSpace& a, const DataSpace& b) {
  if (a.ranks.size() != b.ranks.size()) return false;
  for (std::size_t r = 0; r < a.ranks.size(); ++r) {
    if (a.ranks[r].size() != b.ranks[r].size()) return false;
    for (std::size_t t = 0; t < a.ranks[r].size(); ++t)
      if (a.ranks[r][t].dim != b.ranks[r][t].dim || a.ranks[r][t].coefficient != b.ranks[r][t].coefficient) return false;
  }
  return true;
}

// What differs between a layer's problem and the one its written keys give; empty if nothing.
std::string problem_difference(const Problem& have, const Problem& written) {
  if (have.dim_names != written.dim_names) return "its problem's dimensions are not those of its type";
  for (std::size_t i = 0; i < have.bounds.size(); ++i)
    if (have.bounds[i] != written.bounds[i])
      return "its problem has " + have.dim_names[i] + " = " + std::to_string(have.bounds[i]) + " but its window and channels give " +
             std::to_string(written.bounds[i]);
  if (have.data_spaces.size() != written.data_spaces.size()) return "its problem's tensors are not those of its type";
  for (std::size_t i = 0; i < have.data_spaces.size(); ++i) {
    const DataSpace &a = have.data_spaces[i], &b = written.data_spaces[i];
    if (a.name != b.name || a.read_write != b.read_write || !same_ranks(a, b))
      return "its tensor '" + a.name + "' is not projected as its window gives";
    if (a.bits != b.bits) return "its tensor '" + a.name + "' has no bits or bits the format cannot hold";
    if (!(a.density > 0 && a.density <= 1)) return "its tensor '" + a.name + "' has a density outside (0, 1]";
    if (!(a.bit_density >= 0 && a.bit_density <= 1)) return "its tensor '" + a.name + "' has a bit density outside [0, 1]";
    if (a.density_distribution != b.density_distribution || a.density_tensor_coords != b.density_tensor_coords)
      return "its tensor '" + a.name + "' has a density distribution (the format gives the fraction of non-zeros only)";
    if (a.name == "Outputs" && a.bit_density != kBitDensity)
      return "its outputs have a bit density (the format gives weights and inputs only)";
  }
  return "";
}

Body layer_body(const Layer& l, const Settings& s) {
  if (l.type == "conv2d") return conv_body(l, s);
  if (l.type == "fc") return fc_body(l, s);
  if (l.type == "pool") return pool_body(l, s);
  if (l.type == "add") return add_body(l, s);
  cannot_write(l, "type '" + l.type + "' is not one of conv2d, fc, pool, add");
}

// `inputs: [...]` unless the layer reads just the previous layer (the reader's default).
void add_inputs(Fields& f, const Layer& l, const Layer* previous, const std::set<std::string>& earlier) {
  if (!previous) {
    if (!l.inputs.empty()) cannot_write(l, "the first layer reads the network's input, not '" + l.inputs.front() + "'");
    return;
  }
  if (l.inputs.empty()) cannot_write(l, "only the first layer can read the network's input");
  std::string names;
  for (const auto& in : l.inputs) {
    if (!earlier.count(in)) cannot_write(l, "it reads '" + in + "', which is not an earlier layer");
    names += (names.empty() ? "" : ", ") + yaml_text(in);
  }
  if (l.inputs != std::vector<std::string>{previous->name}) f.emplace_back("inputs", "[" + names + "]");
}

std::string layer_line(const Layer& l, const Layer* previous, const std::set<std::string>& earlier, const Settings& base) {
  const Settings own = layer_settings(l);
  const Body b = layer_body(l, own);
  if (auto why = problem_difference(l.problem, b.problem); !why.empty()) cannot_write(l, why);
  Fields f = {{"name", yaml_text(l.name)}, {"type", l.type}};
  f.insert(f.end(), b.fields.begin(), b.fields.end());
  if (own.batch != base.batch) f.emplace_back("batch", std::to_string(own.batch));
  if (auto bits = tensor_map(own.bits, base.bits); !bits.empty()) f.emplace_back("bits", bits);
  if (auto density = tensor_map(own.density, base.density); !density.empty()) f.emplace_back("density", density);
  if (auto bits = tensor_map(own.bit_density, base.bit_density); !bits.empty()) f.emplace_back("bit_density", bits);
  add_inputs(f, l, previous, earlier);
  return "    - " + flow_map(f) + "\n";
}

std::string comment_lines(const std::string& comment) {
  std::string out;
  std::istringstream in(comment);
  for (std::string line; std::getline(in, line);) out += line.empty() ? "#\n" : "# " + line + "\n";
  return out;
}

}  // namespace

std::string workload_yaml(const Network& net, const std::string& comment) {
  if (net.layers.empty())
    throw std::invalid_argument("network '" + net.name + "' cannot be written in hwaware's workload format: it has no layers");
  const Settings base = network_settings(net);
  std::string out = comment_lines(comment) + "workload:\n";
  if (!net.name.empty()) out += "  name: " + yaml_text(net.name) + "\n";
  out += "  batch: " + std::to_string(base.batch) + "\n";
  const Settings reader_defaults = [] {
    Settings d;
    for (const char* t : kTensors) d.bits[t] = 8, d.density[t] = 1.0, d.bit_density[t] = kBitDensity;
    return d;
  }();
  if (auto bits = tensor_map(base.bits, reader_defaults.bits); !bits.empty()) out += "  bits: " + bits + "\n";
  if (auto d = tensor_map(base.density, reader_defaults.density); !d.empty()) out += "  density: " + d + "\n";
  if (auto d = tensor_map(base.bit_density, reader_defaults.bit_density); !d.empty()) out += "  bit_density: " + d + "\n";
  out += "  layers:\n";
  std::set<std::string> earlier;
  for (std::size_t i = 0; i < net.layers.size(); ++i) {
    const Layer& l = net.layers[i];
    if (earlier.count(l.name)) cannot_write(l, "another layer has the same name");
    out += layer_line(l, i ? &net.layers[i - 1] : nullptr, earlier, base);
    earlier.insert(l.name);
  }
  return out;
}

void write_workload(std::ostream& out, const Network& net, const std::string& comment) {
  out << workload_yaml(net, comment);  // built whole first: a layer that cannot be written leaves `out` untouched
}

}  // namespace hwaware::workload
