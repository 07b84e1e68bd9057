#!/usr/bin/env python3
"""ResNet-152 and WRN-50-2: digital (Eyeriss-like) against analog PIM at crossbar sizes 128..4096.

Digital: `hwaware eval` on a copy of arch/presets/eyeriss_like.yaml priced by the built-in
estimators at 32 nm (the PIM preset's node; the preset itself uses the normalized Eyeriss table,
in units of one MAC). PIM: copies of arch/presets/rram_128x128.yaml (32 nm, the `crossbars`
organization) with `adc: {bits: auto}` (lossless ADCs: their bits follow the rows a column sums)
and `duplicate: free` (copies of layers in crossbars no layer's weights hold), crossbar rows = cols
= 128 .. 4096 swept by `hwaware sweep --set`, in two chip settings:

1. equal chip area: `budget: {area: X}` for every size and both networks, X the smallest multiple
   of AREA_STEP_MM2 whose 128 x 128 chip holds one copy of both networks' weights (found from a
   first run at 128 x 128: crossbars a network needs x the area of one crossbar);
2. a chip sized to each network: for each size, `budget: {cells: N}` with N = the crossbars one
   copy of every layer takes (from stats.json at equal area, per layer `pim.crossbars`) x rows x
   cols, so the chip holds the network's weights with no crossbar to spare.

At equal area `hwaware eval` also runs at every point for stats.json (the chip's crossbars, whether
the weights stay on chip, every layer's copies, placement and read-pulse time). Totals are summed
from sweep.csv's layer rows. Writes docs/studies/pim-array-size.md (tables, plots, and which of
the seed's claims the numbers support, decided by the tests in `claim_*` in pim_study_claims.py)
and its PNGs. Takes about half a minute on two cores (the runs go in parallel). HWAWARE names another
binary (a copy can run while build/ changes).

This file runs the study and writes the report; the parts live beside it: pim_study_runs.py (the
accelerator copies, the hwaware runs and their outputs), pim_study_figures.py (figures derived from
the runs and how they are written), pim_study_claims.py (the claims), pim_study_report.py (the
markdown) and pim_study_plots.py (the PNGs).
"""

import os
import sys

from pim_study_plots import plots
from pim_study_report import document
from pim_study_runs import ROOT, study

DOC = os.path.join(ROOT, "docs", "studies", "pim-array-size.md")


def main():
    import time
    start = time.time()
    D = study()
    plots(D)
    open(DOC, "w").write(document(D))
    print("wrote %s in %.0f s" % (os.path.relpath(DOC, ROOT), time.time() - start))
    return 0


if __name__ == "__main__":
    sys.exit(main())
