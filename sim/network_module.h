#pragma once
// The network between an on-chip level and its spatial children, as the SystemC backend sees it:
// it carries each step's share of the words the level's network delivers (a multicast word once
// per child) and counts them. The description gives networks no bandwidth, so it takes no time
// of its own: the level's read port feeds it.

#include <systemc>

namespace hwaware::sim {

class NetworkModule : public sc_core::sc_module {
 public:
  explicit NetworkModule(const sc_core::sc_module_name& name) : sc_core::sc_module(name) {}

  void deliver(double words) { words_delivered += words; }

  double words_delivered = 0;
};

}  // namespace hwaware::sim
