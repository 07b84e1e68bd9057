// Flip-flop banks, the buffers' line decoder and register-file buffers against values derived by
// hand from DNN+NeuroSim V1.3's DFF.cpp, RowDecoder.cpp and Buffer.cpp equations, 22 nm LSTP
// (vdd^2 = 0.7225 V^2), and NeuroSim's buffer energies of VGG-8 (tests/reference/neurosim/).
// Capacitances by gates.h (checked in gates_test.cpp), all gates at the 28 F cell height:
//   inverter, enlarged (N 198.24 nm, P 261.56 nm):  C_in 6.57422e-16, C_out 1.80536e-16 F
//     (a flip-flop's pass gates have the same widths: gate N + P = C_in, drain = C_out);
//   NAND2, enlarged:                                  C_in 6.57422e-16, C_out 1.80818e-16 F
//   NOR3 (P 3 x minimum), enlarged:                   C_in 6.57422e-16, C_out 2.91257e-16 F
//   output driver (2 x minimum, not enlarged):         C_in 2.91832e-16, C_out 1.07647e-16 F

#include <catch2/catch.hpp>

#include "circuits/address_decoder.h"
#include "circuits/flip_flop_bank.h"
#include "circuits/register_file_buffer.h"

using namespace hwaware::circuits;

namespace {
Technology lstp22() { return *technology(22, Roadmap::lstp); }
}  // namespace

TEST_CASE("a clocked flip-flop switches its clock inverters and gates, one taking data also its D-to-Q path", "[circuits][flip_flop]") {
  // DFF.cpp per flip-flop: clock 4 (C_in + C_out) + 2 (C_gN + C_gP) = 4 x 8.37958e-16 + 2 x
  // 6.57422e-16 = 4.666676e-15 F; data (3 C_d + C_in) + (C_d + C_out) + (C_in + C_out)
  // = 1.199030e-15 + 3.61072e-16 + 8.37958e-16 = 2.398060e-15 F; all: 7.064736e-15 F
  // x 0.7225 = 5.104272e-15 J.
  FlipFlopBank one(lstp22(), 1), bank(lstp22(), 1024);
  CHECK(one.cycle_energy_j(1) == Approx(5.104272e-15).epsilon(1e-5));
  CHECK(one.cycle_energy_j(0) == Approx(4.666676e-15 * 0.7225).epsilon(1e-5));
  CHECK(bank.cycle_energy_j(1024) == Approx(1024 * 5.104272e-15).epsilon(1e-5));
  CHECK(bank.cycle_energy_j(10, 0.5) == Approx(0.5 * (1024 * 4.666676e-15 + 10 * 2.398060e-15) * 0.7225).epsilon(1e-5));
}

TEST_CASE("a 5-bit line decoder switches its address inverters, a quarter of its NANDs and one line", "[circuits][decoder]") {
  // RowDecoder.cpp, 5 address bits: 2 pairs into 8 NAND2, 1 odd bit straight into the 32 NOR3s:
  //   (C_inv + 2 C_nand) x 4                 = 7.889064e-15
  //   (C_inv + C_nor x 32 / 2) x 1            = 1.1176174e-14
  //   (C_nand,out + C_nor x 32 / 4) x 8 / 4   = 1.0880388e-14
  //   C_nor,out + C_inv                       = 9.48679e-16
  //   (C_drv,in + C_drv,out) x 2              = 7.98958e-16
  //   sum 3.1693263e-14 F x 0.7225            = 2.289838e-14 J per decode.
  AddressDecoder d(lstp22(), 5);
  CHECK(d.lines() == 32);
  CHECK(d.decode_energy_j() == Approx(2.289838e-14).epsilon(1e-5));
}

TEST_CASE("a register-file bit read costs a decode per line x epsilon and a clocked flip-flop, averaged per bit", "[circuits][buffer]") {
  // Buffer.cpp (DFF-based), 1024 bits in 32-bit lines (NeuroSim's tile buffer core): 32 lines,
  // 5 address bits. Read: (2.289838e-14 x 32 x 0.05 + 1024 x 5.104272e-15) / 1024
  //   = (3.663741e-14 + 5.226775e-12) / 1024 = 5.140051e-15 J/bit.
  // Write (no flip-flop energy, no epsilon in NeuroSim): 2.289838e-14 x 32 / 1024 = 7.155744e-16.
  // Latency: one 32-bit line per cycle.
  RegisterFileBuffer b(lstp22(), 1024, 32);
  CHECK(b.lines() == 32);
  CHECK(b.read_energy_per_bit_j(0.05) == Approx(5.140051e-15).epsilon(1e-5));
  CHECK(b.write_energy_per_bit_j() == Approx(7.155744e-16).epsilon(1e-5));
  CHECK(b.transfer_cycles(2764800) == 86400);
}

TEST_CASE("the buffers reproduce NeuroSim's buffer energy of VGG-8 layer 7 (6871.29 pJ) from its counts", "[circuits][buffer]") {
  // Layer 7 (FC 8192 x 1024, one input vector = 8 bit-serial pulses), 32 conventional tiles of
  // 2 x 2 PEs of 512 x 512 cells (NEUROSIM_METHOD.md gives the counts):
  // - each PE: input flip-flops (8 x 128 = 1024) clocked 512 x 8 / 1024 = 4 times; output
  //   flip-flops (128 / 8 x (5 + 8 + 4 + 2) = 304) clocked 128 x 18 x 8 / 8 / 304 = 7 times (int);
  // - each tile: input buffer (1024 bits, 32 wide) reads and writes 1024 x 8 = 8192 bits; output
  //   buffer (640 bits, 40 wide) 256 x (1 + 20) x 8 / 8 = 5376 bits;
  // - the chip: global buffer (16384 bits, 128 wide) reads 8192 x 8 = 65536 bits, writes 1024 x 8.
  const Technology t = lstp22();
  FlipFlopBank in(t, 1024), out(t, 304);
  RegisterFileBuffer tile_in(t, 1024, 32), tile_out(t, 640, 40), global(t, 16384, 128);
  auto rw = [](const RegisterFileBuffer& b) { return b.read_energy_per_bit_j(0.05) + b.write_energy_per_bit_j(); };
  double pe = 4 * in.cycle_energy_j(1024) + 7 * out.cycle_energy_j(304);
  double tile = 4 * pe + 8192 * rw(tile_in) + 5376 * rw(tile_out);
  double chip = 32 * tile + 65536 * global.read_energy_per_bit_j(0.05) + 8192 * global.write_energy_per_bit_j();
  CHECK(chip * 1e12 == Approx(6871.29).epsilon(2e-6));
}

TEST_CASE("the buffers reproduce NeuroSim's buffer energy of VGG-8 layer 2 (169720 pJ) from its counts", "[circuits][buffer]") {
  // Layer 2 (3x3 conv, C = K = 128, 30 x 30 = 900 input vectors, 7200 pulses), one novel tile of
  // 9 PEs (one kernel position each, 128 rows x 512 columns):
  // - each PE: input flip-flops clocked 128 x 7200 / 1024 = 900 times; output flip-flops
  //   128 x 18 x 7200 / 8 / 304 = 6821 times (int);
  // - the tile: input buffer reads and writes 1152 x 7200 / sqrt(9) = 2764800 bits; output buffer
  //   128 x 21 x 7200 / 8 / 9 = 268800 bits (both 1024-bit, 32-wide cores);
  // - the chip: global buffer reads 1152 x 8 x 900 / 3 = 2764800 bits, writes 128 x 8 x 900 / 4
  //   (2x2 pooling follows) = 230400 bits.
  const Technology t = lstp22();
  FlipFlopBank in(t, 1024), out(t, 304);
  RegisterFileBuffer tile_buffer(t, 1024, 32), global(t, 16384, 128);
  double rw = tile_buffer.read_energy_per_bit_j(0.05) + tile_buffer.write_energy_per_bit_j();
  double tile = 9 * (900 * in.cycle_energy_j(1024) + 6821 * out.cycle_energy_j(304)) + (2764800 + 268800) * rw;
  double chip = tile + 2764800 * global.read_energy_per_bit_j(0.05) + 230400 * global.write_energy_per_bit_j();
  CHECK(chip * 1e12 == Approx(169720).epsilon(3e-6));
}
