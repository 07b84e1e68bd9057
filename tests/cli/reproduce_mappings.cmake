# The mappings the mapper writes reproduce its result: evaluate a network without --mapping,
# then again with --mapping DIR/mappings.yaml; summary.csv and breakdown.csv must be identical.
file(REMOVE_RECURSE ${SCRATCH})
execute_process(COMMAND ${EXE} eval --arch ${ARCH} --workload ${WORKLOAD} --mapper-budget 2000 --out ${SCRATCH}/searched
                RESULT_VARIABLE rc1 OUTPUT_QUIET ERROR_VARIABLE err1)
if(NOT rc1 EQUAL 0)
  message(FATAL_ERROR "mapping run failed (${rc1}):\n${err1}")
endif()
execute_process(COMMAND ${EXE} eval --arch ${ARCH} --workload ${WORKLOAD} --mapping ${SCRATCH}/searched/mappings.yaml
                        --out ${SCRATCH}/replayed
                RESULT_VARIABLE rc2 OUTPUT_QUIET ERROR_VARIABLE err2)
if(NOT rc2 EQUAL 0)
  message(FATAL_ERROR "replay with --mapping failed (${rc2}):\n${err2}")
endif()
foreach(f summary.csv breakdown.csv)
  file(READ ${SCRATCH}/searched/${f} a)
  file(READ ${SCRATCH}/replayed/${f} b)
  if(NOT a STREQUAL b)
    message(FATAL_ERROR "${f} differs between the mapper's run and its replay with --mapping")
  endif()
endforeach()
