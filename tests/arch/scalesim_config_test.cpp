// The SCALE-Sim v2 .cfg reader: a configuration becomes a TPU-like accelerator (DRAM, three
// operand SRAMs, the array and a PE register), and every error of a file is reported together at
// line:column.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "arch/arch_loader.h"
#include "arch/scalesim_config.h"
#include "core/diagnostics.h"

using namespace hwaware;

namespace {

const std::string kRef = std::string(HWAWARE_TEST_DATA) + "/reference/scalesim/";

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

TEST_CASE("a SCALE-Sim .cfg becomes a TPU-like accelerator", "[arch][scalesim]") {
  const auto spec = arch::load_arch(kRef + "configs/sa32x32_ws.cfg");
  REQUIRE(spec.systolic);
  CHECK(spec.systolic->rows == 32);
  CHECK(spec.systolic->dataflow == arch::SystolicDataflow::ws);
  CHECK(spec.dataflow.empty());  // no mapper dataflow: the folds are the systolic array's mapping
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
