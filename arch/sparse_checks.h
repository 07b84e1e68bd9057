#pragma once
// The checks of Sparseloop's sparse features (arch/sparse_spec.h) that need only the accelerator,
// run on the spec whatever format it was read from (hwaware's `sparse:` or Timeloop's
// `sparse_optimizations`). Tensor and dimension names are the workload's: they are checked
// against the problem, not here.

#include "arch/spec.h"
#include "core/diagnostics.h"

namespace hwaware::arch {

// Reports, each at the format or option it is about:
// - a tensor given a format twice at one level;
// - a format at a level that bypasses the tensor (its keep/bypass constraints);
// - a format whose ranks carry metadata at a level with a metadata word of 0 bits (Timeloop's
//   metadata_datawidth: 0, "no metadata"), unless each such rank gives its own metadata_word_bits;
// - an action optimization option with no tensor to condition on, or conditioned on its target;
// - a tensor both gated and skipped at one level (an ineffectual access is either gated or skipped).
void check_sparse_features(const Spec& spec, core::DiagnosticSink& sink);

}  // namespace hwaware::arch
