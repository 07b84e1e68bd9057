// Analog PIM component estimators: ADCs (ISAAC table, survey model), DACs, shift-and-add, cells,
// and ISAAC's full-precision ADC bits. Reference rows: tests/reference/pim/ (see its README.md).

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "models/pim_estimators.h"

using namespace hwaware;
using model::AdcModel;

namespace {

// One CSV line split into fields; a field in double quotes may hold commas.
std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (char ch : line) {
    if (ch == '"') quoted = !quoted;
    else if (ch == ',' && !quoted) fields.emplace_back();
    else fields.back() += ch;
  }
  return fields;
}

// The data rows of a reference CSV (header and '#' comment lines skipped).
std::vector<std::vector<std::string>> read_reference(const std::string& name) {
  std::ifstream in(std::string(HWAWARE_TEST_DATA) + "/reference/pim/" + name);
  REQUIRE(in.good());
  std::vector<std::vector<std::string>> rows;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    rows.push_back(split_csv(line));
  }
  return rows;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

const std::vector<std::string>& find_row(const std::vector<std::vector<std::string>>& rows, const std::string& prefix) {
  for (const auto& r : rows)
    if (starts_with(r[0], prefix)) return r;
  FAIL("no reference row starting with " << prefix);
  return rows.front();
}

constexpr AdcModel kBothModels[] = {AdcModel::isaac_table, AdcModel::survey};

}  // namespace

TEST_CASE("the ISAAC table gives ISAAC's 8-bit ADC and every row of its scaled table within 1%", "[pim]") {
  auto isaac8 = model::adc_cost(AdcModel::isaac_table, 8, 32, 128);
  CHECK(isaac8.energy_pj == Approx(1.667).epsilon(0.001));
  CHECK(isaac8.area_um2 == Approx(1200));
  CHECK(isaac8.latency_ns == Approx(1 / 1.2));
  int scaled_rows = 0;
  for (const auto& r : read_reference("adc_energy_reference.csv")) {
    if (!starts_with(r[0], "ISAAC-scaled") && !starts_with(r[0], "ISAAC (ISCA 2016)")) continue;
    scaled_rows += starts_with(r[0], "ISAAC-scaled");
    auto c = model::adc_cost(AdcModel::isaac_table, std::stoi(r[3]), std::stod(r[4]), 128);
    INFO(r[0] << " " << r[3] << " bits");
    CHECK(c.energy_pj == Approx(std::stod(r[7])).epsilon(0.01));
    CHECK(c.area_um2 == Approx(std::stod(r[8])).epsilon(0.01));
  }
  CHECK(scaled_rows == 7);  // 4..10 bits
}

TEST_CASE("outside 4..10 bits the ISAAC table continues the trend of its two nearest rows", "[pim]") {
  auto at = [](int bits) { return model::adc_cost(AdcModel::isaac_table, bits, 32, 128); };
  CHECK(at(11).energy_pj == Approx(at(10).energy_pj * at(10).energy_pj / at(9).energy_pj));
  CHECK(at(12).area_um2 == Approx(at(10).area_um2 * std::pow(at(10).area_um2 / at(9).area_um2, 2)));
  CHECK(at(3).energy_pj == Approx(at(4).energy_pj * at(4).energy_pj / at(5).energy_pj));
  CHECK(at(1).area_um2 == Approx(at(4).area_um2 * std::pow(at(4).area_um2 / at(5).area_um2, 3)));
}

TEST_CASE("ADC energy and area grow with bits in both models", "[pim]") {
  for (auto m : kBothModels) {
    for (int bits = 2; bits <= 16; ++bits) {
      INFO(model::to_string(m) << " " << bits << " bits");
      auto lower = model::adc_cost(m, bits - 1, 32, 128);
      auto c = model::adc_cost(m, bits, 32, 128);
      CHECK(c.energy_pj > lower.energy_pj);
      CHECK(c.area_um2 > lower.area_um2);
      CHECK_FALSE(c.source.empty());
    }
  }
}

TEST_CASE("the survey ADC slows with the rows it serves and the ISAAC ADC does not", "[pim]") {
  auto survey = [](long long rows) { return model::adc_cost(AdcModel::survey, 8, 28, rows).latency_ns; };
  CHECK(survey(256) > survey(128));
  CHECK(survey(1024) > survey(256));
  CHECK(survey(128) == Approx(8 * (0.00653 * 128 + 0.64)));                       // ZigZag's closed form at 28 nm
  CHECK(model::adc_cost(AdcModel::survey, 6, 28, 128).latency_ns < survey(128));  // and with bits
  auto isaac = [](long long rows) { return model::adc_cost(AdcModel::isaac_table, 8, 32, rows).latency_ns; };
  CHECK(isaac(1024) == isaac(128));
}

TEST_CASE("the survey ADC costs the plug-in's Walden figure of merit times 2^bits", "[pim]") {
  // Accelergy ADC plug-in's best 8-bit ADC at 1.2 GS/s: 0.840 pJ per conversion (3.28 fJ/step).
  auto c8 = model::adc_cost(AdcModel::survey, 8, 32, 128);
  CHECK(c8.energy_pj == Approx(0.8401).epsilon(0.001));
  CHECK(model::adc_cost(AdcModel::survey, 10, 32, 128).energy_pj == Approx(4 * c8.energy_pj));
  // ZigZag's 28 nm area fit: 10^(-0.0369 x 8 + 1.206) x 2^8 um^2.
  CHECK(model::adc_cost(AdcModel::survey, 8, 28, 128).area_um2 == Approx(std::pow(10.0, -0.0369 * 8 + 1.206) * 256));
}

TEST_CASE("energies scale linearly and areas quadratically with the node", "[pim]") {
  auto check_scaling = [](const model::PeripheralCost& at32, const model::PeripheralCost& at16) {
    CHECK(at16.energy_pj == Approx(at32.energy_pj / 2));
    CHECK(at16.area_um2 == Approx(at32.area_um2 / 4));
  };
  for (auto m : kBothModels) {
    INFO(model::to_string(m));
    check_scaling(model::adc_cost(m, 8, 32, 128), model::adc_cost(m, 8, 16, 128));
  }
  check_scaling(model::dac_cost(2, 32), model::dac_cost(2, 16));
  check_scaling(*model::cell_write_cost("sram", 1, 32), *model::cell_write_cost("sram", 1, 16));
  // Survey delays are circuit delays (linear in the node); ISAAC's 1.2 GS/s is a published rate.
  CHECK(model::adc_cost(AdcModel::survey, 8, 14, 128).latency_ns == Approx(model::adc_cost(AdcModel::survey, 8, 28, 128).latency_ns / 2));
  CHECK(model::adc_cost(AdcModel::isaac_table, 8, 16, 128).latency_ns == model::adc_cost(AdcModel::isaac_table, 8, 32, 128).latency_ns);
}

TEST_CASE("the 1-bit DAC costs ISAAC's 0.4167 pJ per row drive and each further bit doubles it", "[pim]") {
  auto dac1 = model::dac_cost(1, 32);
  CHECK(dac1.energy_pj == Approx(0.4167).epsilon(0.001));
  const auto components = read_reference("isaac_components.csv");
  const auto& row = find_row(components, "DAC 1b");
  CHECK(dac1.energy_pj == Approx(std::stod(row[4])).epsilon(0.01));  // 0.417 per row drive
  CHECK(dac1.area_um2 == Approx(0.166).epsilon(0.01));
  CHECK(model::dac_cost(2, 32).energy_pj > dac1.energy_pj);
  CHECK(model::dac_cost(2, 32).energy_pj == Approx(2 * dac1.energy_pj));
  // MNSIM's table: 4 bits draw 0.0312 mW against 0.0039 mW for 1 bit, 1.328 um^2 against 0.166.
  CHECK(model::dac_cost(4, 32).energy_pj / dac1.energy_pj == Approx(0.0312 / 0.0039));
  CHECK(model::dac_cost(4, 32).area_um2 == Approx(1.328).epsilon(0.01));
}

TEST_CASE("full-precision ADC bits follow ISAAC's rule", "[pim]") {
  CHECK(model::full_precision_adc_bits(128, 1, 2) == 9);   // ISAAC: 7 + 1 + 2 - 1
  CHECK(model::full_precision_adc_bits(128, 1, 1) == 8);   // 7 + 1 + 1 - 1: a sum of 128 ones needs 8 bits
  CHECK(model::full_precision_adc_bits(128, 2, 2) == 11);  // 7 + 2 + 2
  CHECK(model::full_precision_adc_bits(128, 1, 4) == 11);  // 7 + 1 + 4 - 1
  CHECK(model::full_precision_adc_bits(256, 1, 2) == 10);
  CHECK(model::full_precision_adc_bits(100, 1, 2) == 9);  // log2 rounded up: 7
  CHECK(model::full_precision_adc_bits(1, 1, 1) == 1);
}

TEST_CASE("full-precision ADC bits cover the largest column sum, exactly for power-of-two rows", "[pim]") {
  for (long long rows : {1LL, 2LL, 3LL, 9LL, 64LL, 72LL, 100LL, 128LL, 576LL, 1024LL, 4096LL}) {
    for (int v = 1; v <= 4; ++v) {
      for (int w = 1; w <= 4; ++w) {
        const long long largest = rows * ((1LL << v) - 1) * ((1LL << w) - 1);
        int needed = 0;
        while ((1LL << needed) <= largest) ++needed;  // bits to write 0..largest
        INFO(rows << " rows, " << v << "-bit inputs, " << w << "-bit cells");
        const int bits = model::full_precision_adc_bits(rows, v, w);
        CHECK(bits >= needed);
        if ((rows & (rows - 1)) == 0) CHECK(bits == needed);
      }
    }
  }
}

TEST_CASE("cell writes are priced for rram and sram and not for unknown devices", "[pim]") {
  CHECK(model::cell_write_cost("rram", 2, 32));
  CHECK(model::cell_write_cost("sram", 1, 28));
  CHECK_FALSE(model::cell_write_cost("pcm", 2, 32));
  CHECK_FALSE(model::cell_write_cost("flash", 2, 32));
}

TEST_CASE("writing a cell costs more energy with more bits per cell", "[pim]") {
  for (const char* device : {"rram", "sram"}) {
    INFO(device);
    for (int bits = 2; bits <= 4; ++bits) {
      auto write = model::cell_write_cost(device, bits, 32);
      REQUIRE(write);
      CHECK(write->latency_ns > 0);
      CHECK(write->energy_pj > model::cell_write_cost(device, bits - 1, 32)->energy_pj);
    }
  }
  // NVSim's RRAM cell: a 1-bit write is a RESET and, half the time, one SET, 0.6 pJ and 10 ns each.
  CHECK(model::cell_write_cost("rram", 1, 32)->energy_pj == Approx(0.9));
  CHECK(model::cell_write_cost("rram", 1, 32)->latency_ns == Approx(20));
}

TEST_CASE("ADC model names round-trip", "[pim]") {
  for (const auto& name : model::adc_model_names()) {
    auto m = model::adc_model_from(name);
    REQUIRE(m);
    CHECK(model::to_string(*m) == name);
  }
  CHECK(model::adc_model_names().size() == 2);
  CHECK(model::adc_model_from("isaac-table") == AdcModel::isaac_table);
  CHECK_FALSE(model::adc_model_from("isaac"));
}
