#pragma once
// The circuits of NeuroSim's chip at the sizes NeuroSim gives them (Chip.cpp ChipInitialize,
// Tile.cpp TileInitialize, ProcessingUnit.cpp ProcessingUnitInitialize), shared by the chip's
// layer and area code (internal to neurosim_chip*.cpp).

#include <memory>
#include <optional>
#include <string>

#include "circuits/adder_tree.h"
#include "circuits/buffer.h"
#include "circuits/bus.h"
#include "circuits/flip_flop_bank.h"
#include "circuits/htree.h"
#include "circuits/max_pooling.h"
#include "circuits/neurosim_chip.h"
#include "circuits/relu_unit.h"

namespace hwaware::circuits::chip_detail {

struct AreaSplit {
  double total_m2 = 0, array_m2 = 0, adc_m2 = 0, accumulation_m2 = 0, other_m2 = 0, interconnect_m2 = 0;
};

// One tile kind (novel: numPENM PEs, one per kernel position; conventional: pes_per_side^2 PEs).
struct TileParts {
  bool novel = false;
  std::string kind;                                 // "novel" / "conventional": the components' suffix
  long pe_size = 0;                                 // cells a side of a PE
  int pes = 0;                                      // PEs in the tile
  int pes_per_side = 0;                             // NeuroSim's numPECM (conventional) or numPENM (novel): the tile adder's inputs
  long pe_subarray_rows = 0, pe_subarray_cols = 0;  // subarrays a side of a PE
  int tile_adder_bits = 0;
  std::unique_ptr<AdderTree> pe_adder, tile_adder;
  std::unique_ptr<FlipFlopBank> input_register, output_register;
  std::unique_ptr<Bus> input_bus, output_bus;
  std::unique_ptr<Buffer> input_buffer, output_buffer;  // register files or SRAM (ChipOptions::buffers)
  std::unique_ptr<HTree> htree;                         // PEs to the tile's root
  std::unique_ptr<HTree> chip_htree;                    // the chip's H-tree with tiles of this kind as units
  AreaSplit pe_area, area;
  double pe_side_m = 0, side_m = 0;
  std::string name(const std::string& part) const { return part + "." + kind; }
};

struct ChipParts {
  Technology tech;
  Subarray subarray;
  Floorplan floorplan;
  ChipOptions options;
  double period_s = 0;
  int cells_per_weight = 1, adc_bits = 1;
  int input_buffer_cores = 0, output_buffer_cores = 0;  // NeuroSim's globals: the conventional tile's
  double global_bus_bits = 0;
  int global_buffer_cores = 0;
  std::optional<TileParts> novel;
  TileParts conventional;
  std::unique_ptr<Buffer> global_buffer;  // one core
  std::unique_ptr<AdderTree> chip_adder;
  std::unique_ptr<ReluUnit> relu;
  std::unique_ptr<MaxPooling> pooling;

  const TileParts& tile(bool novel_kind) const { return novel_kind ? *novel : conventional; }
  // Gate latency in whole cycles of the target clock (NeuroSim: ceil(latency x clkFreq)).
  double gate_cycles(double latency_s) const;
};

ChipParts build_parts(const std::vector<ChipLayer>& layers, const SubarrayConfig& config, const ChipOptions& options);
ChipArea chip_area(const ChipParts& p);

// A layer's actions, latency and leakage. `stale_tile_adder_inputs` is NeuroSim's adder-tree state
// left by the previous layers ([conventional, novel]; 0 = never used), updated here.
ChipLayerResult evaluate_layer(const ChipParts& p, const ChipLayer& layer, const LayerPlacement& placement, int stale_tile_adder_inputs[2]);

}  // namespace hwaware::circuits::chip_detail
