#pragma once
// The shapes NetAdapt V2 searches inside one super-network (Yang et al., NetAdaptV2, CVPR 2021):
// each width group's width (the first k channels of its layers, ordered dropout's order), depth
// through width (a layer whose input and output have the same shape, the only producer of its
// width group, may take width 0 and pass its input on: the paper's channel-level bypass with every
// channel bypassed), and the kernel size of the layers named (a k x k kernel shrunk to its centre,
// padding shrunk with it so the output keeps its size), and the input resolution where the network
// allows it (images resized to r x r, every map following; only when no fully connected layer
// reads a map larger than 1x1, whose weights would fix it). A configuration picks one choice per
// dimension; subnetwork() makes it a plain workload network that every cost oracle prices as it
// prices any other.

#include <string>
#include <vector>

#include "search/network_surgery.h"
#include "workloads/layer.h"

namespace hwaware::search {

// What to search. Widths always; depth and kernels as asked.
struct SearchDimensions {
  bool depth = true;
  bool all_kernels = false;                // every layer whose kernel can shrink
  std::vector<std::string> kernel_layers;  // these layers' kernels (each must be able to shrink)
  bool resolution = false;                 // r x r images, r from the full size down by 4 pixels to half of it
  int width_levels = 8;                    // widths are multiples of 1/width_levels of the full width (and of the group's step)
};

struct Dimension {
  enum class Kind { width, kernel, resolution };
  Kind kind = Kind::width;
  std::size_t index = 0;           // the width group (width) or the layer (kernel)
  std::string name;                // the group's first layer, or the layer
  std::vector<long long> choices;  // ascending; the last is the super-network's. Width 0: bypassed
};

struct SubnetSpace {
  workload::Network super;
  std::vector<WidthGroup> groups;
  std::vector<Dimension> dims;
};

// One choice per dimension, in SubnetSpace::dims order.
using SubnetConfig = std::vector<long long>;

// Throws core::InputError (location `--search`) for a kernel dimension a layer cannot search (no
// such layer, not a convolution, a 1x1 kernel, dilation, or too little padding to keep the output
// size), naming the layer; and for a resolution the network cannot search, naming the layer that
// fixes it.
SubnetSpace subnet_space(const workload::Network& super, const SearchDimensions& d);

SubnetConfig largest(const SubnetSpace& s);
SubnetConfig smallest(const SubnetSpace& s);

// Whether the layer at `layer` (an index into s.super) is bypassed (its group's width is 0).
bool bypassed(const SubnetSpace& s, const SubnetConfig& c, std::size_t layer);

// The network of configuration `c`: widths set, kernels shrunk, bypassed layers removed (their
// consumers read their input, whose width they then have). Throws std::invalid_argument for a
// choice outside a dimension's choices.
workload::Network subnetwork(const SubnetSpace& s, const SubnetConfig& c);

// The network reading r x r images: every conv2d, pool and add layer's map follows its input (a
// global pool's window too). Throws core::InputError (location `--search`) when a layer cannot
// follow (a fully connected layer reading a larger map, a layer without hwaware's window, the
// operands of an add no longer of one size).
workload::Network at_resolution(const workload::Network& net, long long r);

// "conv1_2 32->16, conv2_2 bypassed, conv1_1 kernel 3->1": what changes from `from` to `to`.
std::string describe_change(const SubnetSpace& s, const SubnetConfig& from, const SubnetConfig& to);

}  // namespace hwaware::search
