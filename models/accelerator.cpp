#include "models/accelerator.h"

#include "arch/accelerator_document.h"
#include "core/diagnostics.h"
#include "core/text.h"
#include "models/energy_estimators.h"
#include "models/timeloop_ert.h"

namespace hwaware::model {
namespace {

const char* const kNormalized = "eyeriss-normalized";

}  // namespace

std::optional<Ert> load_ert(const std::string& path) {
  if (path.empty()) return std::nullopt;
  const auto file = core::YamlFile::load(path);
  return Ert{read_accelergy_ert(file), path, core::fnv1a_hex(YAML::Dump(file.root()))};
}

EnergyUnit Accelerator::energy_unit() const {
  if (spec.energy_model == kNormalized)
    return {"MACe", "mace", "units of one MAC's energy (the normalized Eyeriss table, Chen et al., ISCA 2016)"};
  return {"pJ", "pj", "picojoules"};
}

Accelerator load_accelerator(const std::string& arch_path, const std::string& ert_path) {
  // The ERT is read first: a mistake in either file is reported before any work.
  auto ert = load_ert(ert_path);
  const auto document = arch::AcceleratorDocument::load(arch_path);
  return make_accelerator(document.spec(), document.key(), ert);
}

Accelerator make_accelerator(arch::Spec spec, const std::string& description_key, const std::optional<Ert>& ert) {
  Accelerator a;
  a.table = build_energy_table(spec);
  a.key = description_key;
  if (ert) {
    // An ERT is in pJ: merged over a table in units of a MAC it would mix the two.
    if (spec.energy_model == kNormalized)
      throw core::InputError(core::SourceLoc{ert->path, 1, 1}, "",
                             "an Accelergy ERT gives pJ, but '" + spec.name + "' prices in units of one MAC (energy_model: " + kNormalized +
                                 "); remove energy_model from the accelerator or do not give the ERT");
    for (const auto& [name, e] : ert->table.entries()) a.table.set(name, e);
    a.key += "|ert=" + ert->key;
  }
  a.spec = std::move(spec);
  return a;
}

}  // namespace hwaware::model
