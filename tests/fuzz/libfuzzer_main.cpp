// libFuzzer's entry point for one target, named at compile time (HWAWARE_FUZZ_TARGET): built by
// clang with -fsanitize=fuzzer in build-fuzz/ (scripts/fuzz).
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto& target = hwaware::fuzz::fuzz_target(HWAWARE_FUZZ_TARGET);
  (void)hwaware::fuzz::run_input(target, {reinterpret_cast<const char*>(data), size});
  return 0;
}
