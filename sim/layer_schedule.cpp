#include "sim/layer_schedule.h"

#include "sim/spatial_schedule.h"

namespace hwaware::sim {

LayerSchedule build_layer_schedule(const arch::Spec& spec, const mapping::Mapping& m, const workload::Problem& problem,
                                   const model::LayerCounts& counts) {
  LayerSchedule out;
  if (spec.systolic) {
    auto folds = build_systolic_schedule(spec, problem);
    out.schedule = std::move(folds.schedule);
    out.systolic = folds.report;
  } else {
    out.schedule = build_spatial_schedule(spec, m, problem, counts);
  }
  return out;
}

}  // namespace hwaware::sim
