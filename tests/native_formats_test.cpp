// Tests of hwaware's own YAML formats: accelerator, workload and mapping readers.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "arch/arch_loader.h"
#include "arch/native_arch.h"
#include "core/text.h"
#include "core/yaml_reader.h"
#include "mappings/legality.h"
#include "mappings/native_mapping.h"
#include "workloads/native_workload.h"
#include "yaml_doc.h"

using namespace hwaware;

namespace {

using test::Doc;

const char* kArch = R"(accelerator:
  name: tiny
  clock: 200MHz
  technology: 65nm
  levels:
    - name: DRAM
      technology: dram
      word_bits: 8
      block_size: 8
      energy: {read: 200pJ, write: 200pJ}
    - name: glb
      technology: sram
      size: 1KiB
      word_bits: 8
      block_size: 8
      spatial: {x: 4, y: 2}
    - name: rf
      technology: regfile
      depth: 16
      word_bits: 16
      spatial: {x: 2}
  compute:
    name: mac
    operand_bits: 8
    energy: {compute: 1pJ}
)";

const char* kConv = R"(workload:
  name: net
  layers:
    - name: conv
      type: conv2d
      in_channels: 4
      out_channels: 8
      input: [6, 6]
      kernel: [3, 3]
      padding: 1
)";

// 04.2.3's sparse features (Sparseloop's Eyeriss-like on-chip compression) in the native syntax.
const char* kSparseArch = R"(accelerator:
  levels:
    - name: DRAM
      technology: dram
      word_bits: 16
      sparse:
        formats:
          Inputs: [{format: UOP, flattened: [R, S, P, C, M, N, Q]}, {format: UOP, flattened: [R, S, P, C, M, N, Q]},
                   {format: RLE, flattened: [R, S, P, C, M, N, Q]}]
          Outputs: [{format: UOP, flattened: [P, M, N, Q]}, {format: RLE, flattened: [P, M, N, Q]}]
        metadata: {word_bits: 5, block_size: 12}
    - name: shared_glb
      technology: sram
      size: 100KiB
      word_bits: 16
      sparse:
        formats: {Inputs: [{format: UOP, flattened: [R, S, P, C, M, N, Q]}, {format: RLE, flattened: [R, S, P, C, M, N, Q]}]}
        metadata: {word_bits: 4, block_size: 8}
      spatial: {x: 14, y: 12}
    - name: ifmap_spad
      technology: regfile
      depth: 12
      word_bits: 16
      sparse:
        formats: {Inputs: [{format: RLE, flattened: [R, S, P, C, M, N, Q]}]}
        metadata: {word_bits: 4, block_size: 2}
    - name: weights_spad
      technology: regfile
      depth: 192
      word_bits: 16
      sparse:
        skipping: [{target: Weights, condition_on: [Inputs]}]
  compute:
    name: mac
    sparse: {gating: true}
)";

// A level's sparse features as text, to compare two readings of them.
std::string describe(const arch::LevelSparsity& s) {
  std::string out;
  for (const auto& f : s.formats) {
    out += f.tensor + ":";
    for (const auto& r : f.ranks)
      out += " " + arch::to_string(r.format) + "[" + core::join(r.flattened, ",") + "]" +
             (r.metadata_word_bits ? "m" + std::to_string(*r.metadata_word_bits) : "") +
             (r.payload_word_bits ? "p" + std::to_string(*r.payload_word_bits) : "");
    out += "; ";
  }
  for (const auto& a : s.actions) {
    out += arch::to_string(a.kind);
    for (const auto& o : a.options) out += " " + o.target + "<-" + core::join(o.condition_on, ",");
    out += "; ";
  }
  if (!s.formats.empty())
    out += "metadata " + std::to_string(s.metadata_word_bits.value_or(-1)) + "x" + std::to_string(s.metadata_block_size);
  return out;
}

}  // namespace

TEST_CASE("an accelerator's levels get instances and mesh from the spatial fan-outs above them") {
  Doc d(kArch, "arch.yaml");
  auto spec = arch::read_native_arch(d.get("accelerator"));
  REQUIRE(d.sink.empty());
  REQUIRE(spec.levels.size() == 3);
  CHECK(spec.levels[0].instances == 1);
  CHECK(spec.levels[1].instances == 1);
  CHECK(spec.levels[2].instances == 8);
  CHECK(spec.levels[2].mesh_x == 4);
  CHECK(spec.levels[2].mesh_y == 2);
  CHECK(spec.compute.instances == 16);
  CHECK(spec.compute.mesh_x == 8);
  CHECK(spec.compute.mesh_y == 2);
  CHECK(spec.fanout_below(1) == 8);
  CHECK(spec.clock_hz == Approx(200e6));
  CHECK(spec.technology_nm == Approx(65));
}

TEST_CASE("a level's size is turned into entries of word_bits times block_size") {
  Doc d(kArch, "arch.yaml");
  auto spec = arch::read_native_arch(d.get("accelerator"));
  REQUIRE(d.sink.empty());
  CHECK(*spec.levels[1].depth == 1024 * 8 / 64);
  CHECK(*spec.levels[1].capacity_words() == 1024);
  CHECK_FALSE(spec.levels[0].depth.has_value());
  CHECK(spec.levels[0].energy.explicit_pj.at("read") == Approx(200));
  CHECK(spec.compute.energy.explicit_pj.at("compute") == Approx(1));
  CHECK(spec.levels[2].loc.line == 17);
}

TEST_CASE("an unknown key in an accelerator is reported with a did-you-mean hint") {
  Doc d("accelerator:\n  clok: 1GHz\n  levels:\n    - {name: DRAM, technology: dram}\n  compute: {name: mac}\n", "a.yaml");
  arch::read_native_arch(d.get("accelerator"));
  REQUIRE(d.sink.diagnostics().size() == 1);
  CHECK(d.sink.diagnostics()[0].loc.line == 2);
  CHECK(d.mentions("did you mean 'clock'?"));
}

TEST_CASE("a level without size or depth is rejected") {
  Doc d(
      "accelerator:\n  levels:\n    - {name: DRAM, technology: dram}\n    - {name: buf, technology: sram}\n"
      "  compute: {name: mac}\n",
      "a.yaml");
  arch::read_native_arch(d.get("accelerator"));
  REQUIRE(d.sink.diagnostics().size() == 1);
  CHECK(d.mentions("needs a capacity", 4));
}

TEST_CASE("a level with both size and depth is rejected") {
  Doc d("accelerator:\n  levels:\n    - {name: buf, technology: sram, size: 1KiB, depth: 4}\n  compute: {name: mac}\n", "a.yaml");
  arch::read_native_arch(d.get("accelerator"));
  CHECK(d.mentions("both 'size' and 'depth'", 3));
}

TEST_CASE("every accelerator mistake is reported together, with hints for technology and tensor names") {
  Doc d(
      "accelerator:\n  levels:\n    - {name: DRAM, technology: dramm, keep: [Weight]}\n"
      "    - {name: buf, technology: sram, depth: 0, word_bits: -8}\n",
      "a.yaml");
  arch::read_native_arch(d.get("accelerator"));
  CHECK(d.mentions("did you mean 'dram'?", 3));
  CHECK(d.mentions("did you mean 'Weights'?", 3));
  CHECK(d.mentions("expected a positive integer", 4));
  CHECK(d.mentions("missing required key 'compute'"));
  CHECK(d.sink.diagnostics().size() == 5);
}

TEST_CASE("an accelerator without levels is rejected") {
  Doc d("accelerator:\n  levels: []\n  compute: {name: mac}\n", "a.yaml");
  arch::read_native_arch(d.get("accelerator"));
  CHECK(d.mentions("at least one storage level", 2));
}

TEST_CASE("the native sparse syntax reads into the same sparse features as Sparseloop's sparse_optimizations of 04.2.3") {
  Doc d(kSparseArch, "sparse.yaml");
  const auto native = arch::read_native_arch(d.get("accelerator"));
  INFO((d.sink.empty() ? std::string() : core::format(d.sink.diagnostics()[0])));
  REQUIRE(d.sink.empty());
  const auto timeloop = arch::load_arch(std::string(HWAWARE_TEST_DATA) +
                                        "/reference/sparseloop/04.2.3-eyeriss-like-onchip-compression/parsed-processed-input.yaml");
  for (const auto& lvl : native.levels) {
    INFO(lvl.name);
    const int t = timeloop.level_index(lvl.name);
    REQUIRE(t >= 0);
    CHECK(describe(lvl.sparse) == describe(timeloop.levels[static_cast<std::size_t>(t)].sparse));
  }
  CHECK(describe(native.levels[0].sparse).rfind("Inputs: UOP[R,S,P,C,M,N,Q] UOP[R,S,P,C,M,N,Q] RLE[R,S,P,C,M,N,Q]; ", 0) == 0);
  CHECK(native.compute.sparse.gate_on_zero_operand);
  CHECK_FALSE(native.compute.sparse.skip_on_not_aligned_operands);
  CHECK(native.sparse_optimized());
}

TEST_CASE("a native rank is a format name or a map with its flattened dimensions and word bits, options are alternatives") {
  Doc d(
      "accelerator:\n  levels:\n"
      "    - name: buf\n      technology: sram\n      depth: 64\n"
      "      sparse:\n"
      "        formats: {Weights: [UOP, {format: cp, metadata_word_bits: 3, payload_word_bits: 6}]}\n"
      "        gating: [{options: [{target: Inputs, condition_on: [Weights]}, {target: Inputs, condition_on: [Outputs]}]}]\n"
      "        spatial_skipping: [{target: Outputs, condition_on: [Weights, Inputs]}]\n"
      "  compute: {name: mac, sparse: {skipping: true}}\n",
      "a.yaml");
  const auto spec = arch::read_native_arch(d.get("accelerator"));
  REQUIRE(d.sink.empty());
  CHECK(describe(spec.levels[0].sparse) ==
        "Weights: UOP[] CP[]m3p6; gating Inputs<-Weights Inputs<-Outputs; spatial_skipping Outputs<-Weights,Inputs; metadata -1x1");
  CHECK(spec.compute.sparse.skip_on_not_aligned_operands);
}

TEST_CASE("native sparse mistakes are reported at their node: format and tensor names with hints, empty ranks, the shared checks") {
  Doc d(
      "accelerator:\n  levels:\n"
      "    - name: buf\n      technology: sram\n      depth: 64\n      bypass: [Outputs]\n"
      "      sparse:\n"
      "        formats: {Weights: [RLF], Inputs: [], Outputs: [CP], Input: [CP]}\n"
      "        gating: [{target: Weights, condition_on: [Weights]}]\n"
      "        skipping: [{target: Weights, condition_on: [Inputs]}]\n"
      "        metadata: {word_bits: 0}\n"
      "  compute: {name: mac, sparse: {gating: yes, skiping: true}}\n",
      "a.yaml");
  arch::read_native_arch(d.get("accelerator"));
  std::string all;
  for (const auto& e : d.sink.diagnostics()) all += core::format(e) + "\n";
  INFO(all);
  CHECK(all.find("a.yaml:8:29: error: accelerator.levels[0].sparse.formats.Weights[0]: expected a rank format (U, UOP, CP, RLE, B), found "
                 "'RLF' (did you mean 'RLE'?)") != std::string::npos);
  CHECK(all.find("a.yaml:8:43: error: accelerator.levels[0].sparse.formats.Inputs: expected at least one rank") != std::string::npos);
  CHECK(all.find("a.yaml:8:56: error: buf.formats.Outputs: level 'buf' bypasses 'Outputs'") != std::string::npos);
  CHECK(all.find("found 'Input' (did you mean 'Inputs'?)") != std::string::npos);
  CHECK(all.find("a.yaml:9:18: error: buf.gating.Weights: 'Weights' is conditioned on itself") != std::string::npos);
  CHECK(all.find("a.yaml:10:20: error: buf.skipping.Weights: 'Weights' is both gated and skipped at level 'buf'") != std::string::npos);
  CHECK(all.find("a.yaml:11:31: error: accelerator.levels[0].sparse.metadata.word_bits: expected a positive integer") != std::string::npos);
  CHECK(all.find("unknown key 'skiping'") != std::string::npos);
  CHECK(d.sink.diagnostics().size() == 8);
}

TEST_CASE("a conv2d layer lowers to the published MAC count") {
  // AlexNet conv3: 256 -> 384 channels, 13x13, 3x3, pad 1: 149,520,384 MACs (Krizhevsky et al. 2012).
  Doc d(
      "workload:\n  layers:\n    - {name: conv3, type: conv2d, in_channels: 256, out_channels: 384, input: [13, 13],"
      " kernel: [3, 3], padding: 1}\n",
      "w.yaml");
  auto net = workload::read_native_workload(d.get("workload"));
  REQUIRE(d.sink.empty());
  REQUIRE(net.layers.size() == 1);
  CHECK(net.layers[0].problem.macs() == 149520384LL);
  CHECK(net.layers[0].loc.line == 3);
}

TEST_CASE("an fc layer lowers to in_features times out_features MACs per sample") {
  Doc d("workload:\n  batch: 2\n  layers:\n    - {name: fc8, type: fc, in_features: 4096, out_features: 1000}\n", "w.yaml");
  auto net = workload::read_native_workload(d.get("workload"));
  REQUIRE(d.sink.empty());
  CHECK(net.layers[0].problem.macs() == 2LL * 4096 * 1000);
}

TEST_CASE("stride and dilation given as [height, width] shape the output") {
  Doc d(
      "workload:\n  layers:\n    - {name: c, type: conv2d, in_channels: 1, out_channels: 1, input: [9, 12],"
      " kernel: [3, 3], stride: [2, 1], dilation: [1, 2]}\n",
      "w.yaml");
  auto net = workload::read_native_workload(d.get("workload"));
  REQUIRE(d.sink.empty());
  const auto& pr = net.layers[0].problem;
  CHECK(pr.bounds[static_cast<std::size_t>(pr.dim_index("Q"))] == 4);  // (9 - 3) / 2 + 1
  CHECK(pr.bounds[static_cast<std::size_t>(pr.dim_index("P"))] == 8);  // 12 - 5 + 1
}

TEST_CASE("a depthwise layer has groups equal to its channels") {
  Doc d(
      "workload:\n  layers:\n    - {name: dw, type: conv2d, in_channels: 32, out_channels: 32, groups: 32,"
      " input: [8, 8], kernel: [3, 3], padding: 1}\n",
      "w.yaml");
  auto net = workload::read_native_workload(d.get("workload"));
  REQUIRE(d.sink.empty());
  CHECK(net.layers[0].problem.macs() == 32LL * 9 * 64);
}

TEST_CASE("channels not divisible by groups are rejected") {
  Doc d(
      "workload:\n  layers:\n    - {name: g, type: conv2d, in_channels: 6, out_channels: 8, groups: 4,"
      " input: [8, 8], kernel: [3, 3]}\n",
      "w.yaml");
  workload::read_native_workload(d.get("workload"));
  CHECK(d.mentions("divisible by groups (4)", 3));
}

TEST_CASE("a kernel larger than the padded input is rejected naming both sizes") {
  Doc d(
      "workload:\n  layers:\n    - {name: k, type: conv2d, in_channels: 1, out_channels: 1, input: [3, 3],"
      " kernel: [5, 5]}\n",
      "w.yaml");
  workload::read_native_workload(d.get("workload"));
  CHECK(d.mentions("(5 x 5"));
  CHECK(d.mentions("(3 x 3)"));
}

TEST_CASE("duplicate layer names and unknown layer types are rejected") {
  Doc d(
      "workload:\n  layers:\n    - {name: a, type: fc, in_features: 2, out_features: 2}\n"
      "    - {name: a, type: fc, in_features: 2, out_features: 2}\n"
      "    - {name: b, type: fcc, in_features: 2, out_features: 2}\n",
      "w.yaml");
  auto net = workload::read_native_workload(d.get("workload"));
  CHECK(net.layers.size() == 1);
  CHECK(d.mentions("duplicate layer name 'a'", 4));
  CHECK(d.mentions("did you mean 'fc'?", 5));
}

TEST_CASE("a native mapping builds loops per level, outermost first, Y before X") {
  Doc a(kArch, "arch.yaml");
  auto spec = arch::read_native_arch(a.get("accelerator"));
  Doc w(kConv, "w.yaml");
  auto net = workload::read_native_workload(w.get("workload"));
  REQUIRE(net.layers.size() == 1);
  const auto& pr = net.layers[0].problem;
  Doc m(R"(mapping:
  DRAM:
    temporal: {factors: {M: 2, C: 4, P: 6}, order: [P]}
  glb:
    temporal: {factors: {Q: 3}}
    spatial: {x: {M: 4}, y: {Q: 2}}
  rf:
    temporal: {factors: {R: 3, S: 3}, order: [S, R]}
    keep: [Outputs]
)",
        "m.yaml");
  auto map = mapping::read_native_mapping(m.get("mapping"), spec, pr);
  REQUIRE(m.sink.empty());
  REQUIRE(map.levels.size() == 3);
  const auto& dram = map.levels[0].temporal;
  REQUIRE(dram.size() == 3);
  CHECK(pr.dim_names[static_cast<std::size_t>(dram[0].dim)] == "P");  // listed in order
  CHECK(pr.dim_names[static_cast<std::size_t>(dram[1].dim)] == "C");  // then problem order
  CHECK(pr.dim_names[static_cast<std::size_t>(dram[2].dim)] == "M");
  const auto& sp = map.levels[1].spatial;
  REQUIRE(sp.size() == 2);
  CHECK(sp[0].kind == mapping::LoopKind::spatial_y);
  CHECK(sp[1].kind == mapping::LoopKind::spatial_x);
  CHECK(map.levels[2].temporal[0].dim == pr.dim_index("S"));
  CHECK(map.levels[2].keep == std::vector<bool>{false, false, true});
  CHECK(map.levels[0].keep == std::vector<bool>{true, true, true});
  CHECK(map.levels[1].loc.line == 5);
  mapping::check_legality(map, spec, pr, m.get("mapping"));
  CHECK(m.sink.empty());
}

TEST_CASE("a mapping naming an unknown level is rejected") {
  Doc a(kArch, "arch.yaml");
  auto spec = arch::read_native_arch(a.get("accelerator"));
  Doc w(kConv, "w.yaml");
  auto pr = workload::read_native_workload(w.get("workload")).layers.at(0).problem;
  Doc m("mapping:\n  DRAMM:\n    temporal: {factors: {M: 2}}\n", "m.yaml");
  mapping::read_native_mapping(m.get("mapping"), spec, pr);
  REQUIRE(m.sink.diagnostics().size() == 1);
  CHECK(m.mentions("unknown level 'DRAMM'"));
  CHECK(m.mentions("did you mean 'DRAM'?"));
}

TEST_CASE("a mapping naming an unknown dimension or tensor is rejected with a hint") {
  Doc a(kArch, "arch.yaml");
  auto spec = arch::read_native_arch(a.get("accelerator"));
  Doc w(kConv, "w.yaml");
  auto pr = workload::read_native_workload(w.get("workload")).layers.at(0).problem;
  Doc m("mapping:\n  glb:\n    temporal: {factors: {MM: 2}}\n    bypass: [Weight]\n", "m.yaml");
  mapping::read_native_mapping(m.get("mapping"), spec, pr);
  CHECK(m.mentions("unknown dimension 'MM'", 3));
  CHECK(m.mentions("did you mean 'M'?", 3));
  CHECK(m.mentions("did you mean 'Weights'?", 4));
}
