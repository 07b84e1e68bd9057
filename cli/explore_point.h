#pragma once
// One point of an exploration: a hardware point (the accelerator with the space's parameters set)
// and a network, and what the space's search makes of the network there: the network itself
// (evaluate), NetAdapt's final network against that hardware, or the network pruned by EAP on it.
// Its row: accuracy on the test images, energy, latency and area from the point's analytical oracle.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/mapper_flags.h"
#include "cli/space_file.h"
#include "models/accelerator.h"
#include "search/fashion_mnist.h"
#include "search/torch_model.h"
#include "workloads/layer.h"

namespace hwaware::cli {

struct PointResult {
  double accuracy = -1;  // on the test images; < 0 when not known (evaluate without weights)
  double energy_pj = 0, latency_s = 0, area_um2 = 0;
  long long macs = 0, weights = 0;
  std::string network_file;  // the searched network's workload file (empty for evaluate)
};

// What every point of a run shares: the space, mapper and training options, the data set (loaded
// when a point first needs it) and the networks' accuracies as given (measured once per process).
class PointRunner {
 public:
  PointRunner(const ExploreSpace& space, const MapperFlags& mapper, const search::TrainOptions& train, std::string data_dir);
  // `dir`: where the point's own files go (NetAdapt's checkpoint, the searched network). `key`
  // identifies the point (NetAdapt refuses a checkpoint of another).
  PointResult run(const model::Accelerator& accelerator, const SpaceNetwork& network, const workload::Network& net, const std::string& dir,
                  const std::string& key);

 private:
  const search::FashionMnist& data();
  double given_accuracy(const SpaceNetwork& network, const workload::Network& net);

  const ExploreSpace& space_;
  MapperFlags mapper_;
  search::TrainOptions train_;
  std::string data_dir_;
  std::unique_ptr<search::FashionMnist> data_;
  std::map<std::string, double> accuracy_;  // per weights file
};

}  // namespace hwaware::cli
