#include "sim/spatial_schedule.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/diagnostics.h"

namespace hwaware::sim {

std::vector<double> even_shares(double total, long long parts) {
  std::vector<double> shares(static_cast<std::size_t>(std::max(1LL, parts)), 0.0);
  const double whole = std::floor(total);
  double given = 0;
  for (std::size_t k = 0; k < shares.size(); ++k) {
    // cumulative floor(whole x (k + 1) / parts): each share is a whole number
    const double upto = std::floor(whole * static_cast<double>(k + 1) / static_cast<double>(shares.size()));
    shares[k] = upto - given;
    given = upto;
  }
  shares.back() += total - given;  // the fraction, and any rounding left
  return shares;
}

std::vector<LevelLoad> level_loads(const model::LayerCounts& counts) {
  std::vector<LevelLoad> loads(counts.levels.size());
  for (std::size_t l = 1; l < counts.levels.size(); ++l) {
    const auto& lc = counts.levels[l];
    const double word = static_cast<double>(lc.word_bits);
    for (std::size_t t = 0; t < lc.tensors.size(); ++t) {
      if (lc.tensors[t].kept) {
        // Per instance of the level, as the analytical counts give them and as its ports move them.
        loads[l].read_words += lc.bits[t].read_bits / word;
        loads[l].write_words += (lc.bits[t].fill_bits + lc.bits[t].update_bits) / word;
      }
      const auto& n = lc.network[t];
      if (n.fanout > 1 && n.instances > 0) loads[l].network_words += lc.network_bits[t].transfer_words;
    }
  }
  return loads;
}

namespace {

// Iterations of the backing store's temporal loops: the tiles the on-chip levels receive.
long long outer_iterations(const mapping::Mapping& m) {
  long long n = 1;
  for (const auto& loop : m.levels.front().temporal) n *= loop.bound;
  return n;
}

// Words of the backing store (level 0) that `bits` bits take.
double dram_words(const model::LayerCounts& c, double bits) { return bits / static_cast<double>(c.levels.front().word_bits); }

}  // namespace

Schedule build_spatial_schedule(const arch::Spec& spec, const mapping::Mapping& m, const workload::Problem& problem,
                                const model::LayerCounts& counts) {
  if (counts.levels.size() < 2 || problem.data_spaces.size() > kMaxTensors)
    core::panic("spatial schedule: needs DRAM, an on-chip level and at most 4 tensors");
  Schedule s;
  const std::size_t nt = problem.data_spaces.size();
  for (const auto& ds : problem.data_spaces) s.tensors.push_back(ds.name);
  const long long steps = std::min(outer_iterations(m), kMaxSteps);
  s.steps.resize(static_cast<std::size_t>(steps));
  s.ideal_cycles = counts.cycles;

  // The array's compute cycles, and each step's share of the on-chip levels' traffic (the levels'
  // modules time it at their ports while the array computes).
  const auto cycles = even_shares(static_cast<double>(counts.compute_cycles), steps);
  for (std::size_t k = 0; k < s.steps.size(); ++k) {
    s.steps[k].compute_cycles = static_cast<long long>(cycles[k]);
    s.steps[k].share =
        counts.compute_cycles > 0 ? cycles[k] / static_cast<double>(counts.compute_cycles) : 1.0 / static_cast<double>(steps);
  }
  s.loads = level_loads(counts);

  // Where each tensor lands from DRAM: the first level below that keeps it. Its tiles there (over
  // all instances) and the level's capacity, shared among the tensors landing there by tile, in
  // DRAM words: a level double-buffers when twice its tiles fit.
  std::vector<double> landed_tiles(counts.levels.size(), 0.0);
  for (std::size_t t = 0; t < nt; ++t) {
    for (std::size_t l = 1; l < counts.levels.size(); ++l) {
      const auto& a = counts.levels[l].tensors[t];
      if (!a.kept) continue;
      s.landing[t] = l;
      s.tile_words[t] = dram_words(
          counts, static_cast<double>(a.tile_size) * static_cast<double>(a.instances) * counts.levels[l].bits[t].bits_per_element);
      landed_tiles[l] += s.tile_words[t];
      break;
    }
  }
  for (std::size_t t = 0; t < nt; ++t) {
    const std::size_t l = s.landing[t];
    const auto capacity_bits = spec.levels[l].capacity_bits();
    const double instances = static_cast<double>(std::max(1LL, counts.levels[l].utilized_instances));
    s.buffer_words[t] = capacity_bits && landed_tiles[l] > 0
                            ? dram_words(counts, *capacity_bits * instances) * s.tile_words[t] / landed_tiles[l]
                            : std::numeric_limits<double>::infinity();
  }

  // DRAM traffic: the first step fetches its whole tiles, the other steps share the rest.
  const auto& dram = counts.levels.front();
  for (std::size_t t = 0; t < nt; ++t) {
    if (!dram.tensors[t].kept) continue;
    const double reads = dram_words(counts, dram.bits[t].read_bits);
    const double first = std::min(reads, std::ceil(s.tile_words[t]));
    const auto rest = even_shares(reads - first, std::max(1LL, steps - 1));
    s.steps[0].dram_reads[t] = first;
    for (std::size_t k = 1; k < s.steps.size(); ++k) s.steps[k].dram_reads[t] = rest[k - 1];
    if (steps == 1) s.steps[0].dram_reads[t] += rest[0];
    const auto writes = even_shares(dram_words(counts, dram.bits[t].update_bits), steps);
    for (std::size_t k = 0; k < s.steps.size(); ++k) s.steps[k].dram_writes[t] = writes[k];
  }
  return s;
}

}  // namespace hwaware::sim
