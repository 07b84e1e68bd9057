#include "models/accelerator.h"

#include <fmt/format.h>

#include <cmath>

#include "arch/accelerator_document.h"
#include "core/checked.h"
#include "core/diagnostics.h"
#include "core/text.h"
#include "models/area_estimators.h"
#include "models/energy_estimators.h"
#include "models/timeloop_ert.h"

namespace hwaware::model {
namespace {

const char* const kNormalized = "eyeriss-normalized";

// A PIM chip sized by an area budget: as many crossbars with their peripherals as fit in it.
void resolve_area_budget(arch::Spec& spec) {
  if (!spec.pim || !spec.pim->budget || spec.pim->budget->resolved) return;
  arch::PimBudget& b = *spec.pim->budget;
  if (!b.area_um2) core::panic("resolve_area_budget: a budget of neither cells nor area");
  const double crossbar_um2 = pim_crossbar_area_um2(spec);
  const double fit = std::floor(*b.area_um2 / crossbar_um2 * (1 + 1e-12));  // a budget of exactly n crossbars holds n
  const auto area = [](double um2) { return fmt::format("{:.6g} mm2", um2 * 1e-6); };
  const std::string crossbar = std::to_string(spec.pim->rows) + " x " + std::to_string(spec.pim->cols);
  if (!(fit >= 1))
    throw core::InputError(b.loc, b.key_path,
                           "expected an area budget of at least one crossbar of " + crossbar + " with its peripherals (" +
                               area(crossbar_um2) + "), found " + area(*b.area_um2));
  if (fit > 1e15 || !core::checked_count({static_cast<long long>(fit), spec.pim->rows, spec.pim->cols}))
    throw core::InputError(b.loc, b.key_path,
                           "expected an area budget of at most 1e15 crossbars of " + crossbar + " (" + area(crossbar_um2) +
                               " each) and at most " + core::kMaxCountText + " cells, found " + area(*b.area_um2));
  b.crossbars = static_cast<long long>(fit);
  b.resolved = true;
}

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
  resolve_area_budget(spec);  // before anything counts the crossbars
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
