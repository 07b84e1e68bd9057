#pragma once
// What an analog PIM layer does, counted (models/pim_model.h fills it; the energy table prices
// it). Kept apart from analytical_model.h so the digital model's header does not change shape.

#include "mappings/crossbar_placement.h"

namespace hwaware::model {

struct PimLayerCounts {
  mapping::CrossbarPlacement placement;
  double dac_activations = 0;     // row drives: one per used row of every crossbar, per input slice
  double cell_reads = 0;          // every cell holding a weight, per input slice
  double adc_conversions = 0;     // every used column of every crossbar, per input slice
  double shift_adds = 0;          // one per ADC output: slices and row blocks assembled
  double partial_sums = 0;        // words added across row blocks (row blocks - 1 per output)
  double weight_writes = 0;       // cells programmed every inference: weights that do not stay on chip, copies written
                                  // over other layers' weights and those layers' cells restored (reprogrammed_cells)
  double weight_reads = 0;        // weights read from DRAM to program those cells
  double reprogrammed_cells = 0;  // other layers' cells this layer's copies overwrite, restored every inference
  double read_ns = 0;             // a slice's cell read (one crossbar activation)
  double convert_ns = 0;          // a slice's conversions: an ADC converts the columns it serves in turn
  double slice_ns = 0;            // one input slice through the crossbars: the longer of the two
  double write_ns = 0;            // programming the layer's weights (0 when they stay on chip and no copy is written)
};

}  // namespace hwaware::model
