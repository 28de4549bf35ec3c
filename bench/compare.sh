#!/usr/bin/env bash
# Benchmark: vanban against its peers, side by side in one run, and against the targets of issue 13.
# This machine's speed drifts: only ratios taken in the same run mean anything, so every peer runs here.
#
# Usage: bench/compare.sh [--sizes "1000 10000"] [--runs 5] [--pdf] [--serve] [--all]
#   (default)  vanban build --no-pdf --no-docx, Hugo and the cmark-gfm bulk program on the same corpus
#              at each size (median of --runs, peak memory), vanban check's memory, the ratios
#   --pdf      cold PDFs of 10 plans: this vanban against a baseline built from commit 46574ad
#   --serve    vanban serve at 1,000 plans: first render, and a saved edit until the page serves it
# Environment: VANBAN_BIN (default build/vanban), VANBAN_BENCH_CACHE (corpora and the baseline build,
# default /tmp/vanban-bench), VANBAN_BENCH_OUT (outputs, default /dev/shm/vanban-compare: tmpfs, so the
# disk does not time the run), FLAT_KIB_PER_PLAN (growth of peak memory per added plan still counted
# flat: what one document's summary may take, default 10), VANBAN_BASELINE (a vanban already built at
# 46574ad, instead of building one in the cache).
set -euo pipefail
export LC_NUMERIC=C  # a decimal point in $EPOCHREALTIME and awk, whatever the locale
cd "$(dirname "$0")/.."
repo=$PWD
bench_dir=$repo/../shared/bench
vanban=${VANBAN_BIN:-$repo/build/vanban}
cache=${VANBAN_BENCH_CACHE:-/tmp/vanban-bench}
out=${VANBAN_BENCH_OUT:-/dev/shm/vanban-compare}
flat_kib=${FLAT_KIB_PER_PLAN:-10}
baseline_rev=46574ad
sizes=(1000 10000)
runs=5
do_pdf=0
do_serve=0
while [ $# -gt 0 ]; do
    case $1 in
        --sizes) read -r -a sizes <<< "$2"; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --pdf) do_pdf=1; shift ;;
        --serve) do_serve=1; shift ;;
        --all) do_pdf=1; do_serve=1; shift ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "bench/compare.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[ -x "$vanban" ] || { echo "build vanban first (scripts/setup.sh)" >&2; exit 2; }
[ -d "$bench_dir" ] || { echo "peers not found: $bench_dir (the shared bench folder next to the repository)" >&2; exit 2; }
command -v hugo > /dev/null || { echo "hugo not installed (apt-get install hugo)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not installed (apt-get install time)" >&2; exit 2; }
mkdir -p "$cache" "$out"

# The cmark-gfm bulk program, compiled once into the build folder.
cmark_bulk=$(dirname "$vanban")/bench/cmark-bulk
if [ ! -x "$cmark_bulk" ] || [ "$bench_dir/cmark-bulk.c" -nt "$cmark_bulk" ]; then
    mkdir -p "$(dirname "$cmark_bulk")"
    gcc -O2 -o "$cmark_bulk" "$bench_dir/cmark-bulk.c" -lcmark-gfm-extensions -lcmark-gfm
fi

corpus() {  # corpus N → the folder of the generated repository of N plans (made once)
    local dir=$cache/corpus-$1
    [ -d "$dir/plans" ] || python3 "$bench_dir/gen-corpus.py" "$1" --out "$dir" > /dev/null
    echo "$dir"
}
median() { sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

# measure_once KEY OUTPUT COMMAND...: one run of COMMAND (OUTPUT removed before it), its wall time in
# seconds added to TIMES[KEY] and its peak resident memory in KiB kept in M[KEY] when the highest.
# A failing command is reported (vanban exits 1 when the corpus has errors: that still counts).
# The tools take turns run by run, so a drift of this machine's speed touches all of them alike.
declare -A T M TIMES
measure_once() {
    local key=$1 output=$2 code t m
    shift 2
    rm -rf "$output"
    code=0
    # The wall time from bash's clock (microseconds): /usr/bin/time's %e has 10 ms steps, 5% of a
    # 0.2 s run; /usr/bin/time still gives the peak memory.
    local started=$EPOCHREALTIME
    /usr/bin/time -f "%M" -o "$out/time" "$@" > "$out/log" 2>&1 || code=$?
    local ended=$EPOCHREALTIME
    if [ "$code" -gt 1 ]; then
        echo "$key: exit $code: $*" >&2
        tail -5 "$out/log" >&2
        exit 1
    fi
    m=$(tail -1 "$out/time")
    t=$(awk -v a="$started" -v b="$ended" 'BEGIN {printf "%.3f", b - a}')
    TIMES[$key]="${TIMES[$key]:-} $t"
    if [ "$m" -gt "${M[$key]:-0}" ]; then M[$key]=$m; fi
}
# median_of KEY: T[KEY] from the runs in TIMES[KEY].
median_of() { T[$1]=$(printf '%s\n' ${TIMES[$1]} | median); }

mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }
verdict() {  # verdict VALUE OP LIMIT → PASS or MISS
    awk -v x="$1" -v op="$2" -v y="$3" \
        'BEGIN {ok = op == ">=" ? x >= y : op == "<=" ? x <= y : x < y; print (ok ? "PASS" : "MISS")}'
}
results=()
target() {  # target DESCRIPTION VALUE OP LIMIT UNIT
    local v
    v=$(verdict "$2" "$3" "$4")
    results+=("$(printf '%-4s  %-58s %9s %s (target %s %s)' "$v" "$1" "$2" "$5" "$3" "$4")")
}

echo "vanban: $("$vanban" --version) ($vanban); $(hugo version | cut -d' ' -f1-2); $(nproc) cores;" \
     "median of $runs runs; output on $out"
printf '\n%-44s %10s %12s\n' "what" "median s" "peak MiB"
for n in "${sizes[@]}"; do
    root=$(corpus "$n")
    for _ in $(seq "$runs"); do
        measure_once "build-$n" "$out/site-$n" "$vanban" build --no-pdf --no-docx --root "$root" --out "$out/site-$n"
        measure_once "hugo-$n" "$out/hugo-$n" hugo --quiet --source "$bench_dir/hugo-site" --contentDir "$root/plans" \
            --destination "$out/hugo-$n"
        measure_once "cmark-$n" "$out/cmark-$n" "$cmark_bulk" "$root/plans" "$out/cmark-$n"
        measure_once "check-$n" "$out/none" "$vanban" check --root "$root"
    done
    for key in build hugo cmark check; do median_of "$key-$n"; done
    for what in "build:vanban build --no-pdf --no-docx" "hugo:hugo" "cmark:cmark-bulk" "check:vanban check"; do
        printf '%-44s %10s %12s\n' "${what#*:}, $n plans" "${T[${what%%:*}-$n]}" "$(mib "${M[${what%%:*}-$n]}")"
    done
    rm -rf "$out/site-$n" "$out/hugo-$n" "$out/cmark-$n"
    target "build: Hugo's time / vanban's, $n plans" "$(ratio "${T[hugo-$n]}" "${T[build-$n]}")" ">=" 4 "x"
    if [ "$n" -eq 1000 ]; then
        target "build: vanban's time / cmark-bulk's, 1000 plans" "$(ratio "${T[build-$n]}" "${T[cmark-$n]}")" \
            "<=" 1.3 "x"
    fi
    if [ "$n" -ge 10000 ]; then
        target "build: peak memory, $n plans" "$(mib "${M[build-$n]}")" "<" 200 "MiB"
        target "check: peak memory, $n plans" "$(mib "${M[check-$n]}")" "<" 200 "MiB"
    fi
done
# Flat memory: from the smallest to the largest size, the peak may grow by a summary per added plan.
if [ "${#sizes[@]}" -ge 2 ]; then
    small=${sizes[0]}
    large=${sizes[-1]}
    for what in build check; do
        growth=$(awk -v a="${M[$what-$small]}" -v b="${M[$what-$large]}" -v n=$((large - small)) \
            'BEGIN {printf "%.1f", (b - a) / n}')
        target "$what: peak memory growth per added plan, $small to $large" "$growth" "<=" "$flat_kib" "KiB"
    done
fi

if [ "$do_pdf" -eq 1 ]; then
    # The baseline: commit 46574ad built once in its own worktree (kept in the cache between runs).
    baseline_tree=$cache/baseline-$baseline_rev
    baseline=${VANBAN_BASELINE:-$baseline_tree/build/vanban}
    if [ ! -x "$baseline" ]; then
        echo
        echo "building the baseline vanban at $baseline_rev in $baseline_tree (once)..."
        [ -d "$baseline_tree" ] || git -C "$repo" worktree add --detach "$baseline_tree" "$baseline_rev" > /dev/null
        cmake -S "$baseline_tree" -B "$baseline_tree/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
        cmake --build "$baseline_tree/build" --target vanban -j "$(nproc)" > /dev/null
    fi
    root=$(corpus 10)
    mapfile -t plans < <(cd "$root" && find plans -name '*.md' | sort)
    pdf_once() {  # pdf_once KEY BINARY: one run, cold cache and a fresh output folder, its time added to TIMES[KEY]
        rm -rf "$out/pdf-cache" "$out/pdf-out"
        (cd "$root" && /usr/bin/time -f "%e" -o "$out/time" "$2" pdf "${plans[@]}" --out "$out/pdf-out" \
            --cache "$out/pdf-cache" > "$out/log" 2>&1) || { echo "$1 failed:" >&2; tail -5 "$out/log" >&2; exit 1; }
        TIMES[$1]="${TIMES[$1]:-} $(tail -1 "$out/time")"
    }
    for _ in $(seq "$runs"); do  # in turns, as the builds
        pdf_once pdf-now "$vanban"
        pdf_once pdf-base "$baseline"
    done
    median_of pdf-now
    median_of pdf-base
    pdf_now=${T[pdf-now]}
    pdf_base=${T[pdf-base]}
    rm -rf "$out/pdf-cache" "$out/pdf-out"
    printf '%-44s %10s\n' "cold PDFs of ${#plans[@]} plans, vanban" "$pdf_now"
    printf '%-44s %10s\n' "cold PDFs of ${#plans[@]} plans, $baseline_rev" "$pdf_base"
    target "pdf: $baseline_rev's time / vanban's, cold, ${#plans[@]} plans" "$(ratio "$pdf_base" "$pdf_now")" ">=" 2 "x"
fi

if [ "$do_serve" -eq 1 ]; then
    # A copy of the 1,000-plan corpus: one plan is edited.
    serve_root=$out/serve-1000
    rm -rf "$serve_root"
    cp -r "$(corpus 1000)" "$serve_root"
    read -r first_ms edit_ms version_ms < <(python3 "$repo/bench/serve_latency.py" "$vanban" "$serve_root" "$runs")
    printf '%-44s %10s\n' "serve, 1000 plans: first render (ms)" "$first_ms"
    printf '%-44s %10s\n' "serve, 1000 plans: edit to new version (ms)" "$version_ms"
    printf '%-44s %10s\n' "serve, 1000 plans: edit to page served (ms)" "$edit_ms"
    target "serve: first render, 1000 plans" "$first_ms" "<=" 1000 "ms"
    target "serve: saved edit to page served, 1000 plans (median)" "$edit_ms" "<" 50 "ms"
    rm -rf "$serve_root"
fi

echo
echo "targets (issue 13):"
printf '%s\n' "${results[@]}"
