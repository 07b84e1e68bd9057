// SRAM buffers against values derived by hand from DNN+NeuroSim V1.3's Buffer.cpp (SRAM branch),
// RowDecoder.cpp, Precharger.cpp and SRAMWriteDriver.cpp equations for NeuroSim's global buffer
// core: 128 x 128 bits, a 128-bit interface, 22 nm LSTP (F = 22 nm, vdd = 0.85 V, vdd^2 = 0.7225,
// Ioff = 100e-6 A/m for N and P, pnSizeRatio = 791.9 / 600.2 = 1.319394). Tolerance 1e-5 (the
// constants below carry six digits).
//
// Layout (Buffer.cpp Initialize): 128 lines of 128 cells of 10 F x 28 F (Param.cpp):
//   lengthRow = 128 x 28 x 22 nm = 78.848 um, lengthCol = 128 x 10 x 22 nm = 28.16 um;
//   the bit line's wire C_bl = 28.16 um x 0.2 fF/um = 5.632e-15 F; 7 address bits.
// Capacitances by gates.h (checked in gates_test.cpp and register_file_buffer_test.cpp), every
// enlarged gate filling the 28 F cell's 20.9 F of diffusion (C_in = 1.4298e-9 x 20.9 F = 6.57422e-16):
//   inverter, enlarged:             C_in 6.57422e-16, C_out 1.80536e-16 F
//   NAND2, enlarged:                C_in 6.57422e-16, C_out 1.80818e-16 F
//   output driver (2 x minimum):    C_in 2.91832e-16, C_out 1.07647e-16 F
//   NOR4 (P 4 x minimum), enlarged: N 3.329312 F, P 17.570688 F (P share 10.555/12.555 of 20.9 F);
//     C_in 6.57422e-16; C_out: parallel N (2 shared drains, 5.6 F wide, sidewall 11.2 F, no edge)
//     = 123.2e-9 x 73.245e-9 x 7.17137e-4 + 246.4e-9 x 2.00742e-10 + 73.245e-9 x 4.01483e-11
//     = 5.88748e-17; series P (4 x 2.8 F = 11.2 F wide, sidewall 22.4 F + its height)
//     = 246.4e-9 x 386.555e-9 x Cj + (492.8e-9 + 386.555e-9) x Csw + 386.555e-9 x Cd = 2.60348e-16;
//     C_out = 3.19223e-16 F.
// One decode (RowDecoder.cpp CalculatePower, 7 bits: 3 pairs into 12 NAND2, 1 odd bit into the
// 128 NOR4s):
//   (C_inv + 2 C_nand) x 6                   = 1.1833596e-14
//   (C_inv + C_nor x 128 / 2) x 1            = 4.2732430e-14
//   (C_nand,out + C_nor x 128 / 4) x 12 / 4  = 6.3654966e-14
//   C_nor,out + C_inv                        = 9.76645e-16
//   (C_drv,in + C_drv,out) x 2               = 7.98958e-16
//   sum 1.19996595e-13 F x 0.7225            = 8.669754e-14 J.

#include <catch2/catch.hpp>

#include <memory>

#include "circuits/register_file_buffer.h"
#include "circuits/sram_buffer.h"

using namespace hwaware::circuits;

namespace {
constexpr double F = 22e-9;
Technology lstp22() { return *technology(22, Roadmap::lstp); }
}  // namespace

TEST_CASE("an SRAM buffer's bit line is its lines x 10 F of wire at 0.2 fF/um", "[circuits][buffer][sram]") {
  const SramBuffer b(lstp22(), 128 * 128, 128);
  CHECK(b.lines() == 128);
  CHECK(b.address_bits() == 7);
  CHECK(b.bit_line_cap_f() == Approx(5.632e-15).epsilon(1e-9));
  // 1000 bits in 32-bit lines: ceil(31.25) = 32 rows in the layout, 7.04 um of bit line; 31 lines priced.
  const SramBuffer odd(lstp22(), 1000, 32);
  CHECK(odd.layout_lines() == 32);
  CHECK(odd.lines() == 31);
  CHECK(odd.bit_line_cap_f() == Approx(32 * 10 * F * 0.2e-15 / 1e-6).epsilon(1e-9));
}

TEST_CASE("an SRAM bit read costs a decode per line x epsilon and the precharge of its column's two bit lines",
          "[circuits][buffer][sram]") {
  // Buffer.cpp: (128 lines x (8.669754e-14 x 0.05 + precharge 2 x 128 x 5.632e-15 x 0.7225)) / 16384
  //   = 8.669754e-14 x 0.05 / 128 + 2 x 5.632e-15 x 0.7225 = 3.38662e-17 + 8.138240e-15
  //   = 8.172106e-15 J/bit; without the calibration (epsilon 1): 6.77324e-16 + 8.138240e-15 = 8.815565e-15.
  const SramBuffer b(lstp22(), 128 * 128, 128);
  CHECK(b.read_energy_per_bit_j(0.05) == Approx(8.172106e-15).epsilon(1e-5));
  CHECK(b.read_energy_per_bit_j() == Approx(8.815565e-15).epsilon(1e-5));
}

TEST_CASE("an SRAM bit write costs a decode per line, the precharge of one bit line and a write driver", "[circuits][buffer][sram]") {
  // Buffer.cpp: per line, the decoder (no epsilon on writes), the precharger's write
  // (128 columns x 5.632e-15 x 0.7225) and the write drivers (128 x (C_inv,out + C_inv,in) x vdd^2
  // = 128 x 8.37958e-16 x 0.7225); over 16384 bits:
  //   8.669754e-14 / 128 + 4.069120e-15 + 6.054247e-16 = 6.77324e-16 + 4.674545e-15 = 5.351869e-15 J/bit.
  const SramBuffer b(lstp22(), 128 * 128, 128);
  CHECK(b.write_energy_per_bit_j() == Approx(5.351869e-15).epsilon(1e-5));
}

TEST_CASE("an SRAM buffer leaks through its decoder, prechargers and write drivers, not its cells", "[circuits][buffer][sram]") {
  // Buffer.cpp sums wlDecoder, precharger, sramWriteDriver and the never-sized senseAmp (0):
  //   decoder: 7 enlarged inverters ((198.241 + 261.559) nm x 100e-6 / 2 = 2.2990e-11 A each)
  //            + 12 NAND2 (0.48 x 182.761 nm x 100e-6 x 2 = 1.754510e-11 A)
  //            + 128 NOR4 (3-input ratio: 0.62 x 73.245 nm x 100e-6 x 4 = 1.816472e-11 A)
  //            + 256 drivers ((88 + 116.107) nm x 100e-6 / 2 = 1.020533e-11 A)
  //            = 5.309121e-9 A x 0.85 = 4.512753e-9 W;
  //   prechargers: 128 x (PMOS 24.4 F = 536.8 nm alone: 536.8e-9 x 100e-6 / 2) x 0.85 = 2.920192e-9 W;
  //   write drivers: 128 x 3 enlarged inverters x 2.2990e-11 A x 0.85 = 7.503936e-9 W;
  //   total 1.4936881e-8 W.
  const SramBuffer b(lstp22(), 128 * 128, 128);
  CHECK(b.leakage_w() == Approx(1.4936881e-8).epsilon(1e-5));
}

TEST_CASE("an SRAM buffer's area is its cells, the decoder beside them, the prechargers and write drivers below",
          "[circuits][buffer][sram]") {
  // Buffer.cpp CalculateArea:
  //   cells 78.848 um x 28.16 um = 2220.3597 um^2;
  //   decoder in 28.16 um (45 gates of 28 F = 0.616 um a column): 1 column of 12 NAND2 (11.4 F),
  //     14 M3 tracks (12 NAND + 2 for the odd bit, 2.8 F each), 3 columns of NOR4 (19 F) and their
  //     2 driver inverters (7.6 F each): 153.2 F = 3.3704 um wide, 94.91046 um^2;
  //   prechargers: a unit of a precharge PMOS and 2 equalizers (each 28 F x 7.6 F), 84 F high,
  //     128 in one row of 78.848 um: 1.848 um x 78.848 um = 145.71110 um^2;
  //   write drivers: 3 inverters of 28 F x 7.6 F a column, 128 in one row: 145.71110 um^2;
  //   total 2606.6923 um^2.
  const SramBuffer b(lstp22(), 128 * 128, 128);
  CHECK(b.area_m2() == Approx(2606.6923e-12).epsilon(1e-5));
}

TEST_CASE("an SRAM buffer moves one line per cycle, like a register file", "[circuits][buffer][sram]") {
  // Buffer.cpp CalculateLatency, synchronous: readLatency = numRead lines, whatever SRAM says.
  const SramBuffer b(lstp22(), 128 * 128, 128);
  CHECK(b.transfer_cycles(65536) == 512);
  CHECK(b.transfer_cycles(64) == 0.5);  // unrounded, as NeuroSim
}

TEST_CASE("register-file and SRAM buffers answer through one interface with their own costs", "[circuits][buffer][sram]") {
  // The same 128 x 128 core as a register file: 16384 flip-flops of 28 F x 12 x 7.6 F
  // (1.2359424 um^2 each) = 20249.68 um^2 plus its decoder, against 2606.69 um^2 of SRAM; its leakage
  // has every flip-flop's 8 inverters (16384 x 8 x 2.2990e-11 A x 0.85 = 2.56e-6 W), the SRAM's
  // only its periphery. A register-file read clocks every flip-flop (5.104272e-15 J/bit, below the
  // SRAM's 8.17e-15 J of two 5.632 fF bit lines); its write costs only the decoder
  // (8.669754e-14 / 128 = 6.77324e-16 J/bit).
  const Technology t = lstp22();
  std::unique_ptr<Buffer> rf = std::make_unique<RegisterFileBuffer>(t, 128 * 128, 128);
  std::unique_ptr<Buffer> sram = std::make_unique<SramBuffer>(t, 128 * 128, 128);
  CHECK(rf->area_m2() > 20249.68e-12);
  CHECK(sram->area_m2() < rf->area_m2() / 7);
  CHECK(rf->leakage_w() > 2.56e-6);
  CHECK(sram->leakage_w() < rf->leakage_w() / 100);
  CHECK(rf->write_energy_per_bit_j() == Approx(6.77324e-16).epsilon(1e-5));
  CHECK(rf->read_energy_per_bit_j(0.05) == Approx(5.104272e-15 + 3.38662e-17).epsilon(1e-5));
  CHECK(sram->read_energy_per_bit_j(0.05) > rf->read_energy_per_bit_j(0.05));
  CHECK(rf->interface_bits() == sram->interface_bits());
  CHECK(rf->capacity_bits() == sram->capacity_bits());
}
