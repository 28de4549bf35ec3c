#!/usr/bin/env bash
# Benchmark: PDF rendering on the shared generated corpus.
# Usage: bench/pdf.sh [COLD_N] [WARM_N]   (defaults: 20 and 1000)
# Prints PDFs per second for a cold cache with 1 job and with all cores (COLD_N plans), then
# fills the cache for WARM_N plans and times a rebuild with nothing changed, both for
# `vanban pdf` (PDFs only) and `vanban build` (checks, site and PDFs).
set -euo pipefail
cd "$(dirname "$0")/.."
generator=${VANBAN_CORPUS_GENERATOR:-../shared/bench/gen-corpus.py}
vanban=${VANBAN_BIN:-$PWD/build/vanban}
cold_n=${1:-20}
warm_n=${2:-1000}
[ -x "$vanban" ] || { echo "build vanban first (scripts/setup.sh)"; exit 2; }
work=/tmp/vanban-bench-pdf
mkdir -p "$work"

corpus() {  # corpus N → folder
    local dir=$work/corpus-$1
    [ -d "$dir/plans" ] || python3 "$generator" "$1" --out "$dir" > /dev/null 2>&1
    echo "$dir"
}
files() { (cd "$1" && find plans -name '*.md' | sort); }
seconds() { local s; s=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; echo "$(date +%s.%N) - $s" | bc; }

root=$(corpus "$cold_n")
cores=$(nproc)
for jobs in 1 "$cores"; do
    rm -rf "$work/cache-cold"
    t=$(cd "$root" && seconds "$vanban" pdf $(files "$root") --out "$work/out" --cache "$work/cache-cold" --jobs "$jobs")
    printf "cold, %3d plans, %d job(s): %6.2f s  %5.2f PDF/s\n" "$cold_n" "$jobs" "$t" "$(echo "$cold_n / $t" | bc -l)"
done

root=$(corpus "$warm_n")
echo "filling the cache for $warm_n plans (all cores)..."
(cd "$root" && "$vanban" pdf $(files "$root") --out "$work/out-warm" --cache "$work/cache-warm" > /dev/null 2>&1 || true)
t=$(cd "$root" && seconds "$vanban" pdf $(files "$root") --out "$work/out-warm" --cache "$work/cache-warm")
printf "warm vanban pdf,   %d plans, nothing changed: %6.2f s\n" "$warm_n" "$t"
"$vanban" build --no-docx --root "$root" --out "$work/site-warm" --cache "$work/cache-warm" > /dev/null 2>&1 || true
t=$(seconds "$vanban" build --no-docx --root "$root" --out "$work/site-warm" --cache "$work/cache-warm")
printf "warm vanban build, %d plans, nothing changed: %6.2f s\n" "$warm_n" "$t"
