#pragma once
// What NeuroSim's chip asks of a buffer (neurosim/DNN_NeuroSim_V1.3, Buffer.cpp: its global and tile
// buffers), whatever it is built of: `capacity_bits` bits in lines of `interface_bits`, read and
// written a line at a time. Implementations: register_file_buffer.h (Buffer.cpp with SRAM = false)
// and sram_buffer.h (SRAM = true).
//
// NeuroSim's averaging, shared by both: it prices a pass over the whole buffer (every line read, or
// written, once: readWholeDynamicEnergy, writeWholeDynamicEnergy) and divides it by the capacity
// (avgBitReadDynamicEnergy = whole / numBit); an access of n bits costs n times that. Its passes
// count numBit / interface_width lines in integers (lines()); its layout holds the ceiling
// (layout_lines()).
//
// Latency (Buffer.cpp CalculateLatency, param->synchronous): one line per clock cycle, whatever the
// buffer is built of; the asynchronous latencies are not modelled.
//
// Preconditions (core::panic): 1 <= interface_bits <= capacity_bits.

namespace hwaware::circuits {

class Buffer {
 public:
  Buffer(int capacity_bits, int interface_bits);
  virtual ~Buffer() = default;
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;

  int capacity_bits() const { return capacity_; }
  int interface_bits() const { return interface_; }
  int lines() const { return capacity_ / interface_; }  // NeuroSim's integer numBit / interface_width
  int layout_lines() const;                             // ceil(numBit / interface_width)
  // The line decoder's address bits: ceil(log2(layout_lines())) (Buffer.cpp Initialize).
  int address_bits() const;

  // control_activity: NeuroSim's epsilon on the line decoder's read energy (1 when not validated).
  double read_energy_per_bit_j(double control_activity = 1) const { return whole_read_energy_j(control_activity) / capacity_; }
  double write_energy_per_bit_j() const { return whole_write_energy_j() / capacity_; }
  // Cycles to move `bits` through the interface: one line per cycle (bits / interface_bits,
  // unrounded, as NeuroSim).
  double transfer_cycles(double bits) const { return bits / interface_; }
  virtual double leakage_w() const = 0;
  virtual double area_m2() const = 0;

 protected:
  // Every line read (written) once: NeuroSim's readWholeDynamicEnergy (writeWholeDynamicEnergy).
  virtual double whole_read_energy_j(double control_activity) const = 0;
  virtual double whole_write_energy_j() const = 0;

 private:
  int capacity_, interface_;
};

}  // namespace hwaware::circuits
