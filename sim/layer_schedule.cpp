#include "sim/layer_schedule.h"

#include "sim/pim_schedule.h"
#include "sim/spatial_schedule.h"
#include "sim/systolic_counts.h"

namespace hwaware::sim {

LayerSchedule build_layer_schedule(const arch::Spec& spec, const mapping::Mapping& m, const workload::Problem& problem,
                                   const model::LayerCounts& counts) {
  LayerSchedule out;
  if (spec.pim) {
    out.schedule = build_pim_schedule(spec, problem, counts);
  } else if (spec.systolic) {
    auto folds = build_systolic_schedule(spec, problem);
    out.schedule = std::move(folds.schedule);
    out.systolic = folds.report;
  } else {
    out.schedule = build_spatial_schedule(spec, m, problem, counts);
  }
  return out;
}

LayerRun run_layer(Simulator& simulator, const arch::Spec& spec, const mapping::Mapping& m, const workload::Problem& problem,
                   const model::LayerCounts& counts) {
  LayerRun run;
  const LayerSchedule ls = build_layer_schedule(spec, m, problem, counts);
  run.result = simulator.run(ls.schedule);
  run.systolic = ls.systolic;
  run.counts = ls.systolic ? systolic_counts(spec, problem, ls.schedule, *ls.systolic, counts) : counts;
  run.counts.cycles = run.result.cycles;
  return run;
}

}  // namespace hwaware::sim
