#pragma once
// The keys of hwaware's workload format that place a conv2d's or pool's window on its input
// (`input`, `kernel`, `stride`, `padding`, `dilation`), read with their checks (native_workload.cpp
// reads the layers). Every problem is reported at its key; a reader returns false or leaves the
// value it had.

#include <optional>
#include <utility>

#include "core/yaml_reader.h"
#include "workloads/layer.h"

namespace hwaware::workload {

// Padding before and after the input along height (top, bottom) and width (left, right).
struct Padding {
  long long top = 0, bottom = 0, left = 0, right = 0;
  bool sides = false;  // written as {top, bottom, left, right}: may differ between the sides
};

// An int (same for height and width) or [height, width]; `minimum` is 0 or 1.
std::optional<std::pair<long long, long long>> read_pair(const core::YamlView& v, long long minimum);
// `input: [h, w]` and `kernel: [h, w]` (required; a single int is accepted too).
bool read_shape(core::MapReader& m, const char* key, long long& h, long long& w);
// `stride`, `dilation`: optional pairs of at least `minimum`.
void read_optional_pair(core::MapReader& m, const char* key, long long minimum, long long& h, long long& w);
// `padding`: an int, [height, width] (the same on both sides), or {top, bottom, left, right}.
void read_padding(core::MapReader& m, Padding& p);
// The padding into a layer's parameters: pad_bottom and pad_right only where the sides differ.
void set_padding(ConvParams& p, const Padding& pad);
void set_padding(PoolParams& p, const Padding& pad);

// A sliding window (after dilation) must fit the padded input, else the output would be empty.
bool check_window(const core::YamlView& v, long long in_h, long long in_w, long long k_h, long long k_w, const Padding& pad,
                  long long dil_h, long long dil_w);
// A pool's padding: at most half the (dilated) window (as in PyTorch), or, side by side, less than
// the window on each side. After check_window (the window's size is then known to fit).
bool check_pool_padding(const core::YamlView& v, const PoolParams& p, const Padding& pad);

}  // namespace hwaware::workload
