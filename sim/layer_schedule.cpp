#include "sim/layer_schedule.h"

#include "models/systolic_folds.h"
#include "sim/pim_schedule.h"
#include "sim/spatial_schedule.h"
#include "sim/systolic_schedule.h"

namespace hwaware::sim {

LayerRun run_layer(Simulator& simulator, const arch::Spec& spec, const mapping::Mapping& m, const workload::Problem& problem,
                   const model::LayerCounts& counts) {
  LayerRun run;
  // A systolic array's steps are its folds (the counts were made from the same folds).
  if (spec.systolic) run.result = simulator.run(build_systolic_schedule(problem, model::systolic_folds(spec, problem), counts));
  else if (spec.pim) run.result = simulator.run(build_pim_schedule(spec, problem, counts));
  else run.result = simulator.run(build_spatial_schedule(spec, m, problem, counts));
  run.counts = counts;
  run.counts.cycles = run.result.cycles;
  return run;
}

}  // namespace hwaware::sim
