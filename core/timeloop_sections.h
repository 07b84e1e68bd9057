#pragma once
// The top-level sections of a Timeloop input. Timeloop reads its inputs as one document: the files
// given on its command line are merged, and its v0.4 front end dumps the whole input into one file
// (parsed-processed-input.yaml) with every section side by side. Each hwaware reader reads its own
// section of such a document (architecture, problem, mapping) and passes over the other sections
// Timeloop knows, by name, from the one list here; a top-level key Timeloop does not know is still
// an error with a "did you mean" hint. hwaware's own files stay strict: they hold their one key.

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "core/yaml_reader.h"

namespace hwaware::core {

// Every top-level key of a Timeloop input: those its model, mapper and front end read, and the
// marker its front end writes (`dumped_by_timeloop_front_end`).
const std::vector<std::string>& timeloop_sections();

// Whether a document is a Timeloop one: its root is a map with `architecture`, `problem`, or a
// `mapping` that is a list (hwaware's own mapping is a map; its other files say `accelerator` or
// `workload`).
bool is_timeloop_document(const YAML::Node& root);

// Ends the reading of a document's top level: reports every key not looked up, except, in a
// Timeloop document, the other Timeloop sections.
void finish_top_level(MapReader& top);

}  // namespace hwaware::core
