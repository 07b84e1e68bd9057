// Static CMOS gates in DNN+NeuroSim V1.3's method (formula.cpp, after CACTI), bulk devices:
// capacitances, footprint with folding, leakage, on resistance, transconductance, Horowitz delay.

#include "circuits/gates.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/diagnostics.h"

namespace hwaware::circuits {
namespace {

using core::panic;

void require_width(double width_m, const char* what) {
  if (!std::isfinite(width_m) || width_m < 0) panic(std::string("circuits: ") + what + " must be finite and >= 0");
}

void require_gate(double nmos_width_m, double pmos_width_m, int inputs) {
  require_width(nmos_width_m, "NMOS width");
  require_width(pmos_width_m, "PMOS width");
  if (nmos_width_m + pmos_width_m <= 0) panic("circuits: a gate needs a transistor of positive width");
  if (inputs < 1) panic("circuits: a gate needs at least one input");
}

// The space a cell of height `height_m` leaves for diffusion: the poly extensions and the
// half-gaps to the field poly above and below (NeuroSim formula.cpp, bulk), and the gap between
// P and N diffusions when both are present.
double diffusion_height_m(const Technology& t, double height_m, bool both_types) {
  const double ends_m = (kMinPolyExtDiff + kMinGapBetweenFieldPoly / 2) * 2 * t.feature_m;
  return height_m - ends_m - (both_types ? kMinGapBetweenPAndN * t.feature_m : 0);
}

// One transistor of a gate as laid out in the cell: unfolded while it fits the height its type
// gets (the cell's diffusion height shared in proportion to the widths), else folded into
// ceil(width / max) fingers of the maximum height.
struct Fingers {
  bool present = false;
  int folds = 1;
  double height_m = 0;  // each finger's diffusion height
};

struct CellLayout {
  Fingers nmos, pmos;
  bool unfolded() const { return nmos.folds == 1 && pmos.folds == 1; }
};

Fingers fingers(double width_m, double max_width_m) {
  Fingers f;
  if (width_m <= 0) return f;
  if (max_width_m <= 0) panic("circuits: the cell is too short to hold a transistor");
  f.present = true;
  if (width_m <= max_width_m) {
    f.height_m = width_m;
  } else {
    f.folds = static_cast<int>(std::ceil(width_m / max_width_m));
    f.height_m = max_width_m;
  }
  return f;
}

// The maximum widths are computed in NeuroSim's order of operations (height - gap - ends, PMOS
// share first, NMOS from it): a gate widened to fill the cell (NeuroSim's EnlargeSize, computed the
// same way) then fits exactly and does not fold on a rounding difference.
CellLayout lay_out(const Technology& t, double nmos_width_m, double pmos_width_m, double height_m) {
  if (!(height_m > 0) || !std::isfinite(height_m)) panic("circuits: a cell height must be finite and > 0");
  const double pmos_share = pmos_width_m / (pmos_width_m + nmos_width_m);
  double max_nmos_m = 0, max_pmos_m = 0;
  if (pmos_share == 0) {
    max_nmos_m = diffusion_height_m(t, height_m, false);
  } else if (pmos_share == 1) {
    max_pmos_m = diffusion_height_m(t, height_m, false);
  } else {
    max_pmos_m =
        pmos_share * (height_m - kMinGapBetweenPAndN * t.feature_m - (kMinPolyExtDiff + kMinGapBetweenFieldPoly / 2) * 2 * t.feature_m);
    max_nmos_m = max_pmos_m / pmos_share * (1 - pmos_share);
  }
  CellLayout c;
  c.nmos = fingers(nmos_width_m, max_nmos_m);
  c.pmos = fingers(pmos_width_m, max_pmos_m);
  return c;
}

// Contacted poly pitch: a poly line and the gap to the next, x F.
constexpr double kPolyPitch = kPolyWidth + kMinGapBetweenGatePoly;

// The output node's diffusion of one transistor type: total drain width (along the cell), its
// height, the sidewall length not facing a gate, and the finger count.
struct Drain {
  double width_m = 0, height_m = 0, sidewall_m = 0;
  int folds = 1;
};

// Outer (isolation-edge) sidewalls of the drain and source fingers of a transistor with `folds`
// fingers: drains take the ends first, so 1 finger has one drain edge, 2 fingers two, 3 one...
int drain_edges(int folds) { return 1 + (folds + 1) % 2; }
int source_edges(int folds) { return 1 - (folds + 1) % 2; }

// A transistor type's drain: unit widths of its drain and source fingers (NeuroSim formula.cpp).
Drain unit_drain(const Technology& t, const Fingers& f, double* unit_source_m) {
  Drain d;
  d.folds = f.folds;
  if (!f.present) return d;
  d.height_m = f.height_m;
  d.width_m = std::ceil((f.folds + 1) / 2.0) * kMinGapBetweenGatePoly * t.feature_m;
  *unit_source_m = std::floor((f.folds + 1) / 2.0) * kMinGapBetweenGatePoly * t.feature_m;
  return d;
}

// `n` transistors in series (NAND's NMOS, NOR's PMOS). Unfolded, the shared diffusions are not
// counted; folded, the inner sources of the stack are.
Drain series_drain(const Technology& t, const Fingers& f, int n, bool gate_unfolded) {
  double unit_source_m = 0;
  Drain d = unit_drain(t, f, &unit_source_m);
  if (!f.present) return d;
  if (gate_unfolded) {
    d.width_m *= n;
    d.sidewall_m = 2 * d.width_m + d.height_m;
  } else {
    d.width_m = d.width_m * n + (n - 1) * unit_source_m;
    d.sidewall_m = 2 * d.width_m + d.height_m * drain_edges(f.folds) * n + d.height_m * source_edges(f.folds) * (n - 1);
  }
  return d;
}

// `n` transistors in parallel (NAND's PMOS, NOR's NMOS). Unfolded, neighbours share drains
// (floor((n+1)/2) of them); folded, every transistor has its own.
Drain parallel_drain(const Technology& t, const Fingers& f, int n, bool gate_unfolded) {
  double unit_source_m = 0;
  Drain d = unit_drain(t, f, &unit_source_m);
  if (!f.present) return d;
  if (gate_unfolded) {
    d.width_m *= (n + 1) / 2;
    d.sidewall_m = 2 * d.width_m + d.height_m * (1 - (n + 1) % 2);
  } else {
    d.width_m *= n;
    d.sidewall_m = 2 * d.width_m + d.height_m * drain_edges(f.folds) * n;
  }
  return d;
}

// An inverter's drains. NeuroSim V1.3 counts the NMOS drain's outer edges with the PMOS's finger
// count (it matters only when exactly one of them folds an even number of times); kept so the
// numbers match NeuroSim's.
void inverter_drains(const Technology& t, const CellLayout& c, Drain* n, Drain* p) {
  double unused_m = 0;
  *n = unit_drain(t, c.nmos, &unused_m);
  *p = unit_drain(t, c.pmos, &unused_m);
  if (c.pmos.present) p->sidewall_m = 2 * p->width_m + p->height_m * drain_edges(c.pmos.folds);
  if (c.nmos.present) n->sidewall_m = 2 * n->width_m + n->height_m * drain_edges(c.pmos.folds);
}

// Bottom junction + isolation-edge sidewall + gate-edge (drain to channel) capacitance.
double drain_node_cap_f(const Technology& t, const Drain& d) {
  return d.width_m * d.height_m * t.cap_junction_f_per_m2 + d.sidewall_m * t.cap_sidewall_f_per_m +
         d.folds * d.height_m * t.cap_drain_to_channel_f_per_m;
}

double leak_ratio(Gate g, int inputs) {
  if (g == Gate::nand) return inputs == 2 ? kAvgRatioLeak2InputNand : kAvgRatioLeak3InputNand;
  return inputs == 2 ? kAvgRatioLeak2InputNor : kAvgRatioLeak3InputNor;
}

}  // namespace

// NeuroSim V1.3 formula.cpp CalculateGateCap, after CACTI: ideal gate, overlap and fringe
// capacitance per width (the poly-wire term is zero in NeuroSim).
double gate_cap_f(const Technology& t, double width_m) {
  require_width(width_m, "transistor width");
  return (t.cap_ideal_gate_f_per_m + t.cap_overlap_f_per_m + t.cap_fringe_f_per_m) * width_m;
}

// NeuroSim V1.3 formula.cpp CalculateGateCapacitance, bulk branch.
GateCaps gate_caps(const Technology& t, Gate g, int inputs, double nmos_width_m, double pmos_width_m, double height_m) {
  require_gate(nmos_width_m, pmos_width_m, inputs);
  const CellLayout c = lay_out(t, nmos_width_m, pmos_width_m, height_m);
  Drain n, p;
  switch (g) {
    case Gate::inv: inverter_drains(t, c, &n, &p); break;
    case Gate::nor:
      n = parallel_drain(t, c.nmos, inputs, c.unfolded());
      p = series_drain(t, c.pmos, inputs, c.unfolded());
      break;
    case Gate::nand:
      n = series_drain(t, c.nmos, inputs, c.unfolded());
      p = parallel_drain(t, c.pmos, inputs, c.unfolded());
      break;
  }
  GateCaps caps;
  caps.input_f = gate_cap_f(t, nmos_width_m) + gate_cap_f(t, pmos_width_m);
  caps.output_f = drain_node_cap_f(t, n) + drain_node_cap_f(t, p);
  return caps;
}

// NeuroSim V1.3 formula.cpp CalculateDrainCap: the output of an inverter holding only this one.
double drain_cap_f(const Technology& t, double width_m, Mos type, double height_m) {
  if (type == Mos::nmos) return gate_caps(t, Gate::inv, 1, width_m, 0, height_m).output_f;
  return gate_caps(t, Gate::inv, 1, 0, width_m, height_m).output_f;
}

// NeuroSim V1.3 formula.cpp CalculateGateArea, bulk branch: each transistor takes (fingers + 1)
// poly pitches along the cell; a stack of unfolded transistors shares the diffusions between them.
Footprint gate_footprint(const Technology& t, Gate g, int inputs, double nmos_width_m, double pmos_width_m, double height_m) {
  require_gate(nmos_width_m, pmos_width_m, inputs);
  const CellLayout c = lay_out(t, nmos_width_m, pmos_width_m, height_m);
  const double pitch_m = kPolyPitch * t.feature_m;
  auto region_m = [&](const Fingers& f) {
    if (!f.present) return 0.0;
    const double unit_m = (f.folds + 1) * pitch_m;
    if (g == Gate::inv) return unit_m;
    return c.unfolded() ? unit_m * inputs - (inputs - 1) * pitch_m : unit_m * inputs;
  };
  Footprint fp;
  fp.height_m = height_m;
  fp.width_m = std::max(region_m(c.nmos), region_m(c.pmos));
  return fp;
}

// NeuroSim V1.3 formula.cpp CalculatePassGateArea, bulk branch: P and N stacked, each folded
// `folds` times, the cell as tall as they need.
Footprint pass_gate_footprint(const Technology& t, double nmos_width_m, double pmos_width_m, int folds) {
  require_gate(nmos_width_m, pmos_width_m, 1);
  if (folds < 1) panic("circuits: a pass gate has at least one finger");
  Footprint fp;
  fp.width_m = (folds + 1) * kPolyPitch * t.feature_m;
  fp.height_m = pmos_width_m / folds + nmos_width_m / folds + kMinGapBetweenPAndN * t.feature_m +
                (kMinPolyExtDiff + kMinGapBetweenFieldPoly / 2) * 2 * t.feature_m;
  return fp;
}

// NeuroSim V1.3 formula.cpp CalculateGateLeakage at 300 K: an inverter leaks through its NMOS half
// the time and its PMOS the other half; NAND through its parallel PMOS, NOR through its parallel
// NMOS, scaled by CACTI's average over input states.
double gate_leakage_a(const Technology& t, Gate g, int inputs, double nmos_width_m, double pmos_width_m) {
  require_gate(nmos_width_m, pmos_width_m, inputs);
  const double nmos_a = nmos_width_m * t.off_current_nmos_a_per_m;
  const double pmos_a = pmos_width_m * t.off_current_pmos_a_per_m;
  switch (g) {
    case Gate::inv: return (nmos_a + pmos_a) / 2;
    case Gate::nor: return leak_ratio(g, inputs) * nmos_a * inputs;
    case Gate::nand: return leak_ratio(g, inputs) * pmos_a * inputs;
  }
  return 0;
}

// NeuroSim V1.3 formula.cpp CalculateOnResistance, after CACTI.
double on_resistance_ohm(const Technology& t, double width_m, Mos type) {
  require_width(width_m, "transistor width");
  if (width_m <= 0) panic("circuits: the on resistance of a transistor of zero width");
  const double on_a_per_m = type == Mos::nmos ? t.on_current_nmos_a_per_m : t.on_current_pmos_a_per_m;
  return t.effective_resistance_multiplier * t.vdd_v / (on_a_per_m * width_m);
}

// NeuroSim V1.3 formula.cpp CalculateTransconductance: gm = 2 I W / (0.7 vdd - vth).
double transconductance_s(const Technology& t, double width_m, Mos type) {
  require_width(width_m, "transistor width");
  const double current_a_per_m = type == Mos::nmos ? t.gm_current_nmos_a_per_m : t.gm_current_pmos_a_per_m;
  return 2 * current_a_per_m * width_m / (0.7 * t.vdd_v - t.vth_v);
}

// NeuroSim V1.3 formula.cpp horowitz, after CACTI (Horowitz, "Timing models for MOS circuits",
// 1983): delay = tau sqrt(ln(vs)^2 + 2 alpha beta (1 - vs)), alpha = 1 / (ramp_in tau), with the
// switching voltage vs = 0.5 and beta = 0.5; the output slope is (1 - vs) / delay.
double horowitz_s(double tau_s, double ramp_in, double* ramp_out) {
  if (!(tau_s > 0) || !std::isfinite(tau_s)) panic("circuits: horowitz needs a finite time constant > 0");
  if (!(ramp_in > 0) || !std::isfinite(ramp_in)) panic("circuits: horowitz needs a finite input slope > 0");
  constexpr double kSwitchingVoltage = 0.5;
  constexpr double kBeta = 0.5;
  const double alpha = 1 / (ramp_in * tau_s);
  const double log_vs = std::log(kSwitchingVoltage);
  const double delay_s = tau_s * std::sqrt(log_vs * log_vs + 2 * alpha * kBeta * (1 - kSwitchingVoltage));
  if (ramp_out) *ramp_out = (1 - kSwitchingVoltage) / delay_s;
  return delay_s;
}

}  // namespace hwaware::circuits
