#pragma once
// The cost oracle of an accelerator's models: every layer of a network asked about is evaluated
// by the one engine (models/network_evaluation.h) -- a digital array's layers mapped together by
// the mapper, a systolic array's folded, a PIM chip's placed on its crossbars -- priced by the
// accelerator's energy table and, with a simulator, timed by the SystemC models. Answers are
// remembered by layer shape across calls (shape_memo.h): a search asks about the same layers
// again and again. On a PIM chip whether the weights stay on chip and each layer's copies depend on
// the whole network asked about. AnalyticalOracle and SystemcOracle are its two backends.

#include <memory>
#include <string>

#include "mappings/mapper.h"
#include "models/accelerator.h"
#include "models/layer_simulator.h"
#include "models/network_mapper.h"
#include "search/cost_oracle.h"

namespace hwaware::search {

class ModelOracle : public CostOracle {
 public:
  // `map`: the mapper and its dataflow (progress is never printed). `simulator`: null for the analytical backend; else the
  // cycle-approximate one, owned.
  ModelOracle(const model::Accelerator& accelerator, model::MapOptions map, std::unique_ptr<model::LayerSimulator> simulator);
  ~ModelOracle() override;
  NetworkMetrics metrics(const workload::Network& network) override;
  std::string backend() const override { return simulator_ ? "systemc" : "analytical"; }
  std::string settings() const override;
  std::string energy_unit() const override;
  std::vector<std::string> layer_contexts(const workload::Network& network) const override;
  bool pipelined() const override;
  long long layers_evaluated() const { return evaluated_; }  // layers not answered from memory

 private:
  struct State;
  std::unique_ptr<State> state_;
  std::unique_ptr<model::LayerSimulator> simulator_;
  long long evaluated_ = 0;
};

}  // namespace hwaware::search
