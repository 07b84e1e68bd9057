#!/usr/bin/env bash
# `hwaware explore` killed (SIGKILL) once its first point is journalled, then run again: the second
# run finds the finished points done, redoes none of them, and writes the uninterrupted run's
# points.csv and pareto.csv byte for byte.  Usage: explore_kill.sh EXE SPACE SCRATCH
set -euo pipefail
exe=$1 space=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch"
slow=(--mapper-budget 20000 --mapper-patience 20000)  # about a second per point: time to kill between points
"$exe" explore --space "$space" --out "$scratch/whole" "${slow[@]}" >/dev/null 2>&1

"$exe" explore --space "$space" --out "$scratch/killed" "${slow[@]}" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  compgen -G "$scratch/killed/points/*.txt" >/dev/null && break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
done_files=$(find "$scratch/killed/points" -name '*.txt' | wc -l)
total=$(($(wc -l < "$scratch/whole/points.csv") - 1))
if [ "$done_files" -lt 1 ] || [ "$done_files" -ge "$total" ]; then
  echo "the kill should leave some but not all of $total points done; found $done_files" >&2
  exit 1
fi
[ ! -e "$scratch/killed/points.csv" ] || { echo "a killed run left points.csv" >&2; exit 1; }

"$exe" explore --space "$space" --out "$scratch/killed" "${slow[@]}" > "$scratch/resumed.out" 2> "$scratch/resumed.err"
grep -q "rank 0 of 1: $done_files points found done, $((total - done_files)) done now" "$scratch/resumed.err" || {
  echo "the resumed run should find $done_files points done and do $((total - done_files)):" >&2
  cat "$scratch/resumed.err" >&2
  exit 1
}
for f in points.csv pareto.csv; do
  cmp "$scratch/whole/$f" "$scratch/killed/$f" || { echo "$f differs from the uninterrupted run's" >&2; exit 1; }
done
