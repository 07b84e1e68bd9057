#pragma once
// `hwaware eval --plot FILE.png`: the per-layer energy breakdown by level class (DRAM, global
// buffer, NoC, register files, MAC) as stacked bars, drawn by scripts/plot_breakdown.py with
// python3 and Debian's python3-matplotlib from the run's breakdown.csv and stats.json.

#include <string>
#include <vector>

#include "cli/eval_command.h"
#include "cli/report.h"
#include "workloads/layer.h"

namespace hwaware::cli {

// Exit status when a tool the plot needs (python3, matplotlib, the script) is missing; 2 stays
// for bad input, 1 for a plot that failed otherwise.
constexpr int kMissingToolStatus = 3;

// Draws options.plot from the outputs in options.out (written there already), or, without
// --out, from outputs written to a temporary directory that is removed afterwards. Returns the
// exit status (0 when drawn). The interpreter is $HWAWARE_PYTHON when set, else Debian's
// /usr/bin/python3, else python3 from PATH.
int plot_breakdown(const EvalOptions& options, const model::Accelerator& accelerator, const workload::Network& net,
                   const model::NetworkEvaluation& evaluation);

// Runs scripts/NAME with `args` and `--out PNG`, reporting a missing interpreter, matplotlib or
// script as plot_breakdown does; returns the exit status. `python` empty: the default interpreter.
int run_plot_script(const std::string& name, const std::vector<std::string>& args, const std::string& png, const std::string& python = {});

}  // namespace hwaware::cli
