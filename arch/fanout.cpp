#include "arch/fanout.h"

#include "core/checked.h"

namespace hwaware::arch {

bool Fanout::grow(long long x, long long y, const core::YamlView& where) {
  auto n = core::checked_product({instances, x, y});
  auto mx = core::checked_mul(mesh_x, x), my = core::checked_mul(mesh_y, y);
  if (!n || !mx || !my) {
    where.error("a fan-out of " + std::to_string(x) + " x " + std::to_string(y) + " below " + std::to_string(instances) +
                " instances makes more instances than a 64-bit count holds");
    return false;
  }
  instances = *n;
  mesh_x = *mx;
  mesh_y = *my;
  return true;
}

}  // namespace hwaware::arch
