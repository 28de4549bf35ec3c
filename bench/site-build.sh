#!/usr/bin/env bash
# Benchmark: `vanban check` and `vanban build` on the shared generated corpus.
# Usage: bench/site-build.sh [N...]   (default: 1000 10000)
# Prints wall time (median of 5 runs) and peak memory for each size; output on /tmp.
set -euo pipefail
cd "$(dirname "$0")/.."
generator=${VANBAN_CORPUS_GENERATOR:-../shared/bench/gen-corpus.py}
vanban=${VANBAN_BIN:-./build/vanban}
[ -x "$vanban" ] || { echo "build vanban first (scripts/setup.sh)"; exit 2; }
[ -f "$generator" ] || { echo "corpus generator not found: $generator"; exit 2; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() {  # measure LABEL COMMAND...: median seconds of 5 runs, peak KiB of the last
    local label=$1 times=() peak=0
    shift
    for _ in 1 2 3 4 5; do
        /usr/bin/time -f "%e %M" -o /tmp/vanban-bench-time "$@" > /dev/null 2>&1 || true
        read -r t m < /tmp/vanban-bench-time
        times+=("$t"); peak=$m
    done
    printf "%-34s %8s s   %6d MiB\n" "$label" "$(printf '%s\n' "${times[@]}" | median)" "$((peak / 1024))"
}
printf "%-34s %10s   %10s\n" "what" "median" "peak mem"
for n in "${sizes[@]}"; do
    corpus=/tmp/vanban-bench/corpus-$n
    [ -d "$corpus/plans" ] || python3 "$generator" "$n" --out "$corpus" > /dev/null 2>&1
    measure "check, $n plans" "$vanban" check --root "$corpus"
    measure "build (check + site), $n plans" "$vanban" build --no-pdf --no-docx --root "$corpus" --out "/tmp/vanban-bench/site-$n"
done
