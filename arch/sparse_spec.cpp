#include "arch/sparse_spec.h"

#include <algorithm>
#include <cctype>

namespace hwaware::arch {

std::string to_string(RankFormat f) {
  switch (f) {
    case RankFormat::uncompressed: return "U";
    case RankFormat::uop: return "UOP";
    case RankFormat::cp: return "CP";
    case RankFormat::rle: return "RLE";
    case RankFormat::bitmask: return "B";
  }
  return "?";
}

std::optional<RankFormat> rank_format_named(const std::string& name) {
  std::string up = name;
  std::transform(up.begin(), up.end(), up.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  for (RankFormat f : {RankFormat::uncompressed, RankFormat::uop, RankFormat::cp, RankFormat::rle, RankFormat::bitmask})
    if (up == to_string(f)) return f;
  return std::nullopt;
}

const std::vector<std::string>& rank_format_names() {
  static const std::vector<std::string> names = {"U", "UOP", "CP", "RLE", "B"};
  return names;
}

bool TensorFormat::compressed() const {
  return std::any_of(ranks.begin(), ranks.end(), [](const RankSpec& r) {
    return r.format == RankFormat::cp || r.format == RankFormat::rle || r.format == RankFormat::bitmask;
  });
}

std::string to_string(SafKind k) {
  switch (k) {
    case SafKind::gating: return "gating";
    case SafKind::skipping: return "skipping";
    case SafKind::spatial_skipping: return "spatial_skipping";
  }
  return "?";
}

std::optional<SafKind> saf_kind_named(const std::string& name) {
  for (SafKind k : {SafKind::gating, SafKind::skipping, SafKind::spatial_skipping})
    if (name == to_string(k)) return k;
  return std::nullopt;
}

const std::vector<std::string>& saf_kind_names() {
  static const std::vector<std::string> names = {"gating", "skipping", "spatial_skipping"};
  return names;
}

const TensorFormat* LevelSparsity::format_of(const std::string& tensor) const {
  for (const auto& f : formats)
    if (f.tensor == tensor) return &f;
  return nullptr;
}

}  // namespace hwaware::arch
