#pragma once
// Checked arithmetic for sizes and counts that come from inputs: a sum or product that does not
// fit 64 bits is refused (nullopt), never wrapped. Readers and validation report the line that
// made it too large; the models then compute within range.

#include <initializer_list>
#include <limits>
#include <optional>

namespace hwaware::core {

inline std::optional<long long> checked_mul(long long a, long long b) {
  long long out = 0;
  if (__builtin_mul_overflow(a, b, &out)) return std::nullopt;
  return out;
}

inline std::optional<long long> checked_add(long long a, long long b) {
  long long out = 0;
  if (__builtin_add_overflow(a, b, &out)) return std::nullopt;
  return out;
}

// a x b, or the largest long long when that does not fit (for factors >= 1 compared against a size).
inline long long saturating_mul(long long a, long long b) {
  long long out = 0;
  return __builtin_mul_overflow(a, b, &out) ? std::numeric_limits<long long>::max() : out;
}

inline std::optional<long long> checked_product(std::initializer_list<long long> factors) {
  long long out = 1;
  for (long long f : factors)
    if (__builtin_mul_overflow(out, f, &out)) return std::nullopt;
  return out;
}

// The largest size or count a description may make: 2^53, the largest integer a double holds
// exactly, so that every count the models derive from it (and price as a double) stays exact and
// within 64 bits. A layer of 2^53 MACs is some 10^4 times any network's layer.
constexpr long long kMaxCount = 1LL << 53;
inline const char* kMaxCountText = "2^53 (9007199254740992), the largest count hwaware keeps exact";

// The product when it is at most kMaxCount, else nullopt.
inline std::optional<long long> checked_count(std::initializer_list<long long> factors) {
  auto p = checked_product(factors);
  if (!p || *p > kMaxCount) return std::nullopt;
  return p;
}

}  // namespace hwaware::core
