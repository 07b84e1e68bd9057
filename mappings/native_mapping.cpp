#include "mappings/native_mapping.h"

namespace hwaware::mapping {

Mapping read_native_mapping(const core::YamlView& mapping, const arch::Spec&, const workload::Problem&) {
  mapping.error("hwaware's own mapping format is not available in this build yet");
  return {};
}

}  // namespace hwaware::mapping
