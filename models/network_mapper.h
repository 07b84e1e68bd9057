#pragma once
// Maps every layer of a network with the mapper, candidates priced by the search evaluator:
// identical layer shapes are mapped once, progress goes to stderr (unless quiet), and a layer no
// mapping fits is reported at its place in the workload file. Used by hwaware eval and sweep and
// by the search's analytical cost oracle.

#include <string>
#include <vector>

#include "arch/spec.h"
#include "mappings/mapper.h"
#include "models/energy_table.h"
#include "workloads/layer.h"

namespace hwaware::model {

struct MapOptions {
  std::string dataflow;  // preset name or constraints file; empty: the accelerator's own
  mapping::MapperOptions mapper;
  bool quiet = false;  // no progress on stderr
};

struct MappedLayer {
  mapping::Mapping mapping;
  mapping::MapperResult search;  // of the first layer with this shape
  bool reused = false;           // an identical layer was mapped before
  std::string reused_from;       // the name of that layer
};

// Everything that makes two layers the same problem for the mapper and the model: dimensions and
// bounds, tensors' projections, bits, densities and bit densities.
std::string shape_key(const workload::Problem& p);

std::vector<MappedLayer> map_layers(const arch::Spec& spec, const workload::Network& network, const model::EnergyTable& table,
                                    const MapOptions& options);

}  // namespace hwaware::model
