#include "core/timeloop_sections.h"

namespace hwaware::core {

const std::vector<std::string>& timeloop_sections() {
  // Timeloop's model and mapper (architecture, architecture_constraints, mapspace_constraints,
  // mapspace, problem, mapping, mapper, sparse_optimizations, ERT, ART, model), its v0.4 front end
  // (components, compound_components, constraints, globals, variables) and the front end's dump
  // marker. The ERT/ART are Accelergy's tables as Timeloop takes them inline.
  static const std::vector<std::string> sections = {"architecture",
                                                    "architecture_constraints",
                                                    "mapspace_constraints",
                                                    "mapspace",
                                                    "constraints",
                                                    "problem",
                                                    "mapping",
                                                    "mapper",
                                                    "model",
                                                    "sparse_optimizations",
                                                    "compound_components",
                                                    "components",
                                                    "ERT",
                                                    "ART",
                                                    "globals",
                                                    "variables",
                                                    "dumped_by_timeloop_front_end"};
  return sections;
}

bool is_timeloop_document(const YAML::Node& root) {
  if (!root.IsMap()) return false;
  const YAML::Node& r = root;  // const: operator[] must not insert
  return r["architecture"] || r["problem"] || (r["mapping"] && r["mapping"].IsSequence());
}

void finish_top_level(MapReader& top) {
  if (is_timeloop_document(top.view().node())) top.finish(timeloop_sections());
  else top.finish();
}

}  // namespace hwaware::core
