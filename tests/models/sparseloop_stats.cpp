#include "models/sparseloop_stats.h"

#include <regex>
#include <sstream>
#include <stdexcept>

namespace hwaware::test {
namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

long long to_count(const std::string& value, const std::string& line) {
  const std::string v = trim(value);
  if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos)
    throw std::runtime_error("sparseloop stats: expected a whole count in '" + line + "'");
  return std::stoll(v);
}

// "31.33 pJ" -> 31.33 (the unit is the caller's to know).
double to_number(const std::string& value, const std::string& line) {
  try {
    return std::stod(trim(value));
  } catch (const std::exception&) {
    throw std::runtime_error("sparseloop stats: expected a number in '" + line + "'");
  }
}

SparseloopAccesses& accesses_of(SparseloopTensorStats& t, const std::string& kind) {
  if (kind == "reads") return t.reads;
  if (kind == "fills") return t.fills;
  return t.updates;
}

long long& column_of(SparseloopAccesses& a, const std::string& column) {
  if (column == "Algorithmic") return a.algorithmic;
  if (column == "Actual") return a.actual;
  if (column == "Gated") return a.gated;
  return a.skipped;
}

std::vector<SparseloopRankCounts>& format_of(SparseloopTensorStats& t, const std::string& column, const std::string& kind) {
  SparseloopFormatAccesses& f = kind == "reads" ? t.format_reads : kind == "fills" ? t.format_fills : t.format_updates;
  if (column == "Actual") return f.actual;
  if (column == "Gated") return f.gated;
  return f.skipped;
}

// The reader's position: which level and tensor the next line belongs to, and the per-rank list
// a `Rank N (metadata, payload): (a, b)` line adds to.
struct Cursor {
  std::vector<SparseloopLevelStats> levels;
  int level = -1;
  std::string compute_level;  // name of the level whose SPECS print "Compute energy"
  SparseloopTensorStats* tensor = nullptr;
  std::vector<SparseloopRankCounts>* ranks = nullptr;
};

void read_compute_key(SparseloopComputeStats& c, const std::string& key, const std::string& value, const std::string& line) {
  static const std::regex computes_re(R"(^(Algorithmic|Actual|Gated|Skipped) Computes \(total\)$)");
  std::smatch m;
  if (key == "Utilized instances (max)" || key == "Utilized instances") c.utilized_instances = to_count(value, line);
  else if (key == "Cycles") c.cycles = to_count(value, line);
  else if (key == "Energy (total)") c.energy_pj = to_number(value, line);
  else if (key == "Computes (total)") c.algorithmic = c.actual = to_count(value, line);  // dense layout
  else if (std::regex_match(key, m, computes_re)) {
    const long long n = to_count(value, line);
    const std::string col = m[1].str();
    (col == "Algorithmic" ? c.algorithmic : col == "Actual" ? c.actual : col == "Gated" ? c.gated : c.skipped) = n;
  }
}

// One `key : value` line (or a list key without a value) of a tensor's STATS.
void read_tensor_key(Cursor& cur, const std::string& key, const std::string* value, const std::string& line) {
  static const std::regex scalar_re(R"(^(Algorithmic|Actual|Gated|Skipped) scalar (reads|fills|updates) \(per-instance\)$)");
  static const std::regex format_re(R"(^(Actual|Gated|Skipped) scalar format (reads|fills|updates) \(per-instance\)$)");
  static const std::regex dense_re(R"(^Scalar (reads|fills|updates) \(per-instance\)$)");
  SparseloopTensorStats& t = *cur.tensor;
  std::smatch m;
  std::vector<SparseloopRankCounts>* list = nullptr;
  if (key == "Max utilized Repr format storage capacity") list = &t.format_capacity;
  else if (std::regex_match(key, m, format_re)) list = &format_of(t, m[1].str(), m[2].str());
  if (list) {
    if (!value) cur.ranks = list;  // a `Rank N` list follows
    else if (to_count(*value, line) != 0)
      throw std::runtime_error("sparseloop stats: a format count is either 0 or a list of ranks, found '" + line + "'");
    return;
  }
  if (!value) return;
  if (std::regex_match(key, m, scalar_re)) column_of(accesses_of(t, m[2].str()), m[1].str()) = to_count(*value, line);
  else if (std::regex_match(key, m, dense_re))
    accesses_of(t, m[1].str()).algorithmic = accesses_of(t, m[1].str()).actual = to_count(*value, line);
  else if (key == "Temporal reductions (per-instance)") t.temporal_reductions = to_count(*value, line);
  else if (key == "Utilized instances (max)") t.utilized_instances = to_count(*value, line);
  else if (key == "Max utilized data storage capacity" || key == "Utilized capacity") t.max_capacity = to_count(*value, line);
  else if (key == "Energy (per-instance)") t.energy_per_instance_pj = to_number(*value, line);
}

// A line of the per-level part ("Buffer and Arithmetic Levels", up to "Networks").
void read_level_line(Cursor& cur, SparseloopComputeStats& compute, const std::string& line) {
  static const std::regex level_re(R"(^=== (\S+) ===\s*$)");
  static const std::regex tensor_re(R"(^    ([A-Za-z_][A-Za-z0-9_]*):\s*$)");
  static const std::regex rank_re(R"(^\s*Rank (\d+) \(metadata, payload\): \((\d+),\s*(\d+)\)\s*$)");
  std::smatch m;
  if (cur.ranks && std::regex_match(line, m, rank_re)) {
    const auto r = static_cast<std::size_t>(std::stoul(m[1].str()));
    if (cur.ranks->size() <= r) cur.ranks->resize(r + 1);
    (*cur.ranks)[r] = {std::stoll(m[2].str()), std::stoll(m[3].str())};
    return;
  }
  cur.ranks = nullptr;
  if (std::regex_match(line, m, level_re)) {
    cur.levels.push_back({});
    cur.levels.back().name = m[1].str();
    cur.level = static_cast<int>(cur.levels.size()) - 1;
    cur.tensor = nullptr;
    return;
  }
  if (cur.level < 0) return;
  SparseloopLevelStats& lvl = cur.levels[static_cast<std::size_t>(cur.level)];
  if (std::regex_match(line, m, tensor_re)) {
    cur.tensor = &lvl.tensors[m[1].str()];
    return;
  }
  const std::string text = trim(line);
  const auto colon = text.find(':');
  const std::string key = trim(text.substr(0, colon));
  const std::string value = colon == std::string::npos ? std::string() : text.substr(colon + 1);
  if (key.empty()) return;
  if (key == "Compute energy") cur.compute_level = lvl.name;
  if (lvl.name == cur.compute_level) {
    if (colon != std::string::npos) read_compute_key(compute, key, value, line);
  } else if (cur.tensor) {
    read_tensor_key(cur, key, colon == std::string::npos ? nullptr : &value, line);
  } else if (key == "Cycles") {
    lvl.cycles = to_count(value, line);
  } else if (key == "Leakage energy (total)") {
    lvl.leakage_energy_pj = to_number(value, line);
  }
}

}  // namespace

const SparseloopLevelStats& SparseloopStats::level(const std::string& name) const {
  for (const auto& l : levels)
    if (l.name == name) return l;
  throw std::out_of_range("sparseloop stats: no level '" + name + "'");
}

const SparseloopTensorStats& SparseloopStats::at(const std::string& level_name, const std::string& tensor) const {
  const auto& l = level(level_name);
  auto it = l.tensors.find(tensor);
  if (it == l.tensors.end()) throw std::out_of_range("sparseloop stats: level '" + level_name + "' has no tensor '" + tensor + "'");
  return it->second;
}

SparseloopStats parse_sparseloop_stats(const std::string& text) {
  enum class Part { preamble, levels, rest };
  static const std::regex computes_re(R"(^(?:Actual )?Computes = (\d+)\s*$)");
  static const std::regex total_re(R"(^\s+Total\s+= ([0-9.eE+-]+)\s*$)");
  SparseloopStats s;
  Cursor cur;
  Part part = Part::preamble;
  double per_compute_scale = 0;  // pJ per printed unit in the block being read; 0 outside "fJ/Compute" or "pJ/Compute"
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (part != Part::rest && line == "Buffer and Arithmetic Levels") {
      part = Part::levels;
      continue;
    }
    if (part == Part::levels && line == "Networks") part = Part::rest;
    if (part == Part::levels) {
      read_level_line(cur, s.compute, line);
      continue;
    }
    std::smatch m;
    if (line.rfind("Cycles: ", 0) == 0) s.cycles = to_count(line.substr(8), line);
    else if (std::regex_match(line, m, computes_re)) s.actual_computes = std::stoll(m[1].str());
    else if (line == "fJ/Compute") per_compute_scale = 1e-3;
    else if (line == "pJ/Compute") per_compute_scale = 1;
    else if (!line.empty() && line[0] != ' ') per_compute_scale = 0;  // another heading ("fJ/Algorithmic-Compute", ...)
    else if (per_compute_scale > 0 && std::regex_match(line, m, total_re))
      s.energy_per_compute_pj = to_number(m[1].str(), line) * per_compute_scale;
  }
  if (cur.levels.empty()) throw std::runtime_error("sparseloop stats: no 'Buffer and Arithmetic Levels' section with levels");
  for (auto& l : cur.levels)
    if (l.name == cur.compute_level) s.compute.name = l.name;
    else s.levels.push_back(std::move(l));
  s.energy_pj = s.energy_per_compute_pj * static_cast<double>(s.actual_computes);
  return s;
}

}  // namespace hwaware::test
