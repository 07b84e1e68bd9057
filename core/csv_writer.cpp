#include "core/csv_writer.h"

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "core/diagnostics.h"

namespace hwaware::core {

std::string format_number(double v) {
  if (std::isfinite(v) && std::fabs(v) < 9e15 && v == std::floor(v)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

static std::string quote(const std::string& cell) {
  if (cell.find_first_of(",\"\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

CsvWriter::CsvWriter(const std::string& path, const std::vector<std::string>& header) : out_(path) { row(header); }

void CsvWriter::row(const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) out_ << (i ? "," : "") << quote(cells[i]);
  out_ << "\n";
}

void write_csv_file(const std::string& path, const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  {
    CsvWriter csv(path + ".tmp", header);
    for (const auto& r : rows) csv.row(r);
    if (!csv.good()) throw InputError(SourceLoc{path, 0, 0}, "", "cannot write the file");
  }
  std::filesystem::rename(path + ".tmp", path);
}

}  // namespace hwaware::core
