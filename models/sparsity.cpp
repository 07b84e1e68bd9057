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

double vector_accesses(double bits, double entry_bits) {
  if (bits <= 0 || entry_bits <= 0) return 0;
  double q = bits / entry_bits;
  double r = std::round(q);
  return std::abs(q - r) <= 1e-9 * std::max(1.0, q) ? r : std::ceil(q);
}

TensorBits tensor_bits(const arch::Spec& spec, const arch::StorageLevel& lvl, const workload::DataSpace& ds,
                       const TensorAccess& a) {
  TensorBits t;
  t.element_bits = element_bits_at(spec, lvl, ds, t.bits_given);
  t.format = lvl.compression_of(ds.name);
  t.density = ds.density;
  auto per = arch::stored_bits(t.format, t.element_bits, ds.density, lvl.run_bits);
  t.bits_per_element = per.total();
  t.metadata_per_element = per.metadata;
  // Bits moved = scalar accesses x bits per element (Sze et al., Efficient Processing of DNNs,
  // 2020, ch. 7: data movement scales linearly with bitwidth; compression per arch::stored_bits).
  t.read_bits = a.reads * t.bits_per_element;
  t.fill_bits = a.fills * t.bits_per_element;
  t.update_bits = a.updates * t.bits_per_element;
  t.metadata_bits = (a.reads + a.fills + a.updates) * t.metadata_per_element;
  const double entry_bits = static_cast<double>(lvl.block_size) * static_cast<double>(lvl.word_bits);
  t.read_vectors = vector_accesses(t.read_bits, entry_bits);
  t.fill_vectors = vector_accesses(t.fill_bits, entry_bits);
  t.update_vectors = vector_accesses(t.update_bits, entry_bits);
  return t;
}

NetworkBits network_bits(const arch::Spec& spec, const arch::StorageLevel& lvl, const workload::DataSpace& ds,
                         bool kept, const NetworkAccess& traffic) {
  NetworkBits n;
  bool given = false;
  int bits = element_bits_at(spec, lvl, ds, given);
  auto format = kept ? lvl.compression_of(ds.name) : arch::Compression::none;
  n.bits_per_element = arch::stored_bits(format, bits, ds.density, lvl.run_bits).total();
  // Ratio first: exactly 1 when an element is one word, so Timeloop's counts pass unchanged.
  const double words_per_element = n.bits_per_element / static_cast<double>(lvl.word_bits);
  n.transfer_words = traffic.deliveries * words_per_element;
  n.hop_words = traffic.hops * words_per_element;
  return n;
}

ComputeSplit split_computes(const arch::Spec& spec, const workload::Problem& pr, double computes) {
  ComputeSplit c;
  const auto& unit = spec.compute;
  const auto* w = find_space(pr, "Weights");
  const auto* in = find_space(pr, "Inputs");
  c.weight_bits = w ? spec.element_bits(w->name, w->bits).value_or(unit.operand_bits) : unit.operand_bits;
  c.input_bits = in ? spec.element_bits(in->name, in->bits).value_or(unit.operand_bits) : unit.operand_bits;
  if (unit.zero_operands != arch::ZeroOperands::none) {
    if (unit.zero_weights && w) c.effective_fraction *= w->density;
    if (unit.zero_inputs && in) c.effective_fraction *= in->density;
  }
  if (c.effective_fraction >= 1) {
    c.effective_fraction = 1;
    c.performed = computes;
    return c;
  }
  c.performed = computes * c.effective_fraction;
  double zero = computes - c.performed;
  (unit.zero_operands == arch::ZeroOperands::gating ? c.gated : c.skipped) = zero;
  return c;
}

}  // namespace hwaware::model
