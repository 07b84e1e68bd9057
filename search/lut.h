#pragma once
// The per-layer lookup table (the seed's LUT): a network's energy and latency as the sum of its
// layers' entries. An entry is keyed by the layer's shape (models::shape_key: dimensions, bounds,
// tensors' projections, bits, densities; the layer's type and operation), the accelerator (its key,
// models/accelerator.h: the description as read and any ERT), the backend that filled it and the
// backend's settings (the mapper's options) and what the layer's answer depends on in the network
// asked about (CostOracle::layer_contexts: a PIM layer's copies and residency); a missing entry is
// filled by asking the backend about the layer alone, or, when it has such a context, about the
// whole network (the layer alone would get other copies). Each entry also keeps the layer's energy by component and the accelerator's
// area as the backend gave them. Entries live in a text file,
// loaded when the table is opened and appended as it fills, so a table is built once and reused
// across runs and processes. Values are written with 17 significant digits: an entry returns
// exactly what the backend said.

#include <map>
#include <memory>
#include <string>

#include "search/cost_oracle.h"

namespace hwaware::search {

class LutOracle : public CostOracle {
 public:
  // Throws core::InputError when `path` exists but is not a table of this format.
  LutOracle(std::unique_ptr<CostOracle> backend, std::string accelerator_key, std::string path);
  NetworkMetrics metrics(const workload::Network& network) override;
  std::string backend() const override { return backend_->backend(); }
  std::string settings() const override { return backend_->settings(); }
  std::string energy_unit() const override { return backend_->energy_unit(); }
  std::vector<std::string> layer_contexts(const workload::Network& network) const override { return backend_->layer_contexts(network); }
  bool pipelined() const override { return backend_->pipelined(); }

  long long hits() const { return hits_; }
  long long misses() const { return misses_; }
  std::size_t size() const { return entries_.size(); }

 private:
  std::string key_of(const workload::Layer& layer, const std::string& context) const;
  struct Entry {
    LayerMetrics metrics;  // layer name empty
    double area_um2 = 0;   // the accelerator's, as the backend gave it
  };
  void append(const std::string& key, const Entry& e) const;

  std::unique_ptr<CostOracle> backend_;
  std::string accelerator_key_, path_;
  std::map<std::string, Entry> entries_;
  long long hits_ = 0, misses_ = 0;
};

}  // namespace hwaware::search
