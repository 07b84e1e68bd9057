#include "workloads/scalesim_topology.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "core/diagnostics.h"
#include "core/text.h"
#include "core/units.h"

namespace hwaware::workload {
namespace {

// One line of the file split at commas; fields are trimmed, a trailing comma adds no field.
struct CsvRow {
  int line = 0;
  std::vector<std::string> fields;
  bool blank() const { return fields.empty() || (fields.size() == 1 && fields[0].empty()); }
};

std::vector<CsvRow> split_rows(const std::string& text) {
  std::vector<CsvRow> rows;
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (n == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // UTF-8 byte order mark
    CsvRow row;
    row.line = n;
    std::string field;
    std::istringstream fields(line);
    while (std::getline(fields, field, ',')) row.fields.push_back(core::trim(field));
    if (row.fields.size() > 1 && row.fields.back().empty()) row.fields.pop_back();  // "x, " after the last comma
    rows.push_back(row);
  }
  return rows;
}

const std::vector<std::string> kConvColumns = {"Layer name",   "IFMAP Height", "IFMAP Width", "Filter Height",
                                               "Filter Width", "Channels",     "Num Filter",  "Strides"};
const std::vector<std::string> kConvColumnsHW = {"Layer name", "IFMAP Height", "IFMAP Width",   "Filter Height", "Filter Width",
                                                 "Channels",   "Num Filter",   "Stride Height", "Stride Width"};
const std::vector<std::string> kGemmColumns = {"Layer name", "M", "N", "K"};

enum class Form { conv, gemm };

// Reads the rows of one file, collecting every error before throwing.
class TopologyReader {
 public:
  explicit TopologyReader(std::string path) : path_(std::move(path)) {}

  Network read(const std::string& text) {
    auto rows = split_rows(text);
    net_.name = std::filesystem::path(path_).stem().string();
    std::optional<Form> form;
    if (rows.empty() || rows[0].blank())
      error(1, 1, "", "expected a SCALE-Sim topology header (" + expected_headers() + "), found an empty line");
    else form = header(rows[0]);
    if (form) {
      for (std::size_t i = 1; i < rows.size(); ++i)
        if (!rows[i].blank()) *form == Form::conv ? conv_row(rows[i]) : gemm_row(rows[i]);
      if (net_.layers.empty() && sink_.empty()) error(1, 1, "", "expected at least one layer row after the header, found none");
    }
    sink_.throw_if_any();
    return net_;
  }

 private:
  static std::string expected_headers() {
    return "'" + core::join(kConvColumns, ", ") + ",' for convolutions or '" + core::join(kGemmColumns, ", ") + ",' for GEMMs";
  }

  void error(int line, int column, const std::string& key, const std::string& message) {
    sink_.error(core::SourceLoc{path_, line, column}, key, message);
  }

  std::optional<Form> header(const CsvRow& r) {
    std::vector<std::string> f;
    for (const auto& x : r.fields) f.push_back(core::lower(x));
    if (f.size() == 4 && f[1] == "m" && f[2] == "n" && f[3] == "k") return Form::gemm;
    if ((f.size() == 8 || f.size() == 9) && f[1].find("ifmap") != std::string::npos) return Form::conv;
    error(r.line, 1, "", "expected a SCALE-Sim topology header (" + expected_headers() + "), found '" + core::join(r.fields, ", ") + "'");
    return std::nullopt;
  }

  // Checks the field count; on a mismatch, points at the first missing or extra field.
  bool check_count(const CsvRow& r, std::size_t low, std::size_t high, const std::string& what) {
    std::size_t n = r.fields.size();
    if (n >= low && n <= high) return true;
    int column = static_cast<int>(n < low ? n + 1 : high + 1);
    error(r.line, column, "", "expected " + what + ", found " + std::to_string(n) + " field" + (n == 1 ? "" : "s"));
    return false;
  }

  // The layer name (field 1): present and unique.
  std::optional<std::string> name(const CsvRow& r) {
    const std::string& name = r.fields[0];
    if (name.empty()) {
      error(r.line, 1, "Layer name", "expected a layer name, found an empty field");
      return std::nullopt;
    }
    bool dup = std::find(names_.begin(), names_.end(), name) != names_.end();
    names_.push_back(name);  // also the names of rows with other errors
    if (dup) {
      error(r.line, 1, name, "duplicate layer name '" + name + "' (layer names must be unique)");
      return std::nullopt;
    }
    return name;
  }

  // Field i (0-based) as a positive integer.
  std::optional<long long> number(const CsvRow& r, std::size_t i, const std::string& column) {
    const std::string& text = r.fields[i];
    auto v = core::parse_integer(text);
    if (v && *v > 0) return v;
    error(r.line, static_cast<int>(i + 1), r.fields[0].empty() ? column : r.fields[0] + "." + column,
          "expected a positive integer, found " + (text.empty() ? std::string("an empty field") : "'" + text + "'"));
    return std::nullopt;
  }

  std::vector<long long> numbers(const CsvRow& r, const std::vector<std::string>& columns, bool& ok) {
    std::vector<long long> out;
    for (std::size_t i = 1; i < r.fields.size(); ++i) {
      auto v = number(r, i, columns[i]);
      ok = ok && v.has_value();
      out.push_back(v.value_or(1));
    }
    return out;
  }

  void conv_row(const CsvRow& r) {
    if (!check_count(r, 8, 9, "8 fields (" + core::join(kConvColumns, ", ") + ") or 9 (stride height and width apart)")) return;
    const auto& columns = r.fields.size() == 9 ? kConvColumnsHW : kConvColumns;
    auto layer_name = name(r);
    bool ok = layer_name.has_value();
    auto v = numbers(r, columns, ok);
    if (!ok) return;
    ConvParams p;
    p.in_height = v[0];
    p.in_width = v[1];
    p.kernel_h = v[2];
    p.kernel_w = v[3];
    p.stride_h = v[6];
    p.stride_w = v.size() == 8 ? v[7] : v[6];
    // SCALE-Sim splits a "DP" layer into one single-channel layer per channel, each with all filters.
    bool depthwise = layer_name->find("DP") != std::string::npos;
    p.in_channels = v[4];
    p.out_channels = depthwise ? v[4] * v[5] : v[5];
    p.groups = depthwise ? v[4] : 1;
    if (p.kernel_h > p.in_height || p.kernel_w > p.in_width) {
      int column = p.kernel_h > p.in_height ? 4 : 5;
      error(r.line, column, *layer_name + "." + columns[static_cast<std::size_t>(column - 1)],
            "the filter (" + std::to_string(p.kernel_h) + " x " + std::to_string(p.kernel_w) + ") is larger than the IFMAP (" +
                std::to_string(p.in_height) + " x " + std::to_string(p.in_width) + "); SCALE-Sim applies no padding");
      return;
    }
    // SCALE-Sim's output size is ceil((IFMAP - filter + stride) / stride) (topology_utils.py):
    // when the stride does not divide IFMAP - filter, its last window runs past the IFMAP. The
    // IFMAP is extended by those rows and columns so that the layer has SCALE-Sim's outputs and MACs.
    p.in_height += past_edge(p.in_height, p.kernel_h, p.stride_h);
    p.in_width += past_edge(p.in_width, p.kernel_w, p.stride_w);
    add_layer(r, *layer_name, "conv2d", conv2d_problem(*layer_name, p));
  }

  // Rows (or columns) SCALE-Sim's last window reads past an IFMAP of `in` with a filter of `k`.
  static long long past_edge(long long in, long long k, long long stride) {
    const long long out = (in - k + stride + stride - 1) / stride;  // ceil((in - k + stride) / stride)
    return (out - 1) * stride + k - in;
  }

  // A GEMM (M x K) * (K x N) is a 1x1 convolution: K input channels, N filters, over M pixels.
  void gemm_row(const CsvRow& r) {
    if (!check_count(r, 4, 4, "4 fields (" + core::join(kGemmColumns, ", ") + ")")) return;
    auto layer_name = name(r);
    bool ok = layer_name.has_value();
    auto v = numbers(r, kGemmColumns, ok);
    if (!ok) return;
    ConvParams p;
    p.in_height = v[0];
    p.out_channels = v[1];
    p.in_channels = v[2];
    add_layer(r, *layer_name, "gemm", conv2d_problem(*layer_name, p));
  }

  void add_layer(const CsvRow& r, const std::string& layer_name, const std::string& type, Problem problem) {
    Layer l;
    l.name = layer_name;
    l.type = type;
    l.problem = std::move(problem);
    l.loc = core::SourceLoc{path_, r.line, 1};
    net_.layers.push_back(std::move(l));
  }

  std::string path_;
  std::vector<std::string> names_;  // layer names seen so far
  core::DiagnosticSink sink_;
  Network net_;
};

}  // namespace

Network read_scalesim_topology(const std::string& text, const std::string& path) {
  if (text.find('\0') != std::string::npos)
    throw core::InputError(core::SourceLoc{path, 1, 1}, "", "expected a SCALE-Sim topology (CSV text), found binary data");
  return TopologyReader(path).read(text);
}

Network load_scalesim_topology(const std::string& path) {
  return read_scalesim_topology(core::read_text_file(path, "a SCALE-Sim topology (CSV text)"), path);
}

}  // namespace hwaware::workload
