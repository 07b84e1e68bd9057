#include "core/units.h"

#include "core/text.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>
#include <vector>

namespace hwaware::core {
namespace {

struct UnitTable {
  UnitKind kind;
  std::vector<std::pair<std::string, double>> units;  // suffix -> factor to base unit
};

const std::vector<UnitTable>& tables() {
  static const std::vector<UnitTable> t = {
      {UnitKind::size_bits,
       {{"b", 1},
        {"bit", 1},
        {"bits", 1},
        {"B", 8},
        {"KiB", 8.0 * 1024},
        {"MiB", 8.0 * 1024 * 1024},
        {"GiB", 8.0 * 1024 * 1024 * 1024},
        {"Kib", 1024},
        {"Mib", 1024.0 * 1024},
        {"kB", 8e3},
        {"MB", 8e6},
        {"GB", 8e9}}},
      {UnitKind::frequency_hz, {{"Hz", 1}, {"kHz", 1e3}, {"MHz", 1e6}, {"GHz", 1e9}}},
      {UnitKind::energy_pj, {{"fJ", 1e-3}, {"pJ", 1}, {"nJ", 1e3}, {"uJ", 1e6}, {"mJ", 1e9}, {"J", 1e12}}},
      {UnitKind::time_s, {{"ps", 1e-12}, {"ns", 1e-9}, {"us", 1e-6}, {"ms", 1e-3}, {"s", 1}}},
      {UnitKind::length_nm, {{"nm", 1}, {"um", 1e3}, {"mm", 1e6}}},
      {UnitKind::area_um2, {{"um2", 1}, {"um^2", 1}, {"mm2", 1e6}, {"mm^2", 1e6}}},
      {UnitKind::words_per_cycle, {{"words/cycle", 1}, {"word/cycle", 1}}},
      {UnitKind::cycles, {{"cycles", 1}, {"cycle", 1}}},
      {UnitKind::conductance_us, {{"nS", 1e-3}, {"uS", 1}, {"mS", 1e3}, {"S", 1e6}}},
  };
  return t;
}

const UnitTable& table_for(UnitKind kind) {
  for (const auto& t : tables())
    if (t.kind == kind) return t;
  return tables().front();
}

}  // namespace

std::string describe(UnitKind kind) {
  switch (kind) {
    case UnitKind::size_bits: return "a size with its unit, such as 108KiB, 512B or 64b";
    case UnitKind::frequency_hz: return "a frequency with its unit, such as 200MHz or 1GHz";
    case UnitKind::energy_pj: return "an energy with its unit, such as 0.8pJ or 12fJ";
    case UnitKind::time_s: return "a time with its unit, such as 1ns or 20ps";
    case UnitKind::length_nm: return "a length with its unit, such as 65nm";
    case UnitKind::area_um2: return "an area with its unit, such as 120um2 or 1.5mm2";
    case UnitKind::words_per_cycle: return "a bandwidth with its unit, such as 16words/cycle";
    case UnitKind::cycles: return "a number of cycles with its unit, such as 100cycles";
    case UnitKind::conductance_us: return "a conductance with its unit, such as 100uS";
  }
  return "a quantity with its unit";
}

namespace {

enum class Strtod { number, not_a_number, beyond_range };

// All of `s` as a double: "inf", "nan" and numbers beyond a double's range ("1e999") are not numbers
// a description can hold (an underflow to almost 0 is kept).
Strtod read_double(const std::string& s, double& v) {
  char* end = nullptr;
  errno = 0;
  v = std::strtod(s.c_str(), &end);
  if (s.empty() || end == s.c_str() || *end != '\0') return Strtod::not_a_number;
  if (!std::isfinite(v) || (errno == ERANGE && std::fabs(v) > 1)) return Strtod::beyond_range;
  return Strtod::number;
}

}  // namespace

std::optional<double> parse_number(const std::string& text) {
  double v = 0;
  if (read_double(trim(text), v) != Strtod::number) return std::nullopt;
  return v;
}

std::optional<long long> parse_integer(const std::string& text) {
  std::string s = trim(text);
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  long long v = std::strtoll(s.c_str(), &end, 10);
  if (end != s.c_str() && *end == '\0') {
    if (errno == ERANGE) return std::nullopt;  // strtoll saturates; the value is not what was written
    return v;
  }
  // Accept integral values written as decimals/exponents ("1e3", "16.0"), within range.
  auto d = parse_number(s);
  constexpr double two_63 = 9223372036854775808.0;
  if (!d || *d < -two_63 || *d >= two_63 || *d != std::trunc(*d)) return std::nullopt;
  return static_cast<long long>(*d);
}

std::string number_problem(const std::string& text) {
  std::string s = lower(trim(text));
  std::size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  if (s.compare(i, 3, "inf") == 0 || s.compare(i, 3, "nan") == 0) return "a finite number is required";
  if (s.find_first_not_of("+-0123456789.e") != std::string::npos || s.find_first_of("0123456789") == std::string::npos) return {};
  double v = 0;
  const Strtod r = read_double(s, v);
  if (r == Strtod::beyond_range) return "beyond the range of a number";
  if (r == Strtod::not_a_number || v != std::trunc(v)) return {};
  return "beyond the range of a 64-bit integer";
}

ParsedQuantity parse_quantity(const std::string& text, UnitKind kind) {
  std::string s = trim(text);
  size_t i = 0;
  // Number part: sign, digits, dot, exponent.
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E') && i + 1 < s.size() &&
      (std::isdigit(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '-' || s[i + 1] == '+')) {
    i += 2;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  }
  auto number = parse_number(s.substr(0, i));
  if (!number) {
    std::string why = number_problem(s.substr(0, i));
    return {0, "expected " + describe(kind) + ", found '" + text + "'" + (why.empty() ? "" : " (" + why + ")")};
  }
  std::string unit = trim(s.substr(i));
  if (unit.empty()) return {0, "expected " + describe(kind) + ", found '" + text + "' (a number without its unit)"};
  for (const auto& [suffix, factor] : table_for(kind).units) {
    if (suffix != unit) continue;
    if (!std::isfinite(*number * factor))
      return {0, "expected " + describe(kind) + ", found '" + text + "' (beyond the range of a number)"};
    return {*number * factor, {}};
  }
  std::string known;
  for (const auto& [suffix, factor] : table_for(kind).units) known += (known.empty() ? "" : ", ") + suffix;
  return {0, "expected " + describe(kind) + ", found unknown unit '" + unit + "' in '" + text + "' (known: " + known + ")"};
}

}  // namespace hwaware::core
