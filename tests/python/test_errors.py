"""Mistakes raise hwaware.InputError carrying file:line:col, as the CLI prints them."""

import re

import pytest

import hwaware


def test_an_invalid_accelerator_file_raises_with_file_line_col(src, cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    text = (src / "arch/presets/simple_ws.yaml").read_text().replace("clock: 1GHz", "clock: fast")
    assert text != (src / "arch/presets/simple_ws.yaml").read_text()
    bad.write_text(text)
    with pytest.raises(hwaware.InputError) as info:
        hwaware.load_accelerator(bad)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "clock: fast" in l)
    assert re.search(rf"bad\.yaml:{line}:\d+: error: .*clock", str(info.value))
    assert info.value.diagnostics and str(bad) in info.value.diagnostics[0]
    # the CLI says the same
    run = cli("eval", "--arch", bad, "--workload", src / "workloads/layers/conv3x3.yaml", check=False)
    assert run.returncode == 2
    assert info.value.diagnostics[0] in run.stderr


def test_an_invalid_workload_dict_names_the_dict_and_the_key():
    layer = {"name": "c", "type": "conv2d", "in_channels": 64, "out_channels": -1, "input": [8, 8], "kernel": 3}
    with pytest.raises(hwaware.InputError) as info:
        hwaware.load_workload({"workload": {"name": "d", "layers": [layer]}})
    assert re.search(r"<workload dict>:\d+:\d+: error: .*out_channels", str(info.value))


def test_a_missing_file_raises_input_error_not_a_crash(tmp_path):
    with pytest.raises(hwaware.InputError, match="missing"):
        hwaware.load_workload(tmp_path / "none.yaml")


def test_unknown_mapper_options_and_backends_are_refused(src):
    acc = hwaware.load_accelerator(src / "arch/presets/simple_ws.yaml")
    net = hwaware.load_workload(src / "workloads/layers/conv3x3.yaml")
    with pytest.raises(hwaware.InputError, match="budget"):
        hwaware.evaluate(acc, net, mapper={"budgett": 10})
    with pytest.raises(hwaware.InputError, match="mapper-budget"):
        hwaware.evaluate(acc, net, mapper={"budget": 0})
    with pytest.raises(ValueError, match="backend"):
        hwaware.evaluate(acc, net, backend="spice")
