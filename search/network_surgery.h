#pragma once
// Changing a network's widths (output channels) consistently, for NetAdapt: the layers whose
// outputs must keep equal widths form groups (the operands of an add, and what the add passes
// on; a depthwise convolution follows its input), and setting a group's width resizes its layers'
// outputs and every consumer's inputs (a convolution's input channels, a pool's or add's channels,
// an FC layer's input features) in the workload's problems.

#include <map>
#include <string>
#include <vector>

#include "workloads/layer.h"

namespace hwaware::search {

struct WidthGroup {
  std::vector<std::size_t> layers;  // the layers that make the group's width (conv2d but depthwise, fc); pools, adds and depthwise
                                    // convolutions follow their inputs
  long long width = 0;              // the current width
  long long step = 1;               // widths must be multiples of it (grouped convolutions on either side)
  bool prunable = true;             // false for the network's output layer (its width is the task's)
};

// A problem's bound along `dim` (1 when it has no such dimension); setting it (ignored when absent).
long long bound(const workload::Problem& p, const char* dim);
void set_bound(workload::Problem& p, const char* dim, long long value);

// The groups of a network connected by `inputs` (workload::Layer::inputs), in layer order.
std::vector<WidthGroup> width_groups(const workload::Network& net);

// The network with group g set to `width` (>= 1, a multiple of the group's step): producers'
// filters and consumers' inputs resized; pools, adds and depthwise convolutions pass widths
// through. Throws std::invalid_argument for another width.
workload::Network with_width(const workload::Network& net, const std::vector<WidthGroup>& groups, std::size_t g, long long width);

}  // namespace hwaware::search
