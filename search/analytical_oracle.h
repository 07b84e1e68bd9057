#pragma once
// The analytical cost oracle: every layer counted by the accelerator's analytical model and priced
// by its energy table, through the one engine (model_oracle.h).

#include "arch/spec.h"
#include "search/model_oracle.h"

namespace hwaware::search {

class AnalyticalOracle : public ModelOracle {
 public:
  AnalyticalOracle(const model::Accelerator& accelerator, const model::MapOptions& map);
  // An accelerator priced by its own energies (no ERT), keyed by its name, mapped under its own dataflow.
  AnalyticalOracle(const arch::Spec& spec, const mapping::MapperOptions& mapper);
};

}  // namespace hwaware::search
