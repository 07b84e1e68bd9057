#include "mappings/crossbar_placement.h"

#include <algorithm>

namespace hwaware::mapping {
namespace {

long long ceil_div(long long a, long long b) { return (a + b - 1) / b; }

long long bound_of(const workload::Problem& p, const char* dim) {
  const int i = p.dim_index(dim);
  return i < 0 ? 1 : p.bounds[static_cast<std::size_t>(i)];
}

}  // namespace

CrossbarPlacement place_on_crossbars(const arch::PimSpec& pim, const workload::Problem& problem, long long copies) {
  CrossbarPlacement c;
  if (problem.data_space_index("Weights") < 0) {
    c.crossbars = 0;
    c.replicas = 0;
    return c;
  }
  c.groups = bound_of(problem, "G");
  c.rows = bound_of(problem, "C") * bound_of(problem, "R") * bound_of(problem, "S");
  c.cols = bound_of(problem, "M") * pim.weight_slices();
  c.vectors = bound_of(problem, "N") * bound_of(problem, "P") * bound_of(problem, "Q");
  c.row_blocks = ceil_div(c.rows, pim.rows);
  c.col_blocks = ceil_div(c.cols, pim.cols);
  if (c.row_blocks == 1 && c.col_blocks == 1) {
    // Whole groups side by side on the diagonal of one crossbar.
    c.groups_per_crossbar = std::min({pim.rows / c.rows, pim.cols / c.cols, c.groups});
    c.crossbars = ceil_div(c.groups, c.groups_per_crossbar);
  } else {
    c.crossbars = c.groups * c.row_blocks * c.col_blocks;
  }
  c.cells_used = c.groups * c.rows * c.cols;
  c.utilization = static_cast<double>(c.cells_used) / (static_cast<double>(c.crossbars) * static_cast<double>(pim.rows * pim.cols));
  // Partial row activation: a row block's column is read in turns of active_rows() rows.
  const long long active = pim.active_rows(), last_rows = c.rows - (c.row_blocks - 1) * pim.rows;
  c.row_reads = (c.row_blocks - 1) * ceil_div(pim.rows, active) + ceil_div(last_rows, active);
  c.reads_per_slice = ceil_div(std::min(pim.rows, c.rows * c.groups_per_crossbar), active);
  c.replicas = std::max(1LL, copies);
  c.fits = c.crossbars_used() <= pim.crossbars();
  return c;
}

}  // namespace hwaware::mapping
