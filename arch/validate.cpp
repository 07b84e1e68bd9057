#include "arch/validate.h"

#include <cmath>

#include "core/checked.h"
#include "core/csv_writer.h"

namespace hwaware::arch {
namespace {

// Reports into one sink with the name of the object checked ("level 'DRAM'", "compute unit 'mac'").
class Checker {
 public:
  Checker(core::DiagnosticSink& sink, std::string what, const core::SourceLoc& loc, const core::FieldLocs& fields)
      : sink_(sink), what_(std::move(what)), loc_(loc), fields_(fields) {}

  void error(const std::string& field, const std::string& message) const {
    sink_.error(fields_.of(field, loc_), field, what_ + ": " + message);
  }

  void at_least(const std::string& field, long long value, long long min, const std::string& expected) const {
    if (value < min) error(field, "expected " + expected + ", found " + std::to_string(value));
  }

  void positive_finite(const std::string& field, double value, const std::string& expected) const {
    if (!std::isfinite(value) || value <= 0) error(field, "expected " + expected + ", found " + core::format_number(value));
  }

  void energies(const EnergySpec& e) const {
    for (const auto& [action, pj] : e.explicit_pj)
      if (!std::isfinite(pj) || pj < 0)
        error("energy", "expected a non-negative energy per '" + action + "', found " + core::format_number(pj) + "pJ");
    if (e.area_um2 && (!std::isfinite(*e.area_um2) || *e.area_um2 < 0))
      error("area", "expected a non-negative area, found " + core::format_number(*e.area_um2) + "um2");
  }

  // A product of counts that must stay within core::kMaxCount, named by its factors for the message.
  void fits(const std::string& field, std::initializer_list<long long> factors, const std::string& what) const {
    for (long long f : factors)
      if (f < 1) return;  // reported as its own error
    if (!core::checked_count(factors)) error(field, what + " is more than " + core::kMaxCountText);
  }

 private:
  core::DiagnosticSink& sink_;
  std::string what_;
  core::SourceLoc loc_;
  const core::FieldLocs& fields_;
};

void check_placement(const Checker& c, long long instances, long long mesh_x, long long mesh_y) {
  c.at_least("instances", instances, 1, "at least 1 instance");
  if (instances < 1) return;  // its mesh follows from it
  c.at_least("instances", mesh_x, 1, "a mesh at least 1 wide");
  c.at_least("instances", mesh_y, 1, "a mesh at least 1 high");
  c.fits("instances", {mesh_x, mesh_y}, "a mesh of " + std::to_string(mesh_x) + " x " + std::to_string(mesh_y) + " instances");
}

void check_level(const StorageLevel& l, core::DiagnosticSink& sink) {
  const Checker c(sink, "level '" + l.name + "'", l.loc, l.field_locs);
  c.at_least("word_bits", l.word_bits, 1, "at least 1 bit per word");
  c.at_least("block_size", l.block_size, 1, "at least 1 word per block");
  if (l.depth) {
    c.at_least("depth", *l.depth, 1, "a depth of at least 1 entry");
    c.fits("depth", {*l.depth, l.block_size, l.word_bits},
           "a capacity of " + std::to_string(*l.depth) + " entries x " + std::to_string(l.block_size) + " words x " +
               std::to_string(l.word_bits) + " bits");
  }
  if (l.read_bandwidth) c.positive_finite("read_bandwidth", *l.read_bandwidth, "a positive read bandwidth (words/cycle)");
  if (l.write_bandwidth) c.positive_finite("write_bandwidth", *l.write_bandwidth, "a positive write bandwidth (words/cycle)");
  c.at_least("latency", l.latency_cycles, 0, "a non-negative latency in cycles");
  if (l.ports < 1 || l.ports > 2) c.error("ports", "expected 1 or 2 ports, found " + std::to_string(l.ports));
  check_placement(c, l.instances, l.mesh_x, l.mesh_y);
  c.energies(l.energy);
  if (l.network.hop_length_nm) c.positive_finite("network", *l.network.hop_length_nm, "a positive hop length");
  c.energies(l.network.energy);
}

// A level's mesh tiles its children's: each instance serves a whole sub-mesh below it.
void check_fanout(const Spec& spec, std::size_t i, core::DiagnosticSink& sink) {
  const StorageLevel& me = spec.levels[i];
  const bool last = i + 1 == spec.levels.size();
  const long long cx = last ? spec.compute.mesh_x : spec.levels[i + 1].mesh_x;
  const long long cy = last ? spec.compute.mesh_y : spec.levels[i + 1].mesh_y;
  if (me.mesh_x < 1 || me.mesh_y < 1 || cx < 1 || cy < 1) return;
  if (cx % me.mesh_x != 0 || cy % me.mesh_y != 0 || cx < me.mesh_x || cy < me.mesh_y) {
    const std::string child = last ? "compute unit '" + spec.compute.name + "'" : "level '" + spec.levels[i + 1].name + "'";
    const auto& where = last ? spec.compute.field_locs.of("instances", spec.compute.loc)
                             : spec.levels[i + 1].field_locs.of("instances", spec.levels[i + 1].loc);
    sink.error(where, "instances",
               child + ": a mesh of " + std::to_string(cx) + " x " + std::to_string(cy) + " instances does not divide among the " +
                   std::to_string(me.mesh_x) + " x " + std::to_string(me.mesh_y) + " instances of level '" + me.name +
                   "' above it (each must serve a whole sub-mesh)");
  }
}

void check_pim(const PimSpec& p, core::DiagnosticSink& sink) {
  const core::FieldLocs none;
  const Checker c(sink, "pim", p.loc, none);
  c.fits("crossbar", {p.rows, p.cols}, "a crossbar of " + std::to_string(p.rows) + " x " + std::to_string(p.cols) + " cells");
  const bool counted = !p.budget || p.budget->resolved;
  const long long crossbars = !p.budget ? core::checked_mul(p.tiles, p.crossbars_per_tile).value_or(-1) : p.budget->crossbars;
  if (!p.budget)
    c.fits("tiles", {p.tiles, p.crossbars_per_tile},
           std::to_string(p.tiles) + " tiles x " + std::to_string(p.crossbars_per_tile) + " crossbars");
  if (counted && crossbars > 0)
    c.fits("crossbar", {crossbars, p.rows, p.cols},
           std::to_string(crossbars) + " crossbars of " + std::to_string(p.rows) + " x " + std::to_string(p.cols) + " cells");
}

}  // namespace

void validate(const Spec& spec, core::DiagnosticSink& sink) {
  const Checker top(sink, "accelerator", spec.loc, spec.field_locs);
  top.positive_finite("clock", spec.clock_hz, "a positive clock frequency");
  top.positive_finite("technology", spec.technology_nm, "a positive technology node");
  for (const auto& [tensor, bits] : spec.tensor_bits) top.at_least("tensor_bits", bits, 1, "at least 1 bit per " + tensor + " element");
  for (const auto& l : spec.levels) check_level(l, sink);
  // PIM crossbars compute in place: there a compute unit is optional, and its placement is not the levels'.
  if (!spec.pim) {
    const Checker compute(sink, "compute unit '" + spec.compute.name + "'", spec.compute.loc, spec.compute.field_locs);
    compute.at_least("operand_bits", spec.compute.operand_bits, 1, "at least 1 bit per operand");
    check_placement(compute, spec.compute.instances, spec.compute.mesh_x, spec.compute.mesh_y);
    compute.energies(spec.compute.energy);
  }
  for (std::size_t i = 0; i + (spec.pim ? 1 : 0) < spec.levels.size(); ++i) check_fanout(spec, i, sink);
  if (spec.systolic) {
    const core::FieldLocs none;
    Checker(sink, "systolic", spec.systolic->loc, none)
        .fits("systolic", {spec.systolic->rows, spec.systolic->cols},
              "an array of " + std::to_string(spec.systolic->rows) + " x " + std::to_string(spec.systolic->cols) + " PEs");
  }
  if (spec.pim) check_pim(*spec.pim, sink);
}

Spec validated(Spec spec) {
  core::DiagnosticSink sink;
  validate(spec, sink);
  sink.throw_if_any();
  return spec;
}

}  // namespace hwaware::arch
