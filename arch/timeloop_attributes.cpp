#include "arch/timeloop_attributes.h"

#include <algorithm>
#include <map>
#include <string>

namespace hwaware::arch {
namespace {

// An attribute Timeloop reads that hwaware models only at one value, Timeloop's default.
struct DefaultOnly {
  std::vector<std::string> keys;  // spellings
  std::string what;               // what Timeloop does with another value
  std::string default_text;       // as written
};

// Storage attributes (BufferLevel::ParseSpecs).
const std::vector<DefaultOnly>& storage_defaults() {
  static const std::vector<DefaultOnly> table = {
      {{"multiple_buffering", "multiple-buffering"}, "divides the level's capacity among that many buffers", "1"},
      {{"min_utilization", "min-utilization"}, "refuses mappings whose tiles fill less than that fraction of the level", "0"},
      {{"allow_overbooking"}, "lets tiles exceed the level's capacity (Sparseloop's overbooking)", "false"},
      {{"reduction_supported"},
       "marks a level that cannot add partial sums in place, and counts every update's partial sum both ways on the network to it",
       "true"},
      {{"tile_partition_supported"}, "would partition tiles at run time (Timeloop itself refuses it)", "false"},
  };
  return table;
}

// Timeloop reads these, but hwaware does not model them: refused with what they do.
struct Unmodelled {
  std::vector<std::string> keys;
  std::string what;
};

const std::vector<Unmodelled>& storage_unmodelled() {
  static const std::vector<Unmodelled> table = {
      {{"shared_bandwidth"}, "a bandwidth that reads and writes share"},
      {{"network_read", "network_fill", "network_drain", "network_update"}, "the name of a network declared in the architecture"},
      {{"network_fill_latency", "network_drain_latency"}, "a network's latency"},
      {{"per_dataspace_bandwidth_consumption_scale"}, "a per-tensor scale of the bandwidth each access takes"},
      {{"vector_access_energy", "vector-access-energy"}, "an energy per access in place of its energy model's"},
      {{"addr_gen_energy", "addr-gen-energy"}, "an energy per address generation"},
      {{"cluster_area", "cluster-area"}, "an area in place of its area model's"},
  };
  return table;
}

const std::vector<Unmodelled>& compute_unmodelled() {
  static const std::vector<Unmodelled> table = {
      {{"network_operand", "network_result"}, "the name of a network declared in the architecture"},
      {{"energy"}, "an energy per operation in place of its energy model's"},
      {{"area"}, "an area in place of its area model's"},
  };
  return table;
}

bool at_default(const core::YamlView& v, const std::string& default_text) {
  if (default_text == "true" || default_text == "false") {
    auto b = v.as_bool();
    return !b || *b == (default_text == "true");  // a non-boolean is reported by as_bool
  }
  auto x = v.as_number();
  return !x || *x == std::stod(default_text);
}

void refuse_unmodelled(core::MapReader& attrs, const std::vector<Unmodelled>& table) {
  for (const auto& u : table)
    for (const auto& k : u.keys)
      if (auto v = attrs.get(k))
        v->error("'" + k + "' is read by Timeloop (" + u.what + ") but not modelled by hwaware; remove it to evaluate without it");
}

// Leakage is charged per level over its own utilized instances (Timeloop's default: each component
// is power-gated at itself). Gating at another level, or the front end's has_power_gating, which
// gates the components below at this one, would charge it differently.
void check_power_gating(core::MapReader& attrs, const std::string& name, TimeloopForm form) {
  if (auto v = attrs.get("power_gated_at"))
    if (auto at = v->as_string(); at && *at != name)
      v->error("power gating at another level ('" + *at + "') is not modelled: hwaware charges each level's leakage over its own " +
               "utilized instances, as Timeloop does with its default power_gated_at: " + name);
  auto g = attrs.get("has_power_gating");
  if (!g || form == TimeloopForm::subtree) return;  // a dump's components carry its effect in power_gated_at
  if (auto b = g->as_bool(); b && *b)
    g->error(
        "has_power_gating: true is not modelled (Timeloop's front end power-gates the components below this one at it; "
        "hwaware charges each level's leakage over its own utilized instances)");
}

}  // namespace

const std::vector<const char*>& spellings(TimeloopAttr a) {
  using A = TimeloopAttr;
  static const std::map<A, std::vector<const char*>> table = {
      {A::instances, {"instances"}},
      {A::mesh_x, {"meshX"}},
      {A::mesh_y, {"meshY"}},
      {A::word_bits, {"datawidth", "word-bits", "word_bits", "word_width"}},
      {A::operand_bits, {"datawidth", "width", "word-bits", "word_bits"}},
      {A::width, {"width", "memory_width", "data_storage_width"}},
      {A::block, {"block-size", "block_size", "n_words"}},
      {A::cluster, {"cluster-size", "cluster_size"}},
      {A::entries, {"entries"}},
      {A::depth, {"depth", "memory_depth", "data_storage_depth"}},
      {A::size_kb, {"sizeKB"}},
      {A::bandwidth, {"bandwidth"}},
      {A::read_bw, {"read_bandwidth", "read-bandwidth"}},
      {A::write_bw, {"write_bandwidth", "write-bandwidth"}},
      {A::ports, {"num-ports", "num_ports", "n_ports"}},
  };
  return table.at(a);
}

std::optional<core::YamlView> first_of(core::MapReader& attrs, TimeloopAttr a) {
  std::optional<core::YamlView> found;
  for (const char* k : spellings(a))
    if (auto v = attrs.get(k); v && !found) found = v;
  return found;
}

std::optional<long long> int_of(core::MapReader& attrs, TimeloopAttr a, bool positive) {
  auto v = first_of(attrs, a);
  if (!v) return std::nullopt;
  return positive ? v->as_positive_int() : v->as_int();
}

core::FieldLocs timeloop_field_locs(const core::MapReader& attrs, const core::SourceLoc& node) {
  using A = TimeloopAttr;
  core::FieldLocs written;
  attrs.record_locs(written);
  core::FieldLocs out;
  static const std::vector<std::pair<const char*, std::vector<A>>> fields = {{"instances", {A::instances, A::mesh_x, A::mesh_y}},
                                                                             {"word_bits", {A::word_bits, A::operand_bits}},
                                                                             {"block_size", {A::block, A::width}},
                                                                             {"depth", {A::entries, A::depth, A::size_kb}},
                                                                             {"read_bandwidth", {A::read_bw, A::bandwidth}},
                                                                             {"write_bandwidth", {A::write_bw, A::bandwidth}},
                                                                             {"ports", {A::ports}}};
  for (const auto& [field, attributes] : fields) {
    core::SourceLoc first;
    for (A a : attributes)
      for (const char* k : spellings(a))
        if (auto loc = written.of(k, {}); loc.line > 0 && first.line == 0) first = loc;
    if (first.line > 0) out.set(field, first);
  }
  out.set("node", node);
  return out;
}

const std::vector<std::string>& timeloop_unread_attributes() {
  // Accelergy's circuit parameters (Timeloop's model reads `technology` only to tell DRAM, which
  // the reader does), the front end's has_power_gating in a dump, and the inputs of Timeloop's
  // built-in (pat) energy and area model, which it uses only where the ERT has no entry:
  // hwaware's energy table (its estimators, or the ERT) takes that model's place.
  static const std::vector<std::string> names = {"technology",
                                                 "latency",
                                                 "update_fifo_depth",
                                                 "n_rdwr_ports",
                                                 "n_rd_ports",
                                                 "n_wr_ports",
                                                 "type",
                                                 "global_cycle_seconds",
                                                 "ag_datawidth",
                                                 "adder_width",
                                                 "multiplier_width",
                                                 "metadata_counter_width",
                                                 "has_power_gating",
                                                 "n_banks",
                                                 "num_banks",
                                                 "num-banks"};
  return names;
}

const std::vector<std::string>& timeloop_sparse_attributes() {
  static const std::vector<std::string> names = {"metadata_storage_depth", "concordant_compressed_tile_traversal",
                                                 "decompression_supported", "compression_supported"};
  return names;
}

void read_metadata_attributes(core::MapReader& attrs, LevelSparsity& sparse) {
  std::optional<core::YamlView> datawidth;
  for (const char* k : {"metadata_datawidth", "metadata_word_bits"})
    if (auto v = attrs.get(k); v && !datawidth) datawidth = v;
  long long word_bits = 0;  // 0: no metadata (Timeloop's default)
  if (datawidth)
    if (auto n = datawidth->as_int()) {
      if (*n < 0) {
        datawidth->error("expected the bits of a metadata word (0: no metadata), found " + datawidth->found());
      } else {
        word_bits = *n;
        sparse.metadata_word_bits = static_cast<int>(*n);
      }
    }
  auto block = attrs.get("metadata_block_size");
  if (block)
    if (auto b = block->as_positive_int()) sparse.metadata_block_size = *b;
  auto width_view = attrs.get("metadata_storage_width");
  if (!width_view) return;
  auto width = width_view->as_int();
  if (!width || word_bits == 0) return;
  if (*width < 0) {
    width_view->error("expected a non-negative metadata storage width in bits, found " + width_view->found());
    return;
  }
  if (!block) sparse.metadata_block_size = std::max<long long>(1, *width / word_bits);
  if (*width % (word_bits * sparse.metadata_block_size) != 0)
    width_view->error("expected a metadata_storage_width that holds whole metadata blocks of " +
                      std::to_string(sparse.metadata_block_size) + " x " + std::to_string(word_bits) + " bits, found " +
                      width_view->found());
}

void check_storage_attributes(core::MapReader& attrs, const std::string& name, TimeloopForm form) {
  for (const auto& d : storage_defaults())
    for (const auto& k : d.keys)
      if (auto v = attrs.get(k); v && !at_default(*v, d.default_text))
        v->error("'" + k + "' other than " + d.default_text + " is not modelled: Timeloop " + d.what +
                 "; hwaware models Timeloop's default, " + k + ": " + d.default_text + ", found " + v->found());
  refuse_unmodelled(attrs, storage_unmodelled());
  check_power_gating(attrs, name, form);
}

void check_compute_attributes(core::MapReader& attrs, const std::string& name, TimeloopForm form) {
  refuse_unmodelled(attrs, compute_unmodelled());
  check_power_gating(attrs, name, form);
}

std::vector<std::string> finish_attributes(core::MapReader& attrs, bool storage) {
  std::vector<std::string> accepted = timeloop_unread_attributes();
  if (storage) accepted.insert(accepted.end(), timeloop_sparse_attributes().begin(), timeloop_sparse_attributes().end());
  return attrs.finish_passing_over(accepted);
}

}  // namespace hwaware::arch
