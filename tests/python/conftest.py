"""Shared fixtures of the Python module's tests: the source tree, the CLI, a scratch directory."""

import os
import pathlib
import subprocess

import pytest

SRC = pathlib.Path(os.environ.get("HWAWARE_SRC", pathlib.Path(__file__).resolve().parents[2]))
CLI = os.environ.get("HWAWARE_CLI", str(SRC / "build" / "cli" / "hwaware"))


@pytest.fixture
def src():
    return SRC


@pytest.fixture
def cli():
    """Runs the hwaware CLI; returns the completed process (stdout and stderr as text)."""

    def run(*args, check=True):
        return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, check=check)

    return run
