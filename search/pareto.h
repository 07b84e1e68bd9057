#pragma once
// The Pareto front of a set of points, every objective to be minimised (negate one to be
// maximised, such as accuracy): the points no other point dominates. Point a dominates b when a is
// no worse than b in every objective and better in at least one; equal points do not dominate
// each other, so both stay on the front.

#include <cstddef>
#include <vector>

namespace hwaware::search {

bool dominates(const std::vector<double>& a, const std::vector<double>& b);

// Indices of the non-dominated points, in increasing order.
std::vector<std::size_t> pareto_front(const std::vector<std::vector<double>>& costs);

}  // namespace hwaware::search
