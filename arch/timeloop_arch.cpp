#include "arch/timeloop_arch.h"

#include <initializer_list>
#include <limits>
#include <regex>

#include "arch/fanout.h"
#include "arch/timeloop_attributes.h"
#include "arch/timeloop_constraints.h"
#include "arch/timeloop_sparse.h"
#include "core/checked.h"
#include "core/text.h"
#include "core/units.h"

namespace hwaware::arch {
namespace {

struct Context : Fanout {
  std::map<std::string, std::string> inherited;  // technology, global_cycle_seconds, ...
  TimeloopForm form = TimeloopForm::nodes;
};

bool is_compute_class(const std::string& cls) {
  static const std::vector<std::string> words = {"mac", "compute", "multiplier", "adder", "alu"};
  for (const auto& w : words)
    if (cls.find(w) != std::string::npos) return true;
  return false;
}

Technology technology_of(const std::string& cls) {
  if (cls.find("DRAM") != std::string::npos || cls.find("dram") != std::string::npos) return Technology::dram;
  if (cls.find("regfile") != std::string::npos || cls.find("RF") != std::string::npos) return Technology::regfile;
  return Technology::sram;
}

using Attr = TimeloopAttr;

struct Placement {
  long long instances = 1, mesh_x = 1, mesh_y = 1;
};

// Instances and mesh: the component's own attributes, else its enclosing fan-out.
Placement read_placement(core::MapReader& attrs, Context ctx, long long own_mx, long long own_my) {
  ctx.grow(own_mx, own_my, attrs.view());
  Placement p{ctx.instances, ctx.mesh_x, ctx.mesh_y};
  if (auto v = int_of(attrs, Attr::instances, false)) p.instances = *v;
  if (auto v = int_of(attrs, Attr::mesh_x, false)) p.mesh_x = *v;
  if (auto v = int_of(attrs, Attr::mesh_y, false)) p.mesh_y = *v;
  if (p.mesh_x == 1 && p.mesh_y == 1 && p.instances != 1) p.mesh_x = p.instances;  // Timeloop: along X
  return p;
}

void read_compute(const core::YamlView& node, const std::string& name, core::MapReader& attrs, const Placement& p, TimeloopForm form,
                  Spec& spec) {
  spec.compute.name = name;
  spec.compute.instances = p.instances;
  spec.compute.mesh_x = p.mesh_x;
  spec.compute.mesh_y = p.mesh_y;
  spec.compute.loc = node.loc();
  if (auto v = first_of(attrs, Attr::operand_bits))
    if (auto n = v->as_positive_int32()) spec.compute.operand_bits = *n;
  spec.compute.field_locs = timeloop_field_locs(attrs, node.loc());
  check_compute_attributes(attrs, name, form);
  for (const auto& k : finish_attributes(attrs, false)) spec.unused_attributes.push_back(name + "." + k);
}

// Word, block and size as Timeloop's BufferLevel::ParseSpecs derives them: the block is
// block_size, else width / (datawidth x cluster_size); the size is entries (words), depth (blocks)
// or sizeKB. A size of 0 makes a level that stores nothing (Timeloop prices it at 0 and can keep no
// tile in it: the exercises' DummyBuffer, a fan-out only).
void read_storage_size(core::MapReader& attrs, StorageLevel& lvl) {
  auto width = int_of(attrs, Attr::width, false);
  auto datawidth_view = first_of(attrs, Attr::word_bits);
  auto datawidth = datawidth_view ? datawidth_view->as_positive_int32() : std::nullopt;
  auto block = int_of(attrs, Attr::block, true);
  auto cluster = int_of(attrs, Attr::cluster, true);
  if (datawidth) lvl.word_bits = *datawidth;
  if (block) lvl.block_size = *block;
  else if (width && datawidth) {
    const long long word = lvl.word_bits;  // the datawidth just read
    const long long per_block = core::checked_mul(word, cluster.value_or(1)).value_or(std::numeric_limits<long long>::max());
    lvl.block_size = std::max<long long>(1, *width / per_block);
  }
  auto entries = first_of(attrs, Attr::entries);
  auto depth_view = first_of(attrs, Attr::depth);
  auto depth = depth_view ? depth_view->as_int() : std::nullopt;
  auto size_kb_view = first_of(attrs, Attr::size_kb);
  const auto size = entries ? entries : (depth ? depth_view : size_kb_view);
  if (size && size->is_scalar() && core::parse_integer(size->scalar()) == std::optional<long long>(0)) {
    lvl.technology = Technology::none;  // stores nothing
    return;
  }
  auto size_kb = size_kb_view ? size_kb_view->as_positive_int() : std::nullopt;
  if (entries) {
    auto words = entries->as_positive_int();
    if (words && *words % lvl.block_size != 0)
      entries->error("expected entries (words) that fill whole blocks of " + std::to_string(lvl.block_size) + " words, found " +
                     entries->found());
    else if (words) lvl.depth = *words / lvl.block_size;
  } else if (depth) {
    lvl.depth = *depth;
  } else if (size_kb) {
    auto bits = core::checked_mul(*size_kb, 8192);
    auto entry_bits = core::checked_mul(lvl.word_bits, lvl.block_size);
    if (!bits || !entry_bits) size_kb_view->error("a size of " + size_kb_view->scalar() + " KB does not fit a 64-bit count of bits");
    else if (*bits / *entry_bits < 1)
      size_kb_view->error("a size of " + size_kb_view->scalar() + " KB holds no block of " + std::to_string(*entry_bits) + " bits");
    else lvl.depth = *bits / *entry_bits;
  }
}

// `num-ports` (or `n_ports`) as Timeloop's BufferLevel reads it: 1 makes reads and writes share
// one port's time, 2 (the default) gives each its own; any other count Timeloop asserts against.
void read_ports(core::MapReader& attrs, StorageLevel& lvl) {
  if (auto v = first_of(attrs, Attr::ports))
    if (auto n = v->as_int_in(1, 2, "a number of ports (1: reads and writes share one port; 2: one each)"))
      lvl.ports = static_cast<int>(*n);
}

// Bandwidths in words per cycle; the deprecated `bandwidth` is read as Timeloop reads it (half
// for reads, half for writes).
void read_bandwidths(core::MapReader& attrs, StorageLevel& lvl) {
  if (auto v = first_of(attrs, Attr::bandwidth))
    if (auto bw = v->as_number()) lvl.read_bandwidth = lvl.write_bandwidth = *bw / 2;
  if (auto v = first_of(attrs, Attr::read_bw))
    if (auto bw = v->as_number()) lvl.read_bandwidth = *bw;
  if (auto v = first_of(attrs, Attr::write_bw))
    if (auto bw = v->as_number()) lvl.write_bandwidth = *bw;
}

// One component: the compute unit, a storage level, or the front end's `dummy_storage` (the
// spatial-only level it inserts for a fan-out: inter_<name>_spatial).
void read_component(const core::YamlView& node, const std::string& cls, const std::string& name, std::optional<core::YamlView> attributes,
                    std::optional<core::YamlView> constraints, const Context& ctx, long long own_mx, long long own_my, Spec& spec) {
  core::MapReader attrs(attributes ? *attributes : node.child(YAML::Node(), "attributes"));
  const Placement p = read_placement(attrs, ctx, own_mx, own_my);
  if (is_compute_class(cls)) return read_compute(node, name, attrs, p, ctx.form, spec);
  StorageLevel lvl;
  lvl.name = name;
  lvl.technology = cls == "dummy_storage" ? Technology::none : technology_of(cls);
  lvl.instances = p.instances;
  lvl.mesh_x = p.mesh_x;
  lvl.mesh_y = p.mesh_y;
  lvl.loc = node.loc();
  read_storage_size(attrs, lvl);
  read_bandwidths(attrs, lvl);
  read_ports(attrs, lvl);
  read_metadata_attributes(attrs, lvl.sparse);
  if (auto t = attrs.get("technology"); t && t->scalar() == "DRAM" && !lvl.is_virtual()) lvl.technology = Technology::dram;
  if (lvl.is_virtual()) lvl.depth.reset();
  check_storage_attributes(attrs, name, ctx.form);
  for (const auto& k : finish_attributes(attrs, true)) spec.unused_attributes.push_back(name + "." + k);
  if (constraints) read_node_constraints(*constraints, lvl, false);
  lvl.field_locs = timeloop_field_locs(attrs, node.loc());
  spec.levels.push_back(lvl);
}

// "RegisterFile[0..15]" -> ("RegisterFile", 16); a range that is empty or beyond 64 bits is an error.
std::pair<std::string, long long> split_name(const core::YamlView& where, const std::string& raw) {
  static const std::regex re(R"(^(.*)\[(\d+)\.\.(\d+)\]$)");
  std::smatch m;
  if (!std::regex_match(raw, m, re)) return {raw, 1};
  auto first = core::parse_integer(m[2].str()), last = core::parse_integer(m[3].str());
  if (!first || !last || *last < *first || *last - *first == std::numeric_limits<long long>::max()) {
    where.error("expected a name with an instance range such as 'PE[0..15]' (first <= last, within 64 bits), found '" + raw + "'");
    return {m[1].str(), 1};
  }
  return {m[1].str(), *last - *first + 1};
}

// `enabled: false` leaves the node out, as Timeloop's front end does.
bool enabled(core::MapReader& m) {
  auto e = m.get("enabled");
  return !e || e->as_bool().value_or(true);
}

// A container's or subtree's attributes, inherited by what it holds: the clock and technology.
void inherit_attributes(const core::YamlView& attributes, Context& ctx, Spec& spec) {
  core::MapReader a(attributes);
  for (auto& [k, v] : a.entries()) ctx.inherited[k] = v.scalar();
  if (auto t = ctx.inherited.find("global_cycle_seconds"); t != ctx.inherited.end())
    if (auto s = core::parse_number(t->second); s && *s > 0) spec.clock_hz = 1.0 / *s;
  if (auto t = ctx.inherited.find("technology"); t != ctx.inherited.end()) {
    auto q = core::parse_quantity(t->second, core::UnitKind::length_nm);
    if (q.error.empty()) spec.technology_nm = q.value;
  }
}

void read_v4_nodes(const core::YamlView& nodes, Context ctx, Spec& spec);
void read_v4_node(const core::YamlView& node, Context& ctx, Spec& spec);

void read_v4_container(const core::YamlView& node, core::MapReader& m, const std::string& name, long long own_x, long long own_y,
                       Context& ctx, Spec& spec) {
  auto attributes = m.get("attributes");
  auto constraints = m.get("constraints");
  if (attributes) {
    inherit_attributes(*attributes, ctx, spec);
    core::MapReader a(*attributes);
    if (auto g = a.get("has_power_gating"); g && g->as_bool().value_or(false))
      g->error(
          "has_power_gating: true is not modelled (Timeloop's front end power-gates the components below this container at "
          "the next one; hwaware charges each level's leakage over its own utilized instances)");
  }
  if (own_x * own_y > 1) {
    StorageLevel v;
    if (constraints) read_node_constraints(*constraints, v, true);  // a container's constraints shape the fan-out it creates
    v.name = "inter_" + name + "_spatial";
    v.technology = Technology::none;
    v.instances = ctx.instances;
    v.mesh_x = ctx.mesh_x;
    v.mesh_y = ctx.mesh_y;
    v.loc = node.loc();
    spec.levels.push_back(v);
    ctx.grow(own_x, own_y, node);
  }
  m.finish();
}

// The tensors a run of levels keeps (their keep constraints).
std::vector<std::string> kept_by(const Spec& spec, std::size_t first, std::size_t end) {
  std::vector<std::string> kept;
  for (std::size_t l = first; l < end; ++l)
    for (const auto& t : spec.levels[l].keep)
      if (std::find(kept.begin(), kept.end(), t) == kept.end()) kept.push_back(t);
  return kept;
}

// A !Parallel node as Timeloop's front end resolves it (timeloopfe's Dataspace2BranchProcessor):
// its branches' levels follow one another in the one chain Timeloop's model sees, each branch
// keeps what its levels' keep constraints name and bypasses every other tensor, and a tensor kept
// in two branches is an error. Branches are peers: each starts from the fan-out the node is in.
void read_parallel(const core::YamlView& node, const core::YamlView& branches, const Context& ctx, Spec& spec) {
  ParallelGroup group;
  group.loc = node.loc();
  std::vector<std::string> names;
  for (auto& branch : branches.items()) {
    const std::size_t first = spec.levels.size(), first_group = spec.parallel_groups.size();
    Context mine = ctx;
    read_v4_node(branch, mine, spec);
    names.push_back(first < spec.levels.size() ? spec.levels[first].name : "(empty)");
    auto keeps = kept_by(spec, first, spec.levels.size());
    for (std::size_t b = 0; b < group.branch_keeps.size(); ++b)
      for (const auto& t : keeps)
        if (std::find(group.branch_keeps[b].begin(), group.branch_keeps[b].end(), t) != group.branch_keeps[b].end())
          branch.error("tensor '" + t + "' is kept in two branches of this !Parallel node, the one at '" + names[b] +
                       "' and this one at '" + names.back() + "' (Timeloop's front end sends each tensor down one branch)");
    for (std::size_t l = first; l < spec.levels.size(); ++l)
      if (!spec.levels[l].branch_keeps) spec.levels[l].branch_keeps = keeps;  // a nested branch's own set is narrower
    for (std::size_t g = first_group; g < spec.parallel_groups.size(); ++g)
      if (!spec.parallel_groups[g].reaching) spec.parallel_groups[g].reaching = keeps;
    group.branch_keeps.push_back(std::move(keeps));
  }
  spec.parallel_groups.push_back(std::move(group));
}

void read_v4_node(const core::YamlView& node, Context& ctx, Spec& spec) {
  std::string tag = node.tag();
  core::MapReader m(node);
  if (tag == "!Parallel" || tag == "!Hierarchical") {
    if (auto n = m.required("nodes")) {
      if (tag == "!Parallel") read_parallel(node, *n, ctx, spec);
      else read_v4_nodes(*n, ctx, spec);
    }
    m.finish();
    return;
  }
  std::string name;
  if (auto n = m.required("name")) name = n->scalar();
  if (!enabled(m)) return;
  long long own_x = 1, own_y = 1;
  if (auto sp = m.get("spatial")) {
    core::MapReader s(*sp);
    if (auto v = s.get("meshX")) own_x = v->as_positive_int().value_or(1);
    if (auto v = s.get("meshY")) own_y = v->as_positive_int().value_or(1);
    s.finish();
  }
  if (tag == "!Container") return read_v4_container(node, m, name, own_x, own_y, ctx, spec);
  if (tag != "!Component") {
    node.error("expected a node tagged !Container, !Component, !Parallel or !Hierarchical, found tag '" + tag + "'");
    return;
  }
  std::string cls;
  if (auto c = m.required("class")) cls = c->scalar();
  auto attributes = m.get("attributes");
  auto constraints = m.get("constraints");
  auto sparse = m.get("sparse_optimizations");
  for (const char* k : {"subclass", "required_actions", "area_share"}) m.get(k);
  m.finish();
  read_component(node, cls, name, attributes, constraints, ctx, own_x, own_y, spec);
  if (sparse) read_node_sparse_optimizations(*sparse, name, spec);
  if (own_x > 1 || own_y > 1) ctx.grow(own_x, own_y, node);  // a replicated component replicates everything below it too
}

void read_v4_nodes(const core::YamlView& nodes, Context ctx, Spec& spec) {
  for (auto& n : nodes.items()) read_v4_node(n, ctx, spec);
}

// A component of a subtree's `local` list. Accelergy's `required_actions` (the actions its energy
// table must hold) is passed over, as Timeloop does.
void read_v2_local(const core::YamlView& comp, const Context& ctx, Spec& spec) {
  core::MapReader c(comp);
  std::string craw, cls;
  if (auto n = c.required("name")) craw = n->scalar();
  if (auto k = c.required("class")) cls = k->scalar();
  auto attrs = c.get("attributes");
  for (const char* k : {"subclass", "required_actions", "area_share"}) c.get(k);
  const bool on = enabled(c);
  c.finish();
  if (!on) return;
  auto [cname, ccount] = split_name(comp, craw);
  // A name range names all instances of the component (including the ones of enclosing subtrees).
  Context mine{{}, ctx.inherited, TimeloopForm::subtree};
  if (ccount < ctx.instances && !mine.grow(ctx.instances, 1, comp)) return;
  read_component(comp, cls, cname, attrs, std::nullopt, mine, ccount, 1, spec);
}

void read_v2_subtree(const core::YamlView& tree, Context ctx, Spec& spec) {
  core::MapReader m(tree);
  std::string raw;
  if (auto n = m.required("name")) raw = n->scalar();
  const long long count = split_name(tree, raw).second;
  ctx.grow(count, 1, tree);
  if (auto a = m.get("attributes")) inherit_attributes(*a, ctx, spec);
  if (auto local = m.get("local"))
    for (auto& comp : local->items()) read_v2_local(comp, ctx, spec);
  if (auto sub = m.get("subtree"))
    for (auto& t : sub->items()) read_v2_subtree(t, ctx, spec);
  m.finish();
}

}  // namespace

Spec read_timeloop_arch(const core::YamlView& architecture) {
  Spec spec;
  spec.loc = architecture.loc();
  core::MapReader m(architecture);
  m.get("version");
  if (auto nodes = m.get("nodes")) {
    read_v4_nodes(*nodes, Context{}, spec);
  } else if (auto sub = m.get("subtree")) {
    for (auto& t : sub->items()) read_v2_subtree(t, Context{}, spec);
  } else {
    architecture.error("expected 'nodes' (Timeloop v0.4) or 'subtree' (v0.2/v0.3), found neither");
  }
  m.finish();
  if (spec.levels.empty()) architecture.error("the architecture has no storage level");
  return spec;
}

}  // namespace hwaware::arch
