// PIM crossbar placement, checked by hand (im2col: rows = C x R x S per group, cols = M x weight
// slices; arrays = ceil(rows / N) x ceil(cols / N); groups that fit share a crossbar's diagonal).
// 8-bit weights on 2-bit cells: 4 slices per weight.

#include <catch2/catch.hpp>

#include "mappings/crossbar_placement.h"
#include "models/small_layers.h"
#include "workloads/layer.h"

using namespace hwaware;

namespace {

arch::PimSpec crossbars(long long n, long long chip = 1000000) {
  arch::PimSpec p;
  p.rows = p.cols = n;
  p.cell.bits = 2;
  p.weight_bits = 8;
  p.tiles = chip;
  p.crossbars_per_tile = 1;
  return p;
}

}  // namespace

TEST_CASE("a 3x3 convolution spans ceil(576 / N) x ceil(256 / N) crossbars", "[pim]") {
  const auto pr = test::square_conv(64, 64, 16, 3);  // rows 64 x 9 = 576, cols 64 x 4 = 256
  auto small = mapping::place_on_crossbars(crossbars(128), pr);
  CHECK(small.rows == 576);
  CHECK(small.cols == 256);
  CHECK(small.row_blocks == 5);
  CHECK(small.col_blocks == 2);
  CHECK(small.crossbars == 10);
  CHECK(small.utilization == Approx(576.0 * 256 / (10 * 128 * 128)));  // 0.9
  CHECK(small.vectors == 256);                                         // 16 x 16 output pixels
  auto large = mapping::place_on_crossbars(crossbars(4096), pr);
  CHECK(large.crossbars == 1);
  CHECK(large.utilization == Approx(576.0 * 256 / (4096.0 * 4096)));
}

TEST_CASE("a 1x1 convolution is C rows by M x slices columns", "[pim]") {
  const auto pr = test::square_conv(256, 128, 14, 1);  // rows 256, cols 512
  auto small = mapping::place_on_crossbars(crossbars(128), pr);
  CHECK(small.crossbars == 2 * 4);
  CHECK(small.utilization == Approx(1.0));
  auto large = mapping::place_on_crossbars(crossbars(4096), pr);
  CHECK(large.crossbars == 1);
  CHECK(large.utilization == Approx(256.0 * 512 / (4096.0 * 4096)));
  CHECK(large.vectors == 14 * 14);
}

TEST_CASE("depthwise groups share a crossbar's diagonal, so they map at every size", "[pim]") {
  const auto pr = test::square_conv(32, 32, 28, 3, 32);  // 32 groups of rows 9, cols 4
  auto small = mapping::place_on_crossbars(crossbars(128), pr);
  CHECK(small.groups == 32);
  CHECK(small.rows == 9);
  CHECK(small.cols == 4);
  CHECK(small.groups_per_crossbar == 14);  // min(128 / 9, 128 / 4)
  CHECK(small.crossbars == 3);             // ceil(32 / 14)
  CHECK(small.utilization == Approx(32.0 * 36 / (3 * 128 * 128)));
  auto large = mapping::place_on_crossbars(crossbars(4096), pr);
  CHECK(large.groups_per_crossbar == 32);
  CHECK(large.crossbars == 1);
  CHECK(large.utilization == Approx(32.0 * 36 / (4096.0 * 4096)));
}

TEST_CASE("an FC layer of 1024 inputs and 1000 outputs is 1024 rows by 4000 columns", "[pim]") {
  const auto pr = workload::fc_problem("fc", 1, 1024, 1000, 8, 8, 8);
  auto small = mapping::place_on_crossbars(crossbars(128), pr);
  CHECK(small.row_blocks == 8);
  CHECK(small.col_blocks == 32);  // ceil(4000 / 128)
  CHECK(small.crossbars == 256);
  CHECK(small.utilization == Approx(1024.0 * 4000 / (256 * 128 * 128)));  // 0.9765625
  CHECK(small.vectors == 1);
  auto large = mapping::place_on_crossbars(crossbars(4096), pr);
  CHECK(large.crossbars == 1);
  CHECK(large.utilization == Approx(1024.0 * 4000 / (4096.0 * 4096)));  // 0.244
}

TEST_CASE("a placement holds the copies it is given and fits when all of them fit the chip", "[pim]") {
  const auto pr = test::square_conv(64, 64, 16, 3);  // 10 crossbars of 128, 256 vectors
  const auto pim = crossbars(128, 100);
  CHECK(mapping::place_on_crossbars(pim, pr).replicas == 1);
  auto r = mapping::place_on_crossbars(pim, pr, 10);
  CHECK(r.replicas == 10);
  CHECK(r.crossbars_used() == 100);
  CHECK(r.fits);
  CHECK_FALSE(mapping::place_on_crossbars(pim, pr, 11).fits);
  CHECK(mapping::place_on_crossbars(crossbars(128, 5), pr).fits == false);
}

TEST_CASE("reading rows_per_read rows at once reads each row block's column in turns", "[pim]") {
  const auto pr = test::square_conv(64, 64, 16, 3);  // 576 rows: 4 full blocks of 128 and one of 64
  auto pim = crossbars(128);
  CHECK(mapping::place_on_crossbars(pim, pr).row_reads == 5);  // every row at once: one read per row block
  CHECK(mapping::place_on_crossbars(pim, pr).reads_per_slice == 1);
  pim.rows_per_read = 32;
  const auto c = mapping::place_on_crossbars(pim, pr);
  CHECK(c.row_reads == 4 * 4 + 2);  // ceil(128 / 32) per full block, ceil(64 / 32) for the last
  CHECK(c.reads_per_slice == 4);
  CHECK(c.row_blocks == 5);                                                                // the placement itself does not change
  const auto dw = mapping::place_on_crossbars(pim, test::square_conv(32, 32, 28, 3, 32));  // 14 groups of 9 rows on a diagonal
  CHECK(dw.row_reads == 1);                                                                // a group's 9 rows in one read
  CHECK(dw.reads_per_slice == 4);                                                          // 126 rows of the crossbar, 32 at a time
}

TEST_CASE("a layer without weights takes no crossbar", "[pim]") {
  workload::PoolParams p;
  p.channels = 16;
  p.in_height = p.in_width = 8;
  p.kernel_h = p.kernel_w = 2;
  p.stride_h = p.stride_w = 2;
  auto c = mapping::place_on_crossbars(crossbars(128), workload::pool_problem("pool", p));
  CHECK(c.crossbars == 0);
  CHECK(c.crossbars_used() == 0);
}
