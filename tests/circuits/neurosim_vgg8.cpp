// VGG-8 at the subarray level against DNN+NeuroSim V1.3 (see neurosim_vgg8.h).

#include "neurosim_vgg8.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace hwaware::circuits::testing {
namespace {

std::vector<std::vector<std::string>> read_csv(const std::string& path, bool header) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  if (header) std::getline(in, line);
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (char ch : line) {
      if (ch == '"') quoted = !quoted;
      else if (ch == ',' && !quoted) cells.push_back(cell), cell.clear();
      else cell += ch;
    }
    cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

}  // namespace

std::vector<Vgg8Layer> load_vgg8(const std::string& dir) {
  const auto net = read_csv(dir + "/NetWork_VGG8.csv", false);
  const auto stats = read_csv(dir + "/trace_stats.csv", true);
  const auto ref = read_csv(dir + "/layers_rram_128x128.csv", true);
  std::vector<Vgg8Layer> layers;
  for (size_t i = 0; i < net.size(); ++i) {
    Vgg8Layer l;
    l.layer = static_cast<int>(i) + 1;
    const long h = std::stol(net[i][0]), w = std::stol(net[i][1]), k = std::stol(net[i][3]), stride = std::stol(net[i][7]);
    l.vectors = (h - k + 1) / stride * ((w - k + 1) / stride);
    l.density = std::stod(stats[i][3]);
    l.matrix_rows = std::stol(stats[i][4]);
    l.matrix_cols = std::stol(stats[i][5]) * 4;
    l.sign_bit_zero = i > 0;
    l.speedup = std::stoi(ref[i][4]);
    l.tiles = std::stoi(ref[i][3]);
    l.novel = std::stol(net[i][3]) * std::stol(net[i][4]) == 9 && l.matrix_rows >= 128;
    l.adc_latency_s = std::stod(ref[i][14]) * 1e-9;
    l.adc_j = std::stod(ref[i][17]) * 1e-12;
    l.accumulation_j = std::stod(ref[i][18]) * 1e-12;
    l.other_j = std::stod(ref[i][19]) * 1e-12;
    l.buffer_j = std::stod(ref[i][11]) * 1e-12;
    l.interconnect_j = std::stod(ref[i][13]) * 1e-12;
    layers.push_back(l);
  }
  return layers;
}

Vgg8Chip load_vgg8_chip(const std::string& dir) {
  const auto chip = read_csv(dir + "/chip_rram_128x128.csv", true);
  return {std::stod(chip[0][6]) * 1e-9, std::stod(chip[0][3]) * 1e-12, std::stod(chip[0][5]) * 1e-12};
}

long vgg8_subarrays(const std::vector<Vgg8Layer>& layers) {
  long n = 0;
  for (const auto& l : layers) n += l.tiles * (l.novel ? 9 * 16 : 4 * 16);
  return n;
}

LayerEstimate estimate_layer(const SubarrayConfig& base, const Vgg8Layer& l) {
  const int bits = base.input_bits;
  // Non-negative inputs put all their ones in the other bits.
  const double density = l.sign_bit_zero ? l.density * bits / (bits - 1) : l.density;
  SubarrayConfig c = base;
  c.input_bit_density = density;
  const Subarray s = build_subarray(c);
  LayerEstimate e;
  for (long r0 = 0; r0 < l.matrix_rows; r0 += c.rows) {
    for (long c0 = 0; c0 < l.matrix_cols; c0 += c.cols) {
      const long rows = std::min(c.rows, l.matrix_rows - r0), cols = std::min(c.cols, l.matrix_cols - c0);
      for (int b = 0; b < bits; ++b) {
        const double d = (l.sign_bit_zero && b == 0) ? 0 : density;
        const CategoryEnergy pulse = read_pulse_energy(s, expected_counts(s, d, rows, cols));
        e.adc_j += pulse.adc_j * static_cast<double>(l.vectors);
        e.shift_add_j += pulse.accumulation_j * static_cast<double>(l.vectors);
        e.other_j += pulse.other_j * static_cast<double>(l.vectors);
      }
    }
  }
  // The subarrays run in parallel; duplicated weights share the vectors.
  e.adc_latency_s = s.pulse_latency.adc_s * static_cast<double>(l.vectors * bits) / l.speedup;
  return e;
}

}  // namespace hwaware::circuits::testing
