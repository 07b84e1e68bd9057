#pragma once
// What the search sees of the hardware: a cost oracle, metrics(network) -> energy and latency per
// layer and in total (area when the accelerator gives it). Implementations: analytical
// (analytical_oracle.h), SystemC (systemc_oracle.h), measured on this CPU (measured_oracle.h),
// lookup table over any of them (lut.h). Pruning and NetAdapt include this header only: no model, SystemC or energy-table
// header.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "workloads/layer.h"

namespace hwaware::search {

struct LayerMetrics {
  std::string layer;
  double energy_pj = 0;
  double latency_s = 0;
  long long cycles = 0;
  // The energy by component (DRAM, a buffer, a network, the MACs, a PIM chip's ADCs, ...), summing
  // to energy_pj; empty when the oracle measures no energy.
  std::map<std::string, double> energy_by_component_pj;
};

struct NetworkMetrics {
  std::vector<LayerMetrics> layers;
  double energy_pj = 0;
  double latency_s = 0;
  double area_um2 = 0;     // of the accelerator, on chip; 0 when unknown
  bool pipelined = false;  // the layers run as a pipeline: latency_s is the slowest layer's, not their sum
};

class CostOracle {
 public:
  virtual ~CostOracle() = default;
  virtual NetworkMetrics metrics(const workload::Network& network) = 0;
  // Names the oracle and what fills it ("analytical", "systemc", "measured"), for LUT keys and reports.
  virtual std::string backend() const = 0;
  // What else its answers depend on, beyond the layer and the accelerator (the mapper's options);
  // part of LUT keys, so that a table filled under other settings is not reused. Empty: nothing.
  virtual std::string settings() const { return ""; }
  // The unit of its energies (energy_pj fields): "pJ", or "MACe" for an accelerator priced in
  // units of one MAC (models/accelerator.h). For messages; the search compares energies only with
  // energies of the same oracle.
  virtual std::string energy_unit() const { return "pJ"; }
  // What each layer's answer depends on in `network` beyond its shape, the accelerator and the
  // settings, one text per layer (empty: nothing): on a PIM chip its copies and whether the weights
  // stay, which depend on the whole network. Lookup tables add it to their keys.
  virtual std::vector<std::string> layer_contexts(const workload::Network& network) const {
    return std::vector<std::string>(network.layers.size());
  }
  // Whether a network's layers run as a pipeline on its accelerator (a PIM chip with pipeline:
  // true): a network's latency is then its slowest layer's.
  virtual bool pipelined() const { return false; }
};

// Totals of per-layer metrics: energy summed; latency summed, or the slowest layer's when m.pipelined.
void add_totals(NetworkMetrics& m);

}  // namespace hwaware::search
