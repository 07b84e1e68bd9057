#include "cli/accelerator_flags.h"

#include "core/diagnostics.h"
#include "search/analytical_oracle.h"
#include "search/lut.h"
#include "search/systemc_oracle.h"

namespace hwaware::cli {

void add_accelerator_flags(CLI::App* cmd, AcceleratorFlags& flags, bool required, const std::string& arch_note) {
  auto* arch = cmd->add_option("--arch", flags.arch,
                               "Accelerator file: hwaware format (top-level 'accelerator'), a Timeloop architecture v0.2/v0.3/v0.4, "
                               "or a SCALE-Sim configuration (.cfg)" +
                                   arch_note);
  if (required) arch->required();
  cmd->add_option("--ert", flags.ert, "Accelergy energy table (ERT_summary.yaml or ERT.yaml); overrides the accelerator's own energies");
}

void require_no_accelerator(const AcceleratorFlags& flags, const std::string& mode) {
  for (const auto& [flag, file] : {std::pair<std::string, std::string>{"--arch", flags.arch}, {"--ert", flags.ert}})
    if (!file.empty())
      throw core::InputError(
          core::SourceLoc{flag, 0, 0}, flag,
          "expected no accelerator with " + mode + " (it times this machine's CPU and keys its table on it), found '" + file + "'");
}

model::Accelerator load_accelerator(const AcceleratorFlags& flags) { return model::load_accelerator(flags.arch, flags.ert); }

std::unique_ptr<search::CostOracle> accelerator_oracle(const model::Accelerator& accelerator, const std::string& backend,
                                                       const MapperFlags& mapper, const std::string& lut_file) {
  const model::MapOptions map = map_options(mapper, true);
  std::unique_ptr<search::CostOracle> oracle;
  if (backend == "systemc") oracle = std::make_unique<search::SystemcOracle>(accelerator, map);
  else oracle = std::make_unique<search::AnalyticalOracle>(accelerator, map);
  return std::make_unique<search::LutOracle>(std::move(oracle), accelerator.key, lut_file);
}

}  // namespace hwaware::cli
