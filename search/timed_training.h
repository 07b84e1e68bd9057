#pragma once
// A trainer (NetAdapt V1) and a super-network (V2) that count the wall time spent in them, around
// the real ones: how `adapt` reports where a search's time goes (proposals or candidates, and the
// final fine-tune) beside the cost oracle's share (timed_oracle.h).

#include <chrono>
#include <string>

#include "search/netadapt_v2.h"
#include "search/trainer.h"

namespace hwaware::search {

// Seconds spent in calls of `f`, added to `total`.
template <class F>
auto timed(double& total, F&& f) {
  struct Add {
    double& total;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    ~Add() { total += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); }
  } add{total};
  return f();
}

class TimedTrainer : public Trainer {
 public:
  explicit TimedTrainer(Trainer& inner) : inner_(inner) {}
  double try_proposal(const workload::Network& p, std::size_t group, long long steps) override {
    return timed(search_s, [&] { return inner_.try_proposal(p, group, steps); });
  }
  void accept(const workload::Network& chosen) override { inner_.accept(chosen); }
  double test_accuracy() override {
    return timed(search_s, [&] { return inner_.test_accuracy(); });
  }
  void save(const std::string& path) const override { inner_.save(path); }
  void restore(const workload::Network& net, const std::string& path) override { inner_.restore(net, path); }
  double finish(long long steps) override {
    return timed(finish_s, [&] { return inner_.finish(steps); });
  }
  double search_s = 0;  // proposals fine-tuned and scored, members' test accuracies
  double finish_s = 0;  // the final fine-tune

 private:
  Trainer& inner_;
};

class TimedSupernet : public SupernetEvaluator {
 public:
  explicit TimedSupernet(SupernetEvaluator& inner) : inner_(inner) {}
  double holdout_accuracy(const workload::Network& net, const SubnetConfig& c) override {
    return timed(search_s, [&] { return inner_.holdout_accuracy(net, c); });
  }
  double test_accuracy(const workload::Network& net, const SubnetConfig& c) override {
    return timed(search_s, [&] { return inner_.test_accuracy(net, c); });
  }
  void save(const workload::Network& net, const SubnetConfig& c, const std::string& path) override { inner_.save(net, c, path); }
  double finish(const workload::Network& net, const SubnetConfig& c, long long steps, const std::string& path) override {
    return timed(finish_s, [&] { return inner_.finish(net, c, steps, path); });
  }
  double search_s = 0;  // candidates cut out and scored, members' test accuracies
  double finish_s = 0;  // the final network cut out and fine-tuned

 private:
  SupernetEvaluator& inner_;
};

}  // namespace hwaware::search
