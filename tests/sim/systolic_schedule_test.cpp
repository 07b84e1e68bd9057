// Systolic-array schedules with SCALE-Sim v2's semantics: SCALE-Sim's own results on a 32x32 array
// (tests/reference/scalesim/, read through hwaware's .cfg and topology readers) to 0.5% in cycles
// and 1% in SRAM accesses; the fold rules; hwaware's DRAM model; the .cfg reader.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "arch/arch_loader.h"
#include "arch/scalesim_config.h"
#include "core/diagnostics.h"
#include "sim/systolic_schedule.h"
#include "workloads/layer.h"
#include "workloads/workload_loader.h"

using namespace hwaware;

namespace {

const std::string kRef = std::string(HWAWARE_TEST_DATA) + "/reference/scalesim/";

// results.csv (CRLF line ends) as rows of column name -> text.
std::vector<std::map<std::string, std::string>> read_results() {
  std::ifstream in(kRef + "results.csv");
  REQUIRE(in);
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  std::vector<std::string> header;
  std::istringstream hs(line);
  for (std::string f; std::getline(hs, f, ',');) header.push_back(f);
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::istringstream ls(line);
    std::map<std::string, std::string> row;
    std::size_t i = 0;
    for (std::string f; std::getline(ls, f, ',') && i < header.size(); ++i) row[header[i]] = f;
    rows.push_back(row);
  }
  return rows;
}

std::string words(double x) { return std::to_string(std::llround(x)); }

double relative_error(double ours, double theirs) { return std::abs(ours - theirs) / std::max(1.0, std::abs(theirs)); }

// A SCALE-Sim configuration with the given array, SRAM sizes (kB) and dataflow, in CALC mode.
arch::Spec cfg(long long rows, long long cols, long long ifmap_kb, long long filter_kb, long long ofmap_kb, const std::string& dataflow) {
  std::ostringstream t;
  t << "[general]\nrun_name = t\n[architecture_presets]\nArrayHeight: " << rows << "\nArrayWidth: " << cols
    << "\nIfmapSramSzkB: " << ifmap_kb << "\nFilterSramSzkB: " << filter_kb << "\nOfmapSramSzkB: " << ofmap_kb << "\nDataflow: " << dataflow
    << "\n[run_presets]\nInterfaceBandwidth: CALC\n";
  return arch::read_scalesim_config(t.str(), "t.cfg");
}

workload::Problem conv(long long c, long long m, long long hw, long long k, long long stride = 1, long long groups = 1,
                       long long batch = 1) {
  workload::ConvParams p;
  p.in_channels = c;
  p.out_channels = m;
  p.in_height = p.in_width = hw;
  p.kernel_h = p.kernel_w = k;
  p.stride_h = p.stride_w = stride;
  p.groups = groups;
  p.batch = batch;
  return workload::conv2d_problem("layer", p);
}

std::size_t index_of(const sim::Schedule& s, const std::string& tensor) {
  for (std::size_t i = 0; i < s.tensors.size(); ++i)
    if (s.tensors[i] == tensor) return i;
  FAIL("no tensor " << tensor);
  return 0;
}

std::vector<core::Diagnostic> cfg_errors(const std::string& text) {
  try {
    arch::read_scalesim_config(text, "bad.cfg");
  } catch (const core::InputError& e) {
    return e.diagnostics();
  }
  FAIL("expected the configuration to be rejected");
  return {};
}

const std::string kGoodCfg =
    "[general]\nrun_name = x\n\n[architecture_presets]\nArrayHeight:    32\nArrayWidth:     16\nIfmapSramSzkB:   64\n"
    "FilterSramSzkB:  32\nOfmapSramSzkB:   16\nIfmapOffset:    0\nFilterOffset:   10000000\nOfmapOffset:    20000000\n"
    "Bandwidth : 10\nDataflow : ws\nMemoryBanks:   1\n\n[run_presets]\nInterfaceBandwidth: USER\n";

}  // namespace

TEST_CASE("SCALE-Sim v2 reference cases: cycles within 0.5%, SRAM reads and writes within 1%", "[sim][systolic]") {
  const auto rows = read_results();
  REQUIRE(rows.size() == 6);
  for (const auto& row : rows) {
    const std::string topology = row.at("topology") == "alexnet_sel" ? "alexnet_conv3.csv" : "gemm_64x512x1024.csv";
    const auto spec = arch::load_arch(kRef + "configs/" + row.at("config") + ".cfg");
    const auto net = workload::load_workload(kRef + topology);
    REQUIRE(net.layers.size() == 1);
    REQUIRE(net.layers[0].macs() == std::stoll(row.at("macs")));
    const auto r = sim::build_systolic_schedule(spec, net.layers[0].problem).report;
    INFO(row.at("layer_name") << " " << row.at("dataflow") << ": cycles " << r.compute_cycles << " vs " << row.at("total_cycles")
                              << "; ifmap reads " << words(r.sram_ifmap_reads) << " vs " << row.at("sram_ifmap_reads") << "; filter reads "
                              << words(r.sram_filter_reads) << " vs " << row.at("sram_filter_reads") << "; ofmap writes "
                              << words(r.sram_ofmap_writes) << " vs " << row.at("sram_ofmap_writes") << "; DRAM ifmap "
                              << words(r.dram_ifmap_reads) << " vs " << row.at("dram_ifmap_reads") << ", filter "
                              << words(r.dram_filter_reads) << " vs " << row.at("dram_filter_reads") << ", ofmap "
                              << words(r.dram_ofmap_writes) << " vs " << row.at("dram_ofmap_writes"));
    CHECK(relative_error(static_cast<double>(r.compute_cycles), std::stod(row.at("total_cycles"))) <= 0.005);
    CHECK(relative_error(r.sram_ifmap_reads, std::stod(row.at("sram_ifmap_reads"))) <= 0.01);
    CHECK(relative_error(r.sram_filter_reads, std::stod(row.at("sram_filter_reads"))) <= 0.01);
    CHECK(relative_error(r.sram_ofmap_writes, std::stod(row.at("sram_ofmap_writes"))) <= 0.01);
    CHECK(r.mapping_efficiency * 100 == Approx(std::stod(row.at("mapping_eff_pct"))).epsilon(1e-6));
    CHECK(r.utilization * 100 == Approx(std::stod(row.at("scalesim_overall_util_pct"))).epsilon(1e-6));
  }
}

TEST_CASE("a layer that fits one fold takes T + fill + drain cycles", "[sim][systolic]") {
  const auto p = conv(8, 16, 6, 3);  // E = 4 x 4 = 16 pixels, T = 3 x 3 x 8 = 72, M = 16
  auto os = sim::build_systolic_schedule(cfg(32, 32, 64, 64, 64, "os"), p);
  REQUIRE(os.schedule.steps.size() == 1);
  CHECK(os.schedule.steps[0].compute_cycles == 72 + 32 + 32 - 2);  // T + rows + cols - 2
  CHECK(os.report.compute_cycles == 72 + 32 + 32 - 3);             // SCALE-Sim reports its last cycle's index
  // ws on 128 rows: T = 72 fits the rows, E streams: E + 2 x rows + cols - 2.
  auto ws = sim::build_systolic_schedule(cfg(128, 32, 64, 64, 64, "ws"), p);
  REQUIRE(ws.schedule.steps.size() == 1);
  CHECK(ws.schedule.steps[0].compute_cycles == 16 + 2 * 128 + 32 - 2);
  auto is = sim::build_systolic_schedule(cfg(128, 32, 64, 64, 64, "is"), p);
  REQUIRE(is.schedule.steps.size() == 1);
  CHECK(is.schedule.steps[0].compute_cycles == 16 + 2 * 128 + 32 - 2);  // M streams
}

TEST_CASE("folds grow with ceil(Sr/rows) x ceil(Sc/cols)", "[sim][systolic]") {
  const auto p = conv(4, 70, 12, 3);                                                            // E = 100, T = 36, M = 70
  CHECK(sim::build_systolic_schedule(cfg(32, 32, 64, 64, 64, "os"), p).report.folds == 4 * 3);  // E/32 x M/32
  CHECK(sim::build_systolic_schedule(cfg(32, 32, 64, 64, 64, "ws"), p).report.folds == 2 * 3);  // T/32 x M/32
  CHECK(sim::build_systolic_schedule(cfg(32, 32, 64, 64, 64, "is"), p).report.folds == 2 * 4);  // T/32 x E/32
  CHECK(sim::build_systolic_schedule(cfg(16, 64, 64, 64, 64, "os"), p).report.folds == 7 * 2);  // rows and cols apart
  const auto r = sim::build_systolic_schedule(cfg(32, 32, 64, 64, 64, "os"), p).report;
  CHECK(r.mapping_efficiency == Approx((100.0 / 128) * (70.0 / 96)));  // used PEs averaged over the folds
}

TEST_CASE("a grouped convolution is G independent sublayers and batch adds ofmap pixels", "[sim][systolic]") {
  const auto spec = cfg(32, 32, 64, 64, 64, "os");
  const auto one = sim::build_systolic_schedule(spec, conv(16, 16, 10, 3)).report;
  const auto grouped = sim::build_systolic_schedule(spec, conv(64, 64, 10, 3, 1, 4)).report;
  CHECK(grouped.folds == 4 * one.folds);
  CHECK(grouped.compute_cycles == 4 * one.compute_cycles);  // each sublayer reports one cycle less
  CHECK(grouped.sram_filter_reads == 4 * one.sram_filter_reads);
  const auto batched = sim::build_systolic_schedule(spec, conv(16, 16, 10, 3, 1, 1, 2)).report;
  CHECK(batched.sram_ifmap_reads == 2 * one.sram_ifmap_reads);  // 128 pixels instead of 64
  CHECK(batched.folds == 2 * one.folds);
}

TEST_CASE("DRAM reads of an operand that fits half its SRAM happen once", "[sim][systolic]") {
  const auto p = conv(64, 96, 10, 3);  // ifmap 10 x 10 x 64 = 6400, filters 3 x 3 x 64 x 96 = 55296 words
  for (const std::string df : {"os", "ws", "is"}) {
    INFO(df);
    const auto r = sim::build_systolic_schedule(cfg(16, 16, 16, 128, 64, df), p);
    CHECK(r.report.folds > 1);
    CHECK(r.report.dram_ifmap_reads == Approx(6400));  // each ifmap word once, not once per window
    CHECK(r.report.dram_filter_reads == Approx(55296));
    CHECK(r.report.dram_ofmap_writes == Approx(8 * 8 * 96));  // final values once
    // The steps carry the reads of the folds that first use each tile.
    CHECK(r.schedule.steps.front().dram_reads[index_of(r.schedule, "Weights")] > 0);
  }
}

TEST_CASE("an operand whose tile exceeds half its SRAM is fetched again by every fold", "[sim][systolic]") {
  // os: filters 3 x 3 x 64 x 32 = 18432 words per column fold, SRAM of 16 KiB (8192 words active).
  const auto p = conv(64, 64, 18, 3);  // E = 256 pixels: 8 row folds of 32, 2 column folds
  const auto r = sim::build_systolic_schedule(cfg(32, 32, 64, 16, 64, "os"), p).report;
  CHECK(r.folds == 16);
  CHECK(r.dram_filter_reads == Approx(16 * 18432));
  CHECK(r.dram_filter_reads == Approx(r.sram_filter_reads));
}

TEST_CASE("partial sums stay in the ofmap SRAM when they fit, else spill to DRAM and come back", "[sim][systolic]") {
  const auto p = conv(64, 32, 18, 3);  // ws: T = 576 (18 row folds of 32), E = 256, M = 32: tile 256 x 32 = 8192
  const auto fits = sim::build_systolic_schedule(cfg(32, 32, 64, 64, 16, "ws"), p);
  CHECK(fits.report.dram_ofmap_writes == Approx(8192));
  CHECK(sim::total_dram_reads(fits.schedule, index_of(fits.schedule, "Outputs")) == 0);
  const auto spills = sim::build_systolic_schedule(cfg(32, 32, 64, 64, 8, "ws"), p);  // 4096 words active
  CHECK(spills.report.dram_ofmap_writes == Approx(18 * 8192));
  CHECK(sim::total_dram_reads(spills.schedule, index_of(spills.schedule, "Outputs")) == Approx(17 * 8192));
  CHECK(spills.report.sram_ofmap_writes == Approx(18 * 8192));  // SCALE-Sim: once per output per row fold
}

TEST_CASE("os ofmap writes: SCALE-Sim adds rows + cols per fold to the physical count", "[sim][systolic]") {
  const auto r = sim::build_systolic_schedule(cfg(32, 16, 64, 64, 64, "os"), conv(8, 40, 12, 3)).report;
  CHECK(r.folds == 4 * 3);
  CHECK(r.sram_ofmap_writes_physical == Approx(100 * 40));
  CHECK(r.sram_ofmap_writes == Approx(100 * 40 + 12 * (32 + 16)));
}

TEST_CASE("pool and add layers only stream their tensors through DRAM", "[sim][systolic]") {
  workload::PoolParams pp;
  pp.channels = 8;
  pp.in_height = pp.in_width = 8;
  pp.kernel_h = pp.kernel_w = pp.stride_h = pp.stride_w = 2;
  const auto pool = sim::build_systolic_schedule(cfg(32, 32, 64, 64, 64, "ws"), workload::pool_problem("pool", pp));
  REQUIRE(pool.schedule.steps.size() == 1);
  CHECK(pool.schedule.steps[0].compute_cycles == 0);
  CHECK(pool.report.dram_ifmap_reads == Approx(8 * 8 * 8));
  CHECK(pool.report.dram_ofmap_writes == Approx(8 * 4 * 4));
  workload::AddParams ap;
  ap.channels = 4;
  ap.height = ap.width = 5;
  const auto add = sim::build_systolic_schedule(cfg(32, 32, 64, 64, 64, "os"), workload::add_problem("add", ap));
  CHECK(add.report.dram_ifmap_reads == Approx(2 * 4 * 5 * 5));
  CHECK(add.report.folds == 0);
}

TEST_CASE("every ResNet-50 layer maps onto the 128x128 TPU-like preset", "[sim][systolic]") {
  const auto spec = arch::load_arch(std::string(HWAWARE_SOURCE_DIR) + "/arch/presets/tpu_like_128x128.yaml");
  const auto net = workload::load_workload(std::string(HWAWARE_SOURCE_DIR) + "/workloads/networks/resnet50.yaml");
  for (const auto& layer : net.layers) {
    INFO(layer.name);
    const auto l = sim::build_systolic_schedule(spec, layer.problem);
    CHECK(l.schedule.ideal_cycles * 128 * 128 >= layer.macs());
    if (layer.macs() > 0) CHECK(l.report.compute_cycles >= l.schedule.ideal_cycles);
  }
}

TEST_CASE("a SCALE-Sim .cfg becomes a TPU-like accelerator", "[arch][scalesim]") {
  const auto spec = arch::load_arch(kRef + "configs/sa32x32_ws.cfg");
  REQUIRE(spec.systolic);
  CHECK(spec.systolic->rows == 32);
  CHECK(spec.systolic->dataflow == arch::SystolicDataflow::ws);
  CHECK(spec.dataflow == "weight-stationary");
  REQUIRE(spec.levels.size() == 5);
  CHECK(spec.levels[0].name == "DRAM");
  CHECK_FALSE(spec.levels[0].read_bandwidth);  // CALC: SCALE-Sim sizes the bandwidth, nothing stalls
  CHECK(spec.levels[1].keep == std::vector<std::string>{"Inputs"});
  CHECK(spec.levels[1].capacity_words() == 64 * 1024);
  CHECK(spec.levels[4].name == "pe_weight");
  CHECK(spec.compute.instances == 32 * 32);
  const auto user = arch::read_scalesim_config(kGoodCfg, "x.cfg");  // USER: the written bandwidth
  CHECK(user.levels[0].read_bandwidth == 10.0);
  CHECK(user.systolic->cols == 16);
  CHECK(user.compute.mesh_x == 16);
  CHECK(user.levels[2].capacity_words() == 32 * 1024);
}

TEST_CASE("errors in a SCALE-Sim .cfg are reported together at line:column", "[arch][scalesim]") {
  std::string text = kGoodCfg;
  text.replace(text.find("ArrayHeight:    32"), 18, "ArrayHieght:    32");
  text.replace(text.find("Bandwidth : 10"), 14, "Bandwidth : ten");
  text += "[sparsity]\nSparsitySupport : true\n";
  const auto ds = cfg_errors(text);
  REQUIRE(ds.size() == 3);  // the misspelt key (not again as a missing ArrayHeight), the bandwidth, sparsity
  CHECK(core::format(ds[0]) == "bad.cfg:5:1: error: architecture_presets: unknown key 'ArrayHieght' (did you mean 'ArrayHeight'?)");
  CHECK(core::format(ds[1]) ==
        "bad.cfg:13:13: error: architecture_presets.Bandwidth: expected a bandwidth in words/cycle (a positive number), found 'ten'");
  CHECK(core::format(ds[2]).find("bad.cfg:20:1: error: sparsity.SparsitySupport: 'SparsitySupport: true' is not supported") == 0);
  std::string no_ofmap = kGoodCfg;
  no_ofmap.erase(no_ofmap.find("OfmapSramSzkB:   16\n"), 20);
  CHECK(core::format(cfg_errors(no_ofmap).at(0)) == "bad.cfg:4:1: error: architecture_presets: missing required key 'OfmapSramSzkB'");
  CHECK(core::format(cfg_errors("[architecture_presets]\nArrayWidth: 0\n")[0]) ==
        "bad.cfg:2:13: error: architecture_presets.ArrayWidth: expected a positive integer, found '0'");
  CHECK(core::format(cfg_errors("[architecture_presets]\nDataflow: wss\n")[0]).find("found 'wss' (did you mean 'ws'?)") !=
        std::string::npos);
}
