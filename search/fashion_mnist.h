#pragma once
// Fashion-MNIST (Xiao, Rasul, Vollgraf, 2017) as Debian's dataset-fashion-mnist installs it: four
// gzipped IDX files (60,000 training and 10,000 test images of 28x28 grey pixels, labels 0..9),
// read directly.

#include <cstdint>
#include <string>
#include <vector>

namespace hwaware::search {

struct ImageSet {
  long long count = 0, rows = 0, cols = 0;
  std::vector<std::uint8_t> pixels;  // count x rows x cols, row-major
  std::vector<std::uint8_t> labels;  // count
};

struct FashionMnist {
  ImageSet train, test;
};

constexpr const char* kFashionMnistDir = "/usr/share/datasets/fashion-mnist";

// Throws core::InputError when a file is missing (naming the Debian package that installs it) or
// is not the IDX file it should be.
FashionMnist load_fashion_mnist(const std::string& dir = kFashionMnistDir);

}  // namespace hwaware::search
