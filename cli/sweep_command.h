#pragma once
// `hwaware sweep`: evaluates an accelerator at every combination of values of some of its
// parameters (any numeric key of its description, digital or PIM), for a workload, and writes one
// CSV row per point and layer plus a total per point (sweep.csv); --plot draws energy per MAC,
// latency and utilization against the first swept key, energy broken down by kind.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "cli/accelerator_flags.h"
#include "cli/mapper_flags.h"

namespace hwaware::cli {

struct SweepOptions {
  AcceleratorFlags accelerator;  // --arch, --ert (the ERT prices every point)
  std::string workload, out, plot;
  // KEY=V1,V2,... ; KEY is a path in the description (pim.crossbar.rows, levels.shared_glb.size,
  // clock); KEY1+KEY2=V1,V2 gives several keys the same values together.
  std::vector<std::string> sets;
  MapperFlags mapper;   // for digital accelerators
  long long batch = 0;  // --batch: an ONNX model's batch (cli/batch_flag.h); 0: the file's
};

std::shared_ptr<SweepOptions> add_sweep_command(CLI::App& app);
int run_sweep(const SweepOptions& options);

}  // namespace hwaware::cli
