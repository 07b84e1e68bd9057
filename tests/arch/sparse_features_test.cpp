// Sparseloop's sparse_optimizations in the spellings Timeloop reads (hyphenated, a single target,
// the front end's keys, a v0.4 component's own), and the checks that need only the accelerator:
// each an error at the offending node's line and column.

#include <catch2/catch.hpp>

#include "arch/arch_loader.h"
#include "arch/sparse_describe.h"
#include "core/text.h"

using namespace hwaware;
using hwaware::test::options_of;
using hwaware::test::ranks_of;

namespace {

// A two-level accelerator as Timeloop's front end dumps it (lines 1-13; the Buffer's metadata
// attributes on line 10), then `sparse` from line 14.
std::string with_sparse(const std::string& sparse,
                        const std::string& buffer_metadata = "metadata_storage_width: 4, metadata_datawidth: 4") {
  return "architecture:\n"
         "  subtree:\n"
         "    - name: system\n"
         "      local:\n"
         "        - name: BackingStorage\n"
         "          class: SRAM\n"
         "          attributes: {depth: 512, width: 32, datawidth: 8, metadata_storage_width: 4, metadata_datawidth: 4}\n"
         "        - name: Buffer\n"
         "          class: regfile\n"
         "          attributes: {depth: 64, width: 8, datawidth: 8, " +
         buffer_metadata +
         "}\n"
         "        - name: mac\n"
         "          class: intmac\n"
         "          attributes: {}\n" +
         sparse;
}

std::string errors_of(const std::string& text) {
  try {
    arch::read_arch(core::YamlFile::parse(text, "s.yaml"));
  } catch (const core::InputError& e) {
    std::string out;
    for (const auto& d : e.diagnostics()) out += core::format(d) + "\n";
    return out;
  }
  return "";
}

arch::Spec read(const std::string& text) { return arch::read_arch(core::YamlFile::parse(text, "s.yaml")); }

}  // namespace

TEST_CASE("hyphenated keys and values are read as Timeloop reads them, with underscores, an action may be one target without options") {
  const auto spec =
      read(with_sparse("sparse_optimizations:\n"
                       "  targets:\n"
                       "    - name: Buffer\n"
                       "      representation-format:\n"
                       "        data-spaces:\n"
                       "          - name: A\n"
                       "            rank-application-order: outer-to-inner\n"
                       "            ranks:\n"
                       "              - {format: UOP, flattened-rankIDs: [[K, M]], metadata-word-bits: 2, payload-word-bits: 3}\n"
                       "              - {format: cp}\n"
                       "      action-optimization:\n"
                       "        - {type: skipping, target: Z, condition-on: [A]}\n"
                       "        - {type: skipping-spatial, options: [{target: B, condition-on: [A]}]}\n"
                       "    - name: mac\n"
                       "      compute-optimization:\n"
                       "        - type: gate-on-zero-operand\n"
                       "        - type: skip_on_not_aligned_operands\n"));
  const auto& s = spec.levels[1].sparse;
  REQUIRE(s.formats.size() == 1);
  CHECK(ranks_of(s.format_of("A")) == "UOP CP");
  CHECK(s.formats[0].ranks[0].flattened == std::vector<std::string>{"K", "M"});
  CHECK(s.formats[0].ranks[0].metadata_word_bits == 2);
  CHECK(s.formats[0].ranks[0].payload_word_bits == 3);
  REQUIRE(s.actions.size() == 2);
  CHECK(options_of(s.actions[0]) == "skipping Z<-A");
  CHECK(options_of(s.actions[1]) == "spatial_skipping B<-A");
  CHECK(spec.compute.sparse.gate_on_zero_operand);
  CHECK(spec.compute.sparse.skip_on_not_aligned_operands);
  CHECK(spec.levels[0].sparse.empty());
}

TEST_CASE("the front end's spellings: a target's level in `target`, spatial_skipping, one compute_optimization map") {
  const auto spec = read(with_sparse(
      "sparse_optimizations:\n"
      "  version: '0.4'\n"
      "  targets:\n"
      "    - target: BackingStorage\n"
      "      action_optimization: [{type: spatial_skipping, options: [{target: A, condition_on: [B]}, {target: B, condition_on: [A]}]}]\n"
      "    - target: mac\n"
      "      compute_optimization: {type: gating}\n"));
  REQUIRE(spec.levels[0].sparse.actions.size() == 1);
  CHECK(options_of(spec.levels[0].sparse.actions[0]) == "spatial_skipping A<-B B<-A");
  CHECK(spec.compute.sparse.gate_on_zero_operand);
  CHECK_FALSE(spec.compute.sparse.skip_on_not_aligned_operands);
}

TEST_CASE("a v0.4 component's own sparse_optimizations applies to that component") {
  const auto spec = read(
      "architecture:\n"
      "  version: 0.4\n"
      "  nodes:\n"
      "    - !Container\n"
      "      name: system\n"
      "    - !Component\n"
      "      name: Buffer\n"
      "      class: storage\n"
      "      attributes: {depth: 64, width: 8, datawidth: 8, metadata_datawidth: 4, metadata_storage_width: 8}\n"
      "      sparse_optimizations:\n"
      "        representation_format: {data_spaces: [{name: A, ranks: [{format: B}]}]}\n"
      "        action_optimization: [{type: gating, options: [{target: B, condition_on: [A]}]}]\n"
      "    - !Component\n"
      "      name: mac\n"
      "      class: intmac\n"
      "      attributes: {}\n"
      "      sparse_optimizations: {compute_optimization: [{type: skipping}]}\n");
  const auto& s = spec.levels[0].sparse;
  CHECK(ranks_of(s.format_of("A")) == "B");
  CHECK(s.metadata_block_size == 2);
  REQUIRE(s.actions.size() == 1);
  CHECK(options_of(s.actions[0]) == "gating B<-A");
  CHECK(spec.compute.sparse.skip_on_not_aligned_operands);
}

TEST_CASE("an unknown rank format or optimization type is an error at its value with a did-you-mean hint") {
  const auto errors =
      errors_of(with_sparse("sparse_optimizations:\n"
                            "  targets:\n"
                            "    - name: Buffer\n"
                            "      representation_format: {data_spaces: [{name: A, ranks: [{format: RLF}]}]}\n"
                            "      action_optimization: [{type: skiping, target: B, condition_on: [A]}]\n"
                            "    - name: mac\n"
                            "      compute_optimization: [{type: gatting}]\n"));
  INFO(errors);
  CHECK(errors.find("s.yaml:17:72: error: sparse_optimizations.targets[0].representation_format.data_spaces[0].ranks[0].format: expected a "
                    "rank format (U, UOP, CP, RLE, B), found 'RLF' (did you mean 'RLE'?)") != std::string::npos);
  CHECK(errors.find("s.yaml:18:36: error: ") != std::string::npos);
  CHECK(errors.find("found 'skiping' (did you mean 'skipping'?)") != std::string::npos);
  CHECK(errors.find("s.yaml:20:37: error: ") != std::string::npos);
  CHECK(errors.find("found 'gatting' (did you mean 'gating'?)") != std::string::npos);
}

TEST_CASE("a target naming no level, a compute optimization at a storage level and formats at the arithmetic unit are errors") {
  const auto errors =
      errors_of(with_sparse("sparse_optimizations:\n"
                            "  targets:\n"
                            "    - name: Bufer\n"
                            "      action_optimization: [{type: gating, target: B, condition_on: [A]}]\n"
                            "    - name: Buffer\n"
                            "      compute_optimization: [{type: gating}]\n"
                            "    - name: mac\n"
                            "      representation_format: {data_spaces: [{name: A, ranks: [{format: CP}]}]}\n"
                            "    - name: Buffer\n"));
  INFO(errors);
  CHECK(errors.find("s.yaml:16:13: error: sparse_optimizations.targets[0].name: expected the name of a storage level or of the arithmetic "
                    "unit (BackingStorage, Buffer, mac), found 'Bufer' (did you mean 'Buffer'?)") != std::string::npos);
  CHECK(errors.find("s.yaml:19:29: error: sparse_optimizations.targets[1].compute_optimization: compute_optimization applies to the "
                    "arithmetic unit ('mac'); 'Buffer' is a storage level") != std::string::npos);
  CHECK(errors.find("s.yaml:21:30: error: sparse_optimizations.targets[2].representation_format: representation_format at the arithmetic "
                    "unit 'mac'") != std::string::npos);
  CHECK(errors.find(
            "s.yaml:22:13: error: sparse_optimizations.targets[3].name: a second target for 'Buffer' (the first is at s.yaml:18:13)") !=
        std::string::npos);
}

TEST_CASE("an empty ranks list and flattened_rankIDs that are not a list of lists of names are errors at their node") {
  const auto errors =
      errors_of(with_sparse("sparse_optimizations:\n"
                            "  targets:\n"
                            "    - name: Buffer\n"
                            "      representation_format:\n"
                            "        data_spaces:\n"
                            "          - {name: A, ranks: []}\n"
                            "          - {name: B, ranks: [{format: UOP, flattened_rankIDs: [K, M]}]}\n"
                            "          - {name: Z, ranks: [{format: UOP, flattened_rankIDs: K}]}\n"));
  INFO(errors);
  CHECK(
      errors.find("s.yaml:19:30: error: sparse_optimizations.targets[0].representation_format.data_spaces[0].ranks: expected at least one "
                  "rank (outermost first), found an empty list") != std::string::npos);
  CHECK(errors.find(
            "s.yaml:20:65: error: sparse_optimizations.targets[0].representation_format.data_spaces[1].ranks[0].flattened_rankIDs[0]: "
            "expected a list of dimension names inside the list, such as [[R, S, P]], found 'K'") != std::string::npos);
  CHECK(errors.find("s.yaml:21:64: error: ") != std::string::npos);
  CHECK(errors.find("expected a list of one list of dimension names, such as [[R, S, P]], found 'K'") != std::string::npos);
}

TEST_CASE("condition_on empty or naming its target, a format given twice or for a bypassed tensor, gating and skipping one tensor") {
  const auto errors =
      errors_of(with_sparse("architecture_constraints:\n"
                            "  targets: [{target: BackingStorage, type: bypass, bypass: [Z]}]\n"
                            "sparse_optimizations:\n"
                            "  targets:\n"
                            "    - name: BackingStorage\n"
                            "      representation_format:\n"
                            "        data_spaces:\n"
                            "          - {name: A, ranks: [{format: CP}]}\n"
                            "          - {name: A, ranks: [{format: RLE}]}\n"
                            "          - {name: Z, ranks: [{format: CP}]}\n"
                            "      action_optimization:\n"
                            "        - {type: gating, target: A, condition_on: []}\n"
                            "        - {type: gating, options: [{target: B, condition_on: [A, B]}]}\n"
                            "        - {type: skipping, target: B, condition_on: [A]}\n"));
  INFO(errors);
  CHECK(errors.find("s.yaml:22:13: error: BackingStorage.formats.A: tensor 'A' is given a format twice at level 'BackingStorage' (first at "
                    "s.yaml:21:13)") != std::string::npos);
  CHECK(errors.find("s.yaml:23:13: error: BackingStorage.formats.Z: level 'BackingStorage' bypasses 'Z'") != std::string::npos);
  CHECK(errors.find("s.yaml:25:11: error: BackingStorage.gating.A: expected at least one tensor to condition 'A' on, found an empty "
                    "condition_on") != std::string::npos);
  CHECK(errors.find("s.yaml:26:36: error: BackingStorage.gating.B: 'B' is conditioned on itself") != std::string::npos);
  CHECK(errors.find("s.yaml:27:11: error: BackingStorage.skipping.B: 'B' is both gated and skipped at level 'BackingStorage' (the other at "
                    "s.yaml:26:36)") != std::string::npos);
}

TEST_CASE("a negative metadata_datawidth is an error at its value, 0 (no metadata) is one only at a level storing metadata") {
  const auto negative = errors_of(with_sparse("", "metadata_datawidth: -4"));
  INFO(negative);
  CHECK(
      negative.find("s.yaml:10:79: error: architecture.subtree[0].local[1].attributes.metadata_datawidth: expected the bits of a metadata "
                    "word (0: no metadata), found '-4'") != std::string::npos);
  CHECK(errors_of(with_sparse("", "metadata_datawidth: 0")) == "");
  const auto errors = errors_of(with_sparse(
      "sparse_optimizations:\n  targets:\n    - {name: Buffer, representation_format: {data_spaces: [{name: A, ranks: [{format: CP}]}]}}\n",
      "metadata_datawidth: 0"));
  INFO(errors);
  CHECK(
      errors.find("s.yaml:16:60: error: Buffer.formats.A: rank format CP of 'A' needs metadata, but level 'Buffer' has metadata_datawidth: "
                  "0") != std::string::npos);
}
