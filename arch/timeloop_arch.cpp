#include "arch/timeloop_arch.h"

#include <cctype>

#include <regex>

#include "core/text.h"
#include "core/units.h"

namespace hwaware::arch {
namespace {

struct Context {
  long long instances = 1, mesh_x = 1, mesh_y = 1;
  std::map<std::string, std::string> inherited;  // technology, global_cycle_seconds, ...
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

// Timeloop mapper constraints on one level: `factors` (a list of "N=1" or one string of them),
// `permutation` (innermost first, a list or a string of one-letter dimensions), `split`.
LoopConstraint read_loop_constraint(const core::YamlView& v) {
  LoopConstraint c;
  c.loc = v.loc();
  core::MapReader m(v);
  if (auto f = m.get("factors")) {
    std::vector<std::string> tokens;
    if (f->is_seq()) {
      for (auto& item : f->items())
        for (auto& t : core::split_words(item.scalar())) tokens.push_back(t);
    } else {
      tokens = core::split_words(f->scalar());
    }
    for (const auto& tok : tokens) {
      auto [dim, number] = core::split_dim_factor(tok);
      auto n = core::parse_integer(number);
      if (dim.empty() || !n || *n <= 0) f->error("expected factors such as 'C=1' or 'M8', found '" + tok + "'");
      else c.factors.emplace_back(dim, *n);
    }
  }
  if (auto p = m.get("permutation")) {
    if (p->is_seq()) c.permutation = p->string_list();
    else
      for (char ch : p->scalar())
        if (!std::isspace(static_cast<unsigned char>(ch))) c.permutation.emplace_back(1, ch);
  }
  if (auto sp = m.get("split")) {
    auto n = sp->as_int();
    if (n && *n < 0) sp->error("expected a non-negative split, found " + sp->found());
    else if (n) c.split = *n;
  }
  m.finish();
  return c;
}

std::optional<long long> int_attr(core::MapReader& attrs, const std::string& key) {
  if (auto v = attrs.get(key)) return v->as_int();
  return std::nullopt;
}

std::optional<double> num_attr(core::MapReader& attrs, const std::string& key) {
  if (auto v = attrs.get(key)) return v->as_number();
  return std::nullopt;
}

// Attributes common to components; unknown ones are reported.
void read_component(const core::YamlView& node, const std::string& cls, const std::string& name, std::optional<core::YamlView> attributes,
                    std::optional<core::YamlView> constraints, const Context& ctx, long long own_instances, long long own_mx,
                    long long own_my, Spec& spec) {
  core::MapReader attrs(attributes ? *attributes : node.child(YAML::Node(), "attributes"));
  // Attributes that describe circuits for Accelergy but do not change counts or cycles.
  const std::vector<std::string> accelergy_only = {"technology",
                                                   "n_banks",
                                                   "update_fifo_depth",
                                                   "latency",
                                                   "n_rdwr_ports",
                                                   "n_rd_ports",
                                                   "n_wr_ports",
                                                   "cluster-size",
                                                   "cluster_size",
                                                   "num-ports",
                                                   "num_ports",
                                                   "type",
                                                   "adder_width",
                                                   "multiplier_width",
                                                   "global_cycle_seconds",
                                                   "metadata_storage_width",
                                                   "metadata_datawidth",
                                                   "ag_datawidth"};
  long long instances = ctx.instances * own_instances;
  long long mx = ctx.mesh_x * own_mx, my = ctx.mesh_y * own_my;
  if (auto v = int_attr(attrs, "instances")) instances = *v;
  if (auto v = int_attr(attrs, "meshX")) mx = *v;
  if (auto v = int_attr(attrs, "meshY")) my = *v;
  if (mx * my != instances) {
    if (mx * my == 1) mx = instances;  // Timeloop: unspecified mesh lays instances along X
  }
  if (is_compute_class(cls)) {
    spec.compute.name = name;
    spec.compute.instances = instances;
    spec.compute.mesh_x = mx;
    spec.compute.mesh_y = my;
    spec.compute.loc = node.loc();
    for (const char* k : {"datawidth", "width", "word-bits", "word_bits"})
      if (auto v = int_attr(attrs, k)) spec.compute.operand_bits = static_cast<int>(*v);
    attrs.finish(accelergy_only);
    return;
  }
  StorageLevel lvl;
  lvl.name = name;
  lvl.technology = technology_of(cls);
  lvl.instances = instances;
  lvl.mesh_x = mx;
  lvl.mesh_y = my;
  lvl.loc = node.loc();
  std::optional<long long> width, datawidth, block;
  width = int_attr(attrs, "width");
  datawidth = int_attr(attrs, "datawidth");
  if (!datawidth) datawidth = int_attr(attrs, "word-bits");
  if (!datawidth) datawidth = int_attr(attrs, "word_bits");
  block = int_attr(attrs, "block-size");
  if (!block) block = int_attr(attrs, "block_size");
  if (datawidth) lvl.word_bits = static_cast<int>(*datawidth);
  if (block) lvl.block_size = *block;
  else if (width && datawidth && *datawidth > 0) lvl.block_size = std::max<long long>(1, *width / *datawidth);
  if (auto d = int_attr(attrs, "depth")) lvl.depth = *d;
  if (auto s = int_attr(attrs, "sizeKB")) lvl.depth = *s * 1024 * 8 / (lvl.word_bits * lvl.block_size);
  for (const char* k : {"read_bandwidth", "read-bandwidth"})
    if (auto v = num_attr(attrs, k)) lvl.read_bandwidth = *v;
  for (const char* k : {"write_bandwidth", "write-bandwidth"})
    if (auto v = num_attr(attrs, k)) lvl.write_bandwidth = *v;
  attrs.finish(accelergy_only);
  if (constraints) {
    core::MapReader cons(*constraints);
    if (auto ds = cons.get("dataspace")) {
      core::MapReader dsr(*ds);
      if (auto k = dsr.get("keep")) lvl.keep = k->string_list();
      if (auto b = dsr.get("bypass")) lvl.bypass = b->string_list();
      dsr.finish();
    }
    if (auto t = cons.get("temporal")) lvl.constraints.temporal = read_loop_constraint(*t);
    if (auto sp = cons.get("spatial")) lvl.constraints.spatial = read_loop_constraint(*sp);
    cons.finish();
  }
  spec.levels.push_back(lvl);
}

// "RegisterFile[0..15]" -> ("RegisterFile", 16)
std::pair<std::string, long long> split_name(const std::string& raw) {
  static const std::regex re(R"(^(.*)\[(\d+)\.\.(\d+)\]$)");
  std::smatch m;
  if (std::regex_match(raw, m, re)) return {m[1].str(), std::stoll(m[3].str()) - std::stoll(m[2].str()) + 1};
  return {raw, 1};
}

void read_v4_nodes(const core::YamlView& nodes, Context ctx, Spec& spec);

void read_v4_node(const core::YamlView& node, Context& ctx, Spec& spec) {
  std::string tag = node.tag();
  core::MapReader m(node);
  if (tag == "!Parallel") {
    if (auto n = m.required("nodes")) read_v4_nodes(*n, ctx, spec);
    m.finish();
    return;
  }
  std::string name;
  if (auto n = m.required("name")) name = n->scalar();
  long long own_x = 1, own_y = 1;
  if (auto sp = m.get("spatial")) {
    core::MapReader s(*sp);
    if (auto v = s.get("meshX")) own_x = v->as_positive_int().value_or(1);
    if (auto v = s.get("meshY")) own_y = v->as_positive_int().value_or(1);
    s.finish();
  }
  auto attributes = m.get("attributes");
  auto constraints = m.get("constraints");
  if (tag == "!Container") {
    if (attributes) {
      core::MapReader a(*attributes);
      for (auto& [k, v] : a.entries()) ctx.inherited[k] = v.scalar();
    }
    if (auto t = ctx.inherited.find("global_cycle_seconds"); t != ctx.inherited.end())
      if (auto s = core::parse_number(t->second); s && *s > 0) spec.clock_hz = 1.0 / *s;
    if (auto t = ctx.inherited.find("technology"); t != ctx.inherited.end()) {
      auto q = core::parse_quantity(t->second, core::UnitKind::length_nm);
      if (q.error.empty()) spec.technology_nm = q.value;
    }
    if (own_x * own_y > 1) {
      StorageLevel v;
      if (constraints) {  // a container's constraints shape the fan-out it creates
        core::MapReader cons(*constraints);
        if (auto sp = cons.get("spatial")) v.constraints.spatial = read_loop_constraint(*sp);
        cons.finish();
      }
      v.name = "inter_" + name + "_spatial";
      v.technology = Technology::none;
      v.instances = ctx.instances;
      v.mesh_x = ctx.mesh_x;
      v.mesh_y = ctx.mesh_y;
      v.loc = node.loc();
      spec.levels.push_back(v);
      ctx.instances *= own_x * own_y;
      ctx.mesh_x *= own_x;
      ctx.mesh_y *= own_y;
    }
    m.finish();
    return;
  }
  if (tag != "!Component") {
    node.error("expected a node tagged !Container, !Component or !Parallel, found tag '" + tag + "'");
    return;
  }
  std::string cls;
  if (auto c = m.required("class")) cls = c->scalar();
  m.get("subclass");
  m.get("required_actions");
  m.get("area_share");
  m.get("enabled");
  m.finish();
  read_component(node, cls, name, attributes, constraints, ctx, own_x * own_y, own_x, own_y, spec);
  if (own_x * own_y > 1) {  // a replicated component replicates everything below it too
    ctx.instances *= own_x * own_y;
    ctx.mesh_x *= own_x;
    ctx.mesh_y *= own_y;
  }
}

void read_v4_nodes(const core::YamlView& nodes, Context ctx, Spec& spec) {
  for (auto& n : nodes.items()) read_v4_node(n, ctx, spec);
}

void read_v2_subtree(const core::YamlView& tree, Context ctx, Spec& spec) {
  core::MapReader m(tree);
  std::string raw;
  if (auto n = m.required("name")) raw = n->scalar();
  auto [name, count] = split_name(raw);
  (void)name;
  ctx.instances *= count;
  ctx.mesh_x *= count;
  if (auto a = m.get("attributes")) {
    core::MapReader ar(*a);
    for (auto& [k, v] : ar.entries()) ctx.inherited[k] = v.scalar();
    if (auto t = ctx.inherited.find("technology"); t != ctx.inherited.end()) {
      auto q = core::parse_quantity(t->second, core::UnitKind::length_nm);
      if (q.error.empty()) spec.technology_nm = q.value;
    }
  }
  if (auto local = m.get("local")) {
    for (auto& comp : local->items()) {
      core::MapReader c(comp);
      std::string craw, cls;
      if (auto n = c.required("name")) craw = n->scalar();
      if (auto k = c.required("class")) cls = k->scalar();
      auto attrs = c.get("attributes");
      c.get("subclass");
      c.finish();
      auto [cname, ccount] = split_name(craw);
      // A name range names all instances of the component (including the ones of enclosing subtrees).
      long long instances = ccount >= ctx.instances ? ccount : ctx.instances * ccount;
      read_component(comp, cls, cname, attrs, std::nullopt, Context{1, 1, 1, ctx.inherited}, instances, instances, 1, spec);
    }
  }
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
