#include "core/csv_writer.h"

#include <cmath>
#include <cstdio>
#include "core/output_file.h"

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

CsvWriter::CsvWriter(std::ostream& out, const std::vector<std::string>& header) : out_(out) { row(header); }

void CsvWriter::row(const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) out_ << (i ? "," : "") << quote(cells[i]);
  out_ << "\n";
}

void write_csv_file(const std::string& path, const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  OutputFile file(path);
  CsvWriter csv(file.out(), header);
  for (const auto& r : rows) csv.row(r);
  file.publish();
}

}  // namespace hwaware::core
