// Layers read earlier layers: by default the previous one; residual adds, concatenations and the
// flattening before an FC layer must give each layer the channels it takes.

#include <catch2/catch.hpp>

#include "workloads/native_workload.h"
#include "yaml_doc.h"

using namespace hwaware;

namespace {

const char* kBlock = R"(workload:
  layers:
    - {name: stem, type: conv2d, in_channels: 3, out_channels: 16, input: [8, 8], kernel: 3, padding: 1}
    - {name: a, type: conv2d, in_channels: 16, out_channels: 16, input: [8, 8], kernel: 3, padding: 1}
    - {name: b, type: conv2d, in_channels: 16, out_channels: 16, input: [8, 8], kernel: 3, padding: 1}
    - {name: sum, type: add, channels: 16, input: [8, 8], inputs: [b, stem]}
    - {name: wide, type: conv2d, in_channels: 32, out_channels: 8, input: [8, 8], kernel: 1, inputs: [sum, a]}
    - {name: fc, type: fc, in_features: 512, out_features: 10}
)";

}  // namespace

TEST_CASE("a layer reads the previous layer unless it names its inputs, adds sum, convolutions concatenate", "[workload]") {
  test::Doc d(kBlock, "block.yaml");
  auto net = workload::read_native_workload(d.get("workload"));
  REQUIRE(d.sink.diagnostics().empty());
  REQUIRE(net.layers.size() == 6);
  CHECK(net.layers[0].inputs.empty());  // the network's input
  CHECK(net.layers[1].inputs == std::vector<std::string>{"stem"});
  CHECK(net.layers[3].inputs == std::vector<std::string>{"b", "stem"});
  CHECK(net.layers[4].inputs == std::vector<std::string>{"sum", "a"});  // 16 + 16 channels
  CHECK(net.layers[5].inputs == std::vector<std::string>{"wide"});      // 8 channels x 8 x 8 flattened
}

TEST_CASE("a layer that reads an unknown or later layer is an error with a hint", "[workload]") {
  std::string text = kBlock;
  text.replace(text.find("inputs: [b, stem]"), 17, "inputs: [b, stme]");
  test::Doc d(text, "block.yaml");
  workload::read_native_workload(d.get("workload"));
  CHECK(d.mentions("reads 'stme', which is not an earlier layer", 6));
  CHECK(d.mentions("did you mean 'stem'"));
}

TEST_CASE("channels that do not match their inputs are errors: a conv, an add, an FC layer", "[workload]") {
  std::string text = kBlock;
  text.replace(text.find("in_channels: 32"), 15, "in_channels: 24");
  text.replace(text.find("channels: 16, input: [8, 8], inputs"), 12, "channels: 12");
  text.replace(text.find("in_features: 512"), 16, "in_features: 500");
  test::Doc d(text, "block.yaml");
  workload::read_native_workload(d.get("workload"));
  CHECK(d.mentions("layer 'sum' adds 12 channels but 'b' gives 16"));
  CHECK(d.mentions("layer 'wide' takes 24 channels but its inputs (sum, a) give 28"));
  CHECK(d.mentions("layer 'fc' takes 500 features but its inputs (wide) give 512"));
}
