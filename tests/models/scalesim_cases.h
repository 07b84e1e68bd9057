#pragma once
// Test helper: SCALE-Sim v2's reference cases (tests/reference/scalesim/): results.csv as rows,
// each with its accelerator (the .cfg through arch::load_arch) and its layer (the topology through
// workload::load_workload); and small SCALE-Sim configurations written on the spot.

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "arch/arch_loader.h"
#include "arch/scalesim_config.h"
#include "workloads/layer.h"
#include "workloads/workload_loader.h"

namespace hwaware::test {

inline const std::string kScalesim = std::string(HWAWARE_TEST_DATA) + "/reference/scalesim/";

struct ScalesimCase {
  std::map<std::string, std::string> row;  // column of results.csv -> text
  arch::Spec spec;
  workload::Problem problem;
  double number(const std::string& column) const { return std::stod(row.at(column)); }
  std::string name() const { return row.at("layer_name") + " " + row.at("dataflow"); }
};

// results.csv (CRLF line ends) as rows of column name -> text.
inline std::vector<std::map<std::string, std::string>> scalesim_results() {
  std::ifstream in(kScalesim + "results.csv");
  REQUIRE(in);
  auto next = [&in](std::string& line) {
    if (!std::getline(in, line)) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
  };
  std::string line;
  next(line);
  std::vector<std::string> header;
  std::istringstream hs(line);
  for (std::string f; std::getline(hs, f, ',');) header.push_back(f);
  std::vector<std::map<std::string, std::string>> rows;
  while (next(line)) {
    if (line.empty()) continue;
    std::istringstream ls(line);
    std::map<std::string, std::string> row;
    std::size_t i = 0;
    for (std::string f; std::getline(ls, f, ',') && i < header.size(); ++i) row[header[i]] = f;
    rows.push_back(row);
  }
  return rows;
}

// The case of `config` (sa32x32_os, ...) on `topology` (alexnet_sel or gemm_sel, as results.csv names them).
inline ScalesimCase scalesim_case(const std::string& config, const std::string& topology) {
  for (const auto& row : scalesim_results()) {
    if (row.at("config") != config || row.at("topology") != topology) continue;
    const std::string file = topology == "alexnet_sel" ? "alexnet_conv3.csv" : "gemm_64x512x1024.csv";
    const auto net = workload::load_workload(kScalesim + file);
    REQUIRE(net.layers.size() == 1);
    REQUIRE(net.layers[0].macs() == std::stoll(row.at("macs")));
    return {row, arch::load_arch(kScalesim + "configs/" + config + ".cfg"), net.layers[0].problem};
  }
  FAIL("no SCALE-Sim case " << config << " on " << topology);
  return {};
}

// All six cases of results.csv.
inline std::vector<ScalesimCase> scalesim_cases() {
  std::vector<ScalesimCase> cases;
  for (const auto& row : scalesim_results()) cases.push_back(scalesim_case(row.at("config"), row.at("topology")));
  REQUIRE(cases.size() == 6);
  return cases;
}

// A SCALE-Sim configuration with the given array, SRAM sizes (kB) and dataflow, in CALC mode.
inline arch::Spec scalesim_cfg(long long rows, long long cols, long long ifmap_kb, long long filter_kb, long long ofmap_kb,
                               const std::string& dataflow) {
  std::ostringstream t;
  t << "[general]\nrun_name = t\n[architecture_presets]\nArrayHeight: " << rows << "\nArrayWidth: " << cols
    << "\nIfmapSramSzkB: " << ifmap_kb << "\nFilterSramSzkB: " << filter_kb << "\nOfmapSramSzkB: " << ofmap_kb << "\nDataflow: " << dataflow
    << "\n[run_presets]\nInterfaceBandwidth: CALC\n";
  return arch::read_scalesim_config(t.str(), "t.cfg");
}

// A convolution of c -> m channels on an hw x hw input, k x k filters, unpadded.
inline workload::Problem scalesim_conv(long long c, long long m, long long hw, long long k, long long stride = 1, long long groups = 1,
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

}  // namespace hwaware::test
