#!/usr/bin/env python3
"""Checks that a `hwaware prune` layers.csv's per-component columns sum to its totals.

Every row (each pruned layer and the total row): the columns COMPONENT_before_UNIT sum to
energy_before_UNIT and COMPONENT_after_UNIT to energy_after_UNIT, within a relative 1e-9 (the
figures are written with 17 significant digits by the same evaluation). Exit status 1 names the
first row that does not, with both figures.
"""

import csv
import sys


def main(path):
    with open(path, newline="") as f:
        reader = csv.DictReader(f)
        fields = reader.fieldnames
        unit = next(f[len("energy_before_"):] for f in fields if f.startswith("energy_before_"))
        rows = list(reader)
    for when in ("before", "after"):
        total_column = f"energy_{when}_{unit}"
        parts = [f for f in fields if f.endswith(f"_{when}_{unit}") and f != total_column]
        if not parts:
            print(f"{path}: no component columns *_{when}_{unit}", file=sys.stderr)
            return 1
        for r in rows:
            total = float(r[total_column])
            summed = sum(float(r[p] or 0) for p in parts)
            if abs(summed - total) > 1e-9 * max(1.0, abs(total)):
                print(f"{path}: row {r['layer']}: the {len(parts)} components {when} sum to {summed!r}, "
                      f"{total_column} is {total!r}", file=sys.stderr)
                return 1
    print(f"{path}: {len(rows)} rows, components sum to the totals before and after")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
