// Mapper throughput on one core: mapping evaluations per second (the analytical model's counts
// plus pricing, on legal mappings the mapper draws) for a VGG-16 layer on the Eyeriss-like
// preset, and the whole mapper's rate (drawing, legality and evaluation) on one thread.

#include <chrono>
#include <cstdio>
#include <random>

#include "arch/arch_loader.h"
#include "mappings/dataflow.h"
#include "mappings/mapper.h"
#include "mappings/search_space.h"
#include "models/analytical_model.h"
#include "models/energy_estimators.h"
#include "workloads/layer.h"

using namespace hwaware;

int main() {
  auto spec = arch::load_arch(std::string(HWAWARE_SOURCE_DIR) + "/arch/presets/eyeriss_like.yaml");
  auto dataflow = mapping::load_dataflow(mapping::dataflow_file(spec.dataflow));
  auto table = model::build_energy_table(spec);
  workload::ConvParams p;  // VGG-16 conv3_2: 256 -> 256 channels, 56x56, 3x3, padding 1
  p.in_channels = p.out_channels = 256;
  p.in_height = p.in_width = 56;
  p.kernel_h = p.kernel_w = 3;
  p.pad_h = p.pad_w = 1;
  auto pr = workload::conv2d_problem("vgg16_conv3_2", p);
  auto rules = mapping::resolve_rules(spec, pr, &dataflow);
  mapping::SearchSpace space(spec, pr, rules);

  std::mt19937_64 rng(1);
  std::vector<mapping::Mapping> mappings;
  while (mappings.size() < 2000) {
    auto c = space.greedy(rng);
    if (space.misfit(c).empty()) mappings.push_back(space.to_mapping(c));
  }
  using clock = std::chrono::steady_clock;
  double sink = 0;
  const int rounds = 10;
  model::LayerCounts counts;  // reused, as the mapper's cost model does
  auto t0 = clock::now();
  for (int r = 0; r < rounds; ++r)
    for (const auto& m : mappings) {
      model::evaluate_counts(spec, m, pr, counts);
      sink += model::price_total(spec, counts, table);
    }
  double secs = std::chrono::duration<double>(clock::now() - t0).count();
  double n = static_cast<double>(rounds) * static_cast<double>(mappings.size());
  std::printf("layer: VGG-16 conv3_2 (C256 M256 P56 Q56 R3 S3) on eyeriss-like, row-stationary\n");
  std::printf("model evaluations (counts + energy), one core: %.0f per second (%.2f us each)\n", n / secs, secs / n * 1e6);

  mapping::MapperOptions o;
  o.max_evaluations = 20000;
  o.patience = 20000;
  o.exhaustive_limit = 0;
  o.threads = 1;
  mapping::CostModel cost = [&](const mapping::Mapping& m) {
    thread_local model::LayerCounts reused;  // reused across the mappings a thread evaluates
    model::evaluate_counts(spec, m, pr, reused);
    return mapping::Cost{model::price_total(spec, reused, table), static_cast<double>(reused.cycles)};
  };
  t0 = clock::now();
  auto r = mapping::find_mapping(spec, pr, rules, cost, o);
  secs = std::chrono::duration<double>(clock::now() - t0).count();
  std::printf("mapper on one thread: %lld evaluated + %lld rejected in %.2f s = %.0f evaluations per second\n", r.evaluated,
              r.rejected, secs, static_cast<double>(r.evaluated) / secs);
  std::printf("(checksum %.6g)\n", sink);
  return 0;
}
