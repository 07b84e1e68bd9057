// Hand-checked counting rules on small shapes; each expected number is derived in the test.

#include <catch2/catch.hpp>

#include "models/analytical_model.h"
#include "models/small_layers.h"

using namespace hwaware;
using mapping::Loop;
using mapping::LoopKind;
using namespace hwaware::test;

namespace {

const model::TensorAccess& at(const model::LayerCounts& c, std::size_t level, std::size_t tensor) {
  return c.levels.at(level).tensors.at(tensor);
}

}  // namespace

TEST_CASE("fills count only new data under a sliding window", "[rules]") {
  // Buffer holds R=3 inputs; the P loop above slides the window by one: 3 + 15 * 1 = 18 fills.
  auto pr = conv1d(1, 3, 16);
  auto spec = spec_of({level("Main"), level("Buffer")});
  mapping::Mapping m{{lm({{P, 16}}), lm({{R, 3}})}};
  auto c = model::evaluate_counts(spec, m, pr);
  CHECK(at(c, 1, I).fills == 18);
  CHECK(at(c, 0, I).reads == 18);
  CHECK(at(c, 1, W).fills == 3);  // weights stay for all of P
}

TEST_CASE("a sliding window that changes direction refetches the whole tile", "[rules]") {
  // K outside P: every new K restarts the window at P=0, a move backwards: 16 * (3 + 15) fills.
  auto pr = conv1d(16, 3, 16);
  auto spec = spec_of({level("Main"), level("Buffer")});
  mapping::Mapping m{{lm({{K, 16}, {P, 16}}), lm({{R, 3}})}};
  auto c = model::evaluate_counts(spec, m, pr);
  CHECK(at(c, 1, I).fills == 16 * 18);
}

TEST_CASE("the first update of an output is a write without a read", "[rules]") {
  // 48 MACs update 16 outputs: 48 updates, 48 - 16 = 32 reads; the 16 results go to Main once.
  auto pr = conv1d(1, 3, 16);
  auto spec = spec_of({level("Main"), level("Buffer")});
  mapping::Mapping m{{lm({{P, 16}}), lm({{R, 3}})}};
  auto c = model::evaluate_counts(spec, m, pr);
  CHECK(at(c, 1, O).updates == 48);
  CHECK(at(c, 1, O).reads == 32);
  CHECK(at(c, 1, O).fills == 0);
  CHECK(at(c, 0, O).updates == 16);
  CHECK(at(c, 0, O).reads == 0);
}

TEST_CASE("partial sums evicted and refilled are fills after the first visit", "[rules]") {
  // Main iterates R outside K; the buffer holds one K row of 16 outputs. Each of the 3 R passes
  // brings both rows in (6 * 16 arrivals); the first pass needs no fill: 6 * 16 - 32 = 64 fills.
  auto pr = conv1d(2, 3, 16);
  auto spec = spec_of({level("Main"), level("Buffer")});
  mapping::Mapping m{{lm({{R, 3}, {K, 2}}), lm({{P, 16}})}};
  auto c = model::evaluate_counts(spec, m, pr);
  CHECK(at(c, 1, O).partition_size == 32);
  CHECK(at(c, 1, O).fills == 64);
  CHECK(at(c, 1, O).updates == 96);
  CHECK(at(c, 0, O).updates == 96);  // every pass writes its partial sums back
  CHECK(at(c, 0, O).reads == 64);    // and reads them back for the next pass
}

TEST_CASE("data shared by spatial children is multicast: one parent read feeds all", "[rules]") {
  // 4 PEs each compute one K; inputs do not depend on K, so one read serves all four.
  auto pr = conv1d(4, 3, 16);
  auto spec = spec_of({level("Main"), level("PE", 4)}, 4);
  mapping::Mapping m{{lm({{P, 16}}, {{K, 4, LoopKind::spatial_x}}), lm({{R, 3}})}};
  auto c = model::evaluate_counts(spec, m, pr);
  CHECK(at(c, 1, I).fills == 18);  // per PE
  CHECK(at(c, 1, I).instances == 4);
  CHECK(at(c, 0, I).reads == 18);     // not 4 * 18
  CHECK(at(c, 0, W).reads == 4 * 3);  // weights differ per PE: unicast
  CHECK(c.computes == 4 * 3 * 16);
  CHECK(c.cycles == 3 * 16);
}

TEST_CASE("a bypassed level passes its children's requests to its parent", "[rules]") {
  // The middle level keeps only weights: inputs go straight from Main to the buffer.
  auto pr = conv1d(1, 3, 16);
  auto spec = spec_of({level("Main"), level("Mid"), level("Buffer")});
  mapping::Mapping m{{lm({}), lm({{P, 16}}, {}, {true, false, true}), lm({{R, 3}})}};
  auto c = model::evaluate_counts(spec, m, pr);
  CHECK_FALSE(at(c, 1, I).kept);
  CHECK(at(c, 2, I).fills == 18);
  CHECK(at(c, 0, I).reads == 18);
}

TEST_CASE("vector accesses round up to whole blocks", "[rules]") {
  // Main has 8-word blocks: 3 weight reads cost one vector access, 18 input reads three.
  auto pr = conv1d(1, 3, 16);
  auto spec = spec_of({level("Main", 1, 8), level("Buffer")});
  mapping::Mapping m{{lm({{P, 16}}), lm({{R, 3}})}};
  auto c = model::evaluate_counts(spec, m, pr);
  model::EnergyTable t;
  model::ComponentEnergy e;
  e.read_pj = 10;
  t.set("Main", e);
  auto en = model::price_layer(spec, c, t);
  double weights = 0, inputs = 0;
  for (const auto& r : en.rows) {
    if (r.component == "Main" && r.tensor == "Weights" && r.action == "read") weights = r.energy_pj;
    if (r.component == "Main" && r.tensor == "Inputs" && r.action == "read") inputs = r.energy_pj;
  }
  CHECK(weights == Approx(10));
  CHECK(inputs == Approx(30));
}

TEST_CASE("cycles are limited by the slowest level's bandwidth", "[rules]") {
  // The buffer must absorb 48 output updates in 48 compute cycles; at 0.5 words/cycle of write
  // bandwidth (updates + fills = 48 + 21) it takes ceil(48 / (0.5 / (69/48))) = 138 cycles.
  auto pr = conv1d(1, 3, 16);
  auto buffer = level("Buffer");
  buffer.write_bandwidth = 0.5;
  auto spec = spec_of({level("Main"), buffer});
  mapping::Mapping m{{lm({{P, 16}}), lm({{R, 3}})}};
  auto c = model::evaluate_counts(spec, m, pr);
  CHECK(c.compute_cycles == 48);
  CHECK(c.cycles == 138);
  CHECK(c.utilization == Approx(48.0 / 138.0));
}

TEST_CASE("a single-ported level shares its time between reads and writes", "[rules]") {
  // The buffer reads 48 + 48 + 32 = 128 words and writes 18 + 3 + 48 = 69 in 48 compute cycles.
  // At 2 words/cycle of reads and 1 of writes: two ports take max(128 / 2, 69 / 1) = 69 cycles,
  // one port 128 / 2 + 69 / 1 = 133 (Timeloop's num-ports: 1).
  auto pr = conv1d(1, 3, 16);
  auto buffer = level("Buffer");
  buffer.read_bandwidth = 2;
  buffer.write_bandwidth = 1;
  mapping::Mapping m{{lm({{P, 16}}), lm({{R, 3}})}};
  CHECK(model::evaluate_counts(spec_of({level("Main"), buffer}), m, pr).cycles == 69);
  buffer.ports = 1;
  CHECK(model::evaluate_counts(spec_of({level("Main"), buffer}), m, pr).cycles == 133);
}

TEST_CASE("a network delivers each multicast word to every child and counts mesh hops", "[rules]") {
  // Same 4-PE multicast as above, seen from Main's network. Inputs: 18 ingresses, each delivered
  // to 4 PEs (72 = the PEs' fills) over sqrt(4)*sqrt(4) + 0.5*(2-2) - 2/2 + 0.5 = 3.5 hops.
  // Weights: 12 unicast ingresses of 2*1 + 0.5*(2-1) - 2/1 + 0.5 = 1 hop. Outputs: 64 results
  // sent up once each, none read back (Main holds every output once).
  auto pr = conv1d(4, 3, 16);
  auto spec = spec_of({level("Main"), level("PE", 4)}, 4);
  mapping::Mapping m{{lm({{P, 16}}, {{K, 4, LoopKind::spatial_x}}), lm({{R, 3}})}};
  auto c = model::evaluate_counts(spec, m, pr);
  const auto& net = c.levels.at(0).network;
  CHECK(net.at(I).fanout == 4);
  CHECK(net.at(I).ingresses == 18);
  CHECK(net.at(I).deliveries == 72);
  CHECK(net.at(I).deliveries == at(c, 1, I).fills * static_cast<double>(at(c, 1, I).instances));
  CHECK(net.at(I).hops == Approx(18 * 3.5));
  CHECK(net.at(W).deliveries == 12);
  CHECK(net.at(W).hops == Approx(12 * 1.0));
  CHECK(net.at(O).deliveries == 64);
  CHECK(c.levels.at(1).network.at(I).fanout == 1);  // the PEs do not fan out

  model::EnergyTable t;
  model::ComponentEnergy e;
  e.transfer_pj = 2;
  e.hop_pj = 0.5;
  t.set("Main_network", e);
  auto en = model::price_layer(spec, c, t);
  double net_pj = 0;
  for (const auto& r : en.rows)
    if (r.component == "Main_network") net_pj += r.energy_pj;
  CHECK(net_pj == Approx(2 * (72 + 12 + 64) + 0.5 * (63 + 12 + 64 * 1.0)));
}
