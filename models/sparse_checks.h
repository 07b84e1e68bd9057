#pragma once
// The checks of an accelerator's sparse features that need the workload (the readers check the
// rest, arch/sparse_checks.h): every tensor a format or an action optimization names is a tensor
// of some layer, every dimension a rank flattens is a dimension of some layer, and an
// optimization's target can be kept by the level that declares it or one above (Sparseloop moves
// the optimization to the nearest such level). A name only some layers have is fine (a pooling
// layer has no Weights). Every mistake at its file:line:col, all reported together.

#include "arch/spec.h"
#include "workloads/layer.h"

namespace hwaware::model {

// Throws core::InputError listing every mistake.
void check_sparse_features(const arch::Spec& spec, const workload::Network& network);

}  // namespace hwaware::model
