#include "fuzz/fuzz_targets.h"

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <stdexcept>

#include "arch/accelerator_document.h"
#include "arch/arch_loader.h"
#include "cli/space_file.h"
#include "cli/sweep_points.h"
#include "core/diagnostics.h"
#include "core/units.h"
#include "fuzz/fuzz_scratch.h"
#include "mappings/mapping_loader.h"
#include "models/accelerator.h"
#include "search/point_journal.h"
#include "workloads/workload_loader.h"

namespace hwaware::fuzz {

namespace {

// A sweep's points, read as the sweep reads them (a bounded number: each reads the whole file).
void read_points(const cli::Sweep& sweep, const arch::AcceleratorDocument& document) {
  const auto points = sweep.points();
  for (std::size_t i = 0; i < std::min<std::size_t>(points.size(), 4); ++i) sweep.spec_at(document, points[i]);
}

// An accelerator as every command reads it: the description, checked, with its energy table and area.
void accelerator(const std::string& name, std::string_view input) { model::load_accelerator(scratch_file(name, input)); }

void workload(const std::string& name, std::string_view input) {
  const auto network = workload::load_workload(scratch_file(name, input));
  for (const auto& layer : network.layers) (void)layer.output_values(), (void)layer.input_channels();
  (void)network.macs();
}

// A mapping is read for an accelerator and a layer: the ones its target's seeds are written for.
struct MappingContext {
  arch::Spec spec;
  workload::Network network;
};

MappingContext mapping_context(const std::string& arch_file, const std::string& workload_file) {
  return {arch::load_arch(source_path(arch_file)), workload::load_workload(source_path(workload_file))};
}

void mapping(const MappingContext& context, std::string_view input) {
  const auto path = scratch_file("mapping.yaml", input);
  if (mapping::file_gives_mapping(path)) mapping::load_mapping(path, context.spec, context.network.layers.front().problem);
}

const std::string kTimeloopCase = "tests/reference/timeloop/v02-conv1d-oc-ic-3level-spatial-kp";

void space(std::string_view input) {
  const auto s = cli::read_space(scratch_file("space.yaml", input));
  const auto document = arch::AcceleratorDocument::load(s.accelerator);
  read_points(cli::parse_sweep(s.parameters, document), document);
}

// `--set` options, one per line, against a digital and a PIM accelerator.
void set_list(std::string_view input) {
  std::vector<std::string> sets;
  std::istringstream lines{std::string(input)};
  for (std::string line; std::getline(lines, line);) sets.push_back(line);
  static const std::vector<arch::AcceleratorDocument> documents = {
      arch::AcceleratorDocument::load(source_path("arch/presets/eyeriss_like.yaml")),
      arch::AcceleratorDocument::load(source_path("arch/presets/rram_128x128.yaml"))};
  for (const auto& document : documents) {
    try {
      read_points(cli::parse_sweep(sets, document), document);
    } catch (const core::InputError&) {  // try the other accelerator too
    }
  }
}

// A journal entry of an exploration's point, read back as a resumed `explore` reads it (here with
// the shape of an evaluation's row: eleven cells, the accuracy a number or empty, then three costs).
void journal(std::string_view input) {
  static const search::PointJournal j(scratch_dir() + "/journal");  // makes journal/points/
  scratch_file("../../journal/points/0.txt", input);
  if (const auto cells = j.find(0, "fuzz", {11, {5, 6, 7}, {4}}))
    for (const auto& c : *cells) (void)core::parse_number(c);
}

const std::vector<FuzzTarget> kTargets = {
    {"arch_native", "hwaware accelerator YAML", [](std::string_view in) { accelerator("arch.yaml", in); }, {{"arch/presets", ".yaml"}}},
    {"arch_timeloop",
     "Timeloop architecture YAML (v0.2-v0.4, with constraints and sparse_optimizations)",
     [](std::string_view in) { accelerator("arch.yaml", in); },
     {{"tests/reference/timeloop", "arch.yaml", true}, {"tests/reference/sparseloop", "parsed-processed-input.yaml", true}}},
    {"arch_scalesim",
     "SCALE-Sim .cfg",
     [](std::string_view in) { accelerator("arch.cfg", in); },
     {{"tests/reference/scalesim/configs", ".cfg"}}},
    {"ert_timeloop",
     "Timeloop/Accelergy energy reference table (--ert)",
     [](std::string_view in) { (void)model::load_ert(scratch_file("ert.yaml", in)); },
     {{"tests/reference/timeloop", "ert.yaml", true}, {"tests/reference/sparseloop", "ert.yaml", true}}},
    {"workload_native",
     "hwaware workload YAML",
     [](std::string_view in) { workload("workload.yaml", in); },
     {{"workloads/layers", ".yaml"}, {"workloads/networks", ".yaml"}, {"tests/cli", "_cnn.yaml"}, {"tests/cli", "_layers.yaml"}}},
    {"workload_timeloop",
     "Timeloop problem YAML",
     [](std::string_view in) { workload("problem.yaml", in); },
     {{"tests/reference/timeloop", "problem.yaml", true}, {"tests/reference/sparseloop", "parsed-processed-input.yaml", true}}},
    {"workload_topology",
     "SCALE-Sim topology CSV",
     [](std::string_view in) { workload("topology.csv", in); },
     {{"tests/reference/scalesim", ".csv"}}},
    {"workload_onnx",
     "ONNX model (protobuf; checker, shape inference and the importer)",
     [](std::string_view in) { workload("model.onnx", in); },
     {{"tests/fuzz/seeds/workload_onnx", ".onnx"}}},
    {"mapping_native",
     "hwaware mapping YAML for conv3x3 on eyeriss_like",
     [](std::string_view in) {
       static const auto context = mapping_context("arch/presets/eyeriss_like.yaml", "workloads/layers/conv3x3.yaml");
       mapping(context, in);
     },
     {{"mappings/examples", "eyeriss_like.yaml"}}},
    {"mapping_timeloop",
     "Timeloop mapping YAML for a Timeloop reference case",
     [](std::string_view in) {
       static const auto context = mapping_context(kTimeloopCase + "/arch.yaml", kTimeloopCase + "/problem.yaml");
       mapping(context, in);
     },
     {{"tests/reference/timeloop", "mapping.yaml", true}}},
    {"space", "exploration space file with its parameters", space, {{"search/spaces", ".yaml"}, {"tests/cli", "_space.yaml"}}},
    {"set_list", "--set options, one per line", set_list, {{"tests/fuzz/seeds/set_list", ""}}},
    {"journal", "an exploration journal entry", journal, {{"tests/fuzz/seeds/journal", ""}}},
};

}  // namespace

const std::vector<FuzzTarget>& fuzz_targets() { return kTargets; }

const FuzzTarget& fuzz_target(std::string_view name) {
  for (const auto& t : kTargets)
    if (name == t.name) return t;
  std::string known;
  for (const auto& t : kTargets) known += std::string(known.empty() ? "" : ", ") + t.name;
  throw std::invalid_argument("unknown fuzz target '" + std::string(name) + "' (known: " + known + ")");
}

std::vector<std::string> seed_files(const FuzzTarget& target) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  auto take = [&](const fs::directory_entry& e, const SeedFiles& s) {
    const auto name = e.path().filename().string();
    const std::string suffix = s.suffix;
    if (e.is_regular_file() && name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      files.push_back(e.path().string());
  };
  for (const auto& s : target.seeds) {
    const fs::path dir = source_path(s.dir);
    if (s.recursive)
      for (const auto& e : fs::recursive_directory_iterator(dir)) take(e, s);
    else
      for (const auto& e : fs::directory_iterator(dir)) take(e, s);
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string run_input(const FuzzTarget& target, std::string_view input) {
  try {
    target.run(input);
    return {};
  } catch (const core::InputError& e) {  // a mistake reported at its line: what a bad input must give
    return e.diagnostics().empty() ? "refused" : core::format(e.diagnostics().front());
  }
}

}  // namespace hwaware::fuzz
