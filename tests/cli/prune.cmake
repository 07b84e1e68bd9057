# `hwaware prune` on the sparsity-aware Eyeriss-like preset (a few training steps): each method
# writes the pruned network, its weights and layers.csv; EAP's pruned layers carry their weight
# density into the workload file, the filter baseline's their narrower widths, and `hwaware eval`
# reads both. Energies are in the preset's unit (MACe: the normalized Eyeriss table), and every
# row's per-component columns sum to its total (check_component_sums.py): the report comes from the
# evaluation the pruning used. EXE, SRC, PYTHON, WEIGHTS (trained weights of fmnist_resnet) and
# SCRATCH come from ctest.
file(REMOVE_RECURSE ${SCRATCH})
set(common prune --arch ${SRC}/arch/presets/eyeriss_sparse_weights.yaml --workload ${SRC}/workloads/networks/fmnist_resnet.yaml
           --weights ${WEIGHTS} --tolerance 50% --step 0.9 --min-density 0.1 --short-steps 2 --long-steps 2 --batch 16 --mapper-budget 100
           --lut ${SCRATCH}/lut.txt)
foreach(method eap filter)
  execute_process(COMMAND ${EXE} ${common} --method ${method} --out ${SCRATCH}/${method} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "prune --method ${method} failed (${rc}):\n${err}")
  endif()
  foreach(f pruned.yaml pruned.weights layers.csv)
    if(NOT EXISTS ${SCRATCH}/${method}/${f})
      message(FATAL_ERROR "prune --method ${method} wrote no ${f}")
    endif()
  endforeach()
  file(STRINGS ${SCRATCH}/${method}/layers.csv rows)
  list(GET rows 0 header)
  list(GET rows -1 total)
  if(NOT header MATCHES "^layer,density_before,density_after,.*,energy_before_mace,energy_after_mace,.*DRAM_before_mace,DRAM_after_mace"
     OR NOT total MATCHES "^total,")
    message(FATAL_ERROR "layers.csv must hold a header with energy by level and a total row:\n${rows}")
  endif()
  execute_process(COMMAND ${PYTHON} ${SRC}/tests/cli/check_component_sums.py ${SCRATCH}/${method}/layers.csv RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "prune --method ${method}: the per-component columns of layers.csv do not sum to its totals:\n${err}")
  endif()
  if(NOT out MATCHES "network energy [0-9.]+ MMACe -> [0-9.]+ MMACe")
    message(FATAL_ERROR "prune --method ${method} printed no energy before and after:\n${out}")
  endif()
  execute_process(COMMAND ${EXE} eval --arch ${SRC}/arch/presets/eyeriss_sparse_weights.yaml --workload ${SCRATCH}/${method}/pruned.yaml --mapper-budget 100
                  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "hwaware eval cannot read the pruned network of ${method}:\n${err}")
  endif()
endforeach()
# A tolerance of 50% lets layers go down to the minimum density in one trial (--step 0.9).
file(READ ${SCRATCH}/eap/pruned.yaml eap_net)
if(NOT eap_net MATCHES "density: {weights: 0\\.1[,}]")
  message(FATAL_ERROR "EAP's pruned network carries no layer at weight density 0.1:\n${eap_net}")
endif()
