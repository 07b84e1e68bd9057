#include "workloads/native_workload.h"

namespace hwaware::workload {

Network read_native_workload(const core::YamlView& workload) {
  workload.error("hwaware's own workload format is not available in this build yet");
  return {};
}

}  // namespace hwaware::workload
