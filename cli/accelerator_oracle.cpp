#include "cli/accelerator_oracle.h"

#include "arch/arch_loader.h"
#include "search/analytical_oracle.h"
#include "search/lut.h"
#include "search/systemc_oracle.h"

namespace hwaware::cli {

std::unique_ptr<search::CostOracle> accelerator_oracle(const std::string& arch_file, const std::string& backend, const MapperFlags& flags,
                                                       const std::string& lut_file) {
  const auto file = core::YamlFile::load(arch_file);
  const mapping::MapperOptions mapper = mapper_options(flags);
  auto spec = arch::read_arch(file);
  std::unique_ptr<search::CostOracle> oracle;
  if (backend == "systemc") oracle = std::make_unique<search::SystemcOracle>(std::move(spec), mapper);
  else oracle = std::make_unique<search::AnalyticalOracle>(std::move(spec), mapper);
  return std::make_unique<search::LutOracle>(std::move(oracle), search::accelerator_hash(file), lut_file);
}

}  // namespace hwaware::cli
