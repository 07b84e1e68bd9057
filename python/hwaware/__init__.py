"""hwaware from Python: energy and latency of DNN layers on described accelerators.

The compiled module (hwaware._hwaware) is the C++ libraries themselves. Results are plain lists and
dicts; dataframe() turns a list of records into a pandas DataFrame where pandas is installed.

    import hwaware
    acc = hwaware.load_accelerator("arch/presets/eyeriss_like.yaml")
    net = hwaware.load_workload("workloads/networks/alexnet.yaml")
    result = hwaware.evaluate(acc, net)           # result["layers"], result["total"], result["breakdown"]
    oracle = hwaware.CostOracle(acc)              # oracle.metrics(net)["latency_s"]

Mistakes in a description raise hwaware.InputError (a ValueError) whose message and `diagnostics`
say file:line:col, the key, what was expected and what was found.
"""

from ._hwaware import (Accelerator, CostOracle, InputError, Workload, __version__, evaluate, load_accelerator,
                       load_workload, sweep)

__all__ = ["Accelerator", "CostOracle", "InputError", "Workload", "__version__", "dataframe", "evaluate",
           "load_accelerator", "load_workload", "sweep"]


def dataframe(records):
    """A pandas DataFrame of a list of records (evaluate(...)["layers"], ["breakdown"], sweep(...)).

    pandas is optional (Debian's python3-pandas); without it this raises ImportError saying so."""
    try:
        import pandas
    except ImportError as e:
        raise ImportError("hwaware.dataframe needs pandas: install python3-pandas") from e
    return pandas.DataFrame.from_records(list(records))
