#pragma once
// Layers of a network in user terms (conv2d with stride/padding/dilation/groups, FC) and their
// lowering to the Problem form the models evaluate.

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "workloads/problem.h"

namespace hwaware::workload {

struct ConvParams {
  long long batch = 1;
  long long in_channels = 1, out_channels = 1;
  long long in_height = 1, in_width = 1;
  long long kernel_h = 1, kernel_w = 1;
  long long stride_h = 1, stride_w = 1;
  long long pad_h = 0, pad_w = 0;
  long long dilation_h = 1, dilation_w = 1;
  long long groups = 1;
  int weight_bits = 8, input_bits = 8, output_bits = 8;

  long long out_height() const;
  long long out_width() const;
};

struct Layer {
  std::string name;
  std::string type;  // conv2d, fc, timeloop
  Problem problem;
  core::SourceLoc loc;
};

struct Network {
  std::string name;
  std::vector<Layer> layers;
};

// Lowers a convolution to dims G,C,M,R,S,N,P,Q (P along width, Q along height, as Timeloop does;
// G appears only when groups > 1). Tensors: Weights, Inputs, Outputs.
Problem conv2d_problem(const std::string& name, const ConvParams& p);
Problem fc_problem(const std::string& name, long long batch, long long in_features, long long out_features,
                   int weight_bits, int input_bits, int output_bits);

}  // namespace hwaware::workload
