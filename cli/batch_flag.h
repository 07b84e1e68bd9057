#pragma once
// --batch N of the commands that evaluate a workload without training it (`eval`, `sweep`, `lut`,
// `import onnx`): the batch an ONNX model is read at, replacing the first dimension of its input
// (needed when the file leaves it symbolic). `train`, `adapt` and `prune` have a --batch of their
// own, the training minibatch.

#include <CLI/CLI.hpp>

#include "core/checked.h"
#include "workloads/workload_loader.h"

namespace hwaware::cli {

// `batch` stays 0 (the file's own) unless given.
inline void add_batch_flag(CLI::App* cmd, long long& batch) {
  cmd->add_option("--batch", batch,
                  "Batch of an ONNX model's input (replaces the file's; needed where the file leaves it symbolic). "
                  "Other formats give their batch in the file")
      ->check(CLI::Range(1LL, core::kMaxCount));
}

inline workload::LoadOptions load_options(long long batch) {
  workload::LoadOptions o;
  if (batch > 0) o.batch = batch;
  return o;
}

}  // namespace hwaware::cli
