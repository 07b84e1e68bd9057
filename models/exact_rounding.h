#pragma once
// std::round, std::floor and std::ceil for the models' counts, inline: on baseline x86-64 the
// libm ones are function calls, and a search evaluates millions of counts. Same results as
// std:: for every finite double (a double of magnitude 2^52 or more is already an integer),
// except that a negative value that rounds to zero gives +0.

#include <cmath>

namespace hwaware::model {

namespace detail {
constexpr double kTwoTo52 = 4503599627370496.0;
inline double truncate(double x) { return static_cast<double>(static_cast<long long>(x)); }  // |x| < 2^52
}  // namespace detail

// Nearest integer, halves away from zero (std::round).
inline double round_count(double x) {
  if (!(std::fabs(x) < detail::kTwoTo52)) return x;
  const double t = detail::truncate(x);
  const double d = x - t;  // exact
  if (d >= 0.5) return t + 1;
  if (d <= -0.5) return t - 1;
  return t;
}

inline double floor_count(double x) {
  if (!(std::fabs(x) < detail::kTwoTo52)) return x;
  const double t = detail::truncate(x);
  return t > x ? t - 1 : t;
}

inline double ceil_count(double x) {
  if (!(std::fabs(x) < detail::kTwoTo52)) return x;
  const double t = detail::truncate(x);
  return t < x ? t + 1 : t;
}

}  // namespace hwaware::model
