#pragma once
// An accelerator file as a document whose values can be set before it is read, in any format
// load_arch() takes: hwaware or Timeloop YAML as parsed, or a SCALE-Sim .cfg as a map of its
// sections to their keys (values as written). A sweep sets keys of it at each point
// (cli/sweep_points.h); read() reads a copy with the format's own reader and its checks.

#include <string>

#include "arch/spec.h"
#include "core/yaml_reader.h"

namespace hwaware::arch {

class AcceleratorDocument {
 public:
  // Reads and checks the file: throws core::InputError for a mistake in it.
  static AcceleratorDocument load(const std::string& path);

  const std::string& path() const { return file_.path(); }
  // The whole document: YAML as parsed; a .cfg's sections.
  const YAML::Node& root() const { return file_.root(); }
  // Where keys are looked up, and its name: the map under `accelerator:` or `architecture:`
  // (YAML), or the sections ("" for a .cfg).
  YAML::Node top() const;
  std::string top_key() const;
  // The description the document holds.
  const Spec& spec() const { return spec_; }
  // A fresh copy of root() to set values in before read(): YAML parsed again from the file's text,
  // so that every value it keeps keeps its line for errors (a clone's would all be at 1:1).
  YAML::Node editable_root() const;
  // The description of `edited`, a copy of root() with some values set (throws core::InputError
  // as the format's reader does).
  Spec read(const YAML::Node& edited) const;
  // A key of the contents as YAML emits them (comments and layout do not count).
  std::string key() const;

 private:
  core::YamlFile file_;
  std::string text_;  // the YAML file's text (empty for a .cfg)
  bool scalesim_ = false;
  Spec spec_;
};

}  // namespace hwaware::arch
