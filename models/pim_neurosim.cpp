#include "models/pim_neurosim.h"

#include <cmath>

#include "core/diagnostics.h"
#include "models/pim_circuits.h"
#include "models/pim_model.h"

namespace hwaware::model {
namespace {

constexpr double kPj = 1e12;

[[noreturn]] void refuse(const workload::Layer& l, const std::string& why) {
  throw core::InputError(l.loc, "workload.layers." + l.name,
                         "NeuroSim's chip organization (pim.organization: neurosim) runs convolutions and fully connected layers, "
                         "each optionally followed by a 2x2 max pooling of stride 2; layer '" +
                             l.name + "' " + why + " (use organization: crossbars)");
}

long long bound(const workload::Problem& p, const char* dim) {
  const int i = p.dim_index(dim);
  return i < 0 ? 1 : p.bounds[static_cast<std::size_t>(i)];
}

int to_int(long long v) { return static_cast<int>(v); }

// The layer as NeuroSim's network file gives it: input H, W, C; kernel; output channels; stride.
circuits::FloorplanLayer shape_of(const workload::Layer& l) {
  const auto& pr = l.problem;
  if (bound(pr, "G") > 1) refuse(l, "is a grouped convolution");
  if (l.window.dilation_h > 1 || l.window.dilation_w > 1) refuse(l, "is dilated");
  if (bound(pr, "N") > 1) refuse(l, "has a batch above 1 (NeuroSim evaluates one image)");
  circuits::FloorplanLayer s;
  s.input_channels = to_int(bound(pr, "C"));
  s.output_channels = to_int(bound(pr, "M"));
  s.kernel_height = to_int(bound(pr, "R"));
  s.kernel_width = to_int(bound(pr, "S"));
  if (l.window.known) {
    s.input_height = to_int(l.window.in_height);
    s.input_width = to_int(l.window.in_width);
    s.stride = to_int(l.window.stride_h);
    if (l.window.stride_w != l.window.stride_h) refuse(l, "has different strides along height and width");
  }
  return s;
}

void check_pooling(const workload::Layer& l, bool after_mac) {
  const auto& w = l.window;
  const bool two_by_two = w.known && !w.global && w.kernel_h == 2 && w.kernel_w == 2 && w.stride_h == 2 && w.stride_w == 2;
  if (l.op != "max" || !two_by_two) refuse(l, "is a pooling other than 2x2 max of stride 2");
  if (!after_mac) refuse(l, "is a pooling that does not follow a convolution or fully connected layer");
}

circuits::ChipLayer chip_layer(const workload::Layer& l, bool first) {
  circuits::ChipLayer c;
  c.shape = shape_of(l);
  const int in = l.problem.data_space_index("Inputs");
  c.input.density = in >= 0 ? l.problem.data_spaces[static_cast<std::size_t>(in)].bit_density : kReferenceBitDensity;
  c.input.sign_bit_zero = !first;  // NeuroSim's convention: after the first layer, inputs follow a ReLU
  return c;
}

// The network's MAC layers in NeuroSim's terms, and for every network layer the MAC layer it
// belongs to (-1: none).
std::vector<circuits::ChipLayer> chip_layers(const workload::Network& network, std::vector<int>& owner) {
  std::vector<circuits::ChipLayer> out;
  owner.assign(network.layers.size(), -1);
  for (std::size_t i = 0; i < network.layers.size(); ++i) {
    const auto& l = network.layers[i];
    if (l.type == "pool") {
      const bool after_mac = !out.empty() && i > 0 && owner[i - 1] == static_cast<int>(out.size()) - 1 &&
                             network.layers[i - 1].is_mac_layer && !out.back().shape.followed_by_pooling;
      check_pooling(l, after_mac);
      out.back().shape.followed_by_pooling = true;
      owner[i] = static_cast<int>(out.size()) - 1;
    } else if (l.is_mac_layer && (l.type == "conv2d" || l.type == "fc")) {
      out.push_back(chip_layer(l, out.empty()));
      owner[i] = static_cast<int>(out.size()) - 1;
    } else {
      refuse(l, "is a '" + l.type + "' layer");
    }
  }
  return out;
}

PimCategory category_of(circuits::ChipCategory c) {
  switch (c) {
    case circuits::ChipCategory::adc: return PimCategory::adc;
    case circuits::ChipCategory::accumulation: return PimCategory::accumulation;
    case circuits::ChipCategory::other: return PimCategory::periphery;
    case circuits::ChipCategory::buffer: return PimCategory::buffer;
    case circuits::ChipCategory::interconnect: return PimCategory::interconnect;
    case circuits::ChipCategory::leakage: return PimCategory::leakage;
  }
  return PimCategory::periphery;
}

AreaReport chip_area_report(const circuits::ChipArea& a) {
  AreaReport r;
  auto part = [&](const char* name, const char* kind, double m2) {
    ComponentArea c;
    c.component = name;
    c.kind = kind;
    c.per_instance_um2 = c.total_um2 = m2 * 1e12;
    c.source = "neurosim-method chip";
    r.components.push_back(c);
  };
  part("cim_array", "compute", a.array_m2);
  part("adc", "compute", a.adc_m2);
  part("accumulation", "compute", a.accumulation_m2);
  part("other", "storage", a.other_m2);  // buffers, pooling, ReLU, switch matrices, multiplexers
  part("interconnect", "network", a.interconnect_m2);
  r.total_um2 = a.total_m2 * 1e12;
  return r;
}

void check_description(const Accelerator& a) {
  const auto& p = *a.spec.pim;
  auto bad = [&](const std::string& what) { throw core::InputError(p.loc, "accelerator.pim", "NeuroSim's chip organization " + what); };
  if (p.adc.model != "mlsa" && p.adc.model != "sar")
    bad("converts with NeuroSim's ADCs: adc.model mlsa or sar, found '" + p.adc.model + "'");
  if (p.dac_bits != 1) bad("applies inputs bit-serially: dac_bits 1, found " + std::to_string(p.dac_bits));
}

}  // namespace

NeuroSimEvaluation evaluate_neurosim(const Accelerator& a, const workload::Network& network) {
  const arch::Spec& spec = a.spec;
  if (!spec.pim || spec.pim->organization != "neurosim") core::panic("evaluate_neurosim: not a NeuroSim-organized PIM accelerator");
  check_description(a);
  std::vector<int> owner;
  const auto layers = chip_layers(network, owner);
  NeuroSimEvaluation out;
  out.table = a.table;
  out.layers.reserve(network.layers.size());
  for (const auto& l : network.layers) out.layers.push_back(pim_layer_frame(spec, l.problem));
  if (layers.empty()) return out;
  circuits::ChipOptions options;
  options.target_clock_hz = spec.clock_hz;
  if (spec.pim->neurosim_buffers == "sram") options.buffers = circuits::ChipBufferKind::sram;
  const auto chip = circuits::build_neurosim_chip(layers, pim_subarray_config(spec), options);
  out.area = chip_area_report(chip.area);
  out.clock_period_ns = chip.clock_period_s * 1e9;
  for (std::size_t i = 0; i < network.layers.size(); ++i) {
    if (owner[i] < 0 || !network.layers[i].is_mac_layer) continue;  // a pooling's work is its MAC layer's
    const auto& r = chip.layers[static_cast<std::size_t>(owner[i])];
    const auto& place = chip.floorplan.layers[static_cast<std::size_t>(owner[i])];
    LayerCounts& c = out.layers[i];
    PimLayerCounts p;
    p.placement.crossbars = r.tiles;  // NeuroSim's tiles
    p.placement.replicas = place.speedup();
    p.placement.utilization = place.utilization;
    p.input_bit_density = layers[static_cast<std::size_t>(owner[i])].input.density;
    p.cycle_ns = out.clock_period_ns;
    p.compute_ns = r.latency.total_s * 1e9;
    for (const auto& act : r.actions) {
      p.actions.push_back({act.component, act.action, act.count, category_of(act.category)});
      ComponentEnergy e = out.table.find(act.component) ? *out.table.find(act.component) : ComponentEnergy{};
      e.action_pj[act.action] = act.energy_per_action_j * kPj;
      e.source = "neurosim-method chip";
      out.table.set(act.component, e);
    }
    c.compute_cycles = static_cast<long long>(std::ceil(p.compute_ns * spec.clock_hz * 1e-9 - 1e-9));
    c.cycles = c.compute_cycles;
    c.compute_instances = r.tiles;
    c.utilization = place.utilization;
    c.pim = std::move(p);
  }
  return out;
}

}  // namespace hwaware::model
