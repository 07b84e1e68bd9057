# hwaware sweep: one row per point and layer plus a total per point, the swept values in their
# own columns, for a PIM crossbar size (rows and columns together) and a digital buffer size.
file(REMOVE_RECURSE ${SCRATCH})
execute_process(COMMAND ${EXE} sweep --arch ${PIM} --workload ${WORKLOAD} --set pim.crossbar.rows+pim.crossbar.cols=128,1024,4096
                        --out ${SCRATCH}/pim
                RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "PIM sweep failed (${rc}):\n${err}")
endif()
file(STRINGS ${SCRATCH}/pim/sweep.csv lines)
list(LENGTH lines n)
if(NOT n EQUAL 13)  # header + 3 points x (3 layers + total)
  message(FATAL_ERROR "expected 13 lines in sweep.csv, found ${n}")
endif()
list(GET lines 0 header)
if(NOT header MATCHES "^pim.crossbar.rows,pim.crossbar.cols,layer,macs,cycles,latency_s,energy_pj,pj_per_mac,utilization,energy_adc_pj")
  message(FATAL_ERROR "unexpected header: ${header}")
endif()
list(GET lines 12 last)
if(NOT last MATCHES "^4096,4096,total,")
  message(FATAL_ERROR "the last row is not the total of the 4096 point: ${last}")
endif()
execute_process(COMMAND ${EXE} sweep --arch ${DIGITAL} --workload ${WORKLOAD} --set levels.shared_glb.size=54KiB,108KiB
                        --mapper-budget 500 --out ${SCRATCH}/digital
                RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "digital sweep failed (${rc}):\n${err}")
endif()
file(STRINGS ${SCRATCH}/digital/sweep.csv lines)
list(LENGTH lines n)
if(NOT n EQUAL 9)  # header + 2 points x (3 layers + total)
  message(FATAL_ERROR "expected 9 lines in the digital sweep.csv, found ${n}")
endif()
