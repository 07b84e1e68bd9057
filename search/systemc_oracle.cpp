#include "search/systemc_oracle.h"

#include "sim/systemc_simulator.h"

namespace hwaware::search {

SystemcOracle::SystemcOracle(const model::Accelerator& accelerator, const model::MapOptions& map)
    : ModelOracle(accelerator, map, std::make_unique<sim::SystemcSimulator>(accelerator.spec)) {}

SystemcOracle::SystemcOracle(const arch::Spec& spec, const mapping::MapperOptions& mapper)
    : SystemcOracle(model::make_accelerator(spec, spec.name), model::MapOptions{"", mapper, true}) {}

}  // namespace hwaware::search
