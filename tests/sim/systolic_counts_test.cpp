// A systolic run is priced on its own traffic: the counts handed to the energy table carry the
// folds' DRAM and SRAM accesses, not the analytical model's.

#include <catch2/catch.hpp>

#include <random>

#include "arch/arch_loader.h"
#include "mappings/dataflow.h"
#include "mappings/search_space.h"
#include "models/analytical_model.h"
#include "sim/systolic_counts.h"
#include "sim/systolic_schedule.h"
#include "workloads/layer.h"

using namespace hwaware;

TEST_CASE("a systolic run's storage counts are its folds' DRAM and SRAM accesses", "[sim][systolic]") {
  const auto spec = arch::load_arch(std::string(HWAWARE_SOURCE_DIR) + "/arch/presets/tpu_like_128x128.yaml");
  workload::ConvParams p;  // AlexNet conv3
  p.in_channels = 256;
  p.out_channels = 384;
  p.in_height = p.in_width = 13;
  p.kernel_h = p.kernel_w = 3;
  const auto pr = workload::conv2d_problem("conv3", p);
  const auto dataflow = mapping::load_dataflow(mapping::dataflow_file(spec.dataflow));
  mapping::SearchSpace space(spec, pr, mapping::resolve_rules(spec, pr, &dataflow));
  std::mt19937_64 rng(5);
  auto c = space.greedy(rng);
  while (!space.misfit(c).empty()) c = space.greedy(rng);
  const auto analytical = model::evaluate_counts(spec, space.to_mapping(c), pr);
  const auto folds = sim::build_systolic_schedule(spec, pr);
  const auto counts = sim::systolic_counts(spec, pr, folds.schedule, folds.report, analytical);

  const auto in = static_cast<std::size_t>(pr.data_space_index("Inputs"));
  const auto w = static_cast<std::size_t>(pr.data_space_index("Weights"));
  const auto out = static_cast<std::size_t>(pr.data_space_index("Outputs"));
  const auto& dram = counts.levels.front().tensors;
  CHECK(dram[in].reads == sim::total_dram_reads(folds.schedule, in));
  CHECK(dram[w].reads == sim::total_dram_reads(folds.schedule, w));
  CHECK(dram[out].updates == sim::total_dram_writes(folds.schedule, out));
  const auto level = [&](const char* name) { return counts.levels[static_cast<std::size_t>(spec.level_index(name))].tensors; };
  CHECK(level("ifmap_sram")[in].reads == folds.report.sram_ifmap_reads);
  CHECK(level("ifmap_sram")[in].fills == dram[in].reads);
  CHECK(level("filter_sram")[w].reads == folds.report.sram_filter_reads);
  CHECK(level("ofmap_sram")[out].updates == folds.report.sram_ofmap_writes_physical);
  // The bits follow the counts (8-bit words, one element per word here).
  CHECK(counts.levels.front().bits[in].read_bits == 8 * dram[in].reads);
  CHECK(counts.computes == analytical.computes);
}
