// Timeloop inputs as one document (its front end's parsed-processed-input.yaml): each reader reads
// its section and passes over the others Timeloop knows; attributes, constraint sections,
// densities and sparse_optimizations as Timeloop reads them.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "arch/arch_loader.h"
#include "arch/sparse_describe.h"
#include "core/text.h"
#include "core/timeloop_sections.h"
#include "mappings/mapping_loader.h"
#include "workloads/timeloop_problem.h"
#include "workloads/workload_loader.h"
#include "yaml_doc.h"

using namespace hwaware;
using hwaware::test::options_of;
using hwaware::test::ranks_of;

namespace {

const std::string kDump = std::string(HWAWARE_TEST_DATA) + "/reference/sparseloop/01.2.1-DUDU-dot-product/parsed-processed-input.yaml";

// A one-level subtree architecture (the front end's dump form) with `buffer_attrs` added to the
// buffer's attributes and `extra` appended at the top level.
std::string dump_arch(const std::string& buffer_attrs, const std::string& extra = "") {
  return "architecture:\n"
         "  version: '0.4'\n"
         "  subtree:\n"
         "    - name: PE_top_level\n"
         "      local:\n"
         "        - name: Buffer[1..1]\n"
         "          class: storage\n"
         "          attributes:\n"
         "            depth: 64\n"
         "            width: 8\n"
         "            datawidth: 8\n" +
         buffer_attrs +
         "        - name: mac[1..1]\n"
         "          class: intmac\n"
         "          attributes: {meshX: 1, meshY: 1}\n" +
         extra;
}

// The diagnostics of reading `text` as an accelerator, one per line.
std::string arch_errors(const std::string& text) {
  try {
    arch::read_arch(core::YamlFile::parse(text, "t.yaml"));
  } catch (const core::InputError& e) {
    std::string out;
    for (const auto& d : e.diagnostics()) out += core::format(d) + "\n";
    return out;
  }
  return "";
}

// `text` written to a file of its own, for the readers that take a path.
std::string write_temp(const std::string& text, const std::string& name) {
  const auto path = std::filesystem::temp_directory_path() / ("hwaware_timeloop_document_" + name + ".yaml");
  std::ofstream(path) << text;
  return path.string();
}

std::string problem_errors(const std::string& text) {
  test::Doc doc(text, "p.yaml");
  workload::read_timeloop_problem(doc.get("problem"));
  std::string out;
  for (const auto& d : doc.sink.diagnostics()) out += core::format(d) + "\n";
  return out;
}

const std::string kProblem =
    "problem:\n"
    "  shape:\n"
    "    name: dot\n"
    "    dimensions: [K, M]\n"
    "    data_spaces:\n"
    "      - {name: A, projection: [[[K]]]}\n"
    "      - {name: B, projection: [[[K]]]}\n"
    "      - {name: Z, projection: [[[M]]], read_write: true}\n"
    "  instance:\n"
    "    K: 16\n"
    "    M: 1\n";

const arch::StorageLevel& level(const arch::Spec& spec, const std::string& name) {
  const int i = spec.level_index(name);
  REQUIRE(i >= 0);
  return spec.levels[static_cast<std::size_t>(i)];
}

std::string sparseloop_case(const std::string& name) {
  return std::string(HWAWARE_TEST_DATA) + "/reference/sparseloop/" + name + "/parsed-processed-input.yaml";
}

}  // namespace

TEST_CASE("each reader reads its own section of a Timeloop front-end dump and passes over the others") {
  const auto spec = arch::load_arch(kDump);
  REQUIRE(spec.levels.size() == 1);
  CHECK(spec.levels[0].name == "Buffer");
  CHECK(spec.levels[0].depth == 64);
  CHECK(spec.levels[0].read_bandwidth == 3.0);
  CHECK(spec.compute.name == "mac");
  const auto net = workload::load_workload(kDump);
  REQUIRE(net.layers.size() == 1);
  CHECK(net.layers[0].problem.macs() == 16);
  CHECK_FALSE(mapping::file_gives_mapping(kDump));  // `mapping: []`: the mapper is to choose
}

TEST_CASE("an unknown top-level key of a Timeloop document is an error with a did-you-mean hint") {
  const auto errors = arch_errors(dump_arch("", "architecture_constraint:\n  targets: []\n"));
  INFO(errors);
  CHECK(errors.find("t.yaml:15:1: error: unknown key 'architecture_constraint'") != std::string::npos);
  CHECK(errors.find("did you mean 'architecture_constraints'?") != std::string::npos);
}

TEST_CASE("a Timeloop section beside an hwaware accelerator is an error: native files stay strict") {
  const auto errors = arch_errors(
      "accelerator:\n  name: x\n  levels: []\n"
      "mapper: {algorithm: random}\n");
  CHECK(errors.find("unknown key 'mapper'") != std::string::npos);
  CHECK_FALSE(core::is_timeloop_document(YAML::Load("{accelerator: {}, mapper: {}}")));
  CHECK(core::is_timeloop_document(YAML::Load("{mapping: [], mapper: {}}")));
  CHECK_FALSE(core::is_timeloop_document(YAML::Load("{mapping: {Buffer: {}}}")));
}

TEST_CASE("attributes Timeloop's model does not read are accepted at any value, a misspelt one is refused with a hint") {
  CHECK(arch_errors(dump_arch("            n_banks: 2\n            has_power_gating: true\n            latency: 5ns\n"
                              "            metadata_storage_width: 32\n            technology: 45nm\n")) == "");
  const auto errors = arch_errors(dump_arch("            multiple_bufering: 1\n"));
  CHECK(errors.find("unknown key 'multiple_bufering'") != std::string::npos);
  CHECK(errors.find("did you mean 'multiple_buffering'?") != std::string::npos);
}

TEST_CASE("an attribute Timeloop reads is accepted at its default and refused, at its line, at a value hwaware does not model") {
  CHECK(arch_errors(dump_arch("            multiple_buffering: 1\n            min_utilization: 0\n            allow_overbooking: false\n"
                              "            reduction_supported: true\n            power_gated_at: Buffer\n")) == "");
  CHECK(arch_errors(dump_arch("            multiple_buffering: 2\n")).find("t.yaml:12:33: error: ") != std::string::npos);
  CHECK(arch_errors(dump_arch("            allow_overbooking: true\n")).find("'allow_overbooking' other than false is not modelled") !=
        std::string::npos);
  CHECK(arch_errors(dump_arch("            power_gated_at: DRAM\n")).find("power gating at another level ('DRAM') is not modelled") !=
        std::string::npos);
  CHECK(arch_errors(dump_arch("            shared_bandwidth: 4\n")).find("'shared_bandwidth' is read by Timeloop") != std::string::npos);
}

TEST_CASE("memory_depth and memory_width stand for depth and width, as Timeloop reads them") {
  const std::string text =
      "architecture:\n  subtree:\n    - name: top\n      local:\n"
      "        - name: Buffer\n          class: smartbuffer_RF\n"
      "          attributes: {memory_depth: 12, memory_width: 32, datawidth: 16}\n"
      "        - name: mac\n          class: intmac\n          attributes: {}\n";
  const auto spec = arch::read_arch(core::YamlFile::parse(text, "t.yaml"));
  CHECK(spec.levels[0].depth == 12);
  CHECK(spec.levels[0].block_size == 2);
}

TEST_CASE("a component with enabled: false is left out, as Timeloop's front end leaves it out") {
  const auto spec = arch::read_arch(core::YamlFile::parse(
      dump_arch("", "") +
          "        - name: Spare[1..1]\n          class: regfile\n          enabled: false\n          attributes: {depth: 8}\n",
      "t.yaml"));
  CHECK(spec.levels.size() == 1);
}

TEST_CASE(
    "architecture_constraints targets become the level's constraints, keep and bypass, factors joined by commas or spaces, a factor of 0 "
    "leaves it free") {
  const auto spec =
      arch::read_arch(core::YamlFile::parse(dump_arch("",
                                                      "architecture_constraints:\n  targets:\n"
                                                      "    - {target: Buffer, type: temporal, factors: 'K=16,M=1,N=0', permutation: KM}\n"
                                                      "    - {target: Buffer, type: dataspace, keep: [A, Z], bypass: [B]}\n"
                                                      "mapspace_constraints:\n"
                                                      "  - {target: Buffer, type: spatial, factors: K1 M1, split: 1}\n"),
                                            "t.yaml"));
  const auto& c = spec.levels[0].constraints;
  REQUIRE(c.temporal);
  CHECK(c.temporal->factors == std::vector<std::pair<std::string, long long>>{{"K", 16}, {"M", 1}});
  CHECK(c.temporal->permutation == std::vector<std::string>{"K", "M"});
  REQUIRE(c.spatial);
  CHECK(c.spatial->factors.size() == 2);
  CHECK(c.spatial->split == 1);
  CHECK(spec.levels[0].keep == std::vector<std::string>{"A", "Z"});
  CHECK(spec.levels[0].bypass == std::vector<std::string>{"B"});
}

TEST_CASE("a constraint target naming an unknown level or type, and a level constrained twice, are errors") {
  const auto errors = arch_errors(dump_arch("",
                                            "architecture_constraints:\n  targets:\n"
                                            "    - {target: Bufer, type: temporal, factors: K=16}\n"
                                            "    - {target: Buffer, type: temporl, factors: K=16}\n"
                                            "    - {target: Buffer, type: temporal, factors: K=16 M=1}\n"
                                            "    - {target: Buffer, type: temporal, factors: K=16}\n"));
  CHECK(errors.find("unknown level 'Bufer'") != std::string::npos);
  CHECK(errors.find("did you mean 'Buffer'?") != std::string::npos);
  CHECK(errors.find("did you mean 'temporal'?") != std::string::npos);
  CHECK(errors.find("a second temporal constraint for level 'Buffer'") != std::string::npos);
}

TEST_CASE("each of the nine sparse Sparseloop cases reads its sparse_optimizations into its levels, the dense one has none") {
  for (const char* c : {"01.2.2-SUDU-dot-product", "01.2.3-SCDU-dot-product", "02.2.1-spMspM", "02.2.2-spMspM-tiled", "03.2.1-conv1d",
                        "03.2.3-conv1d+oc-spatial", "04.2.1-eyeriss-like-gating", "04.2.2-eyeriss-like-gating-mapspace-search",
                        "04.2.3-eyeriss-like-onchip-compression"}) {
    INFO(c);
    CHECK(arch::load_arch(sparseloop_case(c)).sparse_optimized());
  }
  CHECK_FALSE(arch::load_arch(kDump).sparse_optimized());
  CHECK(arch_errors(dump_arch("", "sparse_optimizations:\n  version: '0.4'\n  targets: []\n")) == "");
}

TEST_CASE("01.2.2: Buffer gates B and Z, each conditioned on A, as two gating optimizations") {
  const auto spec = arch::load_arch(sparseloop_case("01.2.2-SUDU-dot-product"));
  const auto& s = level(spec, "Buffer").sparse;
  CHECK(s.formats.empty());
  REQUIRE(s.actions.size() == 2);
  CHECK(options_of(s.actions[0]) == "gating B<-A");
  CHECK(options_of(s.actions[1]) == "gating Z<-A");
  CHECK(s.actions[1].options[0].loc.line == 472);  // "- target: Z"
  CHECK(spec.compute.sparse.empty());
}

TEST_CASE("02.2.2: BackingStorage stores B in three ranks (UOP, UOP, CP, outermost first) and A in two, Buffer skips") {
  const auto spec = arch::load_arch(sparseloop_case("02.2.2-spMspM-tiled"));
  const auto& backing = level(spec, "BackingStorage").sparse;
  CHECK(ranks_of(backing.format_of("B")) == "UOP UOP CP");
  CHECK(ranks_of(backing.format_of("A")) == "UOP CP");
  CHECK(backing.format_of("B")->compressed());
  CHECK(backing.actions.empty());
  const auto& buffer = level(spec, "Buffer").sparse;
  CHECK(ranks_of(buffer.format_of("B")) == "UOP CP");
  REQUIRE(buffer.actions.size() == 3);
  CHECK(options_of(buffer.actions[2]) == "skipping Z<-A,B");
  CHECK(buffer.metadata_word_bits == 4);
}

TEST_CASE("04.2.3: shared_glb stores Inputs in UOP then RLE ranks flattening every dimension, weights_spad skips Weights on Inputs") {
  const auto spec = arch::load_arch(sparseloop_case("04.2.3-eyeriss-like-onchip-compression"));
  const auto* inputs = level(spec, "shared_glb").sparse.format_of("Inputs");
  CHECK(ranks_of(inputs) == "UOP RLE");
  REQUIRE(inputs->ranks.size() == 2);
  CHECK(inputs->ranks[1].flattened == std::vector<std::string>{"R", "S", "P", "C", "M", "N", "Q"});
  CHECK(ranks_of(level(spec, "DRAM").sparse.format_of("Inputs")) == "UOP UOP RLE");
  CHECK(ranks_of(level(spec, "DRAM").sparse.format_of("Outputs")) == "UOP RLE");
  CHECK(level(spec, "DRAM").sparse.format_of("Outputs")->ranks[0].flattened == std::vector<std::string>{"P", "M", "N", "Q"});
  CHECK(ranks_of(level(spec, "ifmap_spad").sparse.format_of("Inputs")) == "RLE");
  REQUIRE(level(spec, "weights_spad").sparse.actions.size() == 1);
  CHECK(options_of(level(spec, "weights_spad").sparse.actions[0]) == "skipping Weights<-Inputs");
  CHECK(level(spec, "psum_spad").sparse.empty());
}

TEST_CASE("a level's metadata word is its metadata_datawidth, its metadata block metadata_storage_width / metadata_datawidth") {
  const auto gating = arch::load_arch(sparseloop_case("04.2.1-eyeriss-like-gating"));
  CHECK(level(gating, "DRAM").sparse.metadata_word_bits == 5);  // metadata_storage_width: 60
  CHECK(level(gating, "DRAM").sparse.metadata_block_size == 12);
  CHECK(level(gating, "shared_glb").sparse.metadata_word_bits == 0);  // metadata_datawidth: 0, no metadata
  CHECK(level(gating, "shared_glb").sparse.metadata_block_size == 1);
  CHECK_FALSE(level(gating, "weights_spad").sparse.metadata_word_bits);  // none given: the level's word
  const auto compression = arch::load_arch(sparseloop_case("04.2.3-eyeriss-like-onchip-compression"));
  CHECK(level(compression, "DRAM").sparse.metadata_word_bits == 5);
  CHECK(level(compression, "DRAM").sparse.metadata_block_size == 12);
  CHECK(level(compression, "shared_glb").sparse.metadata_word_bits == 4);  // metadata_storage_width: 32
  CHECK(level(compression, "shared_glb").sparse.metadata_block_size == 8);
  CHECK(level(compression, "ifmap_spad").sparse.metadata_block_size == 2);
  const auto given = arch::read_arch(core::YamlFile::parse(
      dump_arch("            metadata_word_bits: 4\n            metadata_block_size: 2\n            metadata_storage_width: 16\n"),
      "t.yaml"));
  CHECK(given.levels[0].sparse.metadata_word_bits == 4);
  CHECK(given.levels[0].sparse.metadata_block_size == 2);
}

TEST_CASE("problem densities give each named tensor its distribution and density, the others stay dense") {
  test::Doc doc(kProblem +
                    "    densities:\n"
                    "      A: {distribution: fixed_structured, density: 0.25, band_width: 0, workload_tensor_size: 0}\n"
                    "      B: {distribution: hypergeometric, density: 0.5, workload_tensor_size: 32}\n",
                "p.yaml");
  const auto pr = workload::read_timeloop_problem(doc.get("problem"));
  REQUIRE(doc.sink.empty());
  CHECK(pr.data_spaces[0].density == 0.25);
  CHECK(pr.data_spaces[0].density_distribution == workload::DensityDistribution::fixed_structured);
  CHECK(pr.data_spaces[1].density_distribution == workload::DensityDistribution::hypergeometric);
  CHECK(pr.data_spaces[1].density_tensor_coords == 32);
  CHECK(pr.data_spaces[2].density == 1.0);
}

TEST_CASE("a density given as a number is fixed-structured, commonDensity applies to every tensor") {
  test::Doc doc(kProblem + "    commonDensity: 0.5\n    densities: {A: 0.25}\n", "p.yaml");
  const auto pr = workload::read_timeloop_problem(doc.get("problem"));
  REQUIRE(doc.sink.empty());
  CHECK(pr.data_spaces[0].density == 0.25);
  CHECK(pr.data_spaces[1].density == 0.5);
  CHECK(pr.data_spaces[2].density == 0.5);
}

TEST_CASE("a density outside 0 < d <= 1, an unknown distribution and an unknown tensor are errors at their line") {
  const auto errors = problem_errors(kProblem +
                                     "    densities:\n"
                                     "      A: {distribution: fixed_structured, density: 1.5}\n"
                                     "      B: {distribution: hypergeometrc, density: 0.5}\n"
                                     "      C: 0.5\n");
  INFO(errors);
  CHECK(errors.find("p.yaml:13:52: error: problem.instance.densities.A.density: expected a density in (0, 1]") != std::string::npos);
  CHECK(errors.find("p.yaml:14:25: error: problem.instance.densities.B.distribution: ") != std::string::npos);
  CHECK(errors.find("did you mean 'hypergeometric'?") != std::string::npos);
  CHECK(errors.find("unknown tensor 'C' in densities") != std::string::npos);
}

TEST_CASE("a Timeloop mapping's `mapping: []` gives no mapping, hwaware's own files always give one") {
  CHECK_FALSE(mapping::file_gives_mapping(write_temp("mapping: []\nproblem: {}\n", "empty")));
  CHECK(mapping::file_gives_mapping(write_temp("mapping:\n  - {target: Buffer, type: temporal, factors: K=16}\n", "list")));
  CHECK(mapping::file_gives_mapping(write_temp("mapping: {}\n", "native")));
}

TEST_CASE("num-ports is honoured as Timeloop's BufferLevel reads it: 1 shares one port between reads and writes") {
  auto ports_of = [](const std::string& attrs) {
    const auto spec = arch::read_arch(core::YamlFile::parse(dump_arch(attrs), "t.yaml"));
    return spec.levels.at(0).ports;
  };
  CHECK(ports_of("") == 2);
  CHECK(ports_of("            num-ports: 1\n") == 1);
  CHECK(ports_of("            n_ports: 1\n") == 1);
  CHECK(ports_of("            num-ports: 2\n") == 2);
  CHECK_THAT(arch_errors(dump_arch("            num-ports: 3\n")), Catch::Contains("between 1 and 2, found '3'"));
}

TEST_CASE("a Timeloop architecture gets the native checks, at the attribute's line") {
  CHECK_THAT(arch_errors(dump_arch("            instances: 0\n")),
             Catch::Contains("t.yaml:12:24: error: instances: level 'Buffer': expected at least 1 instance, found 0"));
  const auto negative = arch_errors(
      "architecture:\n  version: '0.4'\n  subtree:\n    - name: top\n      local:\n"
      "        - name: Buffer\n          class: storage\n          attributes: {depth: -64, datawidth: 8}\n"
      "        - name: mac\n          class: intmac\n");
  CHECK_THAT(negative, Catch::Contains("t.yaml:8:31: error: depth: level 'Buffer': expected a depth of at least 1 entry, found -64"));
}
