// Numbers and counts from inputs: full range or refused, never wrapped, saturated, inf or nan;
// products checked; output files written whole or not at all.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <limits>

#include "core/checked.h"
#include "core/diagnostics.h"
#include "core/output_file.h"
#include "core/units.h"

using namespace hwaware::core;

TEST_CASE("integers are read into their full 64-bit range or refused, never saturated or wrapped", "[checked]") {
  CHECK(parse_integer("9223372036854775807") == std::numeric_limits<long long>::max());
  CHECK(parse_integer("-9223372036854775808") == std::numeric_limits<long long>::min());
  CHECK_FALSE(parse_integer("9223372036854775808"));
  CHECK_FALSE(parse_integer("99999999999999999999"));
  CHECK(parse_integer("1e3") == 1000);
  CHECK_FALSE(parse_integer("1e19"));  // integral, but beyond 64 bits
  CHECK_FALSE(parse_integer("1e999"));
  CHECK_FALSE(parse_integer("16.5"));
  CHECK(number_problem("99999999999999999999") == "beyond the range of a 64-bit integer");
}

TEST_CASE("inf, nan and numbers beyond a double's range are not numbers", "[checked]") {
  for (const char* text : {"inf", "-inf", "nan", "NaN", "infinity", "1e999", "-1e400"}) {
    INFO(text);
    CHECK_FALSE(parse_number(text));
    CHECK_FALSE(number_problem(text).empty());
  }
  CHECK(parse_number("1e-400") == 0.0);  // an underflow is the nearest number, 0
  CHECK(number_problem("abc").empty());  // simply not a number: no extra reason
}

TEST_CASE("a quantity whose unit takes it beyond a double's range is refused", "[checked]") {
  CHECK_THAT(parse_quantity("1e999GHz", UnitKind::frequency_hz).error, Catch::Contains("beyond the range of a number"));
  CHECK_THAT(parse_quantity("1e308GHz", UnitKind::frequency_hz).error, Catch::Contains("beyond the range of a number"));
  CHECK_THAT(parse_quantity("nanpJ", UnitKind::energy_pj).error, Catch::Contains("expected an energy"));
}

TEST_CASE("products beyond 64 bits are refused, and counts beyond 2^53", "[checked]") {
  CHECK(checked_mul(1LL << 31, 1LL << 31) == 1LL << 62);
  CHECK_FALSE(checked_mul(1LL << 32, 1LL << 32));
  CHECK_FALSE(checked_add(std::numeric_limits<long long>::max(), 1));
  CHECK(checked_product({2, 3, 7}) == 42);
  CHECK_FALSE(checked_product({1LL << 40, 1LL << 20, 1LL << 4}));
  CHECK(checked_count({1LL << 26, 1LL << 27}) == kMaxCount);
  CHECK_FALSE(checked_count({1LL << 27, 1LL << 27}));
  // (4 + 2^60) x 16 wraps to 64: saturated, it can never equal a layer's size.
  CHECK(saturating_mul(4 + (1LL << 60), 16) == std::numeric_limits<long long>::max());
}

TEST_CASE("an output file appears whole under its name or not at all", "[checked]") {
  const auto dir = std::filesystem::temp_directory_path() / "hwaware_output_file_test";
  std::filesystem::remove_all(dir);
  prepare_output_dir(dir.string());
  const std::string path = (dir / "out.csv").string();
  {
    OutputFile f(path);
    f.out() << "a,b\n";
    f.close();
    CHECK_FALSE(std::filesystem::exists(path));  // closed, not yet published
  }
  CHECK_FALSE(std::filesystem::exists(path));  // never published: nothing, not even the temporary
  CHECK_FALSE(std::filesystem::exists(path + ".tmp"));
  write_output_file(path, "a,b\n1,2\n");
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text == "a,b\n1,2\n");
  CHECK_FALSE(std::filesystem::exists(path + ".tmp"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("an output directory that cannot be made is an input error naming it", "[checked]") {
  const auto file = std::filesystem::temp_directory_path() / "hwaware_output_dir_blocked";
  std::ofstream(file) << "in the way\n";
  CHECK_THROWS_AS(prepare_output_dir(file.string()), InputError);
  CHECK_THROWS_AS(prepare_output_dir((file / "sub").string()), InputError);
  CHECK_THROWS_AS(OutputFile((file / "x.csv").string()), InputError);
  std::filesystem::remove(file);
}
