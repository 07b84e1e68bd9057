#include <catch2/catch.hpp>

#include "core/yaml_reader.h"

using namespace hwaware::core;

namespace {
struct Parsed {
  YamlFile file;
  DiagnosticSink sink;
};
}  // namespace

TEST_CASE("an unknown key is reported at its line with a did-you-mean hint", "[yaml]") {
  auto f = YamlFile::parse("level:\n  name: glb\n  dpeth: 16\n", "a.yaml");
  DiagnosticSink sink;
  YamlView root(f.root(), "a.yaml", "", &sink);
  MapReader top(root);
  auto lvl = top.required("level");
  MapReader m(*lvl);
  m.get("name");
  m.get("depth");
  m.finish();
  top.finish();
  REQUIRE(sink.diagnostics().size() == 1);
  const auto& d = sink.diagnostics()[0];
  CHECK(d.loc.line == 3);
  CHECK(d.loc.column == 3);
  CHECK_THAT(d.message, Catch::Contains("unknown key 'dpeth'"));
  CHECK_THAT(d.hint, Catch::Contains("did you mean 'depth'"));
  CHECK_THAT(format(d), Catch::StartsWith("a.yaml:3:3: error: level: unknown key"));
}

TEST_CASE("a duplicate key is an error", "[yaml]") {
  auto f = YamlFile::parse("a: 1\nb: 2\na: 3\n", "d.yaml");
  DiagnosticSink sink;
  YamlView root(f.root(), "d.yaml", "", &sink);
  MapReader top(root);
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].loc.line == 3);
  CHECK_THAT(sink.diagnostics()[0].message, Catch::Contains("duplicate key 'a'"));
}

TEST_CASE("every error of a file is collected, not only the first", "[yaml]") {
  auto f = YamlFile::parse("x: abc\ny: -3\nz: 5\n", "e.yaml");
  DiagnosticSink sink;
  YamlView root(f.root(), "e.yaml", "", &sink);
  MapReader top(root);
  top.required("x")->as_int();
  top.required("y")->as_positive_int();
  top.required("w");
  top.finish({"z"});
  CHECK(sink.diagnostics().size() == 3);
}

TEST_CASE("a quantity without a unit names the key and the expected form", "[yaml]") {
  auto f = YamlFile::parse("clock: 200\n", "c.yaml");
  DiagnosticSink sink;
  YamlView root(f.root(), "c.yaml", "", &sink);
  MapReader top(root);
  CHECK_FALSE(top.required("clock")->as_quantity(UnitKind::frequency_hz).has_value());
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].key_path == "clock");
  CHECK_THAT(sink.diagnostics()[0].message, Catch::Contains("200MHz"));
}

TEST_CASE("broken YAML and empty files are input errors with a position", "[yaml]") {
  CHECK_THROWS_AS(YamlFile::parse("a: [1, 2\n", "b.yaml"), InputError);
  CHECK_THROWS_AS(YamlFile::parse("", "empty.yaml"), InputError);
  CHECK_THROWS_AS(YamlFile::load("/nonexistent/file.yaml"), InputError);
  try {
    YamlFile::parse("a: [1, 2\n", "b.yaml");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Catch::StartsWith("b.yaml:"));
  }
}
