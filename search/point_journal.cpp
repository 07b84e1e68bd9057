#include "search/point_journal.h"

#include <filesystem>
#include <fstream>

#include "core/diagnostics.h"
#include "core/output_file.h"
#include "core/units.h"

namespace hwaware::search {

PointJournal::PointJournal(std::string dir) : dir_(std::move(dir)) {
  core::prepare_output_dir((std::filesystem::path(dir_) / "points").string());
}

std::string PointJournal::file(std::size_t index) const {
  return (std::filesystem::path(dir_) / "points" / (std::to_string(index) + ".txt")).string();
}

std::string PointJournal::point_dir(std::size_t index) const {
  return (std::filesystem::path(dir_) / "points" / std::to_string(index)).string();
}

std::optional<std::vector<std::string>> PointJournal::find(std::size_t index, const std::string& key, const EntryShape& shape) const {
  std::ifstream in(file(index));
  std::string line;
  if (!in || !std::getline(in, line) || line != "key " + key) return std::nullopt;
  std::vector<std::string> cells;
  while (std::getline(in, line)) cells.push_back(line);
  if (cells.empty() || cells.back() != "end") return std::nullopt;  // cannot happen after a rename; a hand-edited file
  cells.pop_back();
  if (cells.size() != shape.cells) return std::nullopt;
  for (std::size_t c : shape.numbers)
    if (c >= cells.size() || !core::parse_number(cells[c])) return std::nullopt;
  for (std::size_t c : shape.numbers_or_empty)
    if (c >= cells.size() || (!cells[c].empty() && !core::parse_number(cells[c]))) return std::nullopt;
  return cells;
}

void PointJournal::record(std::size_t index, const std::string& key, const std::vector<std::string>& cells) const {
  core::OutputFile out(file(index));
  out.out() << "key " << key << "\n";
  for (const auto& c : cells) {
    if (c.find('\n') != std::string::npos) core::panic("a journal cell holds a newline: " + c);
    out.out() << c << "\n";
  }
  out.out() << "end\n";
  out.publish();
}

}  // namespace hwaware::search
