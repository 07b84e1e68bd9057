// VGG-8 at the subarray level against DNN+NeuroSim V1.3 (see neurosim_vgg8.h).

#include "neurosim_vgg8.h"

#include "circuits/subarray_reads.h"

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
    l.latency_s = std::stod(ref[i][6]) * 1e-9;
    l.dynamic_j = std::stod(ref[i][7]) * 1e-12;
    l.leakage_power_w = std::stod(ref[i][8]) * 1e-6;
    l.leakage_j = std::stod(ref[i][9]) * 1e-12;
    l.buffer_latency_s = std::stod(ref[i][10]) * 1e-9;
    l.interconnect_latency_s = std::stod(ref[i][12]) * 1e-9;
    l.accumulation_latency_s = std::stod(ref[i][15]) * 1e-9;
    l.other_latency_s = std::stod(ref[i][16]) * 1e-9;
    layers.push_back(l);
  }
  return layers;
}

namespace {
// The number after the last ':' of the log line starting with `key`.
double log_value(const std::string& log, const std::string& key) {
  std::ifstream in(log);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key, 0) == 0) return std::stod(line.substr(line.rfind(':') + 1));
  throw std::runtime_error("no '" + key + "' in " + log);
}
}  // namespace

Vgg8Chip load_vgg8_chip(const std::string& dir) {
  const auto chip = read_csv(dir + "/chip_rram_128x128.csv", true);
  Vgg8Chip c;
  c.clock_period_s = std::stod(chip[0][6]) * 1e-9;
  c.area_m2 = std::stod(chip[0][2]) * 1e-12;
  c.array_area_m2 = std::stod(chip[0][3]) * 1e-12;
  c.interconnect_area_m2 = std::stod(chip[0][4]) * 1e-12;
  c.adc_area_m2 = std::stod(chip[0][5]) * 1e-12;
  c.latency_s = std::stod(chip[0][7]) * 1e-9;
  c.dynamic_j = std::stod(chip[0][8]) * 1e-12;
  c.leakage_j = std::stod(chip[0][9]) * 1e-12;
  const std::string log = dir + "/vgg8_rram_128x128.log";
  c.accumulation_area_m2 = log_value(log, "Total Accumulation Circuits") * 1e-12;
  c.other_area_m2 = log_value(log, "Other Peripheries (e.g. decoders, mux, switchmatrix, buffers, pooling") * 1e-12;
  return c;
}

std::vector<ChipLayer> vgg8_chip_layers(const std::string& dir) {
  const auto net = read_csv(dir + "/NetWork_VGG8.csv", false);
  const auto stats = read_csv(dir + "/trace_stats.csv", true);
  std::vector<ChipLayer> layers;
  for (size_t i = 0; i < net.size(); ++i) {
    ChipLayer l;
    l.shape = {std::stoi(net[i][0]), std::stoi(net[i][1]), std::stoi(net[i][2]), std::stoi(net[i][3]),
               std::stoi(net[i][4]), std::stoi(net[i][5]), net[i][6] == "1",     std::stoi(net[i][7])};
    l.input = {std::stod(stats[i][3]), i > 0};
    layers.push_back(l);
  }
  return layers;
}

long vgg8_subarrays(const std::vector<Vgg8Layer>& layers) {
  long n = 0;
  for (const auto& l : layers) n += l.tiles * (l.novel ? 9 * 16 : 4 * 16);
  return n;
}

LayerEstimate estimate_layer(const SubarrayConfig& base, const Vgg8Layer& l) {
  // The subarray priced at the layer's density (at 22 nm the prices barely depend on it).
  const InputBits in{l.density, l.sign_bit_zero};
  SubarrayConfig c = base;
  c.input_bit_density = l.sign_bit_zero ? l.density * c.input_bits / (c.input_bits - 1) : l.density;
  const Subarray s = build_subarray(c);
  const CategoryEnergy e = subarray_read_energy(s, subarray_read_counts(s, l.matrix_rows, l.matrix_cols, l.vectors, in));
  // The subarrays run in parallel; duplicated weights share the vectors.
  const double adc_latency_s = s.pulse_latency.adc_s * static_cast<double>(l.vectors * c.input_bits) / l.speedup;
  return {e.adc_j, e.accumulation_j, e.other_j, adc_latency_s};
}

}  // namespace hwaware::circuits::testing
