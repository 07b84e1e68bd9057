#include "core/yaml_reader.h"

#include <algorithm>
#include <fstream>
#include <limits>
#include <sstream>

#include "core/text.h"

namespace hwaware::core {

namespace {

SourceLoc loc_of(const YAML::Mark& m, const std::string& file) {
  if (m.is_null()) return {file, 0, 0};
  return {file, m.line + 1, m.column + 1};
}

}  // namespace

YamlFile YamlFile::parse(const std::string& text, const std::string& name) {
  YamlFile f;
  f.path_ = name;
  try {
    f.root_ = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw InputError(loc_of(e.mark, name), "", "not a valid YAML file: " + e.msg);
  }
  if (!f.root_ || f.root_.IsNull()) throw InputError(SourceLoc{name, 1, 1}, "", "expected a YAML document, found an empty file");
  if (f.root_.IsScalar()) {
    throw InputError(loc_of(f.root_.Mark(), name), "",
                     "expected a YAML map at the top of the file, found the text '" + f.root_.Scalar().substr(0, 40) + "'");
  }
  return f;
}

YamlFile YamlFile::from_node(YAML::Node root, const std::string& name) {
  YamlFile f;
  f.path_ = name;
  f.root_ = std::move(root);
  return f;
}

YamlFile YamlFile::load(const std::string& path) { return parse(read_text_file(path, "a YAML text file"), path); }

YamlView::YamlView(YAML::Node node, std::string file, std::string key_path, DiagnosticSink* sink)
    : node_(std::move(node)), file_(std::move(file)), key_path_(std::move(key_path)), sink_(sink) {}

SourceLoc YamlView::loc() const { return loc_of(node_.Mark(), file_); }

std::string YamlView::because() const {
  std::string why = node_.IsScalar() ? number_problem(node_.Scalar()) : std::string();
  return why.empty() ? why : " (" + why + ")";
}

std::string YamlView::found() const {
  if (!node_ || node_.IsNull()) return "nothing (an empty value)";
  if (node_.IsMap()) return "a map";
  if (node_.IsSequence()) return "a list";
  return "'" + node_.Scalar() + "'";
}

void YamlView::error(const std::string& message, const std::string& hint) const { sink_->error(loc(), key_path_, message, hint); }

YamlView YamlView::child(const YAML::Node& n, const std::string& suffix) const {
  std::string p = key_path_;
  if (!suffix.empty() && suffix[0] != '[' && !p.empty()) p += ".";
  p += suffix;
  return YamlView(n, file_, p, sink_);
}

std::optional<long long> YamlView::as_int() const {
  if (node_.IsScalar()) {
    if (auto v = parse_integer(node_.Scalar())) return v;
  }
  error("expected an integer, found " + found() + because());
  return std::nullopt;
}

std::optional<long long> YamlView::as_positive_int() const {
  auto v = as_int();
  if (v && *v <= 0) {
    error("expected a positive integer, found " + found());
    return std::nullopt;
  }
  return v;
}

std::optional<long long> YamlView::as_int_in(long long lo, long long hi, const std::string& what) const {
  auto n = as_int();
  if (n && (*n < lo || *n > hi)) {
    error("expected " + what + " between " + std::to_string(lo) + " and " + std::to_string(hi) + ", found " + found());
    return std::nullopt;
  }
  return n;
}

std::optional<int> YamlView::as_positive_int32() const {
  auto n = as_int_in(1, std::numeric_limits<int>::max(), "a positive integer");
  return n ? std::optional<int>(static_cast<int>(*n)) : std::nullopt;
}

std::optional<double> YamlView::as_number() const {
  if (node_.IsScalar()) {
    if (auto v = parse_number(node_.Scalar())) return v;
  }
  error("expected a number, found " + found() + because());
  return std::nullopt;
}

std::optional<std::string> YamlView::as_string() const {
  if (node_.IsScalar()) return node_.Scalar();
  error("expected a text value, found " + found());
  return std::nullopt;
}

std::optional<bool> YamlView::as_bool() const {
  if (node_.IsScalar()) {
    const std::string& s = node_.Scalar();
    if (s == "true" || s == "True" || s == "yes") return true;
    if (s == "false" || s == "False" || s == "no") return false;
  }
  error("expected true or false, found " + found());
  return std::nullopt;
}

std::optional<double> YamlView::as_quantity(UnitKind kind) const {
  if (!node_.IsScalar()) {
    error("expected " + describe(kind) + ", found " + found());
    return std::nullopt;
  }
  auto q = parse_quantity(node_.Scalar(), kind);
  if (!q.error.empty()) {
    error(q.error);
    return std::nullopt;
  }
  return q.value;
}

std::optional<double> YamlView::as_positive_quantity(UnitKind kind) const {
  auto v = as_quantity(kind);
  if (v && *v <= 0) {
    error("expected a positive value, found " + found());
    return std::nullopt;
  }
  return v;
}

std::vector<YamlView> YamlView::items() const {
  std::vector<YamlView> out;
  if (!node_.IsSequence()) {
    error("expected a list, found " + found());
    return out;
  }
  for (std::size_t i = 0; i < node_.size(); ++i) out.push_back(child(node_[i], "[" + std::to_string(i) + "]"));
  return out;
}

std::vector<std::string> YamlView::string_list() const {
  std::vector<std::string> out;
  if (node_.IsScalar()) {  // tolerate "[]"-free single names? no: a list is required
    error("expected a list of names, found " + found());
    return out;
  }
  if (node_.IsNull()) return out;
  for (auto& item : items())
    if (auto s = item.as_string()) out.push_back(*s);
  return out;
}

MapReader::MapReader(const YamlView& view) : view_(view) {
  if (!view.node().IsMap()) {
    if (!view.node().IsNull()) view.error("expected a map, found " + view.found());
    ok_ = view.node().IsNull();
    return;
  }
  std::vector<std::string> seen;
  for (auto it = view.node().begin(); it != view.node().end(); ++it) {
    if (!it->first.IsScalar()) {
      view.sink().error(loc_of(it->first.Mark(), view.file()), view.path(),
                        "expected a key name, found " + YamlView(it->first, view.file(), "", nullptr).found() + " used as a key");
      continue;
    }
    std::string key = it->first.Scalar();
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      view.sink().error(loc_of(it->first.Mark(), view.file()), view.path(), "duplicate key '" + key + "' (each key may appear once)");
      continue;
    }
    seen.push_back(key);
    entries_.emplace_back(key, it->second);
    key_locs_.push_back(loc_of(it->first.Mark(), view.file()));
  }
  used_.assign(entries_.size(), false);
}

bool MapReader::has(const std::string& key) const {
  for (const auto& e : entries_)
    if (e.first == key) return true;
  return false;
}

std::optional<YamlView> MapReader::get(const std::string& key) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.push_back(key);
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].first == key) {
      used_[i] = true;
      return view_.child(entries_[i].second, key);
    }
  }
  return std::nullopt;
}

std::optional<YamlView> MapReader::required(const std::string& key) {
  auto v = get(key);
  if (!v && ok_) view_.error("missing required key '" + key + "'");
  return v;
}

std::vector<std::pair<std::string, YamlView>> MapReader::entries() {
  std::vector<std::pair<std::string, YamlView>> out;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    used_[i] = true;
    out.emplace_back(entries_[i].first, view_.child(entries_[i].second, entries_[i].first));
  }
  return out;
}

void MapReader::record_locs(FieldLocs& out) const {
  for (const auto& [key, value] : entries_) out.set(key, loc_of(value.Mark(), view_.file()));
}

std::vector<std::string> MapReader::finish_unknown(const std::vector<std::string>& also_allowed, bool pass_over_unlike) {
  std::vector<std::string> candidates = known_;
  for (const auto& k : also_allowed)
    if (std::find(candidates.begin(), candidates.end(), k) == candidates.end()) candidates.push_back(k);
  std::vector<std::string> passed_over;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (used_[i]) continue;
    const std::string& key = entries_[i].first;
    if (std::find(also_allowed.begin(), also_allowed.end(), key) != also_allowed.end()) {
      if (pass_over_unlike) passed_over.push_back(key);
      continue;
    }
    const std::string hint = did_you_mean(key, candidates);
    if (pass_over_unlike && hint.empty()) passed_over.push_back(key);
    else view_.sink().error(key_locs_[i], view_.path(), "unknown key '" + key + "' (known keys: " + join(candidates, ", ") + ")", hint);
  }
  return passed_over;
}

void MapReader::finish(const std::vector<std::string>& also_allowed) { finish_unknown(also_allowed, false); }

std::vector<std::string> MapReader::finish_passing_over(const std::vector<std::string>& also_allowed) {
  return finish_unknown(also_allowed, true);
}

}  // namespace hwaware::core
