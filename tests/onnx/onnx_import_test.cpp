// Tests of the ONNX importer on small models built with ONNX's own classes: what each op becomes,
// that sizes are ONNX's (asymmetric pads, auto_pad, ceil_mode), how Concat and Add wire layers, what
// costs nothing, and the errors: every one names the file and the node, and nothing crashes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

#include "core/diagnostics.h"
#include "core/text.h"
#include "onnx/onnx_builder.h"
#include "workloads/same_network.h"
#include "workloads/workload_loader.h"
#include "workloads/workload_writer.h"

using namespace hwaware;
using Catch::Matchers::Contains;
using test::OnnxBuilder;

namespace {

workload::Network load(const std::string& path, std::optional<long long> batch = std::nullopt) {
  return workload::load_workload(path, workload::LoadOptions{batch});
}

// The messages the import stops with, one per line, as the CLI prints them ("" if it imports).
std::string errors(const std::string& path, std::optional<long long> batch = std::nullopt) {
  try {
    load(path, batch);
  } catch (const core::InputError& e) {
    std::string out;
    for (const auto& d : e.diagnostics()) out += core::format(d) + "\n";
    return out;
  }
  return "";
}

long long bound(const workload::Layer& l, const std::string& dim) {
  const int i = l.problem.dim_index(dim);
  REQUIRE(i >= 0);
  return l.problem.bounds[static_cast<std::size_t>(i)];
}

// Written as hwaware's YAML and read back: the same network.
void check_round_trip(const workload::Network& net) {
  const auto path = std::filesystem::temp_directory_path() / ("hwaware_onnx_round_trip_" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(path) << workload::workload_yaml(net, "round trip");
  const auto back = workload::load_workload(path.string());
  std::filesystem::remove(path);
  test::check_same_network(net, back);
}

// A 1x1 convolution `name` from `in` (of `cin` channels) to `out` with `cout` filters.
void conv1x1(OnnxBuilder& b, const std::string& name, const std::string& in, const std::string& out, long long cin, long long cout) {
  b.weight(name + ".w", {cout, cin, 1, 1});
  b.node("Conv", {in, name + ".w"}, {out}, name);
}

}  // namespace

TEST_CASE("a Conv with groups, dilation, strides and asymmetric pads becomes a conv2d of ONNX's output size") {
  OnnxBuilder b({"1", "8", "15", "15"});
  b.weight("w", {16, 2, 3, 3});
  auto& conv = b.node("Conv", {"x", "w"}, {"y"}, "conv");
  OnnxBuilder::integer(conv, "group", 4);
  OnnxBuilder::ints(conv, "strides", {2, 2});
  OnnxBuilder::ints(conv, "dilations", {2, 1});
  OnnxBuilder::ints(conv, "pads", {1, 0, 2, 1});  // top, left, bottom, right
  const auto net = load(b.write("y", {"1", "16", "7", "7"}));
  REQUIRE(net.layers.size() == 1);
  const auto& l = net.layers[0];
  CHECK(l.name == "conv");
  CHECK(l.type == "conv2d");
  // (15 + 1 + 2 - (2 x 2 + 1)) / 2 + 1 = 7 rows; (15 + 0 + 1 - 3) / 2 + 1 = 7 columns.
  CHECK(l.problem.dim_names == std::vector<std::string>{"G", "C", "M", "R", "S", "N", "P", "Q"});
  CHECK(l.problem.bounds == std::vector<long long>{4, 2, 4, 3, 3, 1, 7, 7});
  CHECK(net.macs() == 16LL * 7 * 7 * 2 * 3 * 3);
  CHECK(l.window.pad_h == 1);
  CHECK(l.window.pad_bottom == 2);
  CHECK(l.window.pad_w == 0);
  CHECK(l.window.pad_right == 1);
  check_round_trip(net);  // written as padding: {top: 1, bottom: 2, left: 0, right: 1}
}

TEST_CASE("auto_pad SAME_UPPER pads the odd row after the input and SAME_LOWER before it, for ONNX's output size") {
  OnnxBuilder b({"1", "4", "8", "8"});
  b.weight("w1", {4, 4, 2, 2});
  b.weight("w2", {4, 4, 2, 2});
  OnnxBuilder::text(b.node("Conv", {"x", "w1"}, {"y1"}, "upper"), "auto_pad", "SAME_UPPER");
  OnnxBuilder::text(b.node("Conv", {"y1", "w2"}, {"y2"}, "lower"), "auto_pad", "SAME_LOWER");
  const auto net = load(b.write("y2", {"1", "4", "8", "8"}));
  REQUIRE(net.layers.size() == 2);
  for (const auto& l : net.layers) CHECK((bound(l, "P") == 8 && bound(l, "Q") == 8));  // 8 / stride 1
  CHECK((net.layers[0].window.pad_h == 0 && net.layers[0].window.pad_bottom == 1));
  CHECK((net.layers[1].window.pad_h == 1 && net.layers[1].window.pad_bottom == 0));
  CHECK(net.layers[1].inputs == std::vector<std::string>{"upper"});
  check_round_trip(net);
}

TEST_CASE(
    "a pool with ceil_mode rounds its output up as ONNX does (more padding after the input) and a global pool takes the whole input") {
  OnnxBuilder b({"1", "4", "112", "112"});
  auto& max = b.node("MaxPool", {"x"}, {"p1"}, "max");
  OnnxBuilder::ints(max, "kernel_shape", {3, 3});
  OnnxBuilder::ints(max, "strides", {2, 2});
  OnnxBuilder::integer(max, "ceil_mode", 1);
  auto& avg = b.node("AveragePool", {"p1"}, {"p2"}, "avg");
  OnnxBuilder::ints(avg, "kernel_shape", {2, 2});
  OnnxBuilder::ints(avg, "strides", {2, 2});
  b.node("GlobalAveragePool", {"p2"}, {"p3"}, "gap");
  const auto net = load(b.write("p3", {"1", "4", "1", "1"}));
  REQUIRE(net.layers.size() == 3);
  const auto &m = net.layers[0], &a = net.layers[1], &g = net.layers[2];
  CHECK((m.op == "max" && a.op == "avg" && g.op == "avg"));
  CHECK(bound(m, "P") == 56);  // ceil((112 - 3) / 2) + 1; rounding down gives 55
  CHECK((m.window.pad_h == 0 && m.window.pad_bottom == 1 && m.window.pad_right == 1));
  CHECK(bound(a, "P") == 28);
  CHECK((g.window.global && bound(g, "R") == 28 && bound(g, "P") == 1));
  CHECK(net.macs() == 0);  // pools are element ops, not MACs
  CHECK(net.computes() == 4LL * 9 * 56 * 56 + 4LL * 4 * 28 * 28 + 4LL * 28 * 28);
  check_round_trip(net);
}

TEST_CASE("Gemm with transposed weights and MatMul over a 3-D input become fc layers of rows x in x out MACs") {
  OnnxBuilder gemm({"3", "32"});
  gemm.weight("w", {10, 32});
  OnnxBuilder::integer(gemm.node("Gemm", {"x", "w"}, {"y"}, "fc"), "transB", 1);
  const auto g = load(gemm.write("y", {"3", "10"}));
  REQUIRE(g.layers.size() == 1);
  CHECK(g.layers[0].type == "fc");
  CHECK((bound(g.layers[0], "N") == 3 && bound(g.layers[0], "C") == 32 && bound(g.layers[0], "M") == 10));

  OnnxBuilder matmul({"2", "5", "16"});
  matmul.weight("w", {16, 8});
  matmul.node("MatMul", {"x", "w"}, {"y"}, "proj");
  const auto m = load(matmul.write("y", {"2", "5", "8"}));
  REQUIRE(m.layers.size() == 1);
  CHECK((bound(m.layers[0], "N") == 10 && bound(m.layers[0], "C") == 16 && bound(m.layers[0], "M") == 8));
  CHECK(m.macs() == 10LL * 16 * 8);
}

TEST_CASE("Concat along channels becomes the next layer's inputs, Add of two layers an add layer, and what costs nothing is listed") {
  OnnxBuilder b({"1", "4", "8", "8"});
  conv1x1(b, "a", "x", "ya", 4, 6);
  conv1x1(b, "b", "ya", "yb", 6, 2);
  OnnxBuilder::integer(b.node("Concat", {"ya", "yb"}, {"cat"}, "cat"), "axis", 1);
  b.weight("bn.s", {8}), b.weight("bn.b", {8}), b.weight("bn.m", {8}), b.weight("bn.v", {8});
  b.node("BatchNormalization", {"cat", "bn.s", "bn.b", "bn.m", "bn.v"}, {"bn"}, "bn");
  b.node("Relu", {"bn"}, {"r"}, "relu");
  conv1x1(b, "c", "r", "yc", 8, 8);
  conv1x1(b, "d", "ya", "yd", 6, 8);
  b.node("Add", {"yc", "yd"}, {"sum"}, "add");
  // x.view(x.size(0), -1) as torch exports it: a shape computation, then a Reshape.
  b.int64s("zero", {0}), b.int64s("minus_one", {-1});
  b.node("Shape", {"sum"}, {"shape"}, "shape");
  b.node("Gather", {"shape", "zero"}, {"n"}, "gather");
  OnnxBuilder::integer(b.node("Concat", {"n", "minus_one"}, {"to"}, "to"), "axis", 0);
  b.node("Reshape", {"sum", "to"}, {"flat"}, "reshape");
  b.weight("fc.w", {10, 512});
  OnnxBuilder::integer(b.node("Gemm", {"flat", "fc.w"}, {"y"}, "fc"), "transB", 1);
  const auto net = load(b.write("y", {"1", "10"}));
  std::vector<std::string> names;
  for (const auto& l : net.layers) names.push_back(l.name);
  REQUIRE(names == std::vector<std::string>{"a", "b", "c", "d", "add", "fc"});
  CHECK(net.layers[2].inputs == std::vector<std::string>{"a", "b"});  // the concatenation
  CHECK(net.layers[3].inputs == std::vector<std::string>{"a"});
  CHECK(net.layers[4].inputs == std::vector<std::string>{"c", "d"});
  CHECK((net.layers[4].type == "add" && bound(net.layers[4], "T") == 2 && bound(net.layers[4], "C") == 8));
  CHECK(net.layers[5].inputs == std::vector<std::string>{"add"});  // 8 x 8 x 8 = 512 features
  const std::string notes = core::join(net.notes, "\n");
  for (const char* listed :
       {"'cat' (Concat)", "'bn' (BatchNormalization): costs nothing", "'relu' (Relu): costs nothing", "'shape' (Shape): reads only",
        "'reshape' (Reshape): costs nothing", "1 Concat node: computed on constants only", "1 Gather node"})
    CHECK_THAT(notes, Contains(listed));
  check_round_trip(net);
}

TEST_CASE("a tensor times a function of itself (Swish) and a scale by a constant cost nothing, a product of two layers is refused") {
  OnnxBuilder b({"1", "4", "8", "8"});
  conv1x1(b, "a", "x", "ya", 4, 4);
  b.node("Sigmoid", {"ya"}, {"s"}, "sigmoid");
  b.node("Mul", {"ya", "s"}, {"swish"}, "swish");
  b.weight("half", {1});
  b.node("Mul", {"half", "swish"}, {"scaled"}, "scale");
  conv1x1(b, "b", "scaled", "yb", 4, 4);
  conv1x1(b, "c", "scaled", "yc", 4, 4);
  b.node("Mul", {"yb", "yc"}, {"gated"}, "gate");
  const auto e = errors(b.write("gated", {"1", "4", "8", "8"}));
  CHECK_THAT(e, Contains("node 'gate' (Mul): an elementwise Mul of computed tensors, which hwaware does not model"));
  CHECK(std::count(e.begin(), e.end(), '\n') == 1);  // swish and scale pass
}

TEST_CASE("an op hwaware does not model is an error naming the node and its op type, every such node reported together") {
  OnnxBuilder b({"1", "4", "8", "8"});
  conv1x1(b, "conv", "x", "y", 4, 4);
  b.node("Softmax", {"y"}, {"s"}, "/head/Softmax");
  b.node("Relu", {"s"}, {"r"}, "after");  // reads a refused node: not reported again
  OnnxBuilder::integer(b.node("LRN", {"y"}, {"n"}, "/norm/LRN"), "size", 3);
  OnnxBuilder::integer(b.node("Concat", {"r", "n"}, {"out"}, "cat"), "axis", 1);
  const auto e = errors(b.write("out", {"1", "8", "8", "8"}));
  CHECK_THAT(e, Contains("model.onnx: error: node '/head/Softmax' (Softmax): an op hwaware does not model"));
  CHECK_THAT(e, Contains("model.onnx: error: node '/norm/LRN' (LRN): an op hwaware does not model"));
  CHECK(std::count(e.begin(), e.end(), '\n') == 2);
}

TEST_CASE("a symbolic batch is an error at the first layer's node saying to pass --batch, and --batch sets it") {
  OnnxBuilder b({"batch", "3", "8", "8"});
  conv1x1(b, "/stem/Conv", "x", "y", 3, 4);
  const auto path = b.write("y", {"batch", "4", "8", "8"});
  CHECK_THAT(errors(path), Contains("node '/stem/Conv' (Conv): dimension 0 of its input (N, C, H, W) 'x' (the batch) is not fixed "
                                    "('batch'): pass --batch N"));
  const auto net = load(path, 4);
  CHECK(bound(net.layers[0], "N") == 4);
  CHECK(net.macs() == 4LL * 4 * 3 * 8 * 8);
}

TEST_CASE("a symbolic height is an error naming the node, even with --batch") {
  OnnxBuilder b({"1", "3", "height", "8"});
  conv1x1(b, "conv", "x", "y", 3, 4);
  CHECK_THAT(errors(b.write("y", {"1", "4", "height", "8"}), 2),
             Contains("node 'conv' (Conv): dimension 2 of its input (N, C, H, W) 'x' is not fixed ('height')"));
}

TEST_CASE("a layer reading channels its inputs do not give (a data movement between them) is refused at its node") {
  OnnxBuilder b({"1", "4", "8", "16"});
  conv1x1(b, "a", "x", "ya", 4, 4);
  OnnxBuilder::ints(b.node("Transpose", {"ya"}, {"t"}, "t"), "perm", {0, 2, 1, 3});  // [1, 8, 4, 16]
  conv1x1(b, "b", "t", "yb", 8, 8);
  CHECK_THAT(errors(b.write("yb", {"1", "8", "4", "16"})), Contains("node 'b' (Conv): reads 8 channels but its inputs (a) give 4"));
}

TEST_CASE("a MatMul of two computed tensors is refused: hwaware's layers have constant weights") {
  OnnxBuilder b({"1", "4", "4"});
  b.node("MatMul", {"x", "x"}, {"y"}, "attention");
  CHECK_THAT(errors(b.write("y", {"1", "4", "4"})),
             Contains("node 'attention' (MatMul): expected its input 0 to be the data and its other inputs constants"));
}

TEST_CASE("layers are named after their nodes, else their first output, and names stay unique") {
  OnnxBuilder b({"1", "4", "8", "8"});
  conv1x1(b, "", "x", "first_out", 4, 4);
  b.weight("w2", {4, 4, 1, 1}), b.weight("w3", {4, 4, 1, 1});
  b.node("Conv", {"first_out", "w2"}, {"y2"}, "c");
  b.node("Conv", {"y2", "w3"}, {"y3"}, "c");
  const auto net = load(b.write("y3", {"1", "4", "8", "8"}));
  REQUIRE(net.layers.size() == 3);
  CHECK(net.layers[0].name == "first_out");
  CHECK(net.layers[1].name == "c");
  CHECK(net.layers[2].name == "y3");
  CHECK(net.name == "model");  // the file's name
}

TEST_CASE("every prefix of an ONNX file, an empty file and a file of another format are errors naming the file, never a crash") {
  OnnxBuilder b({"1", "4", "8", "8"});
  conv1x1(b, "conv", "x", "y", 4, 4);
  const auto path = b.write("y", {"1", "4", "8", "8"});
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto cut = std::filesystem::path(path).parent_path() / "cut.onnx";
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    std::ofstream(cut, std::ios::binary) << bytes.substr(0, n);
    INFO(n << " of " << bytes.size() << " bytes");
    CHECK_THAT(errors(cut.string()), Contains("cut.onnx: error: "));
  }
  std::ofstream(cut) << "workload:\n  layers: []\n";
  CHECK_THAT(errors(cut.string()), Contains("cut.onnx: error: expected an ONNX model"));
}

TEST_CASE("the batch option is for ONNX models: other formats give their batch in the file") {
  try {
    load(std::string(HWAWARE_SOURCE_DIR) + "/workloads/layers/conv3x3.yaml", 2);
    FAIL("no error");
  } catch (const core::InputError& e) {
    CHECK_THAT(core::format(e.diagnostics().at(0)), Contains("--batch: error: --batch: sets the batch of an ONNX model's input"));
  }
}
