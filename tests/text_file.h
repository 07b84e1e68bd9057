#pragma once
// Test helper: a whole text file as a string (reference outputs read by the tests).

#include <fstream>
#include <sstream>
#include <string>

namespace hwaware::test {

inline std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace hwaware::test
