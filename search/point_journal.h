#pragma once
// The finished points of an exploration, one file per point (DIR/points/<index>.txt, written whole
// then renamed into place): a run killed at any moment loses only the points in progress, and a run
// started again on the same directory redoes none of the finished ones. A point's file holds its
// key (everything its result depends on); a file with another key, left by an edited space, is
// not reused. Several processes may record different points into one journal at once.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace hwaware::search {

// What a finished point's entry holds: its number of cells, the cells that must be numbers (its
// costs) and those that may also be empty (an accuracy not measured).
struct EntryShape {
  std::size_t cells = 0;
  std::vector<std::size_t> numbers, numbers_or_empty;
};

class PointJournal {
 public:
  explicit PointJournal(std::string dir);  // creates DIR/points
  // The cells recorded for point `index` under `key`, if its entry is whole and of `shape`; an
  // entry of another shape (a file damaged or edited by hand) is not a finished point.
  std::optional<std::vector<std::string>> find(std::size_t index, const std::string& key, const EntryShape& shape) const;
  void record(std::size_t index, const std::string& key, const std::vector<std::string>& cells) const;
  // Where a point's own files go (NetAdapt's checkpoint, a pruned network): DIR/points/<index>/.
  std::string point_dir(std::size_t index) const;

 private:
  std::string file(std::size_t index) const;
  std::string dir_;
};

}  // namespace hwaware::search
