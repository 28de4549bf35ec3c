#!/usr/bin/env bash
# Builds vanban and its tests with AddressSanitizer and UndefinedBehaviorSanitizer in
# build-sanitized/ and runs the whole suite there: any memory error, leak-free exit aside,
# or undefined behaviour stops the offending test. Slower than scripts/test.sh (about 3×).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build-sanitized/CMakeCache.txt ]; then
    cmake -S . -B build-sanitized -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVANBAN_SANITIZE=ON > /dev/null
fi
cmake --build build-sanitized -j "$(nproc)"
# Leaks are not errors here: vanban is a short-lived process and libgit2/ICU keep global caches.
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --test-dir build-sanitized --output-on-failure -j "$(nproc)"
