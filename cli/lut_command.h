#pragma once
// `hwaware lut build` fills a per-layer lookup table with every layer shape a width search of a
// network may visit; `hwaware lut check` samples networks and reports how far the sum of their
// per-layer entries is from the backend's whole-network result (search/lut_fill.h). Backends:
// analytical and systemc (an accelerator file, --arch) and measured (this machine's CPU with LibTorch; the
// table is keyed on the CPU's description, and whole networks are timed end to end).

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "cli/accelerator_flags.h"
#include "cli/mapper_flags.h"
#include "search/measured_oracle.h"

namespace hwaware::cli {

struct LutOptions {
  AcceleratorFlags accelerator;  // --arch, --ert (not with the measured backend)
  std::string workload, lut, backend = "analytical";
  int levels = 8;    // widths per group: k/levels of the width, k = 1..levels
  int samples = 50;  // check: networks sampled
  unsigned long long seed = 1;
  MapperFlags mapper = search_mapper_flags();
  long long batch = 0;             // --batch: an ONNX model's batch (cli/batch_flag.h); 0: the file's
  search::MeasureOptions measure;  // the measured backend's warm-up, repeats, threads
};

struct LutCommands {
  std::shared_ptr<LutOptions> options;
  CLI::App* build = nullptr;
  CLI::App* check = nullptr;
};

LutCommands add_lut_command(CLI::App& app);
// The analytical and SystemC backends.
int run_lut(const LutCommands& commands);
// The measured backend (LibTorch): in hwaware-torch only (cli/training_commands.h).
int run_lut_measured(const LutCommands& commands);

}  // namespace hwaware::cli
