# `hwaware explore` with a search at each hardware point: EAP on the sparsity-aware Eyeriss-like
# preset at two global buffer sizes, fmnist_resnet (a few training steps). Each point's row has a test
# accuracy and names the pruned network it found, a workload file `hwaware eval` reads.
# EXE, SRC, WEIGHTS and SCRATCH come from ctest.
file(REMOVE_RECURSE ${SCRATCH})
file(WRITE ${SCRATCH}/space.yaml "space:
  accelerator: ${SRC}/arch/presets/eyeriss_sparse_weights.yaml
  parameters:
    levels.shared_glb.size: [54KiB, 108KiB]
  networks:
    - {workload: ${SRC}/workloads/networks/fmnist_resnet.yaml, weights: ${WEIGHTS}}
  search: {method: eap, tolerance: 50%, step: 0.9, short_steps: 2, long_steps: 2}
")
execute_process(COMMAND ${EXE} explore --space ${SCRATCH}/space.yaml --out ${SCRATCH}/out --batch 16 --mapper-budget 100
                RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "explore with EAP failed (${rc}):\n${err}")
endif()
file(STRINGS ${SCRATCH}/out/points.csv rows)
list(LENGTH rows n)
if(NOT n EQUAL 3)
  message(FATAL_ERROR "points.csv must hold a header and 2 points:\n${rows}")
endif()
foreach(i 1 2)
  list(GET rows ${i} row)
  if(NOT row MATCHES ",fmnist_resnet,eap,0\\.[0-9]+,[0-9.e+-]+,[0-9.e+-]+,[0-9.e+-]+,[0-9]+,[0-9]+,(points/[0-9]+/final.yaml)$")
    message(FATAL_ERROR "a point's row lacks its accuracy, figures or network file:\n${row}")
  endif()
  execute_process(COMMAND ${EXE} eval --arch ${SRC}/arch/presets/eyeriss_sparse_weights.yaml --workload ${SCRATCH}/out/${CMAKE_MATCH_1} --mapper-budget 100
                  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "hwaware eval cannot read the network a point found:\n${err}")
  endif()
endforeach()
