// The Pareto front: no point on it is dominated, every point off it is dominated by one on it, and
// equal points stay together.

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "search/pareto.h"

using namespace hwaware;

TEST_CASE("the Pareto front contains no dominated point and loses no non-dominated one") {
  std::mt19937_64 rng(9);
  std::uniform_int_distribution<int> v(0, 6);  // few values: many ties and equal points
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<std::vector<double>> pts(40, std::vector<double>(4));
    for (auto& p : pts)
      for (auto& x : p) x = v(rng);
    const auto front = search::pareto_front(pts);
    REQUIRE(std::is_sorted(front.begin(), front.end()));
    for (std::size_t i = 0; i < pts.size(); ++i) {
      const bool on = std::binary_search(front.begin(), front.end(), i);
      bool dominated = false;
      for (const auto& q : pts) dominated = dominated || search::dominates(q, pts[i]);
      CHECK(on == !dominated);
      if (!on) {  // something on the front dominates it
        bool by_front = false;
        for (auto j : front) by_front = by_front || search::dominates(pts[j], pts[i]);
        CHECK(by_front);
      }
    }
  }
}

TEST_CASE("dominance needs no worse everywhere and better somewhere") {
  CHECK(search::dominates({1, 2, 3}, {1, 2, 4}));
  CHECK_FALSE(search::dominates({1, 2, 3}, {1, 2, 3}));
  CHECK_FALSE(search::dominates({0, 5}, {1, 4}));
  const auto front = search::pareto_front({{1, 1}, {1, 1}, {2, 0}, {2, 2}});
  CHECK(front == std::vector<std::size_t>{0, 1, 2});
}
