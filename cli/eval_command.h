#pragma once
// `hwaware eval`: energy and cycles of every layer of a workload on an accelerator with a mapping.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

namespace hwaware::cli {

struct EvalOptions {
  std::string arch, workload, mapping, ert, out;
};

std::shared_ptr<EvalOptions> add_eval_command(CLI::App& app);
int run_eval(const EvalOptions& options);

}  // namespace hwaware::cli
