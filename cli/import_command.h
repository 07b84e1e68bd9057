#pragma once
// `hwaware import onnx MODEL --out NET.yaml [--batch N]`: writes an ONNX model as the equivalent
// network in hwaware's workload format (workloads/onnx_import.h, workloads/workload_writer.h), for a
// user to read and edit; the nodes that are no layers are listed in its header.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

namespace hwaware::cli {

struct ImportOptions {
  std::string model, out;
  long long batch = 0;  // --batch (cli/batch_flag.h); 0: the model's own
};

std::shared_ptr<ImportOptions> add_import_command(CLI::App& app);
int run_import(const ImportOptions& options);

}  // namespace hwaware::cli
