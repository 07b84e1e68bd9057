#pragma once
// Small text helpers shared by readers: edit distance for "did you mean" hints, joining.

#include <string>
#include <utility>
#include <vector>

namespace hwaware::core {

std::size_t edit_distance(const std::string& a, const std::string& b);

// "did you mean 'x'?" for the closest candidate within a sensible distance, else "".
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

std::string join(const std::vector<std::string>& items, const std::string& sep);

// The string without leading and trailing whitespace.
std::string trim(const std::string& s);

// The string in lower case (ASCII).
std::string lower(std::string s);

// The whole text of a file. Throws InputError when it cannot be read, and when it holds binary
// data ("expected <what>, found binary data"), with the file's name as the location.
std::string read_text_file(const std::string& path, const std::string& what);

// The whole content of a file, text or binary (weights files, for run keys). Throws InputError
// when it cannot be read.
std::string read_file_bytes(const std::string& path);

// FNV-1a (64 bits) of the text as 16 hex digits: a stable fingerprint for cache keys and run keys.
std::string fnv1a_hex(const std::string& text);

// Whitespace-separated tokens of a string.
std::vector<std::string> split_words(const std::string& text);

// Loop factors as Timeloop writes them, separated by spaces or commas: "C=1 M8", or "K=16,M=1" as
// its v0.4 front end joins a list of factors.
std::vector<std::string> split_factors(const std::string& text);

// A loop factor as Timeloop writes it: "R=3", "C1" -> (dimension, factor text). The factor text
// is empty when the token has no number; the caller parses and checks it.
std::pair<std::string, std::string> split_dim_factor(const std::string& token);

}  // namespace hwaware::core
