#include "cli/space_file.h"

#include <filesystem>

#include "core/text.h"
#include "core/yaml_reader.h"

namespace hwaware::cli {
namespace {

// `value` relative to the space file's directory, unless absolute.
std::string beside(const std::string& space, const std::string& value) {
  const std::filesystem::path p(value);
  return p.is_absolute() ? value : (std::filesystem::path(space).parent_path() / p).lexically_normal().string();
}

// A path to an existing file, or a diagnostic at `v`.
std::string existing_file(const core::YamlView& v, const std::string& space, const std::string& what) {
  const auto s = v.as_string();
  if (!s) return {};
  const std::string path = beside(space, *s);
  std::error_code ec;  // a path the system cannot look up (too long, say) is the file's mistake, not an exception
  if (!std::filesystem::is_regular_file(path, ec))
    v.error("expected " + what + ", found '" + *s + "' (" +
            (ec && ec != std::errc::no_such_file_or_directory ? ec.message() : "no such file") + ": " + path + ")");
  return path;
}

// A parameter's values: a list of scalars, or one scalar.
std::vector<std::string> values_of(const core::YamlView& v) {
  std::vector<std::string> out;
  if (v.is_scalar()) return {v.scalar()};
  if (!v.is_seq()) {
    v.error("expected a list of values such as [128, 256, 512], found " + v.found());
    return out;
  }
  for (const auto& item : v.items()) {
    if (!item.is_scalar() || item.scalar().empty() || item.scalar().find(',') != std::string::npos)
      item.error("expected a value, found " + item.found());
    else out.push_back(item.scalar());
  }
  if (out.empty() && v.node().size() == 0) v.error("expected at least one value, found an empty list: the space would have no points");
  return out;
}

void read_parameters(const core::YamlView& v, ExploreSpace& s) {
  core::MapReader m(v);
  if (!m.ok()) return;
  const auto entries = m.entries();
  if (entries.empty())
    v.error(
        "expected at least one accelerator parameter to vary, found none: the space is empty (`hwaware eval` evaluates one accelerator)");
  for (const auto& [key, values] : entries) {
    const auto list = values_of(values);
    if (list.empty()) continue;
    s.parameters.push_back({key + "=" + core::join(list, ","), values.loc(), values.path()});
  }
}

void read_networks(const core::YamlView& v, ExploreSpace& s) {
  const auto items = v.items();
  if (v.is_seq() && items.empty()) v.error("expected at least one network, found an empty list: the space is empty");
  for (const auto& item : items) {
    core::MapReader m(item);
    if (!m.ok()) continue;
    SpaceNetwork n;
    n.loc = item.loc();
    if (auto w = m.required("workload")) n.workload = existing_file(*w, s.path, "a workload file");
    if (auto w = m.get("weights")) n.weights = existing_file(*w, s.path, "a weights file (hwaware train)");
    m.finish();
    s.networks.push_back(n);
  }
}

void read_search(const core::YamlView& v, SpaceSearch& s) {
  core::MapReader m(v);
  if (!m.ok()) return;
  s.loc = v.loc();
  if (auto x = m.get("method")) {
    if (auto t = x->as_string()) {
      const std::vector<std::string> methods{"evaluate", "netadapt", "eap"};
      if (std::find(methods.begin(), methods.end(), *t) == methods.end())
        x->error("expected a method: evaluate, netadapt or eap, found '" + *t + "'", core::did_you_mean(*t, methods));
      else s.method = *t;
    }
  }
  if (auto x = m.get("budget")) {
    if (x->is_seq()) s.budgets = x->string_list();
    else if (auto t = x->as_string()) s.budgets = {*t};
  }
  if (auto x = m.get("tolerance")) {
    if (auto t = x->as_string()) s.tolerance = *t;
  }
  if (auto x = m.get("step")) {
    if (auto t = x->as_number()) s.step = *t;
  }
  if (auto x = m.get("short_steps")) {
    if (auto t = x->as_int()) s.short_steps = *t;
  }
  if (auto x = m.get("long_steps")) {
    if (auto t = x->as_int()) s.long_steps = *t;
  }
  m.finish();
  if (s.method == "netadapt" && s.budgets.empty()) v.error("expected a budget for NetAdapt (budget: latency=50%), found none");
}

}  // namespace

ExploreSpace read_space(const std::string& path) {
  ExploreSpace s;
  s.path = path;
  s.text = core::read_text_file(path, "a space file");
  const auto file = core::YamlFile::load(path);
  core::DiagnosticSink sink;
  core::YamlView root(file.root(), path, "", &sink);
  core::MapReader top(root);
  if (auto sp = top.required("space")) {
    core::MapReader m(*sp);
    if (m.ok()) {
      if (auto a = m.required("accelerator")) {
        s.accelerator = existing_file(*a, path, "an accelerator file");
        s.accelerator_loc = a->loc();
      }
      if (auto p = m.required("parameters")) read_parameters(*p, s);
      if (auto n = m.required("networks")) read_networks(*n, s);
      if (auto x = m.get("search")) read_search(*x, s.search);
      m.finish();
    }
  }
  top.finish();
  sink.throw_if_any();
  if (s.search.method != "evaluate")
    for (const auto& n : s.networks)
      if (n.weights.empty())
        sink.error(n.loc, "space.networks",
                   "expected the network's trained weights (weights: FILE) to run " + s.search.method + " on it, found none");
  sink.throw_if_any();
  return s;
}

}  // namespace hwaware::cli
