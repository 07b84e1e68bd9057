#include "sim/layer_schedule.h"

#include "models/systolic_folds.h"
#include "models/systolic_model.h"
#include "sim/pim_schedule.h"
#include "sim/spatial_schedule.h"
#include "sim/systolic_schedule.h"

namespace hwaware::sim {

LayerRun run_layer(Simulator& simulator, const arch::Spec& spec, const mapping::Mapping& m, const workload::Problem& problem,
                   const model::LayerCounts& counts) {
  LayerRun run;
  if (spec.systolic) {
    const auto folds = model::systolic_folds(spec, problem);
    run.counts = model::systolic_counts(spec, problem, folds);
    run.result = simulator.run(build_systolic_schedule(problem, folds, run.counts));
  } else {
    run.counts = counts;
    run.result = simulator.run(spec.pim ? build_pim_schedule(spec, problem, counts) : build_spatial_schedule(spec, m, problem, counts));
  }
  run.counts.cycles = run.result.cycles;
  return run;
}

}  // namespace hwaware::sim
