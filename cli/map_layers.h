#pragma once
// Maps every layer of a network with the mapper: identical layer shapes are mapped once, progress
// goes to stderr, and a layer no mapping fits is reported at its place in the workload file.

#include <string>
#include <vector>

#include "arch/spec.h"
#include "mappings/mapper.h"
#include "models/energy_table.h"
#include "workloads/layer.h"

namespace hwaware::cli {

struct MapOptions {
  std::string dataflow;  // preset name or constraints file; empty: the accelerator's own
  mapping::MapperOptions mapper;
};

struct MappedLayer {
  mapping::Mapping mapping;
  mapping::MapperResult search;  // of the first layer with this shape
  bool reused = false;           // an identical layer was mapped before
  std::string reused_from;       // the name of that layer
};

std::vector<MappedLayer> map_layers(const arch::Spec& spec, const workload::Network& network,
                                    const model::EnergyTable& table, const MapOptions& options);

}  // namespace hwaware::cli
