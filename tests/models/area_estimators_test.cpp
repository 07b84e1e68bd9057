// Area estimators: storage by capacity, width and node; the MAC by operand bits; networks by
// fan-out; DRAM off chip; written areas override.

#include <catch2/catch.hpp>

#include "models/area_estimators.h"

using namespace hwaware;

namespace {

arch::Spec glb_and_pes(long long glb_depth, int operand_bits) {
  arch::Spec s;
  s.technology_nm = 45;
  arch::StorageLevel dram;
  dram.name = "DRAM";
  dram.technology = arch::Technology::dram;
  arch::StorageLevel glb;
  glb.name = "glb";
  glb.technology = arch::Technology::sram;
  glb.depth = glb_depth;
  glb.block_size = 8;
  arch::StorageLevel rf;
  rf.name = "rf";
  rf.technology = arch::Technology::regfile;
  rf.depth = 16;
  rf.instances = 16;
  rf.mesh_x = 16;
  s.levels = {dram, glb, rf};
  s.compute.instances = 16;
  s.compute.mesh_x = 16;
  s.compute.operand_bits = operand_bits;
  return s;
}

const model::ComponentArea& find(const model::AreaReport& r, const std::string& name) {
  for (const auto& c : r.components)
    if (c.component == name) return c;
  FAIL("no component " << name);
  return r.components.front();
}

}  // namespace

TEST_CASE("SRAM area grows with capacity and with the node", "[area]") {
  CHECK(model::sram_area_um2(2 * 65536.0, 64, 45) > model::sram_area_um2(65536.0, 64, 45));
  CHECK(model::sram_area_um2(65536.0, 64, 65) > model::sram_area_um2(65536.0, 64, 45));
  // 64 Kib of 0.346 um^2 cells at 70% array efficiency, plus 64 port bits of 2 x 5.98 um^2 at 40 nm
  // scaled to 45 nm.
  double expected = 65536 * 0.346 / 0.7 + 64 * 2 * 5.98 * (45.0 / 40) * (45.0 / 40);
  CHECK(model::sram_area_um2(65536.0, 64, 45) == Approx(expected));
  auto small = model::estimate_area(glb_and_pes(1024, 8));
  auto large = model::estimate_area(glb_and_pes(4096, 8));
  CHECK(find(large, "glb").total_um2 > find(small, "glb").total_um2);
  CHECK(large.total_um2 > small.total_um2);
}

TEST_CASE("MAC area grows with operand bits", "[area]") {
  CHECK(model::mac_area_um2(16, 45) > 3 * model::mac_area_um2(8, 45));
  CHECK(model::mac_area_um2(32, 40) == Approx(6351 + 2 * 278));  // Aladdin's 32-bit multiplier + 64-bit adder
  auto a8 = model::estimate_area(glb_and_pes(1024, 8));
  auto a16 = model::estimate_area(glb_and_pes(1024, 16));
  CHECK(find(a16, "mac").total_um2 > find(a8, "mac").total_um2);
  CHECK(find(a8, "mac").instances == 16);
}

TEST_CASE("DRAM is off chip and a network's area grows with its fan-out", "[area]") {
  auto a = model::estimate_area(glb_and_pes(1024, 8));
  CHECK(find(a, "DRAM").total_um2 == 0);
  CHECK(find(a, "DRAM").source == "off-chip");
  const auto& noc = find(a, "glb_network");
  CHECK(noc.total_um2 == Approx(model::network_area_um2(16, 8, 45)));
  CHECK(model::network_area_um2(32, 8, 45) == Approx(2 * model::network_area_um2(16, 8, 45)));
  double sum = 0;
  for (const auto& c : a.components) sum += c.total_um2;
  CHECK(a.total_um2 == Approx(sum));
}

TEST_CASE("a written area overrides the estimator", "[area]") {
  auto s = glb_and_pes(1024, 8);
  s.levels[2].energy.area_um2 = 100.0;
  s.compute.energy.area_um2 = 50.0;
  auto a = model::estimate_area(s);
  CHECK(find(a, "rf").per_instance_um2 == 100);
  CHECK(find(a, "rf").total_um2 == 1600);
  CHECK(find(a, "rf").source == "explicit");
  CHECK(find(a, "mac").total_um2 == 800);
}
