#pragma once
// A cost oracle that counts the wall time spent answering, around another oracle: how NetAdapt's
// share of time in cost evaluation is measured.

#include <chrono>
#include <memory>
#include <string>

#include "search/cost_oracle.h"

namespace hwaware::search {

class TimedOracle : public CostOracle {
 public:
  explicit TimedOracle(CostOracle& inner) : inner_(inner) {}
  NetworkMetrics metrics(const workload::Network& network) override {
    const auto start = std::chrono::steady_clock::now();
    NetworkMetrics m = inner_.metrics(network);
    seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ++calls_;
    return m;
  }
  std::string backend() const override { return inner_.backend(); }
  std::string settings() const override { return inner_.settings(); }
  std::string energy_unit() const override { return inner_.energy_unit(); }
  std::vector<std::string> layer_contexts(const workload::Network& network) const override { return inner_.layer_contexts(network); }
  bool pipelined() const override { return inner_.pipelined(); }
  double seconds() const { return seconds_; }
  long long calls() const { return calls_; }

 private:
  CostOracle& inner_;
  double seconds_ = 0;
  long long calls_ = 0;
};

}  // namespace hwaware::search
