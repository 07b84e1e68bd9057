#pragma once
// The YAML reader layer: loads a file keeping positions, and typed, path-aware accessors that
// report every mistake (wrong type, missing key, unknown key with a hint, duplicate key, bad
// unit) to a DiagnosticSink with file:line:col instead of throwing at the first one.

#include <yaml-cpp/yaml.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/units.h"

namespace hwaware::core {

// A loaded YAML document. load() throws InputError for a missing, unreadable, empty or
// syntactically broken file.
class YamlFile {
 public:
  static YamlFile load(const std::string& path);
  static YamlFile parse(const std::string& text, const std::string& name);
  // A document built or edited in memory, reported under `name`.
  static YamlFile from_node(YAML::Node root, const std::string& name);
  const YAML::Node& root() const { return root_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  YAML::Node root_;
};

// A node together with where it is (file, key path) and where its errors go.
class YamlView {
 public:
  YamlView(YAML::Node node, std::string file, std::string key_path, DiagnosticSink* sink);

  const YAML::Node& node() const { return node_; }
  const std::string& path() const { return key_path_; }
  const std::string& file() const { return file_; }
  DiagnosticSink& sink() const { return *sink_; }
  SourceLoc loc() const;
  bool is_map() const { return node_.IsMap(); }
  bool is_seq() const { return node_.IsSequence(); }
  bool is_scalar() const { return node_.IsScalar(); }
  bool is_null() const { return node_.IsNull(); }
  std::string tag() const { return node_.Tag(); }
  std::string scalar() const { return node_.IsScalar() ? node_.Scalar() : std::string(); }
  // Short text of the node for "found ..." ("a list", "a map", "'abc'").
  std::string found() const;

  void error(const std::string& message, const std::string& hint = {}) const;

  // Typed conversions; on mismatch report "expected X, found Y" and return nullopt. Numbers are never
  // wrapped, saturated or allowed to be inf/nan.
  std::optional<long long> as_int() const;
  std::optional<long long> as_positive_int() const;                                               // > 0
  std::optional<long long> as_int_in(long long lo, long long hi, const std::string& what) const;  // "expected WHAT between LO and HI"
  std::optional<int> as_positive_int32() const;  // > 0 and fits an int (bits, small counts)
  std::optional<double> as_number() const;
  std::optional<std::string> as_string() const;
  std::optional<bool> as_bool() const;
  std::optional<double> as_quantity(UnitKind kind) const;
  std::optional<double> as_positive_quantity(UnitKind kind) const;
  // Sequence items (reports if not a list); a scalar is not accepted.
  std::vector<YamlView> items() const;
  std::vector<std::string> string_list() const;

  YamlView child(const YAML::Node& n, const std::string& suffix) const;

 private:
  std::string because() const;  // " (why a number-like scalar was refused)", or ""
  YAML::Node node_;
  std::string file_;
  std::string key_path_;
  DiagnosticSink* sink_;
};

// Reads one map: remembers which keys were looked up, so finish() can report unknown keys with
// a "did you mean" hint. Duplicate keys are reported on construction.
class MapReader {
 public:
  explicit MapReader(const YamlView& view);
  bool ok() const { return ok_; }
  bool has(const std::string& key) const;
  std::optional<YamlView> get(const std::string& key);
  std::optional<YamlView> required(const std::string& key);
  // All keys in file order (for maps whose keys are data, e.g. factors).
  std::vector<std::pair<std::string, YamlView>> entries();
  // Records where each key's value is, under the key's name (for checks made after reading).
  void record_locs(FieldLocs& out) const;
  // Reports every key not looked up and not in `also_allowed`.
  void finish(const std::vector<std::string>& also_allowed = {});
  // For maps that also hold another tool's keys (a Timeloop component's attributes, read by
  // Accelergy too): reports a key not looked up only when it is not in `also_allowed` and is close
  // to a known one (a likely misspelling, with its "did you mean"); returns every other key not
  // looked up (passed over), in file order.
  std::vector<std::string> finish_passing_over(const std::vector<std::string>& also_allowed = {});
  const YamlView& view() const { return view_; }

 private:
  std::vector<std::string> finish_unknown(const std::vector<std::string>& also_allowed, bool pass_over_unlike);
  YamlView view_;
  bool ok_ = true;
  std::vector<std::pair<std::string, YAML::Node>> entries_;
  std::vector<SourceLoc> key_locs_;
  std::vector<std::string> known_;
  std::vector<bool> used_;
};

}  // namespace hwaware::core
