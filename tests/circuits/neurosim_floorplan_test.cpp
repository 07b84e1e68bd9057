// NeuroSim's floorplan: VGG-8 against the log of a DNN+NeuroSim V1.3 run (tests/reference/neurosim/),
// and the rules one at a time on small networks derived by hand.

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "circuits/neurosim_floorplan.h"

using namespace hwaware::circuits;

namespace {

std::vector<std::vector<double>> read_csv(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  std::vector<std::vector<double>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line[0] == 'l') continue;  // comments, header
    std::vector<double> row;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, ',')) row.push_back(std::stod(field));
    rows.push_back(row);
  }
  return rows;
}

std::vector<FloorplanLayer> vgg8() {
  std::vector<FloorplanLayer> layers;
  for (const auto& r : read_csv(std::string(HWAWARE_TEST_DATA) + "/reference/neurosim/NetWork_VGG8.csv")) {
    FloorplanLayer l;
    l.input_height = static_cast<int>(r[0]), l.input_width = static_cast<int>(r[1]), l.input_channels = static_cast<int>(r[2]);
    l.kernel_height = static_cast<int>(r[3]), l.kernel_width = static_cast<int>(r[4]), l.output_channels = static_cast<int>(r[5]);
    l.followed_by_pooling = r[6] != 0, l.stride = static_cast<int>(r[7]);
    layers.push_back(l);
  }
  return layers;
}

FloorplanLayer conv(int hw, int c, int k, int kernel) {
  FloorplanLayer l;
  l.input_height = l.input_width = hw, l.input_channels = c, l.output_channels = k, l.kernel_height = l.kernel_width = kernel;
  return l;
}

}  // namespace

TEST_CASE("the floorplan reproduces NeuroSim's tiles, speed-ups and utilizations for VGG-8 on 128x128 subarrays") {
  Floorplan f = neurosim_floorplan(vgg8(), FloorplanOptions{});
  auto expected = read_csv(std::string(HWAWARE_TEST_DATA) + "/reference/neurosim/floorplan_vgg8_rram_128x128.csv");
  REQUIRE(f.layers.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("layer " << i + 1);
    CHECK(f.layers[i].tiles() == static_cast<int>(expected[i][1]));
    CHECK(f.layers[i].speedup() == static_cast<int>(expected[i][2]));
    CHECK(f.layers[i].utilization == Approx(expected[i][3]).epsilon(1e-5));  // the log prints 6 digits
  }
  // "Desired Conventional Mapped Tile Storage Size: 1024x1024", "PE Storage Size: 512x512",
  // "Novel Mapped Tile Storage Size: 9x512x512", "Memory Utilization of Whole Chip: 96.8584 %".
  CHECK(f.conventional_tile_size == 1024);
  CHECK(f.conventional_pe_size == 512);
  CHECK(f.novel_pes_per_tile == 9);
  CHECK(f.novel_pe_size == 512);
  CHECK(f.chip_utilization() == Approx(0.968584).epsilon(1e-6));
  CHECK(f.notes.empty());
}

TEST_CASE("VGG-8's floorplan: 3x3 convolutions of at least a subarray's rows take the novel mapping, 34 + 13 tiles on a 7x7 grid") {
  // Layer 1 (C*R*S = 27 < 128 rows) and the two FC layers are conventional; layers 2-6 novel.
  // Conventional tiles at 1024: 1 + 8x4 + 1 = 34; novel PEs at 512: 1 + 2 + 2 + 4 + 4 = 13.
  // Grid: ceil(sqrt(47)) = 7 rows, ceil(47 / 7) = 7 columns.
  Floorplan f = neurosim_floorplan(vgg8(), FloorplanOptions{});
  std::vector<bool> novel{false, true, true, true, true, true, false, false};
  for (std::size_t i = 0; i < novel.size(); ++i) CHECK(f.layers[i].novel == novel[i]);
  CHECK(f.conventional_tiles == 34);
  CHECK(f.novel_tiles == 13);
  CHECK(f.tile_grid_rows == 7);
  CHECK(f.tile_grid_cols == 7);
  CHECK(f.conventional_pes_per_side() == 2);
  CHECK(f.novel_pes_per_side() == 3);
  // Layer 1 (27 x 512): 2x2 copies in its tile's PEs, 4x1 in a PE's subarrays (ceil(27/128) = 1
  // of 4 subarray rows, 512/128 = 4 of 4 columns); layer 8 (1024 x 40): 1x2 in PEs, 1x4 in subarrays.
  CHECK(f.layers[0].pe_dup_rows == 2);
  CHECK(f.layers[0].pe_dup_cols == 2);
  CHECK(f.layers[0].subarray_dup_rows == 4);
  CHECK(f.layers[0].subarray_dup_cols == 1);
  CHECK(f.layers[7].pe_dup_cols == 2);
  CHECK(f.layers[7].subarray_dup_cols == 4);
  CHECK(f.layers[6].matrix_rows == 8192);
  CHECK(f.layers[6].matrix_cols == 4096);
}

TEST_CASE("the novel PE size is the largest power of two of highest utilization above two subarrays") {
  // Two 3x3 convolutions, C = 128, K = 64 and 256, 8-bit weights in 2-bit cells: columns 256 and
  // 1024, so PE sizes 1024 and 512 (> 2 x 128) are tried. At 1024: tiles 1 + 1, utilization
  // (128*9*256 + 128*9*1024) / (2 * 1024^2 * 9) = 0.078125. At 512: tiles 1 + 2, (same cells) /
  // (3 * 512^2 * 9) = 0.2083. 512 wins; NeuroSim tries 256 never (not above 2 subarrays).
  Floorplan f = neurosim_floorplan({conv(8, 128, 64, 3), conv(8, 128, 256, 3)}, FloorplanOptions{});
  CHECK(f.novel_pe_size == 512);
  CHECK(f.novel_tiles == 3);
  CHECK(f.layers[0].tiles() == 1);
  CHECK(f.layers[1].tiles() == 2);
  // Layer 1 holds 128 rows and 256 columns in a 512 PE of 4x4 subarrays: 4 copies along the rows
  // (1 subarray row each), 2 along the columns; utilization 8 * 128*9*256 / (512^2 * 9) = 1.
  CHECK(f.layers[0].speedup() == 8);
  CHECK(f.layers[0].utilization == Approx(1.0));
}

TEST_CASE("without the novel mapping every layer is conventional and novel PEs are absent") {
  FloorplanOptions o;
  o.novel_mapping = false;
  Floorplan f = neurosim_floorplan(vgg8(), o);
  for (const LayerPlacement& l : f.layers) CHECK_FALSE(l.novel);
  CHECK(f.novel_tiles == 0);
  CHECK(f.novel_pes_per_tile == 0);
  CHECK(f.notes.empty());
  // Every layer's 2^ceil(log2(K * 4)) is at most 4096, the tile search runs 4096, 2048, 1024.
  CHECK(f.conventional_tile_size >= 1024);
}

TEST_CASE("a subarray too large for NeuroSim gets the nearest legal floorplan and a note instead of a refusal") {
  // VGG-8 on 1024x1024 subarrays: NeuroSim's novel PEs would need 2048 >= 2 x 1024 (legal), but its
  // conventional tiles top out at 4096 = 4 x 1024: legal too. On 2048x2048 subarrays both rules
  // fail (2048 < 4096, 4096 < 8192): NeuroSim refuses; here PE = 2 and tile = 4 subarrays a side.
  FloorplanOptions o;
  o.subarray_rows = o.subarray_cols = 2048;
  Floorplan f = neurosim_floorplan(vgg8(), o);
  CHECK(f.novel_pe_size == 4096);
  CHECK(f.conventional_tile_size == 8192);
  CHECK(f.conventional_pe_size == 4096);
  CHECK(f.notes.size() == 2);
  // Layer 7 (8192 x 4096) fits one 8192 tile; layer 1 (27 x 512) copies once per PE (floor(2/1)
  // PEs along the rows, 2 along the columns) and once per subarray (ceil(27/2048) = 1 of 2 rows).
  CHECK(f.layers[6].tiles() == 1);
  CHECK(f.layers[0].tiles() == 1);
  CHECK(f.layers[0].speedup() == 2 * 2 * 2 * 2);
}
