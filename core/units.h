#pragma once
// Units written with numbers ("108KiB", "200MHz", "0.8pJ", "65nm"): parsing into base units.
// Base units: bits, Hz, pJ, seconds, nm, um^2, words/cycle.

#include <optional>
#include <string>

namespace hwaware::core {

enum class UnitKind { size_bits, frequency_hz, energy_pj, time_s, length_nm, area_um2, words_per_cycle, cycles, conductance_us };

// Human description of a kind with examples, for error messages ("a size such as 108KiB or 64b").
std::string describe(UnitKind kind);

struct ParsedQuantity {
  double value = 0;   // in the base unit of the kind
  std::string error;  // empty when parsed; else what was wrong ("no unit", "unknown unit 'Kb'")
};

// Parses "<number><unit>" (a space between is allowed). A bare number is an error: units are
// part of the value in hwaware's own formats.
ParsedQuantity parse_quantity(const std::string& text, UnitKind kind);

// Parses a plain number (integer or decimal, optional exponent); nullopt if it is not one. A number
// must be finite: "inf", "nan" and values beyond a double's range ("1e999") are refused, and an
// integer must fit 64 bits (never saturated or wrapped).
std::optional<double> parse_number(const std::string& text);
std::optional<long long> parse_integer(const std::string& text);
// Why a text that looks like a number was refused ("beyond the range of a 64-bit integer", "a
// finite number is required"); empty when it is simply not a number.
std::string number_problem(const std::string& text);

}  // namespace hwaware::core
