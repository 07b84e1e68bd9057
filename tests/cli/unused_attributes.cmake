# A Timeloop architecture with Accelergy's attributes evaluates, and stats.json lists the attributes
# hwaware did not use (component.attribute) under accelerator.unused_attributes.
file(REMOVE_RECURSE ${SCRATCH})
execute_process(COMMAND ${EXE} eval --arch ${ARCH} --workload ${WORKLOAD} --out ${SCRATCH}
                RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "eval failed (${rc}):\n${err}")
endif()
file(READ ${SCRATCH}/stats.json stats)
string(JSON unused GET "${stats}" accelerator unused_attributes)
foreach(key shared_glb.n_banks shared_glb.bank_depth shared_glb.n_buffets shared_glb.update_fifo_depth)
  if(NOT unused MATCHES "\"${key}\"")
    message(FATAL_ERROR "stats.json's accelerator.unused_attributes does not list ${key}: ${unused}")
  endif()
endforeach()
if(unused MATCHES "memory_depth|memory_width|datawidth")
  message(FATAL_ERROR "stats.json lists an attribute hwaware reads as unused: ${unused}")
endif()
