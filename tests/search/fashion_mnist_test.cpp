// Fashion-MNIST read from Debian's gzipped IDX files: 60,000 + 10,000 images of 28x28, labels
// 0..9 in equal numbers; a missing data set names the package to install.

#include <catch2/catch.hpp>

#include <array>

#include "core/diagnostics.h"
#include "search/fashion_mnist.h"

using namespace hwaware;

TEST_CASE("Fashion-MNIST has 60,000 training and 10,000 test images of 28x28, 10 balanced classes", "[search]") {
  const auto data = search::load_fashion_mnist();
  CHECK(data.train.count == 60000);
  CHECK(data.test.count == 10000);
  CHECK(data.train.rows == 28);
  CHECK(data.train.cols == 28);
  CHECK(data.train.pixels.size() == 60000u * 28 * 28);
  std::array<long long, 10> per_class{};
  for (auto l : data.test.labels) ++per_class[l];
  for (long long n : per_class) CHECK(n == 1000);
}

TEST_CASE("a missing Fashion-MNIST data set is an error that names the Debian package", "[search]") {
  try {
    search::load_fashion_mnist("/nonexistent/fashion-mnist");
    FAIL("expected an error");
  } catch (const core::InputError& e) {
    CHECK(e.diagnostics().front().message.find("dataset-fashion-mnist") != std::string::npos);
  }
}
