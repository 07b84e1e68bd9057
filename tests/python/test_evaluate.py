"""The Python module evaluates through the same engine as the CLI: the same records, the same numbers."""

import csv
import math

import hwaware


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def same_value(text, value):
    """A CSV cell (deterministic text, up to 10 significant digits) against the module's value."""
    if value is None:
        return text == ""
    if isinstance(value, str):
        return text == value
    return math.isclose(float(text), value, rel_tol=1e-9, abs_tol=0)


def assert_same_records(rows, records):
    assert len(rows) == len(records)
    for row, record in zip(rows, records):
        assert list(row.keys()) == list(record.keys())
        for column, text in row.items():
            assert same_value(text, record[column]), (column, text, record[column])


def test_a_layer_with_its_mapping_gives_the_cli_summary_and_breakdown(src, cli, tmp_path):
    arch = src / "arch/presets/simple_ws.yaml"
    workload = src / "workloads/layers/conv3x3.yaml"
    mapping = src / "mappings/examples/conv3x3_simple_ws.yaml"
    cli("eval", "--arch", arch, "--workload", workload, "--mapping", mapping, "--out", tmp_path)
    result = hwaware.evaluate(hwaware.load_accelerator(arch), hwaware.load_workload(workload), mapping=mapping)
    assert_same_records(read_csv(tmp_path / "summary.csv"), result["layers"] + [result["total"]])
    assert_same_records(read_csv(tmp_path / "breakdown.csv"), result["breakdown"])
    assert result["energy_unit"] == "pJ"


def test_a_network_the_mapper_maps_gives_the_cli_numbers(src, cli, tmp_path):
    arch = src / "arch/presets/eyeriss_like.yaml"
    workload = src / "workloads/networks/fmnist_vgg.yaml"
    mapper = ["--mapper-budget", "2000", "--mapper-patience", "500"]
    cli("eval", "--arch", arch, "--workload", workload, "--out", tmp_path, *mapper)
    result = hwaware.evaluate(hwaware.load_accelerator(arch), hwaware.load_workload(workload),
                              mapper={"budget": 2000, "patience": 500})
    assert_same_records(read_csv(tmp_path / "summary.csv"), result["layers"] + [result["total"]])
    assert result["energy_unit"] == "MACe"


def test_the_systemc_backend_adds_the_simulated_columns_the_cli_writes(src, cli, tmp_path):
    arch = src / "arch/presets/simple_ws.yaml"
    workload = src / "workloads/layers/conv3x3.yaml"
    mapping = src / "mappings/examples/conv3x3_simple_ws.yaml"
    cli("eval", "--arch", arch, "--workload", workload, "--mapping", mapping, "--backend", "systemc", "--out", tmp_path)
    result = hwaware.evaluate(hwaware.load_accelerator(arch), hwaware.load_workload(workload), mapping=mapping,
                              backend="systemc")
    assert "systemc_cycles" in result["total"]
    assert_same_records(read_csv(tmp_path / "summary.csv"), result["layers"] + [result["total"]])


def test_a_sweep_gives_the_rows_of_the_cli_sweep_csv(src, cli, tmp_path):
    arch = src / "arch/presets/rram_128x128.yaml"
    workload = src / "workloads/layers/conv3x3.yaml"
    cli("sweep", "--arch", arch, "--workload", workload, "--set", "pim.crossbar.rows+pim.crossbar.cols=128,256", "--out", tmp_path)
    rows = hwaware.sweep(arch, workload, {"pim.crossbar.rows+pim.crossbar.cols": [128, 256]})
    assert_same_records(read_csv(tmp_path / "sweep.csv"), rows)


def test_a_dict_reads_as_the_file_it_would_be(src):
    from_file = hwaware.load_workload(src / "workloads/layers/conv3x3.yaml")
    layer = {"name": "c", "type": "conv2d", "in_channels": 64, "out_channels": 64, "input": [56, 56], "kernel": 3,
             "padding": 1}
    from_dict = hwaware.load_workload({"workload": {"name": "d", "layers": [layer]}})
    assert from_dict.macs == 64 * 64 * 56 * 56 * 9
    assert from_file.macs > 0


def test_the_cost_oracle_answers_as_the_engine(src):
    acc = hwaware.load_accelerator(src / "arch/presets/tpu_like_128x128.yaml")
    net = hwaware.load_workload(src / "workloads/networks/fmnist_vgg.yaml")
    metrics = hwaware.CostOracle(acc).metrics(net)
    result = hwaware.evaluate(acc, net)
    assert math.isclose(metrics["energy"], result["total"]["energy_pj"], rel_tol=1e-12)
    assert math.isclose(metrics["latency_s"], result["total"]["latency_s"], rel_tol=1e-12)
    assert [m["layer"] for m in metrics["layers"]] == [r["layer"] for r in result["layers"]]


def test_narrowing_a_width_group_lowers_macs_and_latency(src):
    acc = hwaware.load_accelerator(src / "arch/presets/tpu_like_128x128.yaml")
    net = hwaware.load_workload(src / "workloads/networks/fmnist_vgg.yaml")
    groups = net.width_groups()
    g = next(i for i, grp in enumerate(groups) if grp["prunable"])
    narrow = net.with_width(g, groups[g]["width"] // 2)
    assert narrow.macs < net.macs
    oracle = hwaware.CostOracle(acc)
    assert oracle.metrics(narrow)["latency_s"] < oracle.metrics(net)["latency_s"]


def test_records_become_a_pandas_dataframe(src):
    pandas = __import__("pytest").importorskip("pandas")
    result = hwaware.evaluate(hwaware.load_accelerator(src / "arch/presets/simple_ws.yaml"),
                              hwaware.load_workload(src / "workloads/layers/conv3x3.yaml"),
                              mapping=src / "mappings/examples/conv3x3_simple_ws.yaml")
    frame = hwaware.dataframe(result["layers"])
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == list(result["layers"][0].keys())
