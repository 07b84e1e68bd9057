#pragma once
// Simulated time in the SystemC backend: one cycle of the accelerator's clock is one nanosecond
// of SystemC time (the clock frequency only matters when cycles become seconds, in reports).

#include <cmath>
#include <systemc>

namespace hwaware::sim {

inline sc_core::sc_time cycles(double n) { return sc_core::sc_time(n, sc_core::SC_NS); }
inline long long to_cycles(const sc_core::sc_time& t) { return std::llround(t.to_seconds() * 1e9); }

}  // namespace hwaware::sim
