#pragma once
// Test helper: a YAML document parsed from text, with its diagnostics collected in a sink.

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "core/yaml_reader.h"

namespace hwaware::test {

// Parses `text` and hands the view of `key` to a reader; diagnostics land in `sink`.
struct Doc {
  core::YamlFile file;
  core::DiagnosticSink sink;
  std::unique_ptr<core::YamlView> root;
  Doc(const std::string& text, const std::string& name) : file(core::YamlFile::parse(text, name)) {
    root = std::make_unique<core::YamlView>(file.root(), name, "", &sink);
  }
  core::YamlView get(const std::string& key) {
    core::MapReader top(*root);
    auto v = top.get(key);
    REQUIRE(v);
    return *v;
  }
  // Whether a diagnostic (key path, message or hint) contains `text`, on `line` if given.
  bool mentions(const std::string& text, int line = 0) const {
    for (const auto& d : sink.diagnostics())
      if ((d.key_path + ": " + d.message + " " + d.hint).find(text) != std::string::npos && (line == 0 || d.loc.line == line)) return true;
    return false;
  }
};

}  // namespace hwaware::test
