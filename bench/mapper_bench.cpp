// Mapper throughput on one core, for a VGG-16 layer on the Eyeriss-like preset: mapping
// evaluations per second by the evaluator searches use (SearchEvaluator: energy and cycles), by
// the full analytical model it equals (evaluate_counts + price_total: every count, for reports),
// and the whole mapper's rate (drawing, legality and evaluation) on one thread.
//
// `--sparse` runs it on eyeriss_sparse_weights.yaml at weight density 0.3, input density 0.5.
// `bench_mapper --evaluator-only` evaluates the mappings 5 times with the search evaluator and
// nothing else, for counting instructions (docs/performance.md; evaluate_flat() is the whole flat
// evaluation: the nest geometry, the accounting and the pricing walk run inside it):
//   valgrind --tool=callgrind --toggle-collect='*SearchEvaluator::evaluate_flat*' build/bench/bench_mapper --evaluator-only

#include <chrono>
#include <cstdio>
#include <random>
#include <string>

#include "arch/arch_loader.h"
#include "mappings/dataflow.h"
#include "mappings/mapper.h"
#include "mappings/search_space.h"
#include "models/analytical_model.h"
#include "models/energy_estimators.h"
#include "models/search_evaluator.h"
#include "workloads/layer.h"

using namespace hwaware;

namespace {

// Evaluations per second of `evaluate` over `mappings`, best of three timed runs of `rounds`
// passes each (the best run is the one least disturbed by the rest of the machine).
template <typename Evaluate>
double rate(const std::vector<mapping::Mapping>& mappings, int rounds, double& sink, Evaluate evaluate) {
  using clock = std::chrono::steady_clock;
  double best = 0;
  for (int run = 0; run < 3; ++run) {
    auto t0 = clock::now();
    for (int r = 0; r < rounds; ++r)
      for (const auto& m : mappings) sink += evaluate(m);
    double secs = std::chrono::duration<double>(clock::now() - t0).count();
    best = std::max(best, static_cast<double>(rounds) * static_cast<double>(mappings.size()) / secs);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  bool evaluator_only = false, sparse = false;
  for (int i = 1; i < argc; ++i) {
    evaluator_only = evaluator_only || std::string(argv[i]) == "--evaluator-only";
    sparse = sparse || std::string(argv[i]) == "--sparse";
  }
  // --sparse: the same layer on eyeriss_sparse_weights.yaml at weight density 0.3 and input density
  // 0.5 (Sparseloop's analysis: the search evaluator takes the full model).
  const char* preset = sparse ? "/arch/presets/eyeriss_sparse_weights.yaml" : "/arch/presets/eyeriss_like.yaml";
  auto spec = arch::load_arch(std::string(HWAWARE_SOURCE_DIR) + preset);
  auto dataflow = mapping::load_dataflow(mapping::dataflow_file(spec.dataflow));
  auto table = model::build_energy_table(spec);
  workload::ConvParams p;  // VGG-16 conv3_2: 256 -> 256 channels, 56x56, 3x3, padding 1
  p.in_channels = p.out_channels = 256;
  p.in_height = p.in_width = 56;
  p.kernel_h = p.kernel_w = 3;
  p.pad_h = p.pad_w = 1;
  auto pr = workload::conv2d_problem("vgg16_conv3_2", p);
  if (sparse) {
    pr.data_spaces[static_cast<std::size_t>(pr.data_space_index("Weights"))].density = 0.3;
    pr.data_spaces[static_cast<std::size_t>(pr.data_space_index("Inputs"))].density = 0.5;
  }
  auto rules = mapping::resolve_rules(spec, pr, &dataflow);
  mapping::SearchSpace space(spec, pr, rules);

  std::mt19937_64 rng(1);
  std::vector<mapping::Mapping> mappings;
  while (mappings.size() < 2000) {
    auto c = space.greedy(rng);
    if (space.misfit(c).empty()) mappings.push_back(space.to_mapping(c));
  }
  double sink = 0;
  const model::SearchEvaluator evaluator(spec, pr, table);
  if (evaluator_only) {
    for (int r = 0; r < 5; ++r)
      for (const auto& m : mappings) sink += evaluator.evaluate(m).energy_pj;
    std::printf("%zu evaluations (checksum %.6g)\n", 5 * mappings.size(), sink);
    return 0;
  }
  const double fast = rate(mappings, 100, sink, [&](const mapping::Mapping& m) { return evaluator.evaluate(m).energy_pj; });
  model::LayerCounts counts;  // reused, as a search would
  const double full = rate(mappings, 10, sink, [&](const mapping::Mapping& m) {
    model::evaluate_counts(spec, m, pr, counts);
    return model::price_total(spec, counts, table);
  });
  std::printf("layer: VGG-16 conv3_2 (C256 M256 P56 Q56 R3 S3) on %s, row-stationary, %zu mappings\n", spec.name.c_str(), mappings.size());
  std::printf("search evaluator (energy + cycles), one core: %.0f evaluations per second (%.3f us each)\n", fast, 1e6 / fast);
  std::printf("full analytical model (every count + energy), one core: %.0f per second (%.2f us each)\n", full, 1e6 / full);

  mapping::MapperOptions o;
  o.max_evaluations = 20000;
  o.patience = 20000;
  o.exhaustive_limit = 0;
  o.threads = 1;
  mapping::CostModel cost = [&](const mapping::Mapping& m) { return evaluator.evaluate(m); };
  auto t0 = std::chrono::steady_clock::now();
  auto r = mapping::find_mapping(spec, pr, rules, cost, o);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("mapper on one thread: %lld evaluated + %lld rejected in %.2f s = %.0f evaluations per second\n", r.evaluated, r.rejected,
              secs, static_cast<double>(r.evaluated) / secs);
  std::printf("(checksum %.6g)\n", sink);
  return 0;
}
