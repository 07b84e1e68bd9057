#pragma once
// A workload network as a trainable LibTorch module (the only place with the trainer, search/
// torch_*.cpp, that includes LibTorch): conv2d layers as convolution (groups kept, no bias), batch
// normalization and ReLU; pool layers as max or average pooling (global ones adaptive); add layers
// as the sum of their inputs then ReLU; FC layers as linear layers on their inputs flattened, ReLU
// after every one but the last. Layers read their `inputs` (concatenated along channels when
// several feed a convolution, pool or FC layer). This header does not include LibTorch.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "search/fashion_mnist.h"
#include "workloads/layer.h"

namespace hwaware::search {

struct TrainOptions {
  long long steps = 100;  // minibatches
  long long batch = 128;
  double learning_rate = 0.02;
  double momentum = 0.9;
  double weight_decay = 1e-4;
  unsigned long long seed = 1;
  int threads = 2;     // LibTorch intra-op threads (both cores of the target machine)
  bool cosine = true;  // learning rate decays from learning_rate to 0 along a half cosine
  // Called every `report_every` steps with the step and the mean loss since the last call.
  std::function<void(long long, double)> progress;
  long long report_every = 100;
  // Called before each step with the step and its number of images (a super-network draws the
  // step's sub-networks there).
  std::function<void(long long, long long)> before_step;
};

class TorchModel {
 public:
  // Throws core::InputError for a layer the trainer cannot build (its type, or an imported layer
  // without its window), naming the layer.
  TorchModel(const workload::Network& net, unsigned long long seed);
  ~TorchModel();
  TorchModel(const TorchModel&) = delete;
  TorchModel& operator=(const TorchModel&) = delete;

  // Trains on images [first, last) of `set` (SGD with momentum and weight decay, cosine learning
  // rate (Loshchilov & Hutter, SGDR, 2017) unless disabled, shuffled by the seed); returns the mean
  // loss of the last tenth of the steps.
  double train(const ImageSet& set, long long first, long long last, const TrainOptions& options);
  // Recomputes the batch-normalization statistics (their running means and variances) as the
  // average over images [first, last) of `set`, in batches, without training: what a sub-network
  // cut from a super-network needs before it is scored (Yu & Huang, "Universally Slimmable
  // Networks", 2019, section 3.3).
  void recalibrate_norms(const ImageSet& set, long long first, long long last);
  // Share of images [first, last) of `set` classified right.
  double accuracy(const ImageSet& set, long long first, long long last) const;
  // Scores of one batch of images (for shape checks): batch x classes.
  std::vector<long long> output_shape(long long batch) const;
  const workload::Network& network() const;

  // The model of `proposal`, this network with the layers of one width group (`group_layers`,
  // see network_surgery.h) narrowed to the proposal's width: the output channels whose filters
  // have the largest L2 norm (summed over the group's layers) are kept, with their batch-norm
  // parameters, and their consumers keep only the matching input channels. Throws
  // core::InputError for a grouped, non-depthwise convolution it would have to cut.
  std::unique_ptr<TorchModel> narrowed(const workload::Network& proposal, const std::vector<std::size_t>& group_layers) const;

  // Weights as a dictionary of "<layer>.<tensor>" (PyTorch's torch.load reads it), written to a
  // temporary file then renamed: an interrupted save leaves no partial file.
  void save(const std::string& path) const;
  // Throws core::InputError when the file is missing or unreadable, or when its tensors do not
  // match the network (a missing or extra layer, another shape), naming the layer.
  void load(const std::string& path);

 private:
  friend class TorchPruningTrainer;  // sets weights and their masks, reads layers' inputs
  friend class TorchSupernet;        // draws sub-networks into the module, cuts sub-networks out of it
  struct Impl;                       // search/torch_model_impl.h
  std::unique_ptr<Impl> impl_;
};

}  // namespace hwaware::search
