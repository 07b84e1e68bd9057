# `hwaware eval --backend systemc` reports, beside each layer's analytical cycles, the cycles the
# SystemC models simulate, their stalls, energy and ratio; the simulated cycles are never below
# the analytical (throughput-bound) ones.
file(REMOVE_RECURSE ${SCRATCH})
execute_process(COMMAND ${EXE} eval --arch ${ARCH} --workload ${WORKLOAD} --mapper-budget 500 --backend systemc --out ${SCRATCH}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "--backend systemc failed (${rc}):\n${err}")
endif()
if(NOT out MATCHES "SystemC cyc +stalls +ratio")
  message(FATAL_ERROR "the table has no SystemC columns:\n${out}")
endif()
file(STRINGS ${SCRATCH}/summary.csv lines)
list(GET lines 0 header)
# The Eyeriss-like preset prices in units of one MAC (MACe): the columns say so.
if(NOT header STREQUAL "layer,macs,cycles,energy_mace,utilization,latency_s,mace_per_mac,systemc_cycles,systemc_stall_cycles,systemc_energy_mace,systemc_cycle_ratio")
  message(FATAL_ERROR "unexpected summary.csv header: ${header}")
endif()
list(REMOVE_AT lines 0)
foreach(line IN LISTS lines)
  string(REPLACE ",," ",-," line "${line}")  # an empty field (MACe/MAC of a pooling layer) stays a field
  string(REPLACE "," ";" fields "${line}")
  list(GET fields 0 layer)
  list(GET fields 2 cycles)
  list(GET fields 7 simulated)
  if(simulated LESS cycles)
    message(FATAL_ERROR "${layer}: SystemC simulated ${simulated} cycles, below the analytical ${cycles}")
  endif()
endforeach()
file(READ ${SCRATCH}/stats.json stats)
if(NOT stats MATCHES "\"backend\": \"systemc\"" OR NOT stats MATCHES "\"stall_cycles\"")
  message(FATAL_ERROR "stats.json does not record the SystemC backend's results")
endif()
