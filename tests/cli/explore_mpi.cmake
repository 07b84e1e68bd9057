# `mpirun -np 2 hwaware explore` writes the same points.csv and pareto.csv as one process without a
# launcher, each rank doing its share of the points. EXE, MPIRUN, SPACE and SCRATCH come from ctest.
file(REMOVE_RECURSE ${SCRATCH})
execute_process(COMMAND ${EXE} explore --space ${SPACE} --out ${SCRATCH}/one RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
if(NOT rc EQUAL 0 OR NOT err MATCHES "rank 0 of 1: 0 points found done, 4 done now")
  message(FATAL_ERROR "the single process failed or did not do the 4 points (${rc}):\n${err}")
endif()
# OpenMPI refuses root unless told; the CI machine runs as root.
execute_process(COMMAND ${MPIRUN} --allow-run-as-root --oversubscribe -np 2 ${EXE} explore --space ${SPACE} --out ${SCRATCH}/two
                RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
if(NOT rc EQUAL 0 OR NOT err MATCHES "rank 0 of 2: 0 points found done, 2 done now" OR NOT err MATCHES "rank 1 of 2: 0 points found done, 2 done now")
  message(FATAL_ERROR "mpirun -np 2 failed or did not split the points over two ranks (${rc}):\n${err}")
endif()
foreach(f points.csv pareto.csv)
  file(SHA256 ${SCRATCH}/one/${f} a)
  file(SHA256 ${SCRATCH}/two/${f} b)
  if(NOT a STREQUAL b)
    message(FATAL_ERROR "${f} differs between one process and mpirun -np 2")
  endif()
endforeach()
