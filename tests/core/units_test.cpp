#include <catch2/catch.hpp>

#include "core/units.h"

using namespace hwaware::core;

TEST_CASE("sizes are read with binary and decimal units", "[units]") {
  CHECK(parse_quantity("108KiB", UnitKind::size_bits).value == Approx(108.0 * 1024 * 8));
  CHECK(parse_quantity("64b", UnitKind::size_bits).value == Approx(64));
  CHECK(parse_quantity("2 MB", UnitKind::size_bits).value == Approx(16e6));
}

TEST_CASE("frequencies energies and lengths are read in their base units", "[units]") {
  CHECK(parse_quantity("200MHz", UnitKind::frequency_hz).value == Approx(200e6));
  CHECK(parse_quantity("0.8pJ", UnitKind::energy_pj).value == Approx(0.8));
  CHECK(parse_quantity("12fJ", UnitKind::energy_pj).value == Approx(0.012));
  CHECK(parse_quantity("65nm", UnitKind::length_nm).value == Approx(65));
}

TEST_CASE("a number without its unit is an error that says so", "[units]") {
  auto q = parse_quantity("108", UnitKind::size_bits);
  CHECK_THAT(q.error, Catch::Contains("without its unit"));
}

TEST_CASE("an unknown unit is an error listing the known ones", "[units]") {
  auto q = parse_quantity("108Kb", UnitKind::size_bits);
  CHECK_THAT(q.error, Catch::Contains("unknown unit 'Kb'"));
  CHECK_THAT(q.error, Catch::Contains("KiB"));
}
