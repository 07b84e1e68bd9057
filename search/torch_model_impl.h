#pragma once
// TorchModel's private state (internal to search/torch_*.cpp: includes LibTorch).

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "search/torch_model.h"
#include "search/torch_network.h"

namespace hwaware::search {

struct TorchModel::Impl {
  std::shared_ptr<TorchNetwork> net;
  workload::Network workload;
  // Pruned layers: their weight tensor and a 0/1 mask it is multiplied by after every training step,
  // so that pruned weights stay zero.
  std::map<std::string, std::pair<torch::Tensor, torch::Tensor>> masks;
};

// Images index[from, from + count) of `set`, normalized with Fashion-MNIST's mean and deviation:
// count x 1 x rows x cols.
torch::Tensor normalized_images(const ImageSet& set, const std::vector<long long>& index, std::size_t from, std::size_t count);

}  // namespace hwaware::search
