# A PIM chip sized by an area budget: eval reports the crossbars it holds in stats.json, with the
# copies of every layer; a sweep of the crossbar size at the same budget gives fewer, larger
# crossbars (and the ADC bits that follow their rows).
file(REMOVE_RECURSE ${SCRATCH})
execute_process(COMMAND ${EXE} eval --arch ${ARCH} --workload ${WORKLOAD} --out ${SCRATCH}/eval
                RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "eval failed (${rc}):\n${err}")
endif()
if(NOT out MATCHES "PIM: [0-9]+ crossbars of 128 x 128 \\(by budget\\), 9-bit ADC \\(auto\\), duplicate: free")
  message(FATAL_ERROR "the summary does not report the crossbars of the budget:\n${out}")
endif()
file(READ ${SCRATCH}/eval/stats.json stats)
foreach(key "\"crossbars\": [1-9][0-9]*" "\"area_um2\": 2e\\+07|\"area_um2\": 20000000" "\"bits_auto\": true" "\"pim_free_crossbars\": [0-9]+"
            "\"reprogrammed_cells\": 0" "\"replicas\": [2-9]")
  if(NOT stats MATCHES "${key}")
    message(FATAL_ERROR "stats.json has no ${key}")
  endif()
endforeach()
execute_process(COMMAND ${EXE} sweep --arch ${ARCH} --workload ${WORKLOAD} --set pim.crossbar.rows+pim.crossbar.cols=128,512
                        --out ${SCRATCH}/sweep
                RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "sweep failed (${rc}):\n${err}")
endif()
string(REGEX MATCHALL ", ([0-9]+) crossbars" counts "${err}")
list(LENGTH counts n)
if(NOT n EQUAL 2)
  message(FATAL_ERROR "expected the crossbars of each point in the progress lines:\n${err}")
endif()
list(GET counts 0 small)
list(GET counts 1 large)
string(REGEX REPLACE "[^0-9]" "" small "${small}")
string(REGEX REPLACE "[^0-9]" "" large "${large}")
if(NOT small GREATER large)
  message(FATAL_ERROR "at the same area, 512 x 512 crossbars (${large}) should be fewer than 128 x 128 ones (${small})")
endif()
