#include "models/sparsity.h"

#include <algorithm>
#include <cmath>

namespace hwaware::model {
namespace {

// The bits of a tensor at a level: the accelerator's or workload's, else one word of the level.
int element_bits_at(const arch::Spec& spec, const arch::StorageLevel& lvl, const workload::DataSpace& ds, bool& given) {
  auto b = spec.element_bits(ds.name, ds.bits);
  given = b.has_value();
  return b.value_or(lvl.word_bits);
}

const workload::DataSpace* find_space(const workload::Problem& pr, const std::string& name) {
  int i = pr.data_space_index(name);
  return i < 0 ? nullptr : &pr.data_spaces[static_cast<std::size_t>(i)];
}

}  // namespace

TensorBits tensor_format(const arch::Spec& spec, const arch::StorageLevel& lvl, const workload::DataSpace& ds) {
  TensorBits t;
  t.element_bits = element_bits_at(spec, lvl, ds, t.bits_given);
  t.bits_per_element = static_cast<double>(t.element_bits);
  return t;
}

TensorBits tensor_bits(const TensorBits& format, double entry_bits, const TensorAccess& a) {
  TensorBits t = format;
  const MovedBits b = moved_bits(t.bits_per_element, entry_bits, a);
  t.read_bits = b.read_bits;
  t.fill_bits = b.fill_bits;
  t.update_bits = b.update_bits;
  t.read_vectors = b.read_vectors;
  t.fill_vectors = b.fill_vectors;
  t.update_vectors = b.update_vectors;
  return t;
}

TensorBits tensor_bits(const arch::Spec& spec, const arch::StorageLevel& lvl, const workload::DataSpace& ds, const TensorAccess& a) {
  const double entry_bits = static_cast<double>(lvl.block_size) * static_cast<double>(lvl.word_bits);
  return tensor_bits(tensor_format(spec, lvl, ds), entry_bits, a);
}

double network_bits_per_element(const arch::Spec& spec, const arch::StorageLevel& lvl, const workload::DataSpace& ds) {
  bool given = false;
  return static_cast<double>(element_bits_at(spec, lvl, ds, given));
}

NetworkBits network_bits(double bits_per_element, int word_bits, const NetworkAccess& traffic) {
  NetworkBits n;
  n.bits_per_element = bits_per_element;
  // Ratio first: exactly 1 when an element is one word, so Timeloop's counts pass unchanged.
  const double words_per_element = n.bits_per_element / static_cast<double>(word_bits);
  n.transfer_words = traffic.deliveries * words_per_element;
  n.hop_words = traffic.hops * words_per_element;
  return n;
}

NetworkBits network_bits(const arch::Spec& spec, const arch::StorageLevel& lvl, const workload::DataSpace& ds,
                         const NetworkAccess& traffic) {
  return network_bits(network_bits_per_element(spec, lvl, ds), lvl.word_bits, traffic);
}

ComputeSplit dense_computes(const arch::Spec& spec, const workload::Problem& pr, double computes) {
  ComputeSplit c;
  const auto& unit = spec.compute;
  const auto* w = find_space(pr, "Weights");
  const auto* in = find_space(pr, "Inputs");
  c.weight_bits = w ? spec.element_bits(w->name, w->bits).value_or(unit.operand_bits) : unit.operand_bits;
  c.input_bits = in ? spec.element_bits(in->name, in->bits).value_or(unit.operand_bits) : unit.operand_bits;
  c.performed = computes;
  return c;
}

}  // namespace hwaware::model
