#pragma once
// `hwaware eval`: energy and cycles of every layer of a workload on an accelerator with a mapping.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

namespace hwaware::cli {

struct EvalOptions {
  std::string arch, workload, mapping, ert, out;
  std::string plot;                    // --plot FILE.png: energy breakdown drawn by scripts/plot_breakdown.py (cli/plot.h)
  std::string backend = "analytical";  // or "systemc": cycles and stalls also simulated (cli/systemc_backend.h)
  // Without --mapping, the mapper chooses one per layer:
  std::string dataflow;           // preset name or constraints file (default: the accelerator's)
  std::string objective = "edp";  // energy, latency, edp, or an ordered list "energy,latency"
  long long budget = 20000;       // mappings evaluated per layer shape
  long long patience = 2000;      // stop after this many evaluations without improvement
  unsigned long long seed = 1;
  int threads = 0;  // 0: every core
};

std::shared_ptr<EvalOptions> add_eval_command(CLI::App& app);
int run_eval(const EvalOptions& options);

}  // namespace hwaware::cli
