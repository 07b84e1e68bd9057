// The analytical model of a systolic array (models/systolic_model.h): SCALE-Sim's fold rules,
// hwaware's DRAM model for the folds, what the PE registers and the array's links count, and the
// cycles: SCALE-Sim's, throttled by finite bandwidths as the loop-nest model throttles.

#include <catch2/catch.hpp>

#include <cmath>

#include "models/scalesim_cases.h"
#include "models/systolic_model.h"

using namespace hwaware;
using test::scalesim_cfg;
using test::scalesim_conv;

namespace {

// Tensor `tensor` at level `level` (per instance, with its instances).
const model::TensorAccess& at(const arch::Spec& spec, const model::LayerCounts& c, const std::string& level, const workload::Problem& pr,
                              const std::string& tensor) {
  return c.levels.at(static_cast<std::size_t>(spec.level_index(level))).tensors.at(static_cast<std::size_t>(pr.data_space_index(tensor)));
}

const model::NetworkAccess& link(const arch::Spec& spec, const model::LayerCounts& c, const workload::Problem& pr,
                                 const std::string& tensor) {
  return c.levels.at(static_cast<std::size_t>(spec.level_index("ofmap_sram")))
      .network.at(static_cast<std::size_t>(pr.data_space_index(tensor)));
}

double total(const model::TensorAccess& a, double model::TensorAccess::*count) { return a.*count * static_cast<double>(a.instances); }

}  // namespace

TEST_CASE("a layer that fits one fold takes T + fill + drain cycles", "[systolic]") {
  const auto p = scalesim_conv(8, 16, 6, 3);  // E = 4 x 4 = 16 pixels, T = 3 x 3 x 8 = 72, M = 16
  const auto os = model::systolic_folds(scalesim_cfg(32, 32, 64, 64, 64, "os"), p);
  REQUIRE(os.folds.size() == 1);
  CHECK(os.folds[0].cycles == 72 + 32 + 32 - 2);        // T + rows + cols - 2
  CHECK(os.report.compute_cycles == 72 + 32 + 32 - 3);  // SCALE-Sim reports its last cycle's index
  // ws on 128 rows: T = 72 fits the rows, E streams: E + 2 x rows + cols - 2.
  const auto ws = model::systolic_folds(scalesim_cfg(128, 32, 64, 64, 64, "ws"), p);
  REQUIRE(ws.folds.size() == 1);
  CHECK(ws.folds[0].cycles == 16 + 2 * 128 + 32 - 2);
  const auto is = model::systolic_folds(scalesim_cfg(128, 32, 64, 64, 64, "is"), p);
  REQUIRE(is.folds.size() == 1);
  CHECK(is.folds[0].cycles == 16 + 2 * 128 + 32 - 2);  // M streams
}

TEST_CASE("folds grow with ceil(Sr/rows) x ceil(Sc/cols)", "[systolic]") {
  const auto p = scalesim_conv(4, 70, 12, 3);  // E = 100, T = 36, M = 70
  auto folds = [&p](long long rows, long long cols, const char* df) {
    return model::systolic_folds(scalesim_cfg(rows, cols, 64, 64, 64, df), p);
  };
  CHECK(folds(32, 32, "os").report.folds == 4 * 3);                                             // E/32 x M/32
  CHECK(folds(32, 32, "ws").report.folds == 2 * 3);                                             // T/32 x M/32
  CHECK(folds(32, 32, "is").report.folds == 2 * 4);                                             // T/32 x E/32
  CHECK(folds(16, 64, "os").report.folds == 7 * 2);                                             // rows and cols apart
  CHECK(folds(32, 32, "os").report.mapping_efficiency == Approx((100.0 / 128) * (70.0 / 96)));  // used PEs averaged over the folds
}

TEST_CASE("a grouped convolution is G independent sublayers and batch adds ofmap pixels", "[systolic]") {
  const auto spec = scalesim_cfg(32, 32, 64, 64, 64, "os");
  const auto one = model::systolic_folds(spec, scalesim_conv(16, 16, 10, 3)).report;
  const auto grouped = model::systolic_folds(spec, scalesim_conv(64, 64, 10, 3, 1, 4));
  CHECK(grouped.groups == 4);
  CHECK(grouped.report.folds == 4 * one.folds);
  CHECK(grouped.report.compute_cycles == 4 * one.compute_cycles);  // each sublayer reports one cycle less
  CHECK(grouped.report.sram_filter_reads == 4 * one.sram_filter_reads);
  const auto batched = model::systolic_folds(spec, scalesim_conv(16, 16, 10, 3, 1, 1, 2)).report;
  CHECK(batched.sram_ifmap_reads == 2 * one.sram_ifmap_reads);  // 128 pixels instead of 64
  CHECK(batched.folds == 2 * one.folds);
}

TEST_CASE("DRAM reads of an operand that fits half its SRAM happen once", "[systolic]") {
  const auto p = scalesim_conv(64, 96, 10, 3);  // ifmap 10 x 10 x 64 = 6400, filters 3 x 3 x 64 x 96 = 55296 words
  for (const std::string df : {"os", "ws", "is"}) {
    INFO(df);
    const auto spec = scalesim_cfg(16, 16, 16, 128, 64, df);
    const auto c = model::evaluate_systolic(spec, p);
    CHECK(c.systolic->folds > 1);
    CHECK(total(at(spec, c, "DRAM", p, "Inputs"), &model::TensorAccess::reads) == Approx(6400));  // once, not once per window
    CHECK(total(at(spec, c, "DRAM", p, "Weights"), &model::TensorAccess::reads) == Approx(55296));
    CHECK(total(at(spec, c, "DRAM", p, "Outputs"), &model::TensorAccess::updates) == Approx(8 * 8 * 96));  // final values once
    // The folds carry the reads of the ones that first use each tile.
    const auto folds = model::systolic_folds(spec, p);
    CHECK(folds.folds.front().dram_reads[static_cast<std::size_t>(p.data_space_index("Weights"))] > 0);
  }
}

TEST_CASE("an operand whose tile exceeds half its SRAM is fetched again by every fold", "[systolic]") {
  // os: filters 3 x 3 x 64 x 32 = 18432 words per column fold, SRAM of 16 KiB (8192 words active).
  const auto p = scalesim_conv(64, 64, 18, 3);  // E = 256 pixels: 8 row folds of 32, 2 column folds
  const auto r = model::systolic_folds(scalesim_cfg(32, 32, 64, 16, 64, "os"), p).report;
  CHECK(r.folds == 16);
  CHECK(r.dram_filter_reads == Approx(16 * 18432));
  CHECK(r.dram_filter_reads == Approx(r.sram_filter_reads));
}

TEST_CASE("the SRAMs' capacity is counted in elements: 16-bit inputs fit half as many", "[systolic]") {
  const auto p = scalesim_conv(64, 96, 10, 3);          // ifmap 6400 elements
  auto spec = scalesim_cfg(16, 16, 16, 128, 64, "os");  // 8192 bytes of the ifmap SRAM active
  const auto bytes = model::systolic_folds(spec, p);
  const auto in = static_cast<std::size_t>(p.data_space_index("Inputs"));
  CHECK(bytes.buffer_elements[in] == 16 * 1024);
  CHECK(bytes.report.dram_ifmap_reads == Approx(6400));  // held for the whole layer
  spec.tensor_bits["Inputs"] = 16;
  const auto wide = model::systolic_folds(spec, p);
  CHECK(wide.buffer_elements[in] == 8 * 1024);
  CHECK(wide.report.dram_ifmap_reads > 6400);  // 4096 elements active: no longer
}

TEST_CASE("partial sums stay in the ofmap SRAM when they fit, else spill to DRAM and come back", "[systolic]") {
  const auto p = scalesim_conv(64, 32, 18, 3);  // ws: T = 576 (18 row folds of 32), E = 256, M = 32: tile 256 x 32 = 8192
  const auto fits_spec = scalesim_cfg(32, 32, 64, 64, 16, "ws");
  const auto fits = model::evaluate_systolic(fits_spec, p);
  CHECK(fits.systolic->dram_ofmap_writes == Approx(8192));
  CHECK(total(at(fits_spec, fits, "DRAM", p, "Outputs"), &model::TensorAccess::reads) == 0);
  const auto spills_spec = scalesim_cfg(32, 32, 64, 64, 8, "ws");  // 4096 words active
  const auto spills = model::evaluate_systolic(spills_spec, p);
  CHECK(spills.systolic->dram_ofmap_writes == Approx(18 * 8192));
  CHECK(total(at(spills_spec, spills, "DRAM", p, "Outputs"), &model::TensorAccess::reads) == Approx(17 * 8192));
  CHECK(total(at(spills_spec, spills, "ofmap_sram", p, "Outputs"), &model::TensorAccess::fills) == Approx(17 * 8192));  // they come back
  CHECK(spills.systolic->sram_ofmap_writes == Approx(18 * 8192));  // SCALE-Sim: once per output per row fold
}

TEST_CASE("os ofmap writes: SCALE-Sim adds rows + cols per fold to the physical count", "[systolic]") {
  const auto r = model::systolic_folds(scalesim_cfg(32, 16, 64, 64, 64, "os"), scalesim_conv(8, 40, 12, 3)).report;
  CHECK(r.folds == 4 * 3);
  CHECK(r.sram_ofmap_writes_physical == Approx(100 * 40));
  CHECK(r.sram_ofmap_writes == Approx(100 * 40 + 12 * (32 + 16)));
}

TEST_CASE("a weight-stationary PE loads each weight once per fold and reads it at every MAC", "[systolic]") {
  const auto spec = scalesim_cfg(128, 32, 64, 64, 64, "ws");
  const auto p = scalesim_conv(8, 16, 6, 3);  // one fold: T = 72 rows x M = 16 cols used, E = 16 pixels stream
  const auto c = model::evaluate_systolic(spec, p);
  const double macs = 16.0 * 72 * 16;
  const auto& pe = at(spec, c, "pe_weight", p, "Weights");
  CHECK(pe.instances == 72 * 16);
  CHECK(total(pe, &model::TensorAccess::fills) == Approx(72 * 16));
  CHECK(total(pe, &model::TensorAccess::reads) == Approx(macs));
  CHECK(c.compute_instances == 72 * 16);
  // Inputs enter at the left edge and cross the 16 used columns; weights are loaded down their
  // column (73 / 2 hops on average); partial sums run down the 72 used rows.
  CHECK(link(spec, c, p, "Inputs").ingresses == Approx(16 * 72));
  CHECK(link(spec, c, p, "Inputs").deliveries == Approx(macs));
  CHECK(link(spec, c, p, "Inputs").hops == Approx(macs));
  CHECK(link(spec, c, p, "Weights").deliveries == Approx(72 * 16));
  CHECK(link(spec, c, p, "Weights").hops == Approx(72 * 16 * 73 / 2.0));
  CHECK(link(spec, c, p, "Outputs").ingresses == Approx(16 * 16));
  CHECK(link(spec, c, p, "Outputs").deliveries == Approx(macs));
  CHECK(link(spec, c, p, "Outputs").fanout == 128 * 32);
}

TEST_CASE("an output-stationary PE accumulates at every MAC and drains each output once", "[systolic]") {
  const auto spec = scalesim_cfg(32, 32, 64, 64, 64, "os");
  const auto p = scalesim_conv(8, 16, 6, 3);  // one fold: E = 16 rows x M = 16 cols used, T = 72 streams
  const auto c = model::evaluate_systolic(spec, p);
  const double macs = 16.0 * 72 * 16;
  const auto& pe = at(spec, c, "pe_output", p, "Outputs");
  CHECK(pe.instances == 16 * 16);
  CHECK(total(pe, &model::TensorAccess::updates) == Approx(macs));
  CHECK(total(pe, &model::TensorAccess::reads) == Approx(macs));  // accumulations less first writes, plus the drain
  CHECK(link(spec, c, p, "Inputs").deliveries == Approx(macs));   // from the left across 16 columns
  CHECK(link(spec, c, p, "Weights").deliveries == Approx(macs));  // from the top down 16 rows
  CHECK(link(spec, c, p, "Outputs").deliveries == Approx(16 * 16));
  CHECK(link(spec, c, p, "Outputs").hops == Approx(16 * 16 * 17 / 2.0));
}

TEST_CASE("a finite DRAM bandwidth throttles the folds' cycles as it throttles a loop nest", "[systolic]") {
  auto k = test::scalesim_case("sa32x32_os", "alexnet_sel");
  const auto calc = model::evaluate_systolic(k.spec, k.problem);
  CHECK(calc.levels.front().slowdown == 1);
  k.spec.levels.front().read_bandwidth = 2;  // words/cycle
  k.spec.levels.front().write_bandwidth = 2;
  const auto slow = model::evaluate_systolic(k.spec, k.problem);
  const double reads = slow.systolic->dram_ifmap_reads + slow.systolic->dram_filter_reads;
  CHECK(slow.levels.front().slowdown < 1);
  CHECK(slow.cycles == static_cast<long long>(std::ceil(reads / 2)));
  CHECK(slow.compute_cycles == calc.cycles);  // the folds are the same, they wait
  CHECK(slow.utilization == Approx(calc.utilization * static_cast<double>(calc.cycles) / static_cast<double>(slow.cycles)));
  CHECK(slow.systolic->compute_cycles == calc.systolic->compute_cycles);  // SCALE-Sim's figures are without stalls
}

TEST_CASE("pool and add layers only stream their tensors through DRAM", "[systolic]") {
  const auto spec = scalesim_cfg(32, 32, 64, 64, 64, "ws");
  workload::PoolParams pp;
  pp.channels = 8;
  pp.in_height = pp.in_width = 8;
  pp.kernel_h = pp.kernel_w = pp.stride_h = pp.stride_w = 2;
  const auto pool_problem = workload::pool_problem("pool", pp);
  const auto pool = model::evaluate_systolic(spec, pool_problem);
  CHECK(pool.systolic->folds == 0);
  CHECK(pool.computes == 0);
  CHECK(pool.cycles == 0);  // CALC: the transfers take no time of their own
  CHECK(total(at(spec, pool, "DRAM", pool_problem, "Inputs"), &model::TensorAccess::reads) == Approx(8 * 8 * 8));
  CHECK(total(at(spec, pool, "DRAM", pool_problem, "Outputs"), &model::TensorAccess::updates) == Approx(8 * 4 * 4));
  for (std::size_t l = 1; l < pool.levels.size(); ++l) CHECK(pool.levels[l].utilized_instances == 0);  // nothing on chip
  workload::AddParams ap;
  ap.channels = 4;
  ap.height = ap.width = 5;
  auto slow = scalesim_cfg(32, 32, 64, 64, 64, "os");
  slow.levels.front().read_bandwidth = 10;
  const auto add = model::evaluate_systolic(slow, workload::add_problem("add", ap));
  CHECK(add.systolic->dram_ifmap_reads == Approx(2 * 4 * 5 * 5));
  CHECK(add.cycles == 20);  // 200 words at 10 words/cycle
}

TEST_CASE("every ResNet-50 layer maps onto the 128x128 TPU-like preset, never faster than its MACs allow", "[systolic]") {
  const auto spec = arch::load_arch(std::string(HWAWARE_SOURCE_DIR) + "/arch/presets/tpu_like_128x128.yaml");
  const auto net = workload::load_workload(std::string(HWAWARE_SOURCE_DIR) + "/workloads/networks/resnet50.yaml");
  for (const auto& layer : net.layers) {
    INFO(layer.name);
    const auto c = model::evaluate_systolic(spec, layer.problem);
    if (layer.macs() == 0) continue;
    CHECK(c.cycles * 128 * 128 >= layer.macs());
    CHECK(c.cycles >= c.systolic->compute_cycles);
    CHECK(c.utilization <= 1);
  }
}
