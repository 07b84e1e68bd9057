"""The PIM crossbar-size study's markdown report (docs/studies/pim-array-size.md): the chip, per-network
and latency tables, the claims with their verdicts, and what drives the numbers.
"""

from pim_study_claims import claim_amortize, claim_dominate, claim_latency, claim_trade, claim_wide
from pim_study_figures import (SMALL_FILTER_ROWS, all_points, mean_copies, parallelism, pct, pct_span, per_mac,
                               placements, resident_points, seq, share, sizes_text, small_figures, span, where)
from pim_study_runs import AREA_STEP_MM2, NETS, SETTINGS, SIZES
from plot_sweep import KINDS, LABELS


def chip_table(D):
    """Per size: ADC bits, one crossbar's area, the equal-area chip, and the chips sized to each network."""
    head = "| crossbar | ADC bits (auto) | one crossbar (mm^2) | crossbars at %d mm^2 |" % D["area_mm2"]
    head += "".join(" %s: crossbars for its weights (their mm^2) | %s: weights on chip at equal area |" % (n, n)
                    for _, n in NETS)
    lines = [head, "|" + "---|" * (4 + 2 * len(NETS))]
    for s in SIZES:
        i = D["info"]["area"][NETS[0][0]][s]
        cells = ["%d x %d" % (s, s), str(i["adc_bits"]), "%.4f" % i["crossbar_mm2"], "{:,}".format(i["crossbars"])]
        for net, _ in NETS:
            j = D["info"]["area"][net][s]
            cells += ["{:,} ({:.0f})".format(j["needed"], j["needed"] * j["crossbar_mm2"]), "yes" if j["resident"] else "no"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def network_table(D, net):
    """Digital and both PIM settings at every size: totals and energy shares by kind."""
    shown = [k for k in KINDS if k != "mac"]
    lines = ["| chip | crossbars | energy (mJ) | pJ/MAC | latency (ms) | utilization | MAC | "
             + " | ".join(LABELS[k] for k in shown) + " |", "|" + "---|" * (7 + len(shown))]
    d = D["digital"][net]
    lines.append("| Eyeriss-like (digital, 32 nm, %.1f mm^2) | - | %.3f | %.3f | %.2f | - | %s | %s |"
                 % (d["area_mm2"], d["energy"] * 1e-9, d["energy"] / d["macs"], d["latency"] * 1e3, pct(share(d, ["mac"])),
                    " | ".join(pct(share(d, [k])) for k in shown)))
    for setting, label in SETTINGS:
        for s in SIZES:
            p, i = D["pim"][setting][net][s], D["info"][setting][net][s]
            chip = "PIM %d x %d, %s%s" % (s, s, label, "" if i["resident"] else " (weights reprogrammed)")
            lines.append("| %s | {:,} | %.3f | %.3f | %.2f | %.3f | - | %s |".format(i["crossbars"])
                         % (chip, p["energy"] * 1e-9, p["energy"] / p["macs"], p["latency"] * 1e3, p["utilization"],
                            " | ".join(pct(share(p, [k])) for k in shown)))
    return "\n".join(lines)


def latency_table(D, net):
    """At equal area: the chip's free crossbars, copies, MACs in parallel, read pulse and latency, and the
    small-filter layers' and the smallest filter's utilization and latency."""
    first = placements(D, net, SIZES[0])
    smallest = min(first, key=lambda n: (first[n]["weight_rows"], list(first).index(n)))
    lines = ["| crossbar | crossbars | free after one copy | weights on chip | mean copies per layer | MACs in parallel "
             "(per vector step) | read pulse (ns) | latency (ms) | small-filter layers: utilization | their latency (ms) | "
             "%s (C x R x S = %d): copies | its utilization | its latency (us) |" % (smallest, first[smallest]["weight_rows"]),
             "|" + "---|" * 13]
    for s in SIZES:
        i, p = D["info"]["area"][net][s], D["pim"]["area"][net][s]
        layers = placements(D, net, s)
        _, parallel_macs, pulse = parallelism(D, "area", net, s)
        small_lat, small_util = small_figures(D, net, s)
        one = p["layers"][smallest]
        lines.append("| %d x %d | {:,} | {:,} | %s | %.1f | %.3g | %.0f | %.2f | %.3f | %.2f | %d | %.3f | %.1f |".format(
            i["crossbars"], i["free"]) % (s, s, "yes" if i["resident"] else "no",
                                          mean_copies(D, net, s), parallel_macs, pulse,
                                          p["latency"] * 1e3, small_util, small_lat * 1e3, layers[smallest]["replicas"],
                                          one["utilization"], one["latency"] * 1e6))
    return "\n".join(lines)



def why(D):
    """What drives the numbers and what the model includes and leaves out, with this run's figures."""
    res = resident_points(D)
    kept = [D["pim"][st][n][s] for (st, n, s) in res]
    bits = [D["info"]["area"][NETS[0][0]][s]["adc_bits"] for s in SIZES]
    pulses = [parallelism(D, "sized", NETS[0][0], s)[2] for s in SIZES]
    big = SIZES[-1]
    leak = {n: share(D["pim"]["sized"][n][big], ["leakage"]) for n, _ in NETS}
    gone = [(st, n, s) for (st, n, s) in all_points() if (st, n, s) not in res]
    lines = [
        "- **The chip** is the `crossbars` organization: the preset's DRAM, its tile buffers (SRAM) and the network "
        "between them around the crossbars (NeuroSim's subarrays: cells, switch matrices, multiplexers, ADCs, "
        "shift-adders). Inputs are read from the tile buffers once per window element (im2col, no reuse between "
        "overlapping windows) and outputs cross the network; activation maps never go to DRAM (whatever their size), so "
        "activation movement stays at %s of the energy where the weights stay (digital: %s). The `neurosim` "
        "organization (H-trees, adder trees, buffers at three levels) is not used here."
        % (pct_span([share(p, ["activation_movement"]) for p in kept]),
           pct_span([share(D["digital"][n], ["activation_movement"]) for n, _ in NETS])),
        "- **Equal area** counts the crossbars with their ADCs, shift-adders and periphery only (not buffers nor the "
        "network): %d mm^2, the smallest multiple of %d mm^2 whose 128 x 128 chip holds both networks (it needs %.1f "
        "mm^2); the digital Eyeriss-like chip is %s mm^2, so the comparison with it is not at equal silicon."
        % (D["area_mm2"], AREA_STEP_MM2, D["need_mm2"], span([D["digital"][n]["area_mm2"] for n, _ in NETS], "%.1f")),
        "- **Lossless ADCs** (`bits: auto`): %s bits from %d to %d rows. A column is converted once per read of all "
        "its rows, so conversions per MAC fall as the rows grow, but each costs more with its bits: ADC energy per "
        "MAC %s pJ (%s, sized chips)."
        % (seq(bits, "%d"), SIZES[0], SIZES[-1],
           seq([per_mac(D["pim"]["sized"][NETS[0][0]][s], ["adc"]) for s in SIZES], "%.3f"), NETS[0][1]),
        "- **Read pulses** lengthen with the rows (bit-line settling, the column current the converter sees, more "
        "bits, the columns an ADC converts in turn): %s ns at %s rows (%s); the cell reads, the largest kind, cost %s "
        "pJ/MAC."
        % (seq(pulses, "%.0f"), sizes_text(SIZES), NETS[0][1],
           seq([per_mac(D["pim"]["sized"][NETS[0][0]][s], ["cells"]) for s in SIZES], "%.2f")),
        "- **Leakage** counts every crossbar of the chip for the whole run of every layer: on the sized chips at %d x %d "
        "it is %s of the energy (latency %s)." % (big, big, " and ".join("%s for %s" % (pct(leak[n]), name) for n, name in NETS),
                                             " and ".join("%.2f s" % D["pim"]["sized"][n][big]["latency"] for n, _ in NETS)),
    ]
    if gone:
        lines.append("- **Weights that do not fit** (%s): every layer's weights are read from DRAM and programmed every "
                     "inference, each layer then copied over the whole chip (`duplicate: free`), so latency drops while "
                     "weight movement takes %s of the energy."
                     % (where(gone), pct_span([share(D["pim"][st][n][s], ["weight_movement"]) for (st, n, s) in gone])))
    lines.append("- **Left out**: device and converter non-idealities (the ADCs are lossless by construction), layers "
                 "pipelined across the chip (they run one after another, batch 1), digital logic for pooling and "
                 "residual adds on PIM (counted as buffer traffic only). The "
                 "digital array runs at %s MHz, the PIM chip at %s MHz."
                 % (span([D["digital"][n]["clock_hz"] * 1e-6 for n, _ in NETS], "%.0f"),
                    span([D["info"]["area"][n][SIZES[0]]["clock_hz"] * 1e-6 for n, _ in NETS], "%.0f")))
    return lines


def document(D):
    md = ["# PIM crossbar size: ResNet-152 and WRN-50-2, digital against analog PIM", "",
          "Generated by `scripts/study-pim-array-size` (do not edit by hand). Digital: "
          "`arch/presets/eyeriss_like.yaml` priced by the built-in estimators at 32 nm (the preset itself uses the "
          "normalized Eyeriss table), every layer mapped by the mapper. PIM: `arch/presets/rram_128x128.yaml` (%s, the "
          "`crossbars` organization) "
          "with `adc: {bits: auto}` (lossless: the bits follow the rows), `duplicate: free` (copies of layers in the "
          "crossbars no layer holds) and rows = cols swept by `hwaware sweep`, analytical backend (docs/pim.md), in two "
          "settings:" % D["probe"][NETS[0][0]]["desc"], "",
          "1. **equal chip area**: `budget: {area: %dmm2}` at every size, for both networks: the smallest multiple of %d "
          "mm^2 at which the 128 x 128 chip holds one copy of both networks' weights;" % (D["area_mm2"], AREA_STEP_MM2),
          "2. **a chip sized to the network**: at each size `budget: {cells: N}`, N = the crossbars one copy of every layer "
          "takes (stats.json) x rows x cols: the weights stay, no crossbar spare, so no copies.", "",
          "Energies are the models' estimates, not measurements; the two networks have about the same MACs (%s G) and, "
          "per their papers, similar ImageNet accuracy." % " and ".join("%.1f" % (D["digital"][n]["macs"] * 1e-9) for n, _ in NETS), "",
          "![energy, latency and utilization](pim-array-size/energy-latency-utilization.png)", "",
          "![energy breakdown](pim-array-size/breakdown.png)", "", "## Chips", "", chip_table(D), ""]
    for net, name in NETS:
        md += ["## %s" % name, "", "Shares of the energy by kind (`hwaware sweep`'s kinds).", "", network_table(D, net), ""]
    md += ["## Latency at equal area", "",
           "MACs in parallel: the network's MACs / its input-vector steps (a layer's vectors / its copies), i.e. the MACs "
           "the chip does per vector of 8 read pulses. Small-filter layers: C x R x S <= %d." % SMALL_FILTER_ROWS, ""]
    for net, name in NETS:
        md += ["### %s" % name, "", latency_table(D, net), ""]
    md += ["## The seed's claims against these numbers", ""]
    for c in [claim_trade(D), claim_dominate(D), claim_amortize(D), claim_latency(D), claim_wide(D)]:
        md += ["### %s: %s" % (c["title"], c["verdict"]), "", "Test: %s." % c["test"], ""]
        md += ["- " + r for r in c["rows"]] + [""]
        if c["note"]:
            md += [c["note"], ""]
    md += ["## Why, and what the model includes and leaves out", ""] + why(D) + [""]
    return "\n".join(md)
