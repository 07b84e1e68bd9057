// Timeloop architecture files as Timeloop's own front end and model read them: v0.4 !Parallel and
// !Hierarchical nodes (timeloopfe's Dataspace2BranchProcessor), a size of 0, every spelling of an
// attribute, and Accelergy's attributes passed over and listed.

#include <catch2/catch.hpp>

#include "arch/arch_loader.h"
#include "core/diagnostics.h"
#include "mappings/rules.h"
#include "workloads/layer.h"

using namespace hwaware;

namespace {

arch::Spec read(const std::string& text) { return arch::read_arch(core::YamlFile::parse(text, "t.yaml")); }

std::string errors_of(const std::string& text) {
  try {
    read(text);
  } catch (const core::InputError& e) {
    std::string out;
    for (const auto& d : e.diagnostics()) out += core::format(d) + "\n";
    return out;
  }
  return "";
}

// A v0.4 SRAM buffer node keeping `keep`, at `indent`.
std::string buffer(const std::string& name, const std::string& keep, const std::string& indent) {
  return indent + "- !Component\n" + indent + "  name: " + name + "\n" + indent + "  class: SRAM\n" + indent +
         "  attributes: {depth: 1024, width: 64, datawidth: 8}\n" + indent + "  constraints: {dataspace: {keep: [" + keep + "]}}\n";
}

// DRAM, then `middle` (nodes at the top level's indentation), then the MAC.
std::string v4_arch(const std::string& middle) {
  return "architecture:\n"
         "  version: 0.4\n"
         "  nodes:\n"
         "  - !Component\n"
         "    name: DRAM\n"
         "    class: DRAM\n"
         "    attributes: {depth: 1048576, width: 64, datawidth: 8}\n" +
         middle +
         "  - !Component\n"
         "    name: mac\n"
         "    class: intmac\n"
         "    attributes: {datawidth: 8}\n";
}

const arch::StorageLevel& level(const arch::Spec& spec, const std::string& name) {
  const int l = spec.level_index(name);
  REQUIRE(l >= 0);
  return spec.levels[static_cast<std::size_t>(l)];
}

workload::Problem conv() {
  workload::ConvParams p;
  p.in_channels = p.out_channels = 4;
  p.in_height = p.in_width = 4;
  return workload::conv2d_problem("conv", p);
}

std::string parallel_errors(const arch::Spec& spec) {
  try {
    mapping::check_parallel_groups(spec, conv());
  } catch (const core::InputError& e) {
    std::string out;
    for (const auto& d : e.diagnostics()) out += core::format(d) + "\n";
    return out;
  }
  return "";
}

}  // namespace

TEST_CASE("a !Parallel node's branches follow one another, each bypassing what it does not keep, as Timeloop's front end derives it") {
  const auto spec =
      read(v4_arch("  - !Parallel\n    nodes:\n" + buffer("weight_buf", "Weights", "    ") + buffer("act_buf", "Inputs, Outputs", "    ")));
  REQUIRE(spec.levels.size() == 3);
  CHECK(spec.levels[1].name == "weight_buf");
  CHECK(spec.levels[2].name == "act_buf");
  CHECK_FALSE(level(spec, "weight_buf").bypasses("Weights"));
  CHECK(level(spec, "weight_buf").bypasses("Inputs"));
  CHECK(level(spec, "weight_buf").bypasses("Outputs"));
  CHECK(level(spec, "act_buf").bypasses("Weights"));
  CHECK_FALSE(level(spec, "act_buf").bypasses("Outputs"));
  CHECK_FALSE(level(spec, "DRAM").bypasses("Weights"));  // outside the node: as written
  CHECK(parallel_errors(spec).empty());
}

TEST_CASE("a tensor kept in two branches of a !Parallel node is an error at the second branch") {
  const auto e = errors_of(v4_arch("  - !Parallel\n    nodes:\n" + buffer("weight_buf", "Weights", "    ") +
                                   buffer("act_buf", "Weights, Inputs, Outputs", "    ")));
  CHECK_THAT(e, Catch::Contains("t.yaml:15:7:") && Catch::Contains("tensor 'Weights' is kept in two branches") &&
                    Catch::Contains("'weight_buf'") && Catch::Contains("'act_buf'"));
}

TEST_CASE("a layer's tensor that reaches a !Parallel node kept in no branch is an error at the node") {
  const auto spec =
      read(v4_arch("  - !Parallel\n    nodes:\n" + buffer("weight_buf", "Weights", "    ") + buffer("act_buf", "Inputs", "    ")));
  CHECK_THAT(parallel_errors(spec), Catch::Contains("t.yaml:8:5:") && Catch::Contains("tensor 'Outputs' of layer 'conv'") &&
                                        Catch::Contains("none of its branches keeps it"));
}

TEST_CASE(
    "in nested !Parallel nodes, an inner branch bypasses what it does not keep, and only its outer branch's tensors reach the inner node") {
  const std::string inner =
      "      - !Parallel\n        nodes:\n" + buffer("in_buf", "Inputs", "        ") + buffer("out_buf", "Outputs", "        ");
  const auto spec = read(v4_arch("  - !Parallel\n    nodes:\n" + buffer("weight_buf", "Weights", "    ") +
                                 "    - !Hierarchical\n      nodes:\n" + buffer("act_buf", "Inputs, Outputs", "      ") + inner));
  REQUIRE(spec.levels.size() == 5);
  CHECK(level(spec, "in_buf").bypasses("Outputs"));
  CHECK(level(spec, "in_buf").bypasses("Weights"));
  CHECK_FALSE(level(spec, "in_buf").bypasses("Inputs"));
  CHECK(level(spec, "act_buf").bypasses("Weights"));
  CHECK_FALSE(level(spec, "act_buf").bypasses("Outputs"));
  REQUIRE(spec.parallel_groups.size() == 2);
  REQUIRE(spec.parallel_groups[0].reaching);  // the inner node, read first
  CHECK(*spec.parallel_groups[0].reaching == std::vector<std::string>{"Inputs", "Outputs"});
  CHECK_FALSE(spec.parallel_groups[1].reaching);
  CHECK(parallel_errors(spec).empty());
}

TEST_CASE("a Timeloop size of 0 makes a level that stores nothing and only fans out, as the exercises' DummyBuffer") {
  const auto spec = read(
      "architecture:\n  version: 0.2\n  subtree:\n  - name: System\n    local:\n"
      "    - {name: DRAM, class: DRAM, attributes: {word_width: 16, width: 64}}\n"
      "    subtree:\n    - name: Chip\n      local:\n"
      "      - {name: 'DummyBuffer[0..15]', class: regfile, attributes: {width: 16, word_width: 16, entries: 0, meshX: 16}}\n"
      "      subtree:\n      - name: 'PE[0..15]'\n        local:\n"
      "        - {name: RF, class: regfile, attributes: {depth: 16, width: 16, word_width: 16, meshX: 16}}\n"
      "        - {name: MACs, class: intmac, attributes: {datawidth: 16, meshX: 16}}\n");
  const auto& dummy = level(spec, "DummyBuffer");
  CHECK(dummy.is_virtual());
  CHECK_FALSE(dummy.depth);
  CHECK(dummy.instances == 16);
  CHECK(level(spec, "RF").depth == 16);
}

TEST_CASE("Accelergy's attributes of a Timeloop component are passed over and listed, and a misspelling of a used one is an error") {
  const std::string arch =
      "architecture:\n  version: 0.2\n  subtree:\n  - name: eyeriss_like\n    attributes: {technology: 40nm}\n    local:\n"
      "    - {name: DRAM, class: DRAM, attributes: {width: 64, datawidth: 16}}\n"
      "    - name: shared_glb\n      class: smartbuffer_SRAM\n      attributes:\n"
      "        memory_width: 64\n        n_banks: 25\n        bank_depth: 512\n        memory_depth: 12800\n"
      "        n_buffets: 2\n        datawidth: 16\n"
      "    subtree:\n    - name: 'PE[0..167]'\n      local:\n"
      "      - {name: mac, class: intmac, attributes: {datawidth: 16, meshX: 14}}\n";
  const auto spec = read(arch);
  CHECK(level(spec, "shared_glb").depth == 12800);  // memory_depth, the Accelergy name Timeloop reads too
  CHECK(spec.unused_attributes == std::vector<std::string>{"shared_glb.n_banks", "shared_glb.bank_depth", "shared_glb.n_buffets"});
  std::string misspelt = arch;
  misspelt.replace(misspelt.find("bank_depth: 512"), 15, "dept: 512      ");
  CHECK_THAT(errors_of(misspelt),
             Catch::Contains("t.yaml:13:9:") && Catch::Contains("unknown key 'dept'") && Catch::Contains("did you mean 'depth'?"));
}

TEST_CASE("every spelling of num-ports Timeloop reads sets the ports") {
  auto ports = [](const std::string& key) {
    return read(
               "architecture:\n  version: 0.2\n  subtree:\n  - name: top\n    local:\n"
               "    - {name: Buffer, class: SRAM, attributes: {depth: 64, datawidth: 8, " +
               key + ": 1}}\n    - {name: mac, class: intmac}\n")
        .levels.at(0)
        .ports;
  };
  CHECK(ports("num-ports") == 1);
  CHECK(ports("num_ports") == 1);
  CHECK(ports("n_ports") == 1);
}
