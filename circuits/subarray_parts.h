#pragma once
// The circuits of one parallel-read subarray as DNN+NeuroSim V1.3 SubArray.cpp Initialize builds
// them for each cell device, their layout (CalculateArea) and leakage (CalculatePower). Used by
// subarray.cpp; the circuits refer to config.tech, which must outlive the parts.

#include <optional>

#include "circuits/cell_array.h"
#include "circuits/column_mux.h"
#include "circuits/mlsa_adc.h"
#include "circuits/mlsa_encoder.h"
#include "circuits/mux_decoder.h"
#include "circuits/sar_adc.h"
#include "circuits/shift_add.h"
#include "circuits/sram_column.h"
#include "circuits/subarray.h"
#include "circuits/switch_matrix.h"

namespace hwaware::circuits {

struct SubarrayParts {
  SubarrayParts(const SubarrayConfig& c, long rows_per_read, int cells_per_weight);

  SubarrayConfig config;
  CellArray cells;
  std::optional<RowSwitchMatrix1T1R> row_switch_1t1r;  // 1T1R rows (NewSwitchMatrix)
  std::optional<SwitchMatrix> row_switch;              // SRAM and cross-point rows
  std::optional<SwitchMatrix> column_switch;           // resistive source lines
  std::optional<ColumnMux> mux;                        // when cols_per_adc > 1
  std::optional<MuxDecoder> mux_decoder;
  std::optional<MlsaAdc> mlsa;
  std::optional<MlsaEncoder> encoder;
  std::optional<SarAdc> sar;
  std::optional<ShiftAdd> weight_shift_add;  // when a weight spans > 1 cell
  std::optional<ShiftAdd> input_shift_add;   // when inputs have > 1 bit
  std::optional<Precharger> precharger;      // SRAM
  std::optional<SramWriteDriver> write_driver;
  bool level_shifters = false;  // resistive cells written above 1.5 V

  SubarrayArea area() const;
  double leakage_w() const;
};

}  // namespace hwaware::circuits
