#pragma once
// The attributes of a Timeloop component that hwaware does not turn into the level or compute unit
// itself, and what it does with each, as Timeloop's model reads them (NVlabs/timeloop,
// src/model/buffer.cpp BufferLevel::ParseSpecs and src/model/arithmetic.cpp
// ArithmeticUnits::ParseSpecs, read at 06157e8 and at the version with sparse modules; hyphenated
// keys are read with underscores since src/compound-config/hyphens-to-underscores.cpp, so both
// spellings are taken). A key Timeloop reads is modelled by the reader (timeloop_arch.cpp), or
// accepted only at the value with which it does nothing (its default), or refused saying what it
// does; keys Timeloop's model does not read (Accelergy's, its front end's) are accepted by name.

#include <string>
#include <vector>

#include "core/yaml_reader.h"

namespace hwaware::arch {

// Attributes Timeloop's model does not read, or reads only for its built-in energy and area
// estimates: accepted whatever their value (they do not change counts or cycles).
const std::vector<std::string>& timeloop_unread_attributes();

// Storage attributes Timeloop reads only for the formats and (de)compression that
// `sparse_optimizations` declares (metadata storage, compression support): with none declared
// they do nothing, and a declared one is refused until sparsity is modelled (issue 20).
const std::vector<std::string>& timeloop_sparse_attributes();

// How the component was written: a v0.4 node (`nodes:`, before Timeloop's front end) or a
// component of a subtree (v0.2/v0.3, or the front end's dump, where `has_power_gating` has already
// been turned into the `power_gated_at` of the components below).
enum class TimeloopForm { nodes, subtree };

// Looks up, in `attrs`, every attribute Timeloop reads that hwaware models only at Timeloop's
// default or not at all, and reports those that would change Timeloop's numbers. `name` is the
// component's name without its instance range.
void check_storage_attributes(core::MapReader& attrs, const std::string& name, TimeloopForm form);
void check_compute_attributes(core::MapReader& attrs, const std::string& name, TimeloopForm form);

// Finishes `attrs`: the attributes looked up, Timeloop's unread ones and (for a storage level) its
// sparse ones are accepted; any other is reported with a "did you mean" hint.
void finish_attributes(core::MapReader& attrs, bool storage);

}  // namespace hwaware::arch
