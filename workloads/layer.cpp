#include "workloads/layer.h"

namespace hwaware::workload {

long long ConvParams::out_height() const {
  return (in_height + 2 * pad_h - dilation_h * (kernel_h - 1) - 1) / stride_h + 1;
}
long long ConvParams::out_width() const {
  return (in_width + 2 * pad_w - dilation_w * (kernel_w - 1) - 1) / stride_w + 1;
}

Problem conv2d_problem(const std::string& name, const ConvParams& p) {
  Problem pr;
  pr.name = name;
  bool grouped = p.groups > 1;
  auto add = [&](const std::string& d, long long b) {
    pr.dim_names.push_back(d);
    pr.bounds.push_back(b);
    return static_cast<int>(pr.dim_names.size() - 1);
  };
  int G = grouped ? add("G", p.groups) : -1;
  int C = add("C", p.in_channels / p.groups);
  int M = add("M", p.out_channels / p.groups);
  int R = add("R", p.kernel_w);
  int S = add("S", p.kernel_h);
  int N = add("N", p.batch);
  int P = add("P", p.out_width());
  int Q = add("Q", p.out_height());
  auto rank = [](std::initializer_list<ProjectionTerm> t) { return RankExpression(t); };
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
  pr.data_spaces = {w, in, out};
  return pr;
}

Problem fc_problem(const std::string& name, long long batch, long long in_features, long long out_features,
                   int weight_bits, int input_bits, int output_bits) {
  ConvParams p;
  p.batch = batch;
  p.in_channels = in_features;
  p.out_channels = out_features;
  p.weight_bits = weight_bits;
  p.input_bits = input_bits;
  p.output_bits = output_bits;
  return conv2d_problem(name, p);
}

}  // namespace hwaware::workload
