#pragma once
// One validation for every accelerator reader (hwaware's own format, Timeloop's, SCALE-Sim's): the
// readers build the typed Spec with locations; this checks it the same way whatever the format,
// collecting every error at the line of the value (core::FieldLocs) or of its level.

#include "arch/spec.h"

namespace hwaware::arch {

// Counts and sizes at least 1, numbers finite, energies and areas not negative, bandwidths positive,
// every level's mesh dividing its children's, and every capacity (bits), instance count and crossbar
// cell count at most core::kMaxCount.
void validate(const Spec& spec, core::DiagnosticSink& sink);
// The spec, validated: throws core::InputError with every error found.
Spec validated(Spec spec);

}  // namespace hwaware::arch
