#include "arch/accelerator_document.h"

#include "arch/arch_loader.h"
#include "arch/scalesim_config.h"
#include "arch/validate.h"
#include "core/text.h"

namespace hwaware::arch {

AcceleratorDocument AcceleratorDocument::load(const std::string& path) {
  AcceleratorDocument d;
  if (is_scalesim_config(path)) {
    const std::string text = core::read_text_file(path, "a SCALE-Sim configuration (INI text)");
    d.spec_ = validated(read_scalesim_config(text, path));
    d.file_ = core::YamlFile::from_node(scalesim_config_tree(text, path), path);
    d.scalesim_ = true;
  } else {
    d.text_ = core::read_text_file(path, "a YAML text file");
    d.file_ = core::YamlFile::parse(d.text_, path);
    d.spec_ = read_arch(d.file_);
  }
  return d;
}

YAML::Node AcceleratorDocument::top() const {
  if (scalesim_) return file_.root();
  const std::string k = top_key();
  return k.empty() ? YAML::Node() : file_.root()[k];
}

std::string AcceleratorDocument::top_key() const {
  if (scalesim_) return "";
  for (const char* k : {"accelerator", "architecture"})
    if (file_.root().IsMap() && file_.root()[k]) return k;
  return "";
}

YAML::Node AcceleratorDocument::editable_root() const { return scalesim_ ? YAML::Clone(file_.root()) : YAML::Load(text_); }

Spec AcceleratorDocument::read(const YAML::Node& edited) const {
  if (scalesim_) return validated(read_scalesim_config(scalesim_config_text(edited), path()));
  return read_arch(core::YamlFile::from_node(edited, path()));
}

std::string AcceleratorDocument::key() const { return core::fnv1a_hex(YAML::Dump(file_.root())); }

}  // namespace hwaware::arch
