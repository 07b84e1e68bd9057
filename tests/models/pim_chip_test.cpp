// A PIM chip as the description sizes it and as the engine evaluates it: crossbars from an area
// budget (one crossbar with its peripherals, models::pim_crossbar_area_um2), a swept crossbar size
// that recomputes a budget and `adc: {bits: auto}`, copies of layers that split their input vectors
// and pay for what they overwrite, and rows read rows_per_read at a time.

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "arch/accelerator_document.h"
#include "arch/arch_loader.h"
#include "models/accelerator.h"
#include "models/area_estimators.h"
#include "models/network_evaluation.h"
#include "models/pim_model.h"
#include "models/small_layers.h"

using namespace hwaware;

namespace {

// The rram_128x128 preset's levels with `pim` as its `pim:` section (lines indented by four
// spaces from line 9 on).
std::string pim_arch(const std::string& pim) {
  return R"(accelerator:
  name: pim
  clock: 1GHz
  technology: 32nm
  levels:
    - {name: DRAM, technology: dram, dram_type: LPDDR4, word_bits: 8, block_size: 8}
    - {name: buffer, technology: sram, size: 32KiB, word_bits: 8, block_size: 8, keep: [Inputs, Outputs], bypass: [Weights]}
  pim:
)" + pim;
}

arch::Spec read(const std::string& text) { return arch::read_arch(core::YamlFile::parse(text, "a.yaml")); }

double crossbar_parts_um2(const model::AreaReport& r) {
  double um2 = 0;
  for (const auto& c : r.components)
    if (c.component == "cells" || c.component == "crossbar_periphery" || c.component == "adc" || c.component == "shift_add")
      um2 += c.total_um2;
  return um2;
}

workload::Network network_of(std::vector<workload::Problem> problems) {
  workload::Network n;
  for (std::size_t i = 0; i < problems.size(); ++i) {
    workload::Layer l;
    l.name = "l" + std::to_string(i);
    l.type = "conv2d";
    l.problem = problems[i];
    n.layers.push_back(l);
  }
  return n;
}

}  // namespace

TEST_CASE("an area budget holds floor(area / one crossbar with its peripherals) crossbars, resolved when the accelerator is built",
          "[pim][budget]") {
  const auto spec = read(pim_arch("    crossbar: {rows: 256, cols: 256}\n    budget: {area: 20mm2}\n    adc: {bits: auto}\n"));
  const double one_um2 = model::pim_crossbar_area_um2(spec);
  const auto a = model::make_accelerator(spec, "k");
  const long long crossbars = a.spec.pim->crossbars();
  CHECK(crossbars == static_cast<long long>(std::floor(20e6 / one_um2)));
  CHECK(crossbars >= 1);
  const auto area = model::estimate_area(a.spec);
  CHECK(crossbar_parts_um2(area) == Approx(static_cast<double>(crossbars) * one_um2));
  CHECK(crossbar_parts_um2(area) <= 20e6);
  // Larger crossbars at the same silicon: fewer of them.
  const auto big = model::make_accelerator(read(pim_arch("    crossbar: {rows: 1024, cols: 1024}\n    budget: {area: 20mm2}\n")), "k");
  CHECK(big.spec.pim->crossbars() < crossbars);
}

TEST_CASE("an area budget smaller than one crossbar is an error at its place", "[pim][budget]") {
  const auto spec = read(pim_arch("    crossbar: {rows: 128, cols: 128}\n    budget: {area: 100um2}\n"));
  try {
    model::make_accelerator(spec, "k");
    FAIL("expected an error");
  } catch (const core::InputError& e) {
    const auto& d = e.diagnostics().front();
    CHECK(d.loc.line == 10);
    CHECK(d.key_path == "accelerator.pim.budget.area");
    CHECK_THAT(d.message, Catch::Matchers::Contains("expected an area budget of at least one crossbar of 128 x 128"));
  }
}

TEST_CASE("a swept crossbar size recomputes a cell budget's crossbars and auto ADC bits", "[pim][budget]") {
  const auto path = std::filesystem::temp_directory_path() / ("hwaware_pim_chip_" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(path) << pim_arch("    crossbar: {rows: 128, cols: 128}\n    budget: {cells: 1Mi}\n    adc: {bits: auto}\n");
  const auto doc = arch::AcceleratorDocument::load(path.string());
  std::filesystem::remove(path);
  CHECK(doc.spec().pim->crossbars() == 64);
  CHECK(doc.spec().pim->adc.bits == 9);
  YAML::Node edited = YAML::Clone(doc.root());
  edited["accelerator"]["pim"]["crossbar"]["rows"] = 512;  // as `hwaware sweep --set pim.crossbar.rows+pim.crossbar.cols=512` does
  edited["accelerator"]["pim"]["crossbar"]["cols"] = 512;
  const auto swept = doc.read(edited);
  CHECK(swept.pim->crossbars() == 4);
  CHECK(swept.pim->adc.bits == 11);  // 9 + 1 + 2 - 1
  CHECK(swept.pim->adc.bits_auto);
}

TEST_CASE("copies split a layer's vectors, copies written and cells reprogrammed are written and read from DRAM", "[pim][duplication]") {
  auto spec = read(pim_arch("    crossbar: {rows: 128, cols: 128}\n    tiles: 100\n"));
  const auto pr = test::square_conv(64, 64, 16, 3);  // 10 crossbars, 576 x 256 cells, 256 vectors
  const auto one = model::evaluate_pim(spec, pr, true, {});
  const auto four = model::evaluate_pim(spec, pr, true, mapping::LayerCopies{4, 3, 20000});
  CHECK(four.pim->placement.replicas == 4);
  CHECK(four.pim->weight_writes == 3.0 * 576 * 256 + 20000);
  CHECK(four.pim->reprogrammed_cells == 20000);
  const auto w = static_cast<std::size_t>(pr.data_space_index("Weights"));
  CHECK(four.levels.front().tensors[w].reads == Approx(3.0 * 576 * 64 + 20000.0 / 4));  // weights of 4 cells each
  CHECK(one.pim->weight_writes == 0);
  CHECK(four.pim->conversions == one.pim->conversions);  // the same work, spread over the copies
  const auto free_copies = model::evaluate_pim(spec, pr, true, mapping::LayerCopies{4, 0, 0});
  CHECK(free_copies.pim->weight_writes == 0);
  CHECK(free_copies.cycles * 4 <= one.cycles + 4);
  CHECK(four.cycles > free_copies.cycles);  // programming takes time too
}

TEST_CASE("a network evaluated with duplicate: free keeps every copy in a crossbar of its own", "[pim][duplication]") {
  const auto net = network_of({test::square_conv(64, 64, 16, 3), test::square_conv(32, 32, 28, 3, 32), test::square_conv(256, 128, 14, 1)});
  for (const char* mode : {"free", "reprogram"}) {
    const auto a = model::make_accelerator(
        read(pim_arch(std::string("    crossbar: {rows: 128, cols: 128}\n    tiles: 40\n    duplicate: ") + mode + "\n")), "k");
    const auto e = model::evaluate_network(a, net, {});
    INFO(mode);
    CHECK(e.weights_resident);
    CHECK(e.pim_free_crossbars == 40 - 21);
    long long used = 0;
    double reprogrammed = 0;
    for (const auto& l : e.layers) {
      used += l.counts.pim->placement.crossbars_used();
      reprogrammed += l.counts.pim->reprogrammed_cells;
    }
    if (std::string(mode) == "free") {
      CHECK(used <= 40);
      CHECK(reprogrammed == 0);
    } else {
      CHECK(reprogrammed > 0);  // the depthwise layer's copies take crossbars the others hold
    }
  }
}

TEST_CASE("rows read rows_per_read at a time: a conversion per read, reads one after the other", "[pim]") {
  auto spec = read(pim_arch("    crossbar: {rows: 128, cols: 128}\n    tiles: 100\n"));
  const auto pr = test::square_conv(64, 64, 16, 3);  // 576 rows: 5 row blocks
  const auto all = model::evaluate_pim(spec, pr, true, {});
  spec.pim->rows_per_read = 32;
  const auto partial = model::evaluate_pim(spec, pr, true, {});
  CHECK(partial.pim->conversions == Approx(all.pim->conversions / 5 * 18));               // 4 x 4 + 2 reads instead of 5
  CHECK(partial.pim->count("cells", "read") == Approx(all.pim->count("cells", "read")));  // every cell still read once per slice
  CHECK(partial.pim->rows_on == Approx(all.pim->rows_on));
  CHECK(all.pim->compute_ns == Approx(256.0 * 8 * all.pim->pulse_ns));              // one read per slice
  CHECK(partial.pim->compute_ns == Approx(256.0 * 8 * 4 * partial.pim->pulse_ns));  // 4 reads of 32 rows per slice
}

TEST_CASE("at equal chip area with free copies, a small-filter layer takes longer on 4096x4096 crossbars than on 128x128", "[pim]") {
  // 3x3, 16 -> 16 channels on 32x32: a 144 x 64-cell matrix, 1,024 input vectors. At 20 mm^2 the
  // 128x128 chip has hundreds of crossbars for copies; the 4096x4096 chip a handful, each sensing
  // a column of 4,096 cells more slowly: fewer MACs in parallel and more latency.
  const auto net = network_of({test::square_conv(16, 16, 32, 3)});
  long long cycles[2] = {0, 0}, copies[2] = {0, 0};
  const long long sizes[2] = {128, 4096};
  for (int i = 0; i < 2; ++i) {
    const std::string n = std::to_string(sizes[i]);
    const auto a = model::make_accelerator(
        read(pim_arch("    budget: {area: 20mm2}\n    duplicate: free\n    crossbar: {rows: " + n + ", cols: " + n + "}\n")), "k");
    const auto e = model::evaluate_network(a, net, {});
    cycles[i] = e.layers.front().counts.cycles;
    copies[i] = e.layers.front().counts.pim->placement.replicas;
  }
  CHECK(copies[0] > copies[1]);
  CHECK(cycles[1] > cycles[0]);
}

TEST_CASE("pipelined, an inference takes the slowest layer's stage and the first result the stages' sum", "[pim][pipeline]") {
  const auto net = network_of({test::square_conv(64, 64, 16, 3), test::square_conv(32, 32, 28, 3, 32), test::square_conv(256, 128, 14, 1)});
  const std::string chip = "    crossbar: {rows: 128, cols: 128}\n    tiles: 40\n";
  const auto by_layer = model::evaluate_network(model::make_accelerator(read(pim_arch(chip)), "k"), net, {});
  const auto piped = model::evaluate_network(model::make_accelerator(read(pim_arch(chip + "    pipeline: true\n")), "k"), net, {});
  REQUIRE(piped.pipelined);
  CHECK_FALSE(by_layer.pipelined);
  long long sum = 0, slowest = 0;
  for (std::size_t i = 0; i < net.layers.size(); ++i) {
    const long long stage = piped.layers[i].counts.cycles;
    CHECK(stage >= by_layer.layers[i].counts.cycles);  // a stage never runs faster than the layer alone
    sum += stage;
    slowest = std::max(slowest, stage);
  }
  CHECK(piped.cycles() == slowest);
  CHECK(piped.fill_cycles() == sum);
  CHECK(by_layer.cycles() == by_layer.fill_cycles());
  CHECK(piped.cycles() < by_layer.cycles());
}

TEST_CASE("pipelined, the whole chip leaks for the interval, each layer its share of the crossbars it holds", "[pim][pipeline]") {
  const auto net = network_of({test::square_conv(64, 64, 16, 3), test::square_conv(256, 128, 14, 1)});
  const auto e = model::evaluate_network(
      model::make_accelerator(read(pim_arch("    crossbar: {rows: 128, cols: 128}\n    tiles: 40\n    pipeline: true\n")), "k"), net, {});
  double leaked = 0, held = 0;
  for (const auto& l : e.layers) held += static_cast<double>(l.counts.pim->placement.crossbars_used());
  for (const auto& l : e.layers) {
    const double own = l.counts.pim->count("crossbars", "leak");
    CHECK(own == Approx(static_cast<double>(e.cycles()) * 40 * static_cast<double>(l.counts.pim->placement.crossbars_used()) / held));
    leaked += own;
  }
  CHECK(leaked == Approx(static_cast<double>(e.cycles()) * 40));
}

TEST_CASE("pipelined stages sharing a one-port buffer it cannot serve at once take as long together as layer by layer", "[pim][pipeline]") {
  // A buffer of one port moving one word per cycle: every layer is bound by its traffic there, and
  // the stages share it, so the interval is the layers' traffic in turn (to a cycle per layer).
  const std::string slow = R"(accelerator:
  name: pim
  clock: 1GHz
  technology: 32nm
  levels:
    - {name: DRAM, technology: dram, dram_type: LPDDR4, word_bits: 8, block_size: 8}
    - {name: buffer, technology: sram, size: 32KiB, word_bits: 8, block_size: 1, ports: 1, read_bandwidth: 1words/cycle, write_bandwidth: 1words/cycle,
       keep: [Inputs, Outputs], bypass: [Weights]}
  pim:
    crossbar: {rows: 128, cols: 128}
    tiles: 40
)";
  const auto net = network_of({test::square_conv(64, 64, 16, 3), test::square_conv(256, 128, 14, 1)});
  const auto by_layer = model::evaluate_network(model::make_accelerator(read(slow), "k"), net, {});
  const auto piped = model::evaluate_network(model::make_accelerator(read(slow + "    pipeline: true\n"), "k"), net, {});
  for (const auto& l : by_layer.layers) CHECK(l.counts.cycles > l.counts.compute_cycles);  // the buffer binds
  CHECK(piped.cycles() >= by_layer.cycles() - 2);
  CHECK(piped.cycles() <= by_layer.cycles());
  for (const auto& l : piped.layers) CHECK(l.counts.cycles == piped.cycles());  // both stages wait for the buffer
}

TEST_CASE("a pipeline needs every layer's weights on chip at once", "[pim][pipeline]") {
  const auto net = network_of({test::square_conv(64, 64, 16, 3), test::square_conv(256, 128, 14, 1)});
  const auto a = model::make_accelerator(read(pim_arch("    crossbar: {rows: 128, cols: 128}\n    tiles: 10\n    pipeline: true\n")), "k");
  CHECK_THROWS_WITH(model::evaluate_network(a, net, {}), Catch::Contains("do not fit its 10 crossbars"));
}
