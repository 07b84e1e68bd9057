#include "python/py_inputs.h"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "cli/mapper_flags.h"
#include "core/diagnostics.h"
#include "workloads/workload_loader.h"

namespace py = pybind11;

namespace hwaware::python {
namespace fs = std::filesystem;

namespace {

// A Python value as YAML: dicts, lists and tuples, strings, numbers, booleans, None.
YAML::Node to_yaml(const py::handle& v, const std::string& where) {
  if (v.is_none()) return YAML::Node(YAML::NodeType::Null);
  if (py::isinstance<py::bool_>(v)) return YAML::Node(v.cast<bool>());
  if (py::isinstance<py::int_>(v)) return YAML::Node(v.cast<long long>());
  if (py::isinstance<py::float_>(v)) return YAML::Node(py::repr(v).cast<std::string>());  // repr: shortest round-trip text
  if (py::isinstance<py::str>(v)) return YAML::Node(v.cast<std::string>());
  if (py::isinstance<py::dict>(v)) {
    YAML::Node map(YAML::NodeType::Map);
    for (const auto& [key, value] : v.cast<py::dict>()) {
      const std::string k = py::str(key).cast<std::string>();
      map[k] = to_yaml(value, where + "." + k);
    }
    return map;
  }
  if (py::isinstance<py::list>(v) || py::isinstance<py::tuple>(v)) {
    YAML::Node seq(YAML::NodeType::Sequence);
    std::size_t i = 0;
    for (const auto& item : v) seq.push_back(to_yaml(item, where + "[" + std::to_string(i++) + "]"));
    return seq;
  }
  throw py::type_error(where + ": expected a dict, list, str, number, bool or None, found " +
                       py::str(py::type::of(v).attr("__name__")).cast<std::string>());
}

std::string make_temp_dir() {
  std::string pattern = (fs::temp_directory_path() / "hwaware-py-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary directory under " + fs::temp_directory_path().string());
  return pattern;
}

}  // namespace

InputFile::InputFile(const py::handle& input, const std::string& what) {
  if (!py::isinstance<py::dict>(input)) {
    path_ = py::str(py::module_::import("os").attr("fspath")(input)).cast<std::string>();
    return;
  }
  YAML::Emitter out;
  out << to_yaml(input, what);
  temp_dir_ = make_temp_dir();
  path_ = (fs::path(temp_dir_) / (what + ".yaml")).string();
  display_ = "<" + what + " dict>";
  std::ofstream file(path_);
  file << out.c_str() << "\n";
  if (!file.flush()) throw std::runtime_error("cannot write " + path_);
}

InputFile::~InputFile() {
  std::error_code ec;
  if (!temp_dir_.empty()) fs::remove_all(temp_dir_, ec);
}

void InputFile::rethrow_renamed(const core::InputError& e) const {
  if (display_.empty()) throw e;
  auto diagnostics = e.diagnostics();
  for (auto& d : diagnostics)
    if (d.loc.file == path_) d.loc.file = display_;
  throw core::InputError(std::move(diagnostics));
}

model::Accelerator accelerator_from(const py::handle& arch, const py::handle& ert) {
  const InputFile arch_file(arch, "accelerator");
  if (ert.is_none()) return arch_file.read([](const std::string& p) { return model::load_accelerator(p); });
  const InputFile ert_file(ert, "ert");
  return arch_file.read(
      [&](const std::string& p) { return ert_file.read([&](const std::string& e) { return model::load_accelerator(p, e); }); });
}

workload::Network workload_from(const py::handle& workload, const py::handle& batch) {
  const InputFile file(workload, "workload");
  workload::LoadOptions options;
  if (!batch.is_none()) options.batch = batch.cast<long long>();
  return file.read([&](const std::string& p) { return workload::load_workload(p, options); });
}

model::MapOptions map_options_from(const py::handle& mapper, bool search) {
  cli::MapperFlags flags = search ? cli::search_mapper_flags() : cli::MapperFlags{};
  if (!mapper.is_none()) {
    for (const auto& [key, value] : mapper.cast<py::dict>()) {
      const std::string k = py::str(key).cast<std::string>();
      if (k == "dataflow") flags.dataflow = value.cast<std::string>();
      else if (k == "objective") flags.objective = value.cast<std::string>();
      else if (k == "budget") flags.budget = value.cast<long long>();
      else if (k == "patience") flags.patience = value.cast<long long>();
      else if (k == "seed") flags.seed = value.cast<unsigned long long>();
      else if (k == "threads") flags.threads = value.cast<int>();
      else
        throw core::InputError(core::SourceLoc{"mapper", 0, 0}, "mapper." + k,
                               "expected one of dataflow, objective, budget, patience, seed, threads, found '" + k + "'");
    }
  }
  return cli::map_options(flags, true);
}

}  // namespace hwaware::python
