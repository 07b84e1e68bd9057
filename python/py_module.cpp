// The `hwaware` Python module (its compiled part, hwaware._hwaware): the libraries themselves, no
// second implementation. Accelerators and workloads from files or dicts, the one engine
// (model::evaluate_network, analytical or SystemC), sweeps, and the search's cost oracles. User
// mistakes raise hwaware.InputError, whose message and `diagnostics` carry file:line:col.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>

#include "arch/accelerator_document.h"
#include "cli/sweep_points.h"
#include "cli/sweep_rows.h"
#include "core/diagnostics.h"
#include "models/network_evaluation.h"
#include "python/py_inputs.h"
#include "python/py_records.h"
#include "search/analytical_oracle.h"
#include "search/lut.h"
#include "search/network_surgery.h"
#include "search/systemc_oracle.h"
#include "sim/systemc_simulator.h"

namespace py = pybind11;
using namespace hwaware;

namespace {

py::dict evaluate(const model::Accelerator& accelerator, const workload::Network& network, const py::object& mapping,
                  const std::string& backend, const py::object& mapper) {
  model::EvaluationOptions options;
  options.map = python::map_options_from(mapper, false);
  std::optional<python::InputFile> mapping_file;
  if (!mapping.is_none()) {
    mapping_file.emplace(mapping, "mapping");
    options.mapping_file = mapping_file->path();
  }
  std::unique_ptr<sim::SystemcSimulator> simulator;
  if (backend == "systemc") simulator = std::make_unique<sim::SystemcSimulator>(accelerator.spec);
  else if (backend != "analytical") throw py::value_error("backend: expected 'analytical' or 'systemc', found '" + backend + "'");
  const auto run = [&](const std::string&) {
    py::gil_scoped_release release;
    return model::evaluate_network(accelerator, network, options, simulator.get());
  };
  const auto evaluation = mapping_file ? mapping_file->read(run) : run("");
  return python::evaluation_dict(accelerator, network, evaluation);
}

// --set lists as the CLI takes them: ["KEY=V1,V2", ...] or {"KEY": [V1, V2], ...}.
std::vector<std::string> set_options(const py::handle& settings) {
  std::vector<std::string> out;
  if (!py::isinstance<py::dict>(settings)) return settings.cast<std::vector<std::string>>();
  for (const auto& [key, values] : settings.cast<py::dict>()) {
    std::string option = py::str(key).cast<std::string>() + "=";
    bool first = true;
    for (const auto& v : values) {
      option += (first ? "" : ",") + py::str(v).cast<std::string>();
      first = false;
    }
    out.push_back(option);
  }
  return out;
}

py::list sweep(const py::object& arch, const py::object& workload, const py::object& settings, const py::object& ert,
               const py::object& mapper) {
  const auto map = python::map_options_from(mapper, false);
  const python::InputFile arch_file(arch, "accelerator");
  const auto document = arch_file.read([](const std::string& p) { return arch::AcceleratorDocument::load(p); });
  const auto network = python::workload_from(workload, py::none());
  std::optional<model::Ert> table;
  if (!ert.is_none()) {
    const python::InputFile ert_file(ert, "ert");
    table = ert_file.read([](const std::string& p) { return model::load_ert(p); });
  }
  const auto sweep = cli::parse_sweep(set_options(settings), document);
  const auto points = sweep.points();
  const auto accelerators = arch_file.read([&](const std::string&) { return sweep.accelerators(document, points, table); });
  std::vector<std::vector<model::Cell>> rows;
  for (std::size_t i = 0; i < points.size(); ++i) {
    py::gil_scoped_release release;
    for (const auto& r : cli::evaluate_sweep_point(accelerators[i], network, map))
      rows.push_back(cli::sweep_cells(points[i], r, accelerators[i].spec.clock_hz));
  }
  return python::records(sweep.columns(accelerators.front().energy_unit()), rows);
}

// A cost oracle for a search written in Python: analytical or SystemC, behind a lookup table when
// `lut` names one.
class Oracle {
 public:
  Oracle(const model::Accelerator& accelerator, const std::string& backend, const py::object& lut, const py::object& mapper)
      : unit_(accelerator.energy_unit().symbol) {
    const auto map = python::map_options_from(mapper, true);
    std::unique_ptr<search::CostOracle> oracle;
    if (backend == "analytical") oracle = std::make_unique<search::AnalyticalOracle>(accelerator, map);
    else if (backend == "systemc") oracle = std::make_unique<search::SystemcOracle>(accelerator, map);
    else throw py::value_error("backend: expected 'analytical' or 'systemc', found '" + backend + "'");
    if (!lut.is_none())
      oracle =
          std::make_unique<search::LutOracle>(std::move(oracle), accelerator.key, py::str(py::module_::import("os").attr("fspath")(lut)));
    oracle_ = std::move(oracle);
  }
  py::dict metrics(const workload::Network& network) {
    search::NetworkMetrics m;
    {
      py::gil_scoped_release release;
      m = oracle_->metrics(network);
    }
    return python::metrics_dict(m, unit_);
  }
  std::string backend() const { return oracle_->backend(); }

 private:
  std::unique_ptr<search::CostOracle> oracle_;
  std::string unit_;
};

py::list width_groups(const workload::Network& net) {
  py::list out;
  for (const auto& g : search::width_groups(net)) {
    py::dict d;
    py::list layers;
    for (auto i : g.layers) layers.append(net.layers[i].name);
    d["layers"] = layers;
    d["width"] = g.width;
    d["step"] = g.step;
    d["prunable"] = g.prunable;
    out.append(d);
  }
  return out;
}

void register_input_error(py::module_& m) {
  static py::exception<core::InputError> error(m, "InputError", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const core::InputError& e) {
      std::string message;
      py::list diagnostics;
      for (const auto& d : e.diagnostics()) {
        diagnostics.append(core::format(d));
        message += (message.empty() ? "" : "\n") + core::format(d);
      }
      py::object instance = py::reinterpret_borrow<py::object>(error.ptr())(message);
      instance.attr("diagnostics") = diagnostics;
      PyErr_SetObject(error.ptr(), instance.ptr());
    }
  });
}

}  // namespace

PYBIND11_MODULE(_hwaware, m) {
  m.doc() = "hwaware: energy and latency of DNN layers on described accelerators (digital arrays, systolic arrays, PIM)";
  m.attr("__version__") = HWAWARE_VERSION;
  register_input_error(m);

  py::class_<model::Accelerator>(m, "Accelerator", "An accelerator, read and priced (models/accelerator.h)")
      .def_property_readonly("name", [](const model::Accelerator& a) { return a.spec.name; })
      .def_property_readonly("clock_hz", [](const model::Accelerator& a) { return a.spec.clock_hz; })
      .def_property_readonly("energy_unit", [](const model::Accelerator& a) { return a.energy_unit().symbol; })
      .def_property_readonly("key", [](const model::Accelerator& a) { return a.key; });
  py::class_<workload::Network>(m, "Workload", "A network (or one layer), read from any accepted format")
      .def_property_readonly("name", [](const workload::Network& n) { return n.name; })
      .def_property_readonly("macs", &workload::Network::macs)
      .def_property_readonly("layers",
                             [](const workload::Network& n) {
                               py::list out;
                               for (const auto& l : n.layers)
                                 out.append(py::dict(py::arg("name") = l.name, py::arg("type") = l.type, py::arg("macs") = l.macs()));
                               return out;
                             })
      .def("width_groups", &width_groups, "Layers whose output widths change together (NetAdapt's groups), in layer order")
      .def(
          "with_width",
          [](const workload::Network& n, std::size_t group, long long width) {
            return search::with_width(n, search::width_groups(n), group, width);
          },
          py::arg("group"), py::arg("width"), "This network with width group `group` set to `width` channels");

  m.def("load_accelerator", &python::accelerator_from, py::arg("arch"), py::arg("ert") = py::none(),
        "An accelerator from a file (hwaware, Timeloop or SCALE-Sim format) or a dict of hwaware's format; `ert`: an Accelergy ERT");
  m.def("load_workload", &python::workload_from, py::arg("workload"), py::arg("batch") = py::none(),
        "A workload from a file (hwaware, Timeloop, SCALE-Sim or ONNX) or a dict of hwaware's format; batch: an ONNX model's");
  m.def("evaluate", &evaluate, py::arg("accelerator"), py::arg("workload"), py::arg("mapping") = py::none(),
        py::arg("backend") = "analytical", py::arg("mapper") = py::none(),
        "Energy and latency of every layer (as hwaware eval): a dict of records");
  m.def("sweep", &sweep, py::arg("arch"), py::arg("workload"), py::arg("set"), py::arg("ert") = py::none(), py::arg("mapper") = py::none(),
        "Every combination of the values of `set` (as hwaware sweep): sweep.csv's rows as dicts");
  py::class_<Oracle>(m, "CostOracle", "What a search sees of the hardware: metrics(workload) -> energy and latency per layer and in total")
      .def(py::init<const model::Accelerator&, const std::string&, const py::object&, const py::object&>(), py::arg("accelerator"),
           py::arg("backend") = "analytical", py::arg("lut") = py::none(), py::arg("mapper") = py::none())
      .def("metrics", &Oracle::metrics, py::arg("workload"))
      .def_property_readonly("backend", &Oracle::backend);
}
