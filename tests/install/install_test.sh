#!/bin/sh
# Installs the build tree into a temporary prefix, moves the prefix elsewhere (nothing may point
# back at the sources or the build), then from another directory: runs the installed CLI (the
# mapper's dataflow constraints and the commands handed to hwaware-torch come from the prefix),
# builds and runs a project against find_package(hwaware) (the CLI's totals for a given mapping), and
# imports the Python module (the CLI's totals with the mapper's defaults).
#   install_test.sh BUILD_DIR SCRATCH PYTHON
set -eu
build=$(realpath "$1") scratch=$(realpath -m "$2") python=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$scratch" && mkdir -p "$scratch/elsewhere"
cmake --install "$build" --prefix "$scratch/staged" >/dev/null
mv "$scratch/staged" "$scratch/prefix"
p=$scratch/prefix
cd "$scratch/elsewhere"

arch=$p/share/hwaware/presets/eyeriss_like.yaml
layer=$p/share/hwaware/layers/conv3x3.yaml
"$p/bin/hwaware" eval --arch "$arch" --workload "$layer" --out cli >/dev/null
cli_total=$(tail -n 1 cli/summary.csv)
echo "installed CLI: $cli_total"
"$p/bin/hwaware" adapt --help | grep -q -- --budget
if HWAWARE_DATA_DIR=/nonexistent "$p/bin/hwaware" eval --arch "$arch" --workload "$layer" 2>err.txt; then
  echo "a wrong HWAWARE_DATA_DIR was not refused"; exit 1
fi
grep -q "HWAWARE_DATA_DIR" err.txt

mapping=$p/share/hwaware/mappings/conv3x3_eyeriss_like.yaml
"$p/bin/hwaware" eval --arch "$arch" --workload "$layer" --mapping "$mapping" --out mapped >/dev/null
mapped_total=$(tail -n 1 mapped/summary.csv)
cmake -S "$here/outside" -B outside -DCMAKE_PREFIX_PATH="$p" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build outside -j2 >/dev/null
outside_total=$(./outside/outside "$arch" "$layer" "$mapping")
echo "outside project: $outside_total (the CLI with the same mapping: $mapped_total)"
[ "$outside_total" = "$mapped_total," ] || { echo "the outside project's totals differ from the CLI's"; exit 1; }

PYTHONPATH=$p/lib/python3/dist-packages "$python" -c "
import hwaware, sys
r = hwaware.evaluate(hwaware.load_accelerator('$arch'), hwaware.load_workload('$layer'))
assert hwaware.__file__.startswith('$p'), hwaware.__file__
print('python module:', r['total']['cycles'], r['total']['energy_mace'])
assert str(r['total']['cycles']) == '$cli_total'.split(',')[2], r['total']
"
