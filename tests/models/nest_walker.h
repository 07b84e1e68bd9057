#pragma once
// Test-only reference for the nest analysis: walks a mapping's loop nest position by position,
// the way Timeloop's nest analysis does, and returns what model::analyze_nest() computes in
// closed form (closed_form_nest_test.cpp checks that they agree). Temporal loops run iterations 0
// and 1 and extrapolate the rest; spatial fan-outs simulate three elements and translate the
// others, which is exact for perfectly factorized mappings of affine problems. Exponential in
// the number of loops: never linked into the libraries.

#include <vector>

#include "models/nest_analysis.h"
#include "workloads/problem.h"

namespace hwaware::test {

model::NestResult analyze_nest_by_walking(const workload::Problem& problem, const std::vector<model::NestLoop>& loops);

}  // namespace hwaware::test
