#pragma once
// A conv2d or pool layer's Window (workloads/layer.h) from the parameters it was built from, as
// hwaware's format and the ONNX importer record it.

#include "workloads/layer.h"

namespace hwaware::workload {

Window conv_window(const ConvParams& p);
Window pool_window(const PoolParams& p, bool global);

}  // namespace hwaware::workload
