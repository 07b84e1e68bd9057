#include "search/analytical_oracle.h"

namespace hwaware::search {

AnalyticalOracle::AnalyticalOracle(const model::Accelerator& accelerator, const model::MapOptions& map)
    : ModelOracle(accelerator, map, nullptr) {}

AnalyticalOracle::AnalyticalOracle(const arch::Spec& spec, const mapping::MapperOptions& mapper)
    : AnalyticalOracle(model::make_accelerator(spec, spec.name), model::MapOptions{"", mapper, true}) {}

}  // namespace hwaware::search
