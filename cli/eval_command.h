#pragma once
// `hwaware eval`: energy and cycles of every layer of a workload on an accelerator, with given
// mappings or the mapper's, by the analytical model and optionally the SystemC models.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "cli/accelerator_flags.h"
#include "cli/mapper_flags.h"

namespace hwaware::cli {

struct EvalOptions {
  AcceleratorFlags accelerator;  // --arch, --ert
  std::string workload, mapping, out;
  std::string plot;                    // --plot FILE.png: energy breakdown drawn by scripts/plot_breakdown.py (cli/plot.h)
  std::string backend = "analytical";  // or "systemc": cycles and stalls also simulated (sim/systemc_simulator.h)
  MapperFlags mapper;                  // without --mapping, the mapper chooses one per layer
  long long batch = 0;                 // --batch: an ONNX model's batch (cli/batch_flag.h); 0: the file's
};

std::shared_ptr<EvalOptions> add_eval_command(CLI::App& app);
int run_eval(const EvalOptions& options);

}  // namespace hwaware::cli
