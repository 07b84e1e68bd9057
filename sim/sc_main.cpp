// SystemC's library calls sc_main() from its own main(); hwaware's executables have their own
// main() and drive the simulation through sim::Simulator, so this one is never called. It exists
// because libsystemc refers to it (the sim library forces it into every executable it links).

#include <systemc>

#include "core/diagnostics.h"

int sc_main(int, char**) { hwaware::core::panic("sc_main is not an entry point of hwaware (use sim::Simulator)"); }
