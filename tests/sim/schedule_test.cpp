// Schedules: totals over steps are what the steps say.

#include <catch2/catch.hpp>

#include "sim/schedule.h"

using namespace hwaware;

TEST_CASE("a schedule's totals sum its steps", "[sim]") {
  sim::Schedule s;
  s.tensors = {"Weights", "Inputs", "Outputs"};
  s.steps.resize(3);
  for (std::size_t k = 0; k < 3; ++k) {
    s.steps[k].dram_reads[1] = static_cast<double>(10 * (k + 1));
    s.steps[k].dram_writes[2] = 4;
    s.steps[k].compute_cycles = 100;
  }
  REQUIRE(sim::total_dram_reads(s, 1) == 60);
  REQUIRE(sim::total_dram_reads(s, 0) == 0);
  REQUIRE(sim::total_dram_writes(s, 2) == 12);
  REQUIRE(sim::total_compute_cycles(s) == 300);
}
