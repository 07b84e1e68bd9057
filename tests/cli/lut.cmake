# hwaware lut build and lut check, analytical and measured: a table built once is reused by the next
# process; on a digital accelerator the per-layer sums are exact; the measured backend times layers
# and whole networks on this CPU (quick settings: the figures are not checked, only their report).
file(REMOVE_RECURSE ${SCRATCH})
file(MAKE_DIRECTORY ${SCRATCH})
function(run_hwaware out_var)
  execute_process(COMMAND ${EXE} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "hwaware ${ARGN} failed (${rc}):\n${err}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()
function(expect text pattern)
  if(NOT text MATCHES "${pattern}")
    message(FATAL_ERROR "expected '${pattern}', found:\n${text}")
  endif()
endfunction()

set(mapper --mapper-budget 300 --mapper-patience 300)
run_hwaware(out lut build --arch ${ARCH} --workload ${WORKLOAD} --lut ${SCRATCH}/a.lut --levels 2 ${mapper})
expect("${out}" "a.lut: [1-9][0-9]* entries \\(([1-9][0-9]*) new\\) for three_layers on eyeriss-like \\(analytical\\)")
run_hwaware(out lut build --arch ${ARCH} --workload ${WORKLOAD} --lut ${SCRATCH}/a.lut --levels 2 ${mapper})
expect("${out}" "\\(0 new\\)")
run_hwaware(out lut build --arch ${ARCH} --workload ${WORKLOAD} --lut ${SCRATCH}/a.lut --levels 2 --mapper-budget 301 --mapper-patience 300)
expect("${out}" "\\([1-9][0-9]* new\\)")  # other mapper options: other entries
run_hwaware(out lut check --arch ${ARCH} --workload ${WORKLOAD} --lut ${SCRATCH}/a.lut --levels 2 --samples 3 ${mapper})
expect("${out}" "3 sampled networks of three_layers: latency error mean 0%, 95th percentile 0%, within 10%: 100.0%; energy error mean 0%")

set(quick --levels 2 --warmup 1 --repeats 3 --rounds 1 --span 0 --steady-wait 0)
run_hwaware(out lut build --backend measured --workload ${WORKLOAD} --lut ${SCRATCH}/cpu.lut ${quick})
expect("${out}" "cpu.lut: [1-9][0-9]* entries \\([1-9][0-9]* new\\) for three_layers on .*; 1 thread; thread CPU time \\(measured, 1 rounds\\)")
run_hwaware(out lut check --backend measured --workload ${WORKLOAD} --lut ${SCRATCH}/cpu.lut --samples 2 ${quick})
expect("${out}" "2 sampled networks of three_layers on .*: measured latency, sum of layers vs whole network: error mean [0-9.e+-]+%")

# The SystemC backend: its LUT sums equal whole-network simulations (each layer is simulated alone).
run_hwaware(out lut build --backend systemc --arch ${ARCH} --workload ${WORKLOAD} --lut ${SCRATCH}/sc.lut --levels 2 ${mapper})
expect("${out}" "sc.lut: [1-9][0-9]* entries \\([1-9][0-9]* new\\) for three_layers on eyeriss-like \\(systemc\\)")
run_hwaware(out lut check --backend systemc --arch ${ARCH} --workload ${WORKLOAD} --lut ${SCRATCH}/sc.lut --levels 2 --samples 3 ${mapper})
expect("${out}" "3 sampled networks of three_layers: latency error mean 0%")
