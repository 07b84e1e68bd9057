#pragma once
// The attributes of a Timeloop component that hwaware does not turn into the level or compute unit
// itself, and what it does with each, as Timeloop's model reads them (NVlabs/timeloop,
// src/model/buffer.cpp BufferLevel::ParseSpecs and src/model/arithmetic.cpp
// ArithmeticUnits::ParseSpecs, read at 06157e8 and at the version with sparse modules; hyphenated
// keys are read with underscores since src/compound-config/hyphens-to-underscores.cpp, so both
// spellings are taken). A key Timeloop reads is modelled by the reader (timeloop_arch.cpp), or
// accepted only at the value with which it does nothing (its default), or refused saying what it
// does; keys Timeloop's model does not read (Accelergy's, its front end's) are accepted by name.

#include <optional>
#include <string>
#include <vector>

#include "arch/sparse_spec.h"
#include "core/yaml_reader.h"

namespace hwaware::arch {

// The attributes the reader turns into the description (timeloop_arch.cpp), each with every
// spelling Timeloop's BufferLevel and ArithmeticUnits read (hyphens and underscores alike, the
// Accelergy names memory_width and memory_depth), in the order Timeloop looks them up.
enum class TimeloopAttr {
  instances,
  mesh_x,
  mesh_y,
  word_bits,
  operand_bits,
  width,
  block,
  cluster,
  entries,
  depth,
  size_kb,
  bandwidth,
  read_bw,
  write_bw,
  ports
};
const std::vector<const char*>& spellings(TimeloopAttr a);
// The first given spelling of an attribute (all are looked up, so that a misspelling of any gets a
// hint), and its value as an integer (positive, or any).
std::optional<core::YamlView> first_of(core::MapReader& attrs, TimeloopAttr a);
std::optional<long long> int_of(core::MapReader& attrs, TimeloopAttr a, bool positive);
// Where each attribute was written, under the field names the validation checks (arch/validate.h).
core::FieldLocs timeloop_field_locs(const core::MapReader& attrs, const core::SourceLoc& node);

// Attributes Timeloop's model does not read, or reads only for its built-in energy and area
// estimates: accepted whatever their value (they do not change counts or cycles).
const std::vector<std::string>& timeloop_unread_attributes();

// Storage attributes Timeloop reads only for the formats and (de)compression that
// `sparse_optimizations` declares and that hwaware accepts without reading: the metadata
// storage's depth and Sparseloop's (de)compression support flags. The metadata word and block are
// read (read_metadata_attributes).
const std::vector<std::string>& timeloop_sparse_attributes();

// The metadata storage of a level, as Timeloop's BufferLevel::ParseSpecs reads it (buffer.cpp,
// the version with metadata storage: `metadata_datawidth`, or its alias `metadata_word_bits`, is
// the bits of one metadata word, 0 meaning no metadata; `metadata_block_size` the words per
// metadata access, default 1; `metadata_storage_width` must hold whole blocks). Without
// `metadata_block_size`, the block is metadata_storage_width / metadata_datawidth, as the
// Sparseloop stats show it (tests/reference/sparseloop/SEMANTICS.md: 04.2.3's shared_glb, 32 / 4 =
// 8 words per metadata access). A negative metadata_datawidth or storage width, and a storage width
// that is not whole blocks, are reported at their line.
void read_metadata_attributes(core::MapReader& attrs, LevelSparsity& sparse);

// How the component was written: a v0.4 node (`nodes:`, before Timeloop's front end) or a
// component of a subtree (v0.2/v0.3, or the front end's dump, where `has_power_gating` has already
// been turned into the `power_gated_at` of the components below).
enum class TimeloopForm { nodes, subtree };

// Looks up, in `attrs`, every attribute Timeloop reads that hwaware models only at Timeloop's
// default or not at all, and reports those that would change Timeloop's numbers. `name` is the
// component's name without its instance range.
void check_storage_attributes(core::MapReader& attrs, const std::string& name, TimeloopForm form);
void check_compute_attributes(core::MapReader& attrs, const std::string& name, TimeloopForm form);

// Finishes `attrs`: the attributes looked up are used; Timeloop's unread ones, (for a storage
// level) its sparse ones, and any other not close to a known one (Accelergy's circuit parameters,
// such as bank_depth or n_buffets) are passed over and returned, in file order; a key close to a
// known one is reported as a likely misspelling, with its "did you mean".
std::vector<std::string> finish_attributes(core::MapReader& attrs, bool storage);

}  // namespace hwaware::arch
