#include "workloads/layer.h"

namespace hwaware::workload {
namespace {

// Output extent of a sliding window: (in + pad before + pad after - dilation*(kernel-1) - 1) / stride + 1.
long long window_output(long long in, long long pad, std::optional<long long> pad_after, long long dilation, long long kernel,
                        long long stride) {
  return (in + pad + pad_after.value_or(pad) - dilation * (kernel - 1) - 1) / stride + 1;
}

// Builds a Problem dimension by dimension.
struct ProblemBuilder {
  Problem pr;
  int dim(const std::string& d, long long bound) {
    pr.dim_names.push_back(d);
    pr.bounds.push_back(bound);
    return static_cast<int>(pr.dim_names.size() - 1);
  }
};

RankExpression rank(std::initializer_list<ProjectionTerm> t) { return RankExpression(t); }

}  // namespace

long long ConvParams::out_height() const { return window_output(in_height, pad_h, pad_bottom, dilation_h, kernel_h, stride_h); }
long long ConvParams::out_width() const { return window_output(in_width, pad_w, pad_right, dilation_w, kernel_w, stride_w); }
long long PoolParams::out_height() const { return window_output(in_height, pad_h, pad_bottom, dilation_h, kernel_h, stride_h); }
long long PoolParams::out_width() const { return window_output(in_width, pad_w, pad_right, dilation_w, kernel_w, stride_w); }

long long Network::macs() const {
  long long total = 0;
  for (const auto& l : layers) total += l.macs();
  return total;
}

namespace {

long long bound_or_1(const Problem& p, const char* dim) {
  const int i = p.dim_index(dim);
  return i < 0 ? 1 : p.bounds[static_cast<std::size_t>(i)];
}

}  // namespace

long long Layer::output_channels() const {
  const bool filters = problem.dim_index("M") >= 0;
  return (filters ? bound_or_1(problem, "M") : bound_or_1(problem, "C")) * bound_or_1(problem, "G");
}

long long Layer::output_values() const { return output_channels() * bound_or_1(problem, "P") * bound_or_1(problem, "Q"); }

long long Layer::input_channels() const { return bound_or_1(problem, "C") * bound_or_1(problem, "G"); }

long long Network::computes() const {
  long long total = 0;
  for (const auto& l : layers) total += l.computes();
  return total;
}

Problem conv2d_problem(const std::string& name, const ConvParams& p) {
  ProblemBuilder b;
  b.pr.name = name;
  bool grouped = p.groups > 1;
  int G = grouped ? b.dim("G", p.groups) : -1;
  int C = b.dim("C", p.in_channels / p.groups);
  int M = b.dim("M", p.out_channels / p.groups);
  int R = b.dim("R", p.kernel_w);
  int S = b.dim("S", p.kernel_h);
  int N = b.dim("N", p.batch);
  int P = b.dim("P", p.out_width());
  int Q = b.dim("Q", p.out_height());
  DataSpace w{"Weights", {}, false, p.weight_bits, 1.0};
  if (grouped) w.ranks.push_back(rank({{G, 1}}));
  w.ranks.push_back(rank({{C, 1}}));
  w.ranks.push_back(rank({{M, 1}}));
  w.ranks.push_back(rank({{R, 1}}));
  w.ranks.push_back(rank({{S, 1}}));
  DataSpace in{"Inputs", {}, false, p.input_bits, 1.0};
  in.ranks.push_back(rank({{N, 1}}));
  if (grouped) in.ranks.push_back(rank({{G, 1}}));
  in.ranks.push_back(rank({{C, 1}}));
  in.ranks.push_back(rank({{R, p.dilation_w}, {P, p.stride_w}}));
  in.ranks.push_back(rank({{S, p.dilation_h}, {Q, p.stride_h}}));
  DataSpace out{"Outputs", {}, true, p.output_bits, 1.0};
  out.ranks.push_back(rank({{N, 1}}));
  if (grouped) out.ranks.push_back(rank({{G, 1}}));
  out.ranks.push_back(rank({{M, 1}}));
  out.ranks.push_back(rank({{Q, 1}}));
  out.ranks.push_back(rank({{P, 1}}));
  b.pr.data_spaces = {w, in, out};
  return b.pr;
}

Problem fc_problem(const std::string& name, long long batch, long long in_features, long long out_features, int weight_bits, int input_bits,
                   int output_bits) {
  ConvParams p;
  p.batch = batch;
  p.in_channels = in_features;
  p.out_channels = out_features;
  p.weight_bits = weight_bits;
  p.input_bits = input_bits;
  p.output_bits = output_bits;
  return conv2d_problem(name, p);
}

Problem pool_problem(const std::string& name, const PoolParams& p) {
  ProblemBuilder b;
  b.pr.name = name;
  int C = b.dim("C", p.channels);
  int R = b.dim("R", p.kernel_w);
  int S = b.dim("S", p.kernel_h);
  int N = b.dim("N", p.batch);
  int P = b.dim("P", p.out_width());
  int Q = b.dim("Q", p.out_height());
  DataSpace in{"Inputs", {}, false, p.input_bits, 1.0};
  in.ranks = {rank({{N, 1}}), rank({{C, 1}}), rank({{R, p.dilation_w}, {P, p.stride_w}}), rank({{S, p.dilation_h}, {Q, p.stride_h}})};
  DataSpace out{"Outputs", {}, true, p.output_bits, 1.0};
  out.ranks = {rank({{N, 1}}), rank({{C, 1}}), rank({{Q, 1}}), rank({{P, 1}})};
  b.pr.data_spaces = {in, out};
  return b.pr;
}

Problem add_problem(const std::string& name, const AddParams& p) {
  ProblemBuilder b;
  b.pr.name = name;
  int T = b.dim("T", p.operands);
  int C = b.dim("C", p.channels);
  int N = b.dim("N", p.batch);
  int P = b.dim("P", p.width);
  int Q = b.dim("Q", p.height);
  DataSpace in{"Inputs", {}, false, p.input_bits, 1.0};
  in.ranks = {rank({{T, 1}}), rank({{N, 1}}), rank({{C, 1}}), rank({{Q, 1}}), rank({{P, 1}})};
  DataSpace out{"Outputs", {}, true, p.output_bits, 1.0};
  out.ranks = {rank({{N, 1}}), rank({{C, 1}}), rank({{Q, 1}}), rank({{P, 1}})};
  b.pr.data_spaces = {in, out};
  return b.pr;
}

}  // namespace hwaware::workload
