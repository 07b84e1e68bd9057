// The per-layer LUT: it returns exactly what its backend said, remembers it across processes
// (its file), keeps accelerators apart, and with the analytical backend its per-layer sum is the
// whole-network result.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "arch/arch_loader.h"
#include "models/accelerator.h"
#include "models/network_evaluation.h"
#include "search/analytical_oracle.h"
#include "search/lut.h"
#include "search/lut_fill.h"
#include "workloads/layer.h"

using namespace hwaware;

namespace {

// Deterministic, awkward values (17 significant digits matter), and a count of the layers asked.
class FakeOracle : public search::CostOracle {
 public:
  explicit FakeOracle(long long* asked, std::string settings = "") : asked_(asked), settings_(std::move(settings)) {}
  search::NetworkMetrics metrics(const workload::Network& n) override {
    search::NetworkMetrics m;
    m.area_um2 = 1234567.8901234567;
    for (const auto& l : n.layers) {
      ++*asked_;
      const double macs = static_cast<double>(l.problem.macs());
      search::LayerMetrics lm{l.name, macs * 1.2345678901234567, macs / 3e9, static_cast<long long>(macs / 7), {}};
      // Components whose names need escaping in the file; they sum to the total.
      lm.energy_by_component_pj = {{"global buffer", lm.energy_pj / 3}, {"a=b%c", lm.energy_pj - lm.energy_pj / 3}};
      m.layers.push_back(lm);
    }
    search::add_totals(m);
    return m;
  }
  std::string backend() const override { return "fake"; }
  std::string settings() const override { return settings_; }

 private:
  long long* asked_;
  std::string settings_;
};

workload::Layer conv(const std::string& name, long long c, long long m, long long size) {
  workload::ConvParams p;
  p.in_channels = c;
  p.out_channels = m;
  p.kernel_h = p.kernel_w = 3;
  p.pad_h = p.pad_w = 1;
  p.in_height = p.in_width = size;
  workload::Layer l;
  l.name = name;
  l.type = "conv2d";
  l.problem = workload::conv2d_problem(name, p);
  return l;
}

workload::Network small_net() {
  workload::Network n;
  n.name = "small";
  n.layers = {conv("a", 16, 32, 16), conv("b", 32, 32, 16), conv("c", 32, 32, 16), conv("d", 32, 64, 8)};
  return n;
}

std::string fresh_file(const std::string& name) {
  const auto path = std::filesystem::temp_directory_path() / ("hwaware-test-" + name + ".lut");
  std::filesystem::remove(path);
  return path.string();
}

}  // namespace

TEST_CASE("the LUT returns exactly the oracle's values and asks it once per layer shape", "[search]") {
  long long asked = 0;
  FakeOracle direct(&asked);
  const auto expected = direct.metrics(small_net());
  asked = 0;
  search::LutOracle lut(std::make_unique<FakeOracle>(&asked), "acc", fresh_file("exact"));
  const auto first = lut.metrics(small_net());
  CHECK(asked == 3);  // b and c have the same shape
  const auto again = lut.metrics(small_net());
  CHECK(asked == 3);
  for (const auto* m : {&first, &again}) {
    REQUIRE(m->layers.size() == expected.layers.size());
    for (std::size_t i = 0; i < expected.layers.size(); ++i) {
      CHECK(m->layers[i].layer == expected.layers[i].layer);
      CHECK(m->layers[i].energy_pj == expected.layers[i].energy_pj);
      CHECK(m->layers[i].latency_s == expected.layers[i].latency_s);
      CHECK(m->layers[i].cycles == expected.layers[i].cycles);
    }
    CHECK(m->energy_pj == expected.energy_pj);
  }
}

TEST_CASE("a LUT reopened from its file answers without its backend, and keeps accelerators apart", "[search]") {
  const auto file = fresh_file("reopen");
  long long asked = 0;
  double energy = 0;
  {
    search::LutOracle lut(std::make_unique<FakeOracle>(&asked), "acc", file);
    energy = lut.metrics(small_net()).energy_pj;
  }
  asked = 0;
  search::LutOracle reopened(std::make_unique<FakeOracle>(&asked), "acc", file);
  CHECK(reopened.size() == 3);
  CHECK(reopened.metrics(small_net()).energy_pj == energy);
  CHECK(asked == 0);
  search::LutOracle other(std::make_unique<FakeOracle>(&asked), "another accelerator", file);
  other.metrics(small_net());
  CHECK(asked == 3);
}

TEST_CASE("with the analytical backend, the LUT's per-layer sum equals the whole-network result", "[search]") {
  const auto spec = arch::load_arch(std::string(HWAWARE_SOURCE_DIR) + "/arch/presets/simple_ws.yaml");
  mapping::MapperOptions options;
  options.max_evaluations = options.exhaustive_limit = 300;
  options.patience = 300;
  search::AnalyticalOracle whole(spec, options);
  const auto expected = whole.metrics(small_net());
  search::LutOracle lut(std::make_unique<search::AnalyticalOracle>(spec, options), "simple_ws", fresh_file("analytical"));
  const auto summed = lut.metrics(small_net());
  CHECK(summed.energy_pj == expected.energy_pj);
  CHECK(summed.latency_s == expected.latency_s);
  CHECK(whole.layers_evaluated() == 3);
}

TEST_CASE("a LUT file that is not a table is an error at its line", "[search]") {
  const auto file = fresh_file("broken");
  long long asked = 0;
  for (const char* text : {"# hwaware per-layer LUT v3: key energy_pj latency_s cycles area_um2 component=energy_pj...\nnot numbers here\n",
                           "abc 1 2 3\n",           // no area
                           "abc 1 2 3 4 5\n",       // a number where a component goes
                           "abc 1 2 3 4 DRAM=x\n",  // a component without an energy
                           "abc 1 2 3 4 DR%4=1\n",  // a malformed escape
                           "# hwaware per-layer LUT v2: key energy_pj latency_s cycles area_um2\nabc 1 2 3 4\n",
                           "# hwaware per-layer LUT v1: key energy_pj latency_s cycles\nabc 1 2 3\n"}) {
    std::ofstream(file) << text;
    CHECK_THROWS_AS(search::LutOracle(std::make_unique<FakeOracle>(&asked), "acc", file), core::InputError);
  }
}

TEST_CASE("a LUT returns each layer's energy by component exactly, after reopening too", "[search]") {
  const auto file = fresh_file("components");
  long long asked = 0;
  const auto fresh = search::LutOracle(std::make_unique<FakeOracle>(&asked), "acc", file).metrics(small_net());
  search::LutOracle reopened(std::make_unique<FakeOracle>(&asked), "acc", file);
  const auto again = reopened.metrics(small_net());
  CHECK(reopened.misses() == 0);
  REQUIRE(again.layers.size() == fresh.layers.size());
  for (std::size_t i = 0; i < again.layers.size(); ++i) {
    CHECK(again.layers[i].energy_by_component_pj == fresh.layers[i].energy_by_component_pj);
    CHECK(again.layers[i].energy_by_component_pj.count("global buffer") == 1);
    CHECK(again.layers[i].energy_by_component_pj.count("a=b%c") == 1);
  }
}

TEST_CASE("a LUT keeps apart what backends with other settings filled (mapper options)", "[search]") {
  const auto file = fresh_file("settings");
  long long asked = 0;
  search::LutOracle(std::make_unique<FakeOracle>(&asked, "budget=2000"), "acc", file).metrics(small_net());
  CHECK(asked == 3);
  search::LutOracle(std::make_unique<FakeOracle>(&asked, "budget=2000"), "acc", file).metrics(small_net());
  CHECK(asked == 3);
  search::LutOracle(std::make_unique<FakeOracle>(&asked, "budget=20000"), "acc", file).metrics(small_net());
  CHECK(asked == 6);
}

TEST_CASE("a LUT gives the accelerator's area from its entries, after reopening too", "[search]") {
  const auto file = fresh_file("area");
  long long asked = 0;
  CHECK(search::LutOracle(std::make_unique<FakeOracle>(&asked), "acc", file).metrics(small_net()).area_um2 == 1234567.8901234567);
  search::LutOracle reopened(std::make_unique<FakeOracle>(&asked), "acc", file);
  CHECK(reopened.metrics(small_net()).area_um2 == 1234567.8901234567);
  CHECK(reopened.misses() == 0);
}

TEST_CASE("the analytical oracle's settings name the mapper's options, not its threads", "[search]") {
  const auto spec = arch::load_arch(std::string(HWAWARE_SOURCE_DIR) + "/arch/presets/simple_ws.yaml");
  mapping::MapperOptions a, b, c;
  b.threads = a.threads + 1;
  c.max_evaluations = a.max_evaluations + 1;
  CHECK(search::AnalyticalOracle(spec, a).settings() == search::AnalyticalOracle(spec, b).settings());
  CHECK(search::AnalyticalOracle(spec, a).settings() != search::AnalyticalOracle(spec, c).settings());
}

TEST_CASE("lut build asks every layer at levels x levels widths, lut check finds digital sums exact", "[search]") {
  const auto spec = arch::load_arch(std::string(HWAWARE_SOURCE_DIR) + "/arch/presets/simple_ws.yaml");
  mapping::MapperOptions options;
  options.max_evaluations = options.exhaustive_limit = 200;
  options.patience = 200;
  search::LutOracle lut(std::make_unique<search::AnalyticalOracle>(spec, options), "simple_ws", fresh_file("fill"));
  const auto net = small_net();
  CHECK(search::fill_lut(lut, net, 3) == 4 * 3 * 3);
  const auto filled = lut.size();
  CHECK(filled > 0);
  search::AnalyticalOracle whole(spec, options);
  const auto check = search::check_lut(lut, whole, net, 3, 5, 7);
  CHECK(check.networks == 5);
  CHECK(check.mean_error == 0);
  CHECK(check.share_within_10 == 1);
  CHECK(lut.size() == filled);  // every sampled layer was in the table already
}

TEST_CASE("on a PIM chip the LUT keys a layer by its copies in the network asked about, never by its shape alone", "[search][pim]") {
  auto spec = arch::load_arch(std::string(HWAWARE_SOURCE_DIR) + "/arch/presets/rram_128x128.yaml");
  spec.pim->tiles = 1;
  spec.pim->crossbars_per_tile = 40;
  spec.pim->duplicate = arch::Duplication::free;
  workload::Network alone;
  alone.name = "alone";
  alone.layers = {conv("a", 16, 32, 16)};  // 2 crossbars of 128 x 128, 256 input vectors
  workload::Network crowded = alone;
  crowded.name = "crowded";
  crowded.layers.push_back(conv("big", 256, 256, 4));  // 18 x 8 = 144 crossbars: the weights no longer stay
  crowded.layers.back().inputs = {"a"};
  workload::Network shared = alone;
  shared.name = "shared";
  shared.layers.push_back(conv("mid", 128, 64, 8));  // 9 x 2 = 18 crossbars: 20 of 40 free
  search::AnalyticalOracle direct(spec, mapping::MapperOptions{});
  search::LutOracle lut(std::make_unique<search::AnalyticalOracle>(spec, mapping::MapperOptions{}), "rram", fresh_file("pim"));
  for (const auto* net : {&alone, &shared, &crowded, &alone}) {
    INFO(net->name);
    const auto want = direct.metrics(*net), got = lut.metrics(*net);
    REQUIRE(got.layers.size() == want.layers.size());
    for (std::size_t i = 0; i < want.layers.size(); ++i) {
      CHECK(got.layers[i].cycles == want.layers[i].cycles);
      CHECK(got.layers[i].energy_pj == want.layers[i].energy_pj);
    }
  }
  // Layer a has as many copies as fit alone, fewer beside another layer, one copy per programming
  // when the weights do not stay: three entries for one shape, the fourth network a hit.
  CHECK(direct.metrics(alone).layers[0].cycles < direct.metrics(shared).layers[0].cycles);
  CHECK(lut.hits() == 1);
}

TEST_CASE("on a pipelined PIM chip the oracle's and the LUT's latency is the slowest layer's, as the engine's", "[search][pim]") {
  auto spec = arch::load_arch(std::string(HWAWARE_SOURCE_DIR) + "/arch/presets/rram_128x128.yaml");
  spec.pim->pipeline = true;
  workload::Network net;
  net.name = "two";
  net.layers = {conv("a", 16, 32, 16), conv("b", 32, 64, 16)};
  net.layers.back().inputs = {"a"};
  const auto whole = model::evaluate_network(model::make_accelerator(spec, "k"), net, {});
  REQUIRE(whole.pipelined);
  const double engine_s = static_cast<double>(whole.cycles()) / spec.clock_hz;
  search::AnalyticalOracle direct(spec, mapping::MapperOptions{});
  search::LutOracle lut(std::make_unique<search::AnalyticalOracle>(spec, mapping::MapperOptions{}), "rram", fresh_file("piped"));
  for (int round = 0; round < 2; ++round) {  // asked, then answered from the table
    const auto d = direct.metrics(net), l = lut.metrics(net);
    CHECK(d.pipelined);
    CHECK(l.pipelined);
    CHECK(d.latency_s == Approx(engine_s).epsilon(1e-12));
    CHECK(l.latency_s == Approx(engine_s).epsilon(1e-12));
    CHECK(d.latency_s == Approx(std::max(d.layers[0].latency_s, d.layers[1].latency_s)).epsilon(1e-12));
  }
  CHECK(lut.hits() == 2);
}
