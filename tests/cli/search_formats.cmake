# The search subcommands take every accelerator format `eval` takes: `adapt` and `prune` finish on a
# SCALE-Sim .cfg and on a Timeloop architecture priced by its Accelergy ERT (a tiny CNN trained for
# a few steps, a short NetAdapt and magnitude pruning), and report energies in pJ. EXE, SRC and
# SCRATCH come from ctest.
file(REMOVE_RECURSE ${SCRATCH})
set(net ${SRC}/tests/cli/tiny_cnn.yaml)
set(WEIGHTS ${SCRATCH}/tiny.weights)
execute_process(COMMAND ${EXE} train --workload ${net} --steps 20 --batch 16 --out ${WEIGHTS} RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "training the tiny CNN failed (${rc}):\n${err}")
endif()
set(tl ${SRC}/tests/reference/timeloop/v4-eyeriss-like-mapper)
set(fast --batch 16 --mapper-budget 100 --mapper-patience 100)
foreach(case scalesim timeloop)
  if(case STREQUAL "scalesim")
    set(accelerator --arch ${SRC}/tests/reference/scalesim/configs/sa32x32_ws.cfg)
  else()
    set(accelerator --arch ${tl}/arch.yaml --ert ${tl}/ert.yaml)
  endif()
  execute_process(COMMAND ${EXE} adapt ${accelerator} --workload ${net} --weights ${WEIGHTS} --budget latency=95% --step 0.1
                          --short-steps 1 --long-steps 1 --out ${SCRATCH}/${case}-adapt ${fast}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT EXISTS ${SCRATCH}/${case}-adapt/family.csv)
    message(FATAL_ERROR "adapt on the ${case} accelerator failed (${rc}):\n${err}")
  endif()
  file(STRINGS ${SCRATCH}/${case}-adapt/family.csv family LIMIT_COUNT 1)
  if(NOT family MATCHES ",latency_s,energy_pj,")
    message(FATAL_ERROR "adapt on the ${case} accelerator: family.csv has no latency and pJ columns: ${family}")
  endif()
  execute_process(COMMAND ${EXE} prune ${accelerator} --workload ${net} --weights ${WEIGHTS} --method magnitude --tolerance 50%
                          --step 0.9 --min-density 0.1 --short-steps 0 --long-steps 0 --out ${SCRATCH}/${case}-prune ${fast}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "network energy [0-9.]+ uJ -> [0-9.]+ uJ")
    message(FATAL_ERROR "prune on the ${case} accelerator failed (${rc}) or printed no energy in uJ:\n${out}\n${err}")
  endif()
endforeach()
