// Built-in energy estimators and the normalized Eyeriss table.

#include <catch2/catch.hpp>

#include "models/energy_estimators.h"

using namespace hwaware;

namespace {
arch::Spec two_level(const std::string& model) {
  arch::Spec s;
  s.energy_model = model;
  s.technology_nm = 45;
  arch::StorageLevel dram;
  dram.name = "DRAM";
  dram.technology = arch::Technology::dram;
  dram.word_bits = 8;
  dram.block_size = 8;
  dram.energy.dram_type = "HBM2";
  arch::StorageLevel rf;
  rf.name = "rf";
  rf.technology = arch::Technology::regfile;
  rf.depth = 16;
  rf.word_bits = 16;
  s.levels = {dram, rf};
  return s;
}
}  // namespace

TEST_CASE("DRAM energy per bit follows the interface type", "[energy]") {
  CHECK(model::dram_pj_per_bit("LPDDR4") == Approx(8));
  CHECK(model::dram_pj_per_bit("HBM2") == Approx(3.9));
  CHECK(model::dram_pj_per_bit("GDDR5") == Approx(14));
  CHECK(model::dram_pj_per_bit("DDR3") == Approx(70));
  auto t = model::build_energy_table(two_level(""));
  CHECK(t.find("DRAM")->read_pj == Approx(3.9 * 64));  // one 64-bit vector access
}

TEST_CASE("SRAM energy grows with the square root of capacity (Horowitz 2014)", "[energy]") {
  double e8k = model::sram_pj_per_bit(8.0 * 1024 * 8, 45) * 64;
  double e32k = model::sram_pj_per_bit(32.0 * 1024 * 8, 45) * 64;
  CHECK(e8k == Approx(10));
  CHECK(e32k == Approx(20));
}

TEST_CASE("MAC energy grows with operand bits and shrinks with the node", "[energy]") {
  CHECK(model::mac_pj(8, 45) == Approx(0.23));
  CHECK(model::mac_pj(16, 45) > 3 * model::mac_pj(8, 45));
  CHECK(model::mac_pj(8, 22) < model::mac_pj(8, 45));
}

TEST_CASE("the normalized Eyeriss table prices DRAM 200x and a register file 1x a MAC per word", "[energy]") {
  auto t = model::build_energy_table(two_level("eyeriss-normalized"));
  CHECK(t.find("DRAM")->read_pj == Approx(200 * 8));  // 8 words per vector access
  CHECK(t.find("rf")->read_pj == Approx(1));
  CHECK(t.find("mac")->compute_pj == Approx(1));
}

TEST_CASE("energies written in the description override the estimators", "[energy]") {
  auto s = two_level("");
  s.levels[1].energy.explicit_pj = {{"read", 0.5}, {"update", 0.7}};
  auto t = model::build_energy_table(s);
  CHECK(t.find("rf")->read_pj == Approx(0.5));
  CHECK(t.find("rf")->update() == Approx(0.7));
  CHECK(t.find("rf")->source == "explicit");
}
