"""Figures derived from the PIM crossbar-size study's runs (pim_study_runs.study()'s D): shares and
energy per MAC by kind, the points where the weights stay on chip, copies, MACs in parallel, the
small-filter layers, and how numbers, sizes and points are written in the report.
"""

import math

from pim_study_runs import NETS, SETTINGS, SIZES

# A small filter: at most this many weights per output (C x R x S rows of the weight matrix), so it
# fills at most 1/16 of a 4096-row crossbar's rows (the 1x1 convolutions of <= 256 channels here).
SMALL_FILTER_ROWS = 256


def share(point, kinds):
    """The share of a point's energy in the given kinds."""
    return sum(point["kinds"][k] for k in kinds) / point["energy"]


def per_mac(point, kinds):
    """pJ per MAC of the given kinds."""
    return sum(point["kinds"][k] for k in kinds) / point["macs"]


def pct(x):
    return "0" if x == 0 else "<1%" if x < 0.005 else "%.0f%%" % (100 * x)


def seq(values, fmt):
    return ", ".join(fmt % v for v in values)


def span(values, fmt):
    """'a-b' (or 'a') of the values, min to max."""
    lo, hi = fmt % min(values), fmt % max(values)
    return lo if lo == hi else "%s-%s" % (lo, hi)


def pcts(values):
    """Shares as '12.5%, 3.0%'."""
    return seq([100 * v for v in values], "%.1f%%")


def pct_span(values):
    """Shares as '1-3%' (whole percents, min to max)."""
    return span([100 * v for v in values], "%.0f") + "%"


def sizes_text(sizes):
    """Sizes as '128-1024, 4096' (runs of consecutive swept sizes)."""
    runs = []
    for s in sizes:
        if runs and SIZES.index(s) == SIZES.index(runs[-1][-1]) + 1:
            runs[-1].append(s)
        else:
            runs.append([s])
    return ", ".join(str(r[0]) if len(r) == 1 else "%d-%d" % (r[0], r[-1]) for r in runs)


def where(points):
    """(setting, net, size) points as '<setting>: <net> at <sizes>; ...'."""
    parts = []
    for setting, label in SETTINGS:
        nets = ["%s at %s" % (name, sizes_text([s for (st, n, s) in points if st == setting and n == net]))
                for net, name in NETS if any(st == setting and n == net for (st, n, _) in points)]
        if nets:
            parts.append("%s: %s" % (label, ", ".join(nets)))
    return "; ".join(parts)


def all_points():
    return [(setting, net, s) for setting, _ in SETTINGS for net, _ in NETS for s in SIZES]


def resident_points(D):
    return [(st, n, s) for (st, n, s) in all_points() if D["info"][st][n][s]["resident"]]


def verdict(held, tested, only):
    """'supported' when every tested point holds, 'not supported' when none does, else 'supported only ' + only."""
    held = [p for p in tested if p in held]
    if len(held) == len(tested):
        return "supported"
    return "not supported" if not held else "supported only " + only


def placements(D, net, size):
    """The layers with weights at equal area at one size (their stats.json `pim` records)."""
    return {n: l for n, l in D["info"]["area"][net][size]["layers"].items() if l["crossbars"]}


def parallelism(D, setting, net, size):
    """Input-vector steps (sum over layers of ceil(vectors / copies)), MACs per step (the MACs done in
    parallel) and the mean read pulse (ns) of a point. The sized chip holds exactly one copy per layer."""
    layers = placements(D, net, size)
    copies = (lambda l: l["replicas"]) if setting == "area" else (lambda l: 1)
    steps = sum(math.ceil(l["input_vectors"] / copies(l)) for l in layers.values())
    pulse = sum(l["read_pulse_ns"] * math.ceil(l["input_vectors"] / copies(l)) for l in layers.values()) / steps
    return steps, D["pim"][setting][net][size]["macs"] / steps, pulse


def mean_copies(D, net, size):
    """The mean copies of a layer with weights at equal area."""
    layers = placements(D, net, size)
    return sum(l["replicas"] for l in layers.values()) / len(layers)


def small_layers(D, net):
    """The layers with small filters (weight-matrix rows C x R x S <= SMALL_FILTER_ROWS)."""
    return [n for n, l in placements(D, net, SIZES[0]).items() if l["weight_rows"] <= SMALL_FILTER_ROWS]


def small_figures(D, net, size):
    """Latency (s) and latency-weighted utilization of the small-filter layers at equal area."""
    layers = D["pim"]["area"][net][size]["layers"]
    names = small_layers(D, net)
    lat = sum(layers[n]["latency"] for n in names)
    util = sum(layers[n]["latency"] * layers[n]["utilization"] for n in names) / lat if lat else 0.0
    return lat, util
