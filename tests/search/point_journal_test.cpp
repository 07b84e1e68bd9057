// The exploration journal: a recorded point comes back only under its own key, whole, and a
// journal reopened on the same directory finds it.

#include <catch2/catch.hpp>

#include <filesystem>

#include "search/point_journal.h"

using namespace hwaware;

namespace {
const search::EntryShape kShape{4, {3}, {1, 2}};  // four cells: a cost, and two that may be empty
}  // namespace

TEST_CASE("a journalled point is found again only under its own key") {
  const auto dir = (std::filesystem::temp_directory_path() / "hwaware-journal-test").string();
  std::filesystem::remove_all(dir);
  {
    const search::PointJournal j(dir);
    CHECK_FALSE(j.find(3, "k", kShape));
    j.record(3, "k", {"3", "128", "", "1.5e-05"});
  }
  const search::PointJournal reopened(dir);
  const auto cells = reopened.find(3, "k", kShape);
  REQUIRE(cells);
  CHECK(*cells == std::vector<std::string>{"3", "128", "", "1.5e-05"});
  CHECK_FALSE(reopened.find(3, "another space", kShape));
  CHECK_FALSE(reopened.find(4, "k", kShape));
  CHECK_FALSE(std::filesystem::exists(dir + "/points/3.txt.tmp"));
}

TEST_CASE("a journal entry of another shape than a finished point's is not one, so the point runs again") {
  const auto dir = (std::filesystem::temp_directory_path() / "hwaware-journal-shape-test").string();
  std::filesystem::remove_all(dir);
  const search::PointJournal j(dir);
  j.record(0, "k", {"3", "128", "", "1.5e-05"});
  CHECK(j.find(0, "k", kShape));
  j.record(0, "k", {"3", "128", ""});  // a cell short
  CHECK_FALSE(j.find(0, "k", kShape));
  j.record(0, "k", {"3", "128", "", "n/a"});  // no number where the cost is
  CHECK_FALSE(j.find(0, "k", kShape));
  j.record(0, "k", {"3", "x", "", "1"});  // neither a number nor empty
  CHECK_FALSE(j.find(0, "k", kShape));
}
