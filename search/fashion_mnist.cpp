#include "search/fashion_mnist.h"

#include <zlib.h>

#include <filesystem>

#include "core/diagnostics.h"

namespace hwaware::search {
namespace {

// A gzipped file read whole; empty when it cannot be opened.
std::vector<std::uint8_t> gunzip(const std::string& path) {
  std::vector<std::uint8_t> data;
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return data;
  std::uint8_t buf[1 << 16];
  int n = 0;
  while ((n = gzread(f, buf, sizeof buf)) > 0) data.insert(data.end(), buf, buf + n);
  gzclose(f);
  return data;
}

std::uint32_t big_endian(const std::vector<std::uint8_t>& d, std::size_t at) {
  return (std::uint32_t{d[at]} << 24) | (std::uint32_t{d[at + 1]} << 16) | (std::uint32_t{d[at + 2]} << 8) | d[at + 3];
}

[[noreturn]] void bad(const std::string& path, const std::string& message) {
  throw core::InputError(core::SourceLoc{path, 0, 0}, "", message);
}

// An IDX file of `dims` dimensions (1: labels, 3: images); returns its sizes and bytes.
std::vector<std::uint8_t> read_idx(const std::string& path, int dims, std::vector<long long>& sizes) {
  if (!std::filesystem::exists(path))
    bad(path, "the Fashion-MNIST data set is missing: install Debian's dataset-fashion-mnist (scripts/setup does it)");
  auto d = gunzip(path);
  const std::size_t header = 4 + 4 * static_cast<std::size_t>(dims);
  if (d.size() < header || big_endian(d, 0) != (0x0800u | static_cast<std::uint32_t>(dims)))
    bad(path, "expected a gzipped IDX file of " + std::to_string(dims) + " dimension(s), found something else");
  long long expected = 1;
  sizes.clear();
  for (int i = 0; i < dims; ++i) {
    sizes.push_back(big_endian(d, 4 + 4 * static_cast<std::size_t>(i)));
    expected *= sizes.back();
  }
  if (static_cast<long long>(d.size() - header) != expected)
    bad(path, "expected " + std::to_string(expected) + " bytes of data, found " + std::to_string(d.size() - header));
  return std::vector<std::uint8_t>(d.begin() + static_cast<long>(header), d.end());
}

ImageSet read_set(const std::string& dir, const std::string& prefix) {
  ImageSet s;
  std::vector<long long> image_sizes, label_sizes;
  s.pixels = read_idx(dir + "/" + prefix + "-images-idx3-ubyte.gz", 3, image_sizes);
  s.labels = read_idx(dir + "/" + prefix + "-labels-idx1-ubyte.gz", 1, label_sizes);
  s.count = image_sizes[0];
  s.rows = image_sizes[1];
  s.cols = image_sizes[2];
  if (label_sizes[0] != s.count)
    bad(dir + "/" + prefix + "-labels-idx1-ubyte.gz", "expected " + std::to_string(s.count) + " labels, one per image");
  for (auto label : s.labels)
    if (label > 9) bad(dir + "/" + prefix + "-labels-idx1-ubyte.gz", "expected labels 0..9, found " + std::to_string(label));
  return s;
}

}  // namespace

FashionMnist load_fashion_mnist(const std::string& dir) { return FashionMnist{read_set(dir, "train"), read_set(dir, "t10k")}; }

}  // namespace hwaware::search
