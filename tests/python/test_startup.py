"""Importing the module loads neither LibTorch nor MPI (the commands that train live in hwaware-torch)."""

import subprocess
import sys


def test_import_hwaware_maps_no_libtorch_or_mpi():
    code = "import hwaware; print(open('/proc/self/maps').read())"
    maps = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "_hwaware" in maps
    for heavy in ("libtorch", "libc10", "libmpi"):
        assert heavy not in maps, heavy
