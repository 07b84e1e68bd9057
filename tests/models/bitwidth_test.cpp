// Bitwidth on a hand case: bits moved per level scale with the tensors' bits, MAC energy with the
// operand widths, capacity is checked in bits; the formats read the bits and densities. Every
// expected number is derived in the test. (Zeros: sparse_analysis_test.cpp, sparse_formats_test.cpp.)

#include <catch2/catch.hpp>

#include "arch/native_arch.h"
#include "core/yaml_reader.h"
#include "mappings/legality.h"
#include "models/analytical_model.h"
#include "models/energy_estimators.h"
#include "models/small_layers.h"
#include "workloads/native_workload.h"

using namespace hwaware;
using mapping::Loop;
using mapping::LoopKind;
using namespace hwaware::test;

namespace {

// Main (block 4) above a Buffer: Main iterates P = 16, the Buffer R = 3. Dense counts (see
// counting_rules_test): Buffer Inputs 18 fills, 48 reads; Weights 3 fills, 48 reads; Outputs
// 48 updates, 32 reads; Main Inputs 18 reads, Weights 3 reads, Outputs 16 updates.
model::LayerCounts two_level(const workload::Problem& pr, arch::Spec spec) {
  mapping::Mapping m{{lm({{P, 16}}), lm({{R, 3}})}};
  return model::evaluate_counts(spec, m, pr);
}

arch::Spec main_buffer() { return spec_of({level("Main", 1, 4), level("Buffer")}); }

const model::TensorBits& bits(const model::LayerCounts& c, std::size_t level, std::size_t tensor) {
  return c.levels.at(level).bits.at(tensor);
}

double row_energy(const model::LayerEnergy& e, const std::string& component, const std::string& action) {
  double pj = 0;
  for (const auto& r : e.rows)
    if (r.component == component && r.action == action) pj += r.energy_pj;
  return pj;
}

}  // namespace

TEST_CASE("a tensor whose bits are not given moves one word of each level per element", "[bits]") {
  auto spec = main_buffer();
  spec.levels[1].word_bits = 16;
  auto c = two_level(conv1d(1, 3, 16), spec);
  CHECK_FALSE(bits(c, 1, I).bits_given);
  CHECK(bits(c, 1, I).element_bits == 16);
  CHECK(bits(c, 1, I).fill_bits == 18 * 16);
  CHECK(bits(c, 1, I).fill_vectors == 18);  // one 16-bit word each
  CHECK(bits(c, 0, I).element_bits == 8);   // Main's words are 8 bits
  CHECK(bits(c, 0, I).read_vectors == 5);   // ceil(18 / 4): Timeloop's vector accesses
}

TEST_CASE("halving every tensor's bits halves the bits moved at every level", "[bits]") {
  auto c16 = two_level(conv1d(1, 3, 16, 16), main_buffer());
  auto c8 = two_level(conv1d(1, 3, 16, 8), main_buffer());
  for (std::size_t l = 0; l < 2; ++l)
    for (std::size_t ds = 0; ds < 3; ++ds) {
      if (!c16.levels[l].tensors[ds].kept) continue;
      INFO("level " << l << ", tensor " << ds);
      const auto &a = bits(c16, l, ds), &b = bits(c8, l, ds);
      CHECK(b.read_bits == Approx(a.read_bits / 2));
      CHECK(b.fill_bits == Approx(a.fill_bits / 2));
      CHECK(b.update_bits == Approx(a.update_bits / 2));
    }
  // By hand: Buffer Inputs 18 fills x 16 bits = 288 bits; at 8 bits 144 = 18 words of 8 bits.
  CHECK(bits(c16, 1, I).fill_bits == 288);
  CHECK(bits(c8, 1, I).fill_bits == 144);
  // Main (4 words of 8 bits per access): 16 output updates x 16 bits = 256 bits = 8 accesses; 4 at 8 bits.
  CHECK(bits(c16, 0, O).update_vectors == 8);
  CHECK(bits(c8, 0, O).update_vectors == 4);
}

TEST_CASE("the accelerator's tensor_bits override the workload's bits", "[bits]") {
  auto spec = main_buffer();
  spec.tensor_bits["Inputs"] = 4;
  auto c = two_level(conv1d(1, 3, 16, 8), spec);
  CHECK(bits(c, 1, I).element_bits == 4);
  CHECK(bits(c, 1, I).fill_bits == 18 * 4);
  CHECK(bits(c, 1, W).element_bits == 8);
}

TEST_CASE("MAC energy scales with the layer's operand widths", "[bits]") {
  arch::Spec s = main_buffer();
  s.technology_nm = 45;
  s.compute.operand_bits = 8;
  const auto estimated_table = model::build_energy_table(s);  // find() points into the table
  const auto* estimated = estimated_table.find("mac");
  REQUIRE(estimated);
  // By estimator: exactly Horowitz's formula at the layer's widths.
  CHECK(estimated->compute_at(8, 8) == Approx(model::mac_pj(8, 45)));
  CHECK(estimated->compute_at(4, 4) == Approx(model::mac_pj(4, 45)));
  CHECK(estimated->compute_at(16, 8) == Approx(model::mac_pj(16, 8, 45)));
  // Written energy: per the declared 8-bit operands, scaled by the product of the widths.
  s.compute.energy.explicit_pj["compute"] = 2.0;
  const auto written_table = model::build_energy_table(s);
  const auto* written = written_table.find("mac");
  REQUIRE(written);
  CHECK(written->compute_at(8, 8) == Approx(2.0));
  CHECK(written->compute_at(4, 8) == Approx(1.0));
  CHECK(written->compute_at(4, 4) == Approx(0.5));
  // Priced per layer: 48 MACs of 4-bit operands at 0.5 pJ.
  auto c = two_level(conv1d(1, 3, 16, 4), s);
  CHECK(row_energy(model::price_layer(s, c, model::build_energy_table(s)), "mac", "compute") == Approx(24));
}

TEST_CASE("capacity is checked in bits: 16-bit elements take two 8-bit words", "[bits]") {
  // The Buffer holds 16 words of 8 bits = 128 bits. Its tiles: Weights 3 + Inputs 3 + Outputs 1
  // = 7 elements: 56 bits at 8 bits (fits), 112 at 16 (fits), 224 at 32 (does not).
  auto spec = spec_of({level("Main"), level("Buffer")});
  spec.levels[1].depth = 16;
  mapping::Mapping m{{lm({{P, 16}}), lm({{R, 3}})}};
  auto check = [&](int b) {
    core::DiagnosticSink sink;
    auto file = core::YamlFile::parse("mapping: {}", "m.yaml");
    core::YamlView where(file.root(), "m.yaml", "mapping", &sink);
    mapping::check_legality(m, spec, conv1d(1, 3, 16, b), where);
    return sink.diagnostics();
  };
  CHECK(check(8).empty());
  CHECK(check(16).empty());
  auto errors = check(32);
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0].message, Catch::Contains("need 224 bits") && Catch::Contains("holds 128 bits"));
}

TEST_CASE("the formats read tensor_bits, area and density", "[bits]") {
  core::DiagnosticSink sink;
  auto arch_file = core::YamlFile::parse(R"(accelerator:
  tensor_bits: {outputs: 16}
  levels:
    - {name: DRAM, technology: dram}
    - {name: glb, technology: sram, depth: 64, area: 2mm2}
  compute: {area: 300um2}
)",
                                         "a.yaml");
  auto spec = arch::read_native_arch(core::YamlView(arch_file.root()["accelerator"], "a.yaml", "accelerator", &sink));
  auto wl_file = core::YamlFile::parse(R"(workload:
  density: {weights: 0.5, inputs: 0.25}
  layers:
    - {name: a, type: fc, in_features: 4, out_features: 4}
    - {name: b, type: fc, in_features: 4, out_features: 4, density: {inputs: 0.75}}
)",
                                       "w.yaml");
  auto net = workload::read_native_workload(core::YamlView(wl_file.root()["workload"], "w.yaml", "workload", &sink));
  REQUIRE(sink.empty());
  CHECK(spec.tensor_bits.at("Outputs") == 16);
  CHECK(*spec.levels[1].energy.area_um2 == Approx(2e6));
  CHECK(*spec.compute.energy.area_um2 == Approx(300));
  const auto &a = net.layers.at(0).problem, &b = net.layers.at(1).problem;
  CHECK(a.data_spaces[a.data_space_index("Weights")].density == 0.5);
  CHECK(a.data_spaces[a.data_space_index("Inputs")].density == 0.25);
  CHECK(b.data_spaces[b.data_space_index("Weights")].density == 0.5);  // inherited
  CHECK(b.data_spaces[b.data_space_index("Inputs")].density == 0.75);  // the layer's own
  CHECK(b.data_spaces[b.data_space_index("Outputs")].density == 1.0);
}
