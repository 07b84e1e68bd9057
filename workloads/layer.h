#pragma once
// Layers of a network in user terms (conv2d with stride/padding/dilation/groups, FC, pooling,
// elementwise add) and their lowering to the Problem form the models evaluate.

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "workloads/problem.h"

namespace hwaware::workload {

// A 2-D convolution in user terms; fc, GEMM and depthwise layers are written as one too.
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
  // Padding after the input (bottom, right) where it differs from pad_h and pad_w, which are then
  // the padding before it (top, left): ONNX's asymmetric pads. Unset: the same on both sides.
  std::optional<long long> pad_bottom, pad_right;

  long long out_height() const;
  long long out_width() const;
};

// A max or average pooling window slid over every channel (no weights). Output size as for a
// convolution: (in + 2*pad - dilation*(kernel-1) - 1) / stride + 1, rounded down (2*pad: the
// padding before plus the padding after, when they differ).
struct PoolParams {
  long long batch = 1;
  long long channels = 1;
  long long in_height = 1, in_width = 1;
  long long kernel_h = 1, kernel_w = 1;
  long long stride_h = 1, stride_w = 1;
  long long pad_h = 0, pad_w = 0;
  long long dilation_h = 1, dilation_w = 1;
  int input_bits = 8, output_bits = 8;
  std::optional<long long> pad_bottom, pad_right;  // as in ConvParams (ONNX's asymmetric pads and ceil_mode)

  long long out_height() const;
  long long out_width() const;
};

// Elementwise sum of `operands` tensors of channels x height x width (a residual add has 2).
struct AddParams {
  long long batch = 1;
  long long channels = 1;
  long long height = 1, width = 1;
  long long operands = 2;
  int input_bits = 8, output_bits = 8;
};

// Where a layer's window sits on its input, as the user wrote it: what a trainer needs to build
// the layer (the problem keeps only the loop bounds and projections). Set by hwaware's format for
// conv2d and pool layers; `known` is false for imported layers.
struct Window {
  bool known = false;
  bool global = false;  // a pool over the whole input
  long long in_height = 1, in_width = 1;
  long long kernel_h = 1, kernel_w = 1;
  long long stride_h = 1, stride_w = 1;
  long long pad_h = 0, pad_w = 0;
  long long dilation_h = 1, dilation_w = 1;
  std::optional<long long> pad_bottom, pad_right;  // as in ConvParams: set only where they differ from pad_h, pad_w

  // Whether the padding after the input differs from the padding before it (ONNX's asymmetric pads).
  bool asymmetric() const { return pad_bottom.value_or(pad_h) != pad_h || pad_right.value_or(pad_w) != pad_w; }
};

// One layer of a network. MAC layers (conv2d, fc, GEMM, imported problems) count toward the
// network's MACs; pool and add layers are element ops: the models evaluate them all the same (one
// compute per iteration point), but their computes are not multiply-accumulates.
struct Layer {
  std::string name;
  std::string type;  // conv2d, fc, pool, add, gemm (SCALE-Sim), timeloop
  std::string op;    // element op of a non-MAC layer: max, avg (pool), add; empty for MAC layers
  bool is_mac_layer = true;
  Problem problem;
  // The layers whose outputs it reads (concatenated along channels; an add sums them); empty: the
  // network's input. hwaware's format defaults to the previous layer.
  std::vector<std::string> inputs;
  Window window;
  core::SourceLoc loc;

  long long computes() const { return problem.macs(); }  // iteration points the model evaluates
  long long macs() const { return is_mac_layer ? problem.macs() : 0; }
  // Channels of its output (filters, or channels passed through), and values (channels x map).
  long long output_channels() const;
  long long output_values() const;
  // Channels it reads: a convolution's or pool's input channels, an add's channels (from each
  // input), an FC layer's input features.
  long long input_channels() const;
};

// A network: layers in execution order, names unique.
struct Network {
  std::string name;
  std::vector<Layer> layers;
  // What an importer read but made no layer of (ONNX nodes that cost nothing), one line each, for
  // reports; empty for hwaware's own format.
  std::vector<std::string> notes;

  long long macs() const;      // over MAC layers only
  long long computes() const;  // over every layer
};

// Lowers a convolution to dims G,C,M,R,S,N,P,Q (P along width, Q along height, as Timeloop does;
// G appears only when groups > 1). Tensors: Weights, Inputs, Outputs.
Problem conv2d_problem(const std::string& name, const ConvParams& p);
Problem fc_problem(const std::string& name, long long batch, long long in_features, long long out_features, int weight_bits, int input_bits,
                   int output_bits);
// Lowers a pool to dims C,R,S,N,P,Q; tensors Inputs (sliding window as in a convolution) and
// Outputs (read-write: the running max or sum). No Weights.
Problem pool_problem(const std::string& name, const PoolParams& p);
// Lowers an elementwise add to a reduction over the operand dimension T: dims T,C,N,P,Q; tensors
// Inputs (T,N,C,Q,P) and Outputs (read-write, N,C,Q,P). No Weights.
Problem add_problem(const std::string& name, const AddParams& p);

}  // namespace hwaware::workload
