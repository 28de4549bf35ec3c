#!/usr/bin/env bash
# Builds vanban (if needed) and runs every test: unit, end-to-end and browser.
# Prints ctest's summary; exits non-zero when a test fails.
# On CI (CI set, as GitHub Actions does) a compiler warning is an error (VANBAN_WERROR).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/CMakeCache.txt ]; then
    cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
fi
if [ -n "${CI:-}" ]; then
    cmake -S . -B build -DVANBAN_WERROR=ON > /dev/null
fi
cmake --build build -j "$(nproc)"
ctest --test-dir build --output-on-failure
