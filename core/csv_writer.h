#pragma once
// CSV writer with deterministic number formatting (shortest round-trip text), so outputs can be
// compared across runs and machines.

#include <fstream>
#include <string>
#include <vector>

namespace hwaware::core {

// Deterministic text for a double: integers print without a fraction, others with up to 10
// significant digits.
std::string format_number(double v);

class CsvWriter {
 public:
  CsvWriter(const std::string& path, const std::vector<std::string>& header);
  void row(const std::vector<std::string>& cells);
  bool good() const { return out_.good(); }

 private:
  std::ofstream out_;
};

// Writes a whole CSV file: to PATH.tmp, then renamed into place, so that a run stopped while writing
// never leaves a partial file under the real name. Throws InputError when it cannot be written.
void write_csv_file(const std::string& path, const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

}  // namespace hwaware::core
