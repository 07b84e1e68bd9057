// The exploration journal: a recorded point comes back only under its own key, whole, and a
// journal reopened on the same directory finds it.

#include <catch2/catch.hpp>

#include <filesystem>

#include "search/point_journal.h"

using namespace hwaware;

TEST_CASE("a journalled point is found again only under its own key") {
  const auto dir = (std::filesystem::temp_directory_path() / "hwaware-journal-test").string();
  std::filesystem::remove_all(dir);
  {
    const search::PointJournal j(dir);
    CHECK_FALSE(j.find(3, "k"));
    j.record(3, "k", {"3", "128", "", "1.5e-05"});
  }
  const search::PointJournal reopened(dir);
  const auto cells = reopened.find(3, "k");
  REQUIRE(cells);
  CHECK(*cells == std::vector<std::string>{"3", "128", "", "1.5e-05"});
  CHECK_FALSE(reopened.find(3, "another space"));
  CHECK_FALSE(reopened.find(4, "k"));
  CHECK_FALSE(std::filesystem::exists(dir + "/points/3.txt.tmp"));
}
