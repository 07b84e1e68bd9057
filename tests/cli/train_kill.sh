#!/usr/bin/env bash
# `hwaware train` killed (SIGKILL) while it trains leaves no weights file (nor a scratch file) that a
# later run could take for trained weights; run to the end, it writes them.
# Usage: train_kill.sh EXE WORKLOAD SCRATCH
set -euo pipefail
exe=$1 workload=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch"
out="$scratch/net.weights"
"$exe" train --workload "$workload" --steps 100000 --batch 8 --out "$out" >/dev/null 2>"$scratch/killed.err" &
pid=$!
for _ in $(seq 1 1200); do
  grep -q "^training " "$scratch/killed.err" && break
  sleep 0.05
done
grep -q "^training " "$scratch/killed.err" || { echo "training never started:" >&2; cat "$scratch/killed.err" >&2; exit 1; }
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
leftover=$(find "$scratch" -name 'net.weights*')
[ -z "$leftover" ] || { echo "a killed training left $leftover" >&2; exit 1; }

"$exe" train --workload "$workload" --steps 2 --batch 8 --out "$out" >/dev/null 2>&1
[ -s "$out" ] && [ ! -e "$out.tmp" ] || { echo "a finished training should leave $out and no $out.tmp" >&2; exit 1; }
