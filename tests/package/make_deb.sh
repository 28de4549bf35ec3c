#!/usr/bin/env bash
# Makes the Debian package of the build folder, as the release workflow does, into OUT_DIR
# (a ctest fixture: the package tests then install it their own way).
# Usage: make_deb.sh BUILD_DIR OUT_DIR
set -euo pipefail
build=$1
out=$2
rm -rf "$out"
mkdir -p "$out"
# dpkg-shlibdeps (dpkg-dev) writes the libraries' Depends. The tests that need the package see
# SKIPPED and skip too.
for tool in cpack dpkg-deb dpkg-shlibdeps; do
    if ! command -v "$tool" > /dev/null; then
        echo "$tool is not installed" > "$out/SKIPPED"
        echo "SKIPPED: $tool is not installed"
        exit 77
    fi
done
# -B keeps CPack's staging folder inside OUT_DIR too, away from the build folder's own.
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" > "$out/cpack.log" 2>&1 || {
    echo "FAIL: cpack -G DEB failed:"; cat "$out/cpack.log"; exit 1; }
rm -rf "$out/_CPack_Packages"
ls "$out"/*.deb
