// Tests of the `pim:` section's reader: partial row activation, ADC bits that follow the crossbar
// (`auto`) or must be lossless, a chip sized by a budget of cells, and duplication; each mistake
// reported at its place.
#include <catch2/catch.hpp>

#include <string>

#include "arch/native_arch.h"
#include "yaml_doc.h"

using namespace hwaware;

namespace {

// An accelerator whose `pim:` section has `crossbar: <crossbar>` on line 9 and then `pim` (lines
// indented by four spaces) from line 10.
const std::string kHead = R"(accelerator:
  name: pim
  clock: 1GHz
  technology: 32nm
  levels:
    - {name: DRAM, technology: dram, word_bits: 8, block_size: 8}
    - {name: buffer, technology: sram, size: 32KiB, word_bits: 8, block_size: 8, keep: [Inputs, Outputs], bypass: [Weights]}
  pim:
)";

struct Read {
  test::Doc doc;
  arch::Spec spec;
  explicit Read(const std::string& pim, const std::string& crossbar = "{rows: 128, cols: 128}")
      : doc(kHead + "    crossbar: " + crossbar + "\n" + pim, "a.yaml") {
    spec = arch::read_native_arch(doc.get("accelerator"));
  }
  const arch::PimSpec& pim() const { return *spec.pim; }
};

}  // namespace

TEST_CASE("a crossbar reads every row at once unless rows_per_read says fewer", "[pim]") {
  Read all("    cell: {bits: 2}\n");
  REQUIRE(all.doc.sink.empty());
  CHECK(all.pim().active_rows() == 128);
  CHECK(all.pim().reads_per_column() == 1);
  Read partial("", "{rows: 128, cols: 128, rows_per_read: 32}");
  REQUIRE(partial.doc.sink.empty());
  CHECK(partial.pim().active_rows() == 32);
  CHECK(partial.pim().reads_per_column() == 4);
}

TEST_CASE("rows_per_read above the crossbar's rows is an error at its place", "[pim]") {
  Read r("", "{rows: 128, cols: 128, rows_per_read: 256}");
  CHECK(r.doc.mentions("accelerator.pim.crossbar.rows_per_read: expected at most the crossbar's 128 rows activated at once, found 256", 9));
}

TEST_CASE("ADC bits: auto is what a lossless sum of the rows read at once needs", "[pim]") {
  Read isaac("    cell: {bits: 2}\n    adc: {bits: auto}\n");
  REQUIRE(isaac.doc.sink.empty());
  CHECK(isaac.pim().adc.bits == 9);  // ISAAC: 7 + 1 + 2 - 1
  CHECK(isaac.pim().adc.bits_auto);
  Read partial("    cell: {bits: 1}\n    dac_bits: 2\n    adc: {bits: auto}\n", "{rows: 512, cols: 512, rows_per_read: 32}");
  REQUIRE(partial.doc.sink.empty());
  CHECK(partial.pim().adc.bits == 5 + 2 + 1 - 1);  // the rows read at once, not the crossbar's
}

TEST_CASE("an ADC too coarse for a lossless request is an error saying the bits it needs", "[pim]") {
  Read coarse("    cell: {bits: 2}\n    adc: {bits: 5, lossless: true}\n");
  CHECK(coarse.doc.mentions("accelerator.pim.adc.bits: an ADC of 5 bits is too coarse for a lossless request", 11));
  CHECK(coarse.doc.mentions("needs 9 bits"));
  Read enough("    cell: {bits: 2}\n    adc: {bits: 9, lossless: true}\n");
  CHECK(enough.doc.sink.empty());
  Read lossy("    cell: {bits: 2}\n    adc: {bits: 5}\n");
  CHECK(lossy.doc.sink.empty());  // a lossy ADC is a choice, unless lossless is asked for
}

TEST_CASE("bits: auto beyond what the ADC models cover is an error", "[pim]") {
  Read r("    cell: {bits: 4}\n    dac_bits: 2\n    adc: {bits: auto}\n", "{rows: 4096, cols: 128}");
  CHECK(r.doc.mentions("bits: auto gives 18 ADC bits, above the 16", 12));
}

TEST_CASE("a budget of cells gives floor(cells / (rows x cols)) crossbars", "[pim]") {
  Read mebi("    budget: {cells: 64Mi}\n");
  REQUIRE(mebi.doc.sink.empty());
  CHECK(mebi.pim().crossbars() == 64LL * 1024 * 1024 / (128 * 128));
  CHECK(*mebi.pim().budget->cells == 64LL << 20);
  Read odd("    budget: {cells: 40000}\n");
  CHECK(odd.pim().crossbars() == 2);  // 40000 / 16384
  Read area("    budget: {area: 60mm2}\n");
  REQUIRE(area.doc.sink.empty());
  CHECK(*area.pim().budget->area_um2 == Approx(60e6));
  CHECK_FALSE(area.pim().budget->resolved);  // models::make_accelerator resolves an area budget
}

TEST_CASE("a budget smaller than one crossbar, a budget with tiles, and two budgets are errors", "[pim]") {
  Read small("    budget: {cells: 16Ki}\n    crossbars_per_tile: 2\n");
  CHECK(small.doc.mentions("a chip is sized either by a budget or by tiles and crossbars_per_tile, not both", 10));
  Read tiny("    budget: {cells: 1000}\n");
  CHECK(tiny.doc.mentions("accelerator.pim.budget.cells: expected a budget of at least one crossbar of 128 x 128 cells, found 1000 cells",
                          10));
  Read both("    budget: {cells: 1Mi, area: 1mm2}\n");
  CHECK(both.doc.mentions("expected one budget, 'cells' or 'area', found both", 10));
  Read word("    budget: {cells: many}\n");
  CHECK(word.doc.mentions("expected a positive number of cells such as 65536, 64Ki or 64Mi", 10));
}

TEST_CASE("duplicate is none, free or reprogram, replicate is named as replaced", "[pim]") {
  CHECK(Read("    duplicate: free\n").pim().duplicate == arch::Duplication::free);
  CHECK(Read("    duplicate: reprogram\n").pim().duplicate == arch::Duplication::reprogram);
  CHECK(Read("\n").pim().duplicate == arch::Duplication::none);
  Read typo("    duplicate: fre\n");
  CHECK(typo.doc.mentions("did you mean 'free'", 10));
  Read old("    replicate: true\n");
  CHECK(old.doc.mentions("'replicate' is replaced by 'duplicate'", 10));
}

TEST_CASE("DAC bits beyond what the DAC model covers are an error, not a crash", "[pim]") {
  Read wide("    input_bits: 24\n    dac_bits: 20\n");
  CHECK(wide.doc.mentions("expected DAC bits between 1 and 16, found '20'", 11));
}

TEST_CASE("buffers is register_file or sram on NeuroSim's chip, and an error at its place on crossbars", "[pim]") {
  CHECK(Read("    organization: neurosim\n").pim().neurosim_buffers == "register_file");  // NeuroSim's reference
  Read sram("    organization: neurosim\n    buffers: sram\n");
  REQUIRE(sram.doc.sink.empty());
  CHECK(sram.pim().neurosim_buffers == "sram");
  Read typo("    organization: neurosim\n    buffers: sarm\n");
  CHECK(
      typo.doc.mentions("accelerator.pim.buffers: expected what NeuroSim's buffers are built of (register_file, sram), found 'sarm'", 11));
  CHECK(typo.doc.mentions("did you mean 'sram'", 11));
  Read crossbars("    buffers: sram\n");
  CHECK(
      crossbars.doc.mentions("accelerator.pim.buffers: 'buffers' chooses what NeuroSim's chip builds its global and tile buffers of", 10));
  CHECK(crossbars.doc.mentions("applies only to organization: neurosim", 10));
}
