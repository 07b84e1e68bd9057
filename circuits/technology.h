#pragma once
// The CMOS technology a circuit is built in: supply, threshold, gate and junction capacitances,
// on and off currents per transistor width, and the interconnect of the node, for the bulk nodes
// 22 to 130 nm, high-performance (HP) or low-standby-power (LSTP) devices at 300 K. These are the
// PTM/ITRS figures DNN+NeuroSim's circuit models are built on (neurosim/DNN_NeuroSim_V1.3,
// Technology.cpp and Param.cpp); every circuit in this library is computed from them.
//
// Units are SI throughout the circuits library (metres, farads, amperes, ohms, seconds, joules);
// the names say so.

#include <optional>
#include <vector>

namespace hwaware::circuits {

enum class Roadmap { hp, lstp };

struct Technology {
  int node_nm = 22;
  Roadmap roadmap = Roadmap::lstp;
  double feature_m = 22e-9;  // the node, in metres (NeuroSim's featureSize)
  double vdd_v = 0;
  double vth_v = 0;
  double gate_length_m = 0;                    // physical gate length
  double cap_ideal_gate_f_per_m = 0;           // per metre of gate width
  double cap_fringe_f_per_m = 0;               // per metre of gate width
  double cap_overlap_f_per_m = 0;              // 0.2 x ideal gate capacitance
  double cap_junction_f_per_m2 = 0;            // drain bottom junction, at vdd bias
  double cap_sidewall_f_per_m = 0;             // drain isolation-edge sidewall, at vdd bias
  double cap_drain_to_channel_f_per_m = 0;     // gate-edge sidewall, at vdd bias
  double effective_resistance_multiplier = 0;  // CACTI's factor on vdd / Ion
  double gm_current_nmos_a_per_m = 0, gm_current_pmos_a_per_m = 0;
  double on_current_nmos_a_per_m = 0, on_current_pmos_a_per_m = 0;    // at 300 K
  double off_current_nmos_a_per_m = 0, off_current_pmos_a_per_m = 0;  // at 300 K
  // PMOS width over NMOS width for equal drive (Ion_n / Ion_p).
  double pn_size_ratio = 0;
  // Interconnect of the node (NeuroSim Param.cpp: wire width, aspect ratio, resistivity).
  double wire_width_m = 0;
  double wire_aspect_ratio = 0;
  double wire_resistivity_ohm_m = 0;
  double wire_resistance_ohm_per_m = 0;  // resistivity / (width^2 x aspect ratio)
  double wire_cap_f_per_m = 0;           // the interconnect's capacitance per metre
};

// The nodes with figures: 22, 32, 45, 65, 90, 130.
const std::vector<int>& technology_nodes();

// The node's technology, or nullopt when `node_nm` is not one of technology_nodes().
std::optional<Technology> technology(int node_nm, Roadmap roadmap = Roadmap::lstp);

}  // namespace hwaware::circuits
