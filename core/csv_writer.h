#pragma once
// CSV writer with deterministic number formatting (shortest round-trip text), so outputs can be
// compared across runs and machines.

#include <ostream>
#include <string>
#include <vector>

namespace hwaware::core {

// Deterministic text for a double: integers print without a fraction, others with up to 10
// significant digits.
std::string format_number(double v);

// Rows of a CSV table onto a stream (an OutputFile's, core/output_file.h, for a file).
class CsvWriter {
 public:
  CsvWriter(std::ostream& out, const std::vector<std::string>& header);
  void row(const std::vector<std::string>& cells);

 private:
  std::ostream& out_;
};

// Writes a whole CSV file safely (core/output_file.h): a run stopped or failing while writing never
// leaves a partial file under the real name. Throws InputError when it cannot be written.
void write_csv_file(const std::string& path, const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

}  // namespace hwaware::core
