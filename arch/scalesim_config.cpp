#include "arch/scalesim_config.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "core/diagnostics.h"
#include "core/text.h"
#include "core/units.h"

namespace hwaware::arch {
namespace {

// One `key: value` line of a section; columns are 1-based.
struct IniEntry {
  std::string key, value;
  int line = 0, key_column = 0, value_column = 0;
};

// One `[section]` and its entries in file order.
struct IniSection {
  std::string name;
  int line = 0;
  std::vector<IniEntry> entries;
};

// What a key's value must be, and whether hwaware models it.
enum class Kind {
  positive_int,  // array and SRAM sizes
  offset,        // trace address offsets: a non-negative integer, not used
  bandwidth,     // words/cycle: a positive number (or one per memory bank, the first is used)
  dataflow,      // os, ws or is
  bw_mode,       // CALC or USER
  banks,         // MemoryBanks (DRAM channels): only 1 is supported
  off_flag,      // true/false; true turns on a feature hwaware does not support
  text,          // run_name, TopologyCsvLoc: any text, not used
  ignored,       // details of a feature that is off (sparsity)
  unsupported,   // an option of a feature hwaware does not model
};

struct KeyRule {
  std::string section, key;
  Kind kind;
  std::string feature;  // off_flag, banks, unsupported: the feature that is not supported
};

const std::string kLayout = "custom SRAM layouts and banking (SCALE-Sim's layout evaluation)";
const std::string kRamulator = "Ramulator DRAM traces";

std::vector<KeyRule> layout_rules(const std::string& section) {
  std::vector<KeyRule> rules = {{section, "IfmapCustomLayout", Kind::off_flag, kLayout},
                                {section, "FilterCustomLayout", Kind::off_flag, kLayout}};
  for (const std::string op : {"Ifmap", "Filter", "Ofmap"})
    for (const std::string what : {"Bandwidth", "Num", "Port"})
      rules.push_back({section, op + "SRAMBank" + what, Kind::unsupported, kLayout});
  return rules;
}

const std::vector<KeyRule>& rules() {
  static const std::vector<KeyRule> all = [] {
    const std::string a = "architecture_presets";
    std::vector<KeyRule> r = {
        {"general", "run_name", Kind::text, ""},
        {a, "ArrayHeight", Kind::positive_int, ""},
        {a, "ArrayWidth", Kind::positive_int, ""},
        {a, "IfmapSramSzkB", Kind::positive_int, ""},
        {a, "FilterSramSzkB", Kind::positive_int, ""},
        {a, "OfmapSramSzkB", Kind::positive_int, ""},
        {a, "IfmapOffset", Kind::offset, ""},
        {a, "FilterOffset", Kind::offset, ""},
        {a, "OfmapOffset", Kind::offset, ""},
        {a, "Bandwidth", Kind::bandwidth, ""},
        {a, "Dataflow", Kind::dataflow, ""},
        {a, "MemoryBanks", Kind::banks, "several DRAM channels (MemoryBanks above 1)"},
        {a, "ReadRequestBuffer", Kind::unsupported, kRamulator},
        {a, "WriteRequestBuffer", Kind::unsupported, kRamulator},
        {"run_presets", "InterfaceBandwidth", Kind::bw_mode, ""},
        {"run_presets", "UseRamulatorTrace", Kind::off_flag, kRamulator},
        {"network_presets", "TopologyCsvLoc", Kind::text, ""},
        {"sparsity", "SparsitySupport", Kind::off_flag, "sparse operands (SCALE-Sim's sparsity support)"},
    };
    for (const std::string k : {"SparseRep", "OptimizedMapping", "NonZeroElems", "BlockSize", "RandomNumberGeneratorSeed"})
      r.push_back({"sparsity", k, Kind::ignored, ""});
    for (const auto& s : {a, std::string("layout")})
      for (auto& rule : layout_rules(s)) r.push_back(rule);
    return r;
  }();
  return all;
}

const std::vector<std::string> kSections = {"general", "architecture_presets", "run_presets", "network_presets", "sparsity", "layout"};
const std::vector<std::string> kRequired = {"ArrayHeight", "ArrayWidth", "IfmapSramSzkB", "FilterSramSzkB", "OfmapSramSzkB", "Dataflow"};

// The key of `section` closest to `key` compared case-insensitively, as SCALE-Sim spells it; "" if
// none is close ("did you mean" hints).
std::string closest_key(const std::string& key, const std::string& section) {
  std::vector<std::string> lowered, canonical;
  for (const auto& r : rules())
    if (r.section == section) {
      lowered.push_back(core::lower(r.key));
      canonical.push_back(r.key);
    }
  const std::string hint = core::did_you_mean(core::lower(key), lowered);
  for (std::size_t i = 0; i < lowered.size(); ++i)
    if (hint == "did you mean '" + lowered[i] + "'?") return canonical[i];
  return "";
}

std::string hint_for(const std::string& name) { return name.empty() ? "" : "did you mean '" + name + "'?"; }

// Reads one .cfg file, collecting every error before throwing.
class ConfigReader {
 public:
  explicit ConfigReader(std::string path) : path_(std::move(path)) {}

  // The file's sections and their entries, as written (malformed lines are left out).
  std::vector<IniSection> sections(const std::string& text) { return split_sections(text); }

  Spec read(const std::string& text) {
    auto sections = split_sections(text);
    std::map<std::string, int> seen;
    for (const auto& s : sections) {
      if (std::find(kSections.begin(), kSections.end(), s.name) == kSections.end()) {
        const std::string hint = core::did_you_mean(s.name, kSections);
        for (const auto& known : kSections)
          if (hint == hint_for(known)) hinted_.insert(known);
        error(s.line, 2, "", "unknown section [" + s.name + "]; SCALE-Sim's sections are [" + core::join(kSections, "], [") + "]", hint);
        continue;
      }
      if (seen.count(s.name))
        error(s.line, 2, "", "duplicate section [" + s.name + "] (first at line " + std::to_string(seen[s.name]) + ")");
      seen.emplace(s.name, s.line);
      read_section(s);
    }
    check_required(seen);
    sink_.throw_if_any();
    return build();
  }

 private:
  void error(int line, int column, const std::string& key, const std::string& message, const std::string& hint = {}) {
    sink_.error(core::SourceLoc{path_, line, column}, key, message, hint);
  }

  std::vector<IniSection> split_sections(const std::string& text) {
    std::vector<IniSection> sections;
    std::istringstream in(text);
    std::string raw;
    for (int n = 1; std::getline(in, raw); ++n) {
      if (n == 1 && raw.rfind("\xEF\xBB\xBF", 0) == 0) raw.erase(0, 3);  // UTF-8 byte order mark
      const std::string line = core::trim(raw);
      if (line.empty() || line[0] == '#' || line[0] == ';') continue;
      const int indent = static_cast<int>(raw.find_first_not_of(" \t"));
      if (line.front() == '[') {
        if (line.back() != ']' || line.size() < 3)
          error(n, indent + 1, "", "expected a section header such as [architecture_presets], found '" + line + "'");
        else sections.push_back({core::trim(line.substr(1, line.size() - 2)), n, {}});
        continue;
      }
      auto sep = raw.find_first_of(":=");
      if (sep == std::string::npos || core::trim(raw.substr(0, sep)).empty()) {
        error(n, indent + 1, "", "expected 'key: value' or 'key = value', found '" + line + "'");
        continue;
      }
      if (sections.empty()) {
        error(n, indent + 1, "", "expected a section header such as [architecture_presets] before the first key");
        continue;
      }
      auto value_start = raw.find_first_not_of(" \t", sep + 1);
      IniEntry e{core::trim(raw.substr(0, sep)), core::trim(raw.substr(sep + 1)), n, indent + 1,
                 static_cast<int>(value_start == std::string::npos ? sep + 2 : value_start + 1)};
      sections.back().entries.push_back(e);
    }
    return sections;
  }

  void read_section(const IniSection& s) {
    std::map<std::string, int> keys;  // lower-case key -> line
    for (const auto& e : s.entries) {
      const KeyRule* rule = nullptr;
      for (const auto& r : rules())
        if (r.section == s.name && core::lower(r.key) == core::lower(e.key)) rule = &r;
      if (!rule) {
        const std::string closest = closest_key(e.key, s.name);
        hinted_.insert(closest);
        error(e.line, e.key_column, s.name, "unknown key '" + e.key + "'", hint_for(closest));
        continue;
      }
      if (keys.count(core::lower(e.key))) {
        error(e.line, e.key_column, s.name,
              "duplicate key '" + e.key + "' (first at line " + std::to_string(keys[core::lower(e.key)]) + ")");
        continue;
      }
      keys.emplace(core::lower(e.key), e.line);
      given_.insert(rule->key);
      read_value(*rule, e, s.name + "." + e.key);
    }
  }

  void read_value(const KeyRule& rule, const IniEntry& e, const std::string& path) {
    auto bad = [&](const std::string& expected, const std::string& hint = {}) {
      error(e.line, e.value_column, path,
            "expected " + expected + ", found " + (e.value.empty() ? std::string("nothing") : "'" + e.value + "'"), hint);
    };
    const core::SourceLoc loc{path_, e.line, e.value_column};
    switch (rule.kind) {
      case Kind::positive_int:
      case Kind::offset:
      case Kind::banks: {
        auto v = core::parse_integer(e.value);
        bool ok = v && (rule.kind == Kind::offset ? *v >= 0 : *v > 0);
        if (!ok) return bad(rule.kind == Kind::offset ? "a non-negative integer" : "a positive integer");
        if (rule.kind == Kind::banks && *v != 1) return unsupported(e, path, rule.feature);
        ints_[rule.key] = *v;
        break;
      }
      case Kind::bandwidth: return read_bandwidth(e, path);
      case Kind::dataflow: {
        auto d = systolic_dataflow_from(e.value);
        if (!d) return bad("a dataflow (os, ws or is)", core::did_you_mean(core::lower(e.value), {"os", "ws", "is"}));
        dataflow_ = d;
        break;
      }
      case Kind::bw_mode:
        if (e.value != "CALC" && e.value != "USER") return bad("CALC or USER", core::did_you_mean(e.value, {"CALC", "USER"}));
        user_bandwidth_ = e.value == "USER";
        break;
      case Kind::off_flag:
        if (core::lower(e.value) != "true" && core::lower(e.value) != "false") return bad("true or false");
        if (core::lower(e.value) == "true") return unsupported(e, path, rule.feature);
        break;
      case Kind::text:
        if (rule.key == "run_name") run_name_ = e.value;
        break;
      case Kind::ignored: break;
      case Kind::unsupported: return unsupported(e, path, rule.feature);
    }
    where_[rule.key] = loc;
  }

  void unsupported(const IniEntry& e, const std::string& path, const std::string& feature) {
    error(e.line, e.key_column, path, "'" + e.key + ": " + e.value + "' is not supported: hwaware does not model " + feature);
  }

  // `Bandwidth: 10` or, with several memory banks, `Bandwidth: 10,10` (SCALE-Sim uses the first).
  void read_bandwidth(const IniEntry& e, const std::string& path) {
    std::istringstream in(e.value);
    std::string item;
    std::optional<double> first;
    bool ok = !e.value.empty();
    while (ok && std::getline(in, item, ',')) {
      auto v = core::parse_number(core::trim(item));
      ok = v && *v > 0;
      if (ok && !first) first = v;
    }
    if (!ok || !first) {
      error(e.line, e.value_column, path,
            "expected a bandwidth in words/cycle (a positive number), found " +
                (e.value.empty() ? std::string("nothing") : "'" + e.value + "'"));
      return;
    }
    bandwidth_ = first;
    where_["Bandwidth"] = core::SourceLoc{path_, e.line, e.value_column};
  }

  // Required keys that are absent (one error per absent section); a key or section an
  // unknown one was hinted at is not reported again.
  void check_required(const std::map<std::string, int>& seen) {
    std::vector<std::string> arch_keys;
    for (const auto& k : kRequired)
      if (!given_.count(k) && !hinted_.count(k)) arch_keys.push_back(k);
    if (user_bandwidth_.value_or(false) && !given_.count("Bandwidth") && !hinted_.count("Bandwidth")) arch_keys.push_back("Bandwidth");
    missing(seen, "architecture_presets", arch_keys);
    if (!given_.count("InterfaceBandwidth") && !hinted_.count("InterfaceBandwidth")) missing(seen, "run_presets", {"InterfaceBandwidth"});
  }

  void missing(const std::map<std::string, int>& seen, const std::string& section, const std::vector<std::string>& keys) {
    if (keys.empty() || hinted_.count(section)) return;
    auto s = seen.find(section);
    if (s == seen.end()) error(1, 1, "", "missing section [" + section + "] with " + core::join(keys, ", "));
    else
      for (const auto& k : keys) error(s->second, 1, section, "missing required key '" + k + "'");
  }

  Spec build() const;

  std::string path_;
  core::DiagnosticSink sink_;
  std::map<std::string, long long> ints_;         // canonical key -> value
  std::map<std::string, core::SourceLoc> where_;  // canonical key -> its value in the file (valid values)
  std::set<std::string> given_;                   // canonical keys present in the file
  std::set<std::string> hinted_;                  // keys and sections a "did you mean" named
  std::optional<double> bandwidth_;
  std::optional<SystolicDataflow> dataflow_;
  std::optional<bool> user_bandwidth_;
  std::string run_name_;
};

// An on-chip level of `words` one-byte words, one-word blocks, keeping one tensor.
StorageLevel keeping(const std::string& name, Technology tech, long long words, const std::string& keep, const core::SourceLoc& loc) {
  StorageLevel l;
  l.name = name;
  l.technology = tech;
  l.depth = words;
  l.word_bits = 8;
  l.block_size = 1;
  l.keep = {keep};
  for (const std::string t : {"Weights", "Inputs", "Outputs"})
    if (t != keep) l.bypass.push_back(t);
  l.loc = loc;
  return l;
}

// SCALE-Sim's SRAM of `kib` kB: kB x 1024 one-byte words (single_layer_sim.py).
StorageLevel sram(const std::string& name, long long kib, const std::string& keep, const core::SourceLoc& loc) {
  return keeping(name, Technology::sram, kib * 1024, keep, loc);
}

Spec ConfigReader::build() const {
  Spec spec;
  spec.loc = core::SourceLoc{path_, 1, 1};
  spec.name = run_name_.empty() ? std::filesystem::path(path_).stem().string() : run_name_;
  const long long rows = ints_.at("ArrayHeight"), cols = ints_.at("ArrayWidth");
  const SystolicDataflow df = *dataflow_;
  spec.systolic = SystolicSpec{rows, cols, df, where_.at("Dataflow")};

  StorageLevel dram;
  dram.name = "DRAM";
  dram.technology = Technology::dram;
  dram.word_bits = 8;
  dram.energy.dram_type = "LPDDR4";
  dram.loc = spec.loc;
  if (user_bandwidth_.value_or(false)) {
    dram.read_bandwidth = bandwidth_;
    dram.write_bandwidth = bandwidth_;
    dram.loc = where_.at("Bandwidth");
  }
  spec.levels.push_back(dram);
  spec.levels.push_back(sram("ifmap_sram", ints_.at("IfmapSramSzkB"), "Inputs", where_.at("IfmapSramSzkB")));
  spec.levels.push_back(sram("filter_sram", ints_.at("FilterSramSzkB"), "Weights", where_.at("FilterSramSzkB")));
  spec.levels.push_back(sram("ofmap_sram", ints_.at("OfmapSramSzkB"), "Outputs", where_.at("OfmapSramSzkB")));

  // The register each PE keeps its stationary operand in, below the rows x cols fan-out.
  const std::string kept = df == SystolicDataflow::os ? "Outputs" : df == SystolicDataflow::ws ? "Weights" : "Inputs";
  StorageLevel pe = keeping(df == SystolicDataflow::os   ? "pe_output"
                            : df == SystolicDataflow::ws ? "pe_weight"
                                                         : "pe_input",
                            Technology::regfile, 1, kept, where_.at("Dataflow"));
  pe.instances = rows * cols;
  pe.mesh_x = cols;  // x: ArrayWidth (columns), y: ArrayHeight (rows), as in the TPU-like preset
  pe.mesh_y = rows;
  spec.levels.push_back(pe);

  spec.compute.name = "mac";
  spec.compute.operand_bits = 8;
  spec.compute.instances = rows * cols;
  spec.compute.mesh_x = cols;
  spec.compute.mesh_y = rows;
  spec.compute.loc = where_.at("ArrayHeight");
  return spec;
}

}  // namespace

Spec read_scalesim_config(const std::string& text, const std::string& path) {
  if (text.find('\0') != std::string::npos)
    throw core::InputError(core::SourceLoc{path, 1, 1}, "", "expected a SCALE-Sim configuration (INI text), found binary data");
  return ConfigReader(path).read(text);
}

YAML::Node scalesim_config_tree(const std::string& text, const std::string& path) {
  YAML::Node tree(YAML::NodeType::Map);
  for (const auto& s : ConfigReader(path).sections(text)) {
    YAML::Node section = tree[s.name];
    if (!section.IsMap()) section = YAML::Node(YAML::NodeType::Map);
    for (const auto& e : s.entries) section[e.key] = e.value;
    tree[s.name] = section;
  }
  return tree;
}

std::string scalesim_config_text(const YAML::Node& tree) {
  std::string text;
  for (auto s = tree.begin(); s != tree.end(); ++s) {
    text += "[" + s->first.as<std::string>() + "]\n";
    for (auto e = s->second.begin(); e != s->second.end(); ++e)
      text += e->first.as<std::string>() + ": " + e->second.as<std::string>() + "\n";
  }
  return text;
}

Spec load_scalesim_config(const std::string& path) {
  return read_scalesim_config(core::read_text_file(path, "a SCALE-Sim configuration (INI text)"), path);
}

}  // namespace hwaware::arch
