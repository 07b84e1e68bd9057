"""The seed's claims about PIM crossbar size, each decided from the study's numbers: a title, a
verdict (supported, not supported, supported only ...), the test, the figures behind it and a note.
"""

import math

from pim_study_figures import (SMALL_FILTER_ROWS, all_points, mean_copies, parallelism, pct, pct_span, pcts,
                               per_mac, resident_points, seq, share, sizes_text, small_figures, small_layers,
                               span, verdict, where)
from pim_study_runs import NETS, SETTINGS, SIZES
from plot_sweep import KINDS, LABELS

# The crossbars' peripheral circuits, amortized over a column's rows.
PERIPHERALS = ["adc", "accumulation", "periphery"]


def claim_trade(D):
    """Weight movement disappears where the weights stay; activation movement is what still moves."""
    tested = all_points()
    held = [(st, n, s) for (st, n, s) in tested if D["info"][st][n][s]["resident"]
            and share(D["pim"][st][n][s], ["weight_movement"]) < 0.01
            and D["pim"][st][n][s]["kinds"]["activation_movement"] > D["pim"][st][n][s]["kinds"]["weight_movement"]]
    rows = []
    for net, name in NETS:
        d = D["digital"][net]
        rows.append("%s, digital: weight movement %s, activation movement %s of the energy (%.3f pJ/MAC)"
                    % (name, pct(share(d, ["weight_movement"])), pct(share(d, ["activation_movement"])),
                       per_mac(d, ["activation_movement"])))
        for setting, label in SETTINGS:
            pts = [D["pim"][setting][net][s] for s in SIZES]
            rows.append("%s, %s, %s: weight movement %s; activation movement %s (%s pJ/MAC)"
                        % (name, label, sizes_text(SIZES), pcts([share(p, ["weight_movement"]) for p in pts]),
                           pcts([share(p, ["activation_movement"]) for p in pts]),
                           seq([per_mac(p, ["activation_movement"]) for p in pts], "%.3f")))
    gone = [p for p in tested if p not in resident_points(D)]
    only = "where the weights stay on chip (not at %s: there every layer's copies are programmed every inference and " \
           "weight movement is %s of the energy)" % (where(gone), pct_span([share(D["pim"][st][n][s], ["weight_movement"])
                                                                             for (st, n, s) in gone])) \
        if set(held) == set(resident_points(D)) else "at " + where(held)
    act = [per_mac(D["pim"][st][n][s], ["activation_movement"]) for (st, n, s) in held] or [0.0]
    dig = [per_mac(D["digital"][n], ["activation_movement"]) for n, _ in NETS]
    note = ("Activation movement does not grow in exchange: %s pJ/MAC on PIM where the weights stay, against %s on the "
            "digital array, so PIM removes weight movement and shrinks activation movement as well."
            % (span(act, "%.3f"), span(dig, "%.3f")) if max(act) < min(dig) else
            "Activation movement per MAC on PIM (%s pJ) reaches the digital array's (%s pJ)." % (span(act, "%.3f"), span(dig, "%.3f")))
    return {"title": "Weight-stationary PIM trades weight movement for activation movement",
            "verdict": verdict(held, tested, only),
            "test": "at every point (shares of the energy, sizes in order): weight movement below 1% and activation "
                    "movement above weight movement", "rows": rows, "note": note}


def claim_dominate(D):
    """ADC plus activation movement above half of the energy."""
    tested = resident_points(D)
    both = lambda p: share(p, ["adc", "activation_movement"])
    held = [(st, n, s) for (st, n, s) in tested if both(D["pim"][st][n][s]) > 0.5]
    rows = []
    for setting, label in SETTINGS:
        for net, name in NETS:
            sizes = [s for s in SIZES if (setting, net, s) in tested]
            pts = [D["pim"][setting][net][s] for s in sizes]
            rows.append("%s, %s, %s: ADC %s; activation movement %s; cells %s; largest: %s"
                        % (name, label, sizes_text(sizes), pcts([share(p, ["adc"]) for p in pts]),
                           pcts([share(p, ["activation_movement"]) for p in pts]),
                           pcts([share(p, ["cells"]) for p in pts]),
                           ", ".join(LABELS[max(KINDS, key=lambda k: p["kinds"][k])] for p in pts)))
    with_cells = [share(D["pim"][st][n][s], ["adc", "cells"]) for (st, n, s) in tested]
    note = ("The largest kind is the cell reads, not the ADC. NeuroSim's own `adc` category counts the array read with the "
            "conversions; ADC and cells together are %s of the energy where the weights stay." % pct_span(with_cells))
    return {"title": "ADC and activation movement dominate a PIM chip's energy",
            "verdict": verdict(held, tested, "at " + where(held)),
            "test": "where the weights stay on chip (shares of the energy, sizes in order): ADC + activation movement "
                    "above half", "rows": rows, "note": note}


def claim_amortize(D):
    """Peripherals per MAC and utilization fall with the crossbar size, from each size to the next."""
    rows, ends, util_falls = [], [], True
    for setting, label in SETTINGS:
        for net, name in NETS:
            pts = [D["pim"][setting][net][s] for s in SIZES]
            per = [per_mac(p, PERIPHERALS) for p in pts]
            util = [p["utilization"] for p in pts]
            end = 0  # the peripherals fall from SIZES[0] to SIZES[end]
            while end + 1 < len(SIZES) and per[end + 1] < per[end]:
                end += 1
            ends.append(SIZES[end])
            util_falls = util_falls and all(b < a for a, b in zip(util, util[1:]))
            rows.append("%s, %s: peripherals (ADC, accumulation, periphery) %s pJ/MAC; utilization %s; ADC bits %s"
                        % (name, label, seq(per, "%.3f"), seq(util, "%.3f"),
                           seq([D["info"][setting][net][s]["adc_bits"] for s in SIZES], "%d")))
    if util_falls and min(ends) == SIZES[-1]:
        v = "supported"
    elif max(ends) == SIZES[0]:
        v = "not supported (the peripherals per MAC do not fall)"
    else:
        v = "supported only from %d to %s (beyond, the peripherals per MAC rise again)%s" % (
            SIZES[0], span(ends, "%d"), "; utilization falls at every size" if util_falls else
            "; utilization does not fall at every size")
    return {"title": "Arrays from 128 to 4096 amortize the peripherals but utilization falls", "verdict": v,
            "test": "from each size to the next, peripherals per MAC and utilization both fall (sizes %s)" % sizes_text(SIZES),
            "rows": rows, "note": ""}


def chains(pairs):
    """Consecutive-size steps (net, a, b) as 'ResNet-152 256-1024, WRN-50-2 512-2048'."""
    out = []
    for net, name in NETS:
        runs = []
        for n, a, b in pairs:
            if n != net:
                continue
            if runs and runs[-1][-1] == a:
                runs[-1].append(b)
            else:
                runs.append([a, b])
        out += ["%s %d-%d" % (name, r[0], r[-1]) for r in runs]
    return ", ".join(out) or "none"


def claim_latency(D):
    """At equal area, from each size to the next where the weights stay: utilization falls, the MACs in
    parallel fall and latency rises; the rise split into fewer MACs in parallel and longer read pulses."""
    rows, tested, held, rises, small_rises, split = [], [], [], [], [], []
    for net, name in NETS:
        sizes = [s for s in SIZES if D["info"]["area"][net][s]["resident"]]
        par = {s: parallelism(D, "area", net, s) for s in sizes}
        pts = {s: D["pim"]["area"][net][s] for s in sizes}
        small = {s: small_figures(D, net, s) for s in sizes}
        for a, b in zip(sizes, sizes[1:]):
            if SIZES.index(b) != SIZES.index(a) + 1:
                continue
            tested.append((net, a, b))
            if small[b][0] > small[a][0]:
                small_rises.append((net, a, b))
            if pts[b]["latency"] > pts[a]["latency"] and pts[b]["utilization"] < pts[a]["utilization"]:
                rises.append((net, a, b))
                if par[b][1] < par[a][1]:
                    held.append((net, a, b))
        lo, hi = sizes[0], sizes[-1]
        lat_x, steps_x, pulse_x = pts[hi]["latency"] / pts[lo]["latency"], par[hi][0] / par[lo][0], par[hi][2] / par[lo][2]
        split.append((name, lo, hi, lat_x, steps_x, pulse_x))
        rows.append("%s, weights on chip at %s: utilization %s; MACs in parallel (per input-vector step) %s; read pulse "
                    "%s ns; latency %s ms; small-filter layers (%d layers, C x R x S <= %d): utilization %s, latency %s ms"
                    % (name, sizes_text(sizes), seq([pts[s]["utilization"] for s in sizes], "%.3f"),
                       seq([par[s][1] for s in sizes], "%.3g"), seq([par[s][2] for s in sizes], "%.0f"),
                       seq([pts[s]["latency"] * 1e3 for s in sizes], "%.1f"), len(small_layers(D, net)), SMALL_FILTER_ROWS,
                       seq([small[s][1] for s in sizes], "%.3f"), seq([small[s][0] * 1e3 for s in sizes], "%.1f")))
    if len(held) == len(tested):
        v = "supported"
    elif not rises:
        v = "not supported"
    else:
        v = "supported only at %s (latency rises as utilization falls at %s, but the MACs in parallel fall only at the " \
            "former)" % (chains(held), chains(rises))
    pulse_led = all(math.log(px) > abs(math.log(sx)) for _, _, _, _, sx, px in split)
    note = ["Small-filter layers: their latency rises with the crossbar size at %s of %d steps (%s)."
            % (len(small_rises), len(tested), chains(small_rises)),
            "Latency = input-vector steps x read pulses x the read pulse: " + "; ".join(
                "%s from %d to %d, latency x%.1f = steps x%.2f (MACs in parallel x%.2f) x read pulse x%.1f"
                % (name, lo, hi, lat_x, sx, 1 / sx, px) for name, lo, hi, lat_x, sx, px in split) + "."
            + (" The longer read pulse of the larger crossbars, not fewer MACs in parallel, makes most of the rise."
               if pulse_led else ""),
            "Copies go to the crossbars no layer holds, first to the layers with the most input vectors: at %d x %d the "
            "chip of equal area has %s free crossbars after one copy of every layer (mean copies per layer %s)."
            % (SIZES[0], SIZES[0], " and ".join("{:,} ({})".format(D["info"]["area"][n][SIZES[0]]["free"], name) for n, name in NETS),
               " and ".join("%.1f" % mean_copies(D, n, SIZES[0]) for n, _ in NETS)),
            "On the chips sized to the network (one copy per layer) the MACs in parallel do not depend on the crossbar size "
            "(%s per step: every weight is read at each input vector), yet latency still rises, with the read pulse."
            % "; ".join("%s %s" % (name, span([parallelism(D, "sized", n, s)[1] for s in SIZES], "%.3g")) for n, name in NETS)]
    return {"title": "Lower utilization means fewer MACs in parallel and more latency", "verdict": v,
            "test": "at equal chip area, from each size to the next where the network's weights stay on chip: "
                    "utilization falls, the MACs done in parallel (MACs / input-vector steps) fall and latency rises",
            "rows": rows, "note": " ".join(note)}


def claim_wide(D):
    """WRN-50-2's gain over the digital array (digital / PIM) above ResNet-152's, in energy and latency."""
    rows, held, tested = [], [], []
    for metric, key in [("energy", "energy"), ("latency", "latency")]:
        for setting, label in SETTINGS:
            sizes = [s for s in SIZES if all(D["info"][setting][n][s]["resident"] for n, _ in NETS)]
            g = {n: [D["digital"][n][key] / D["pim"][setting][n][s][key] for s in sizes] for n, _ in NETS}
            for s, r, w in zip(sizes, g["resnet152"], g["wrn50_2"]):
                tested.append((metric, setting, s))
                if w > r:
                    held.append((metric, setting, s))
            rows.append("%s gain over digital, %s, %s: ResNet-152 %s; WRN-50-2 %s"
                        % (metric, label, sizes_text(sizes), seq(g["resnet152"], "%.2fx"), seq(g["wrn50_2"], "%.2fx")))
    r, w = D["digital"]["resnet152"], D["digital"]["wrn50_2"]
    rows.append("on the digital array WRN-50-2 takes %.2fx ResNet-152's energy and %.2fx its latency"
                % (w["energy"] / r["energy"], w["latency"] / r["latency"]))
    only = "; ".join("for %s on the %s at %s" % (m, dict(SETTINGS)[st], sizes_text([s for (mm, ss, s) in held if mm == m and ss == st]))
                     for m in ("energy", "latency") for st, _ in SETTINGS if any(mm == m and ss == st for (mm, ss, _) in held))
    note = ""
    if w["energy"] < r["energy"] and w["latency"] < r["latency"]:
        note = "WRN-50-2 already beats ResNet-152 on the digital array, so PIM does not reverse the digital ranking here."
    return {"title": "Shallow, wide networks (WRN-50-2) gain more on PIM than deep, narrow ones (ResNet-152)",
            "verdict": verdict(held, tested, only),
            "test": "at each size where both networks' weights stay on chip, WRN-50-2's gain over the digital array "
                    "(digital / PIM) exceeds ResNet-152's, in energy and in latency", "rows": rows, "note": note}
