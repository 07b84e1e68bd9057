#pragma once
// TorchModel's private state (internal to search/torch_*.cpp: includes LibTorch).

#include <memory>

#include "search/torch_model.h"
#include "search/torch_network.h"

namespace hwaware::search {

struct TorchModel::Impl {
  std::shared_ptr<TorchNetwork> net;
  workload::Network workload;
};

}  // namespace hwaware::search
