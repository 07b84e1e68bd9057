#pragma once
// Small text helpers shared by readers: edit distance for "did you mean" hints, joining.

#include <string>
#include <vector>

namespace hwaware::core {

std::size_t edit_distance(const std::string& a, const std::string& b);

// "did you mean 'x'?" for the closest candidate within a sensible distance, else "".
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

std::string join(const std::vector<std::string>& items, const std::string& sep);

}  // namespace hwaware::core
