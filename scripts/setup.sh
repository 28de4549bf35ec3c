#!/usr/bin/env bash
# Installs what vanban needs on Debian 12, builds vanban, and builds the sample school's
# site into site/. Run from anywhere; uses sudo when not root.
# --no-site: install and build only (CI: a document with errors must not fail the set-up).
set -euo pipefail
cd "$(dirname "$0")/.."
site=1
for arg in "$@"; do
    case $arg in
        --no-site) site=0 ;;
        *) echo "scripts/setup.sh: tùy chọn không biết: $arg (chỉ có --no-site)" >&2; exit 2 ;;
    esac
done

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
packages=(
    build-essential cmake pkg-config git
    libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libicu-dev
    libboost-program-options-dev nlohmann-json3-dev libkainjow-mustache-dev doctest-dev libxxhash-dev
    libgit2-dev libqrencode-dev zlib1g-dev libcpp-httplib-dev libmimalloc-dev openssh-client gnupg
    pandoc weasyprint fonts-liberation2 poppler-utils unzip
    chromium fonts-liberation time bc zip ccache curl
)
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" > /dev/null

# Through ccache when there is one: CI keeps its cache between runs (a fresh checkout rebuilds
# everything otherwise), and a rebuild here after switching branches is quicker.
launcher=()
if command -v ccache > /dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
# On CI a compiler warning is an error, as in scripts/test.sh (built once, with the same flags).
werror=()
if [ -n "${CI:-}" ]; then werror=(-DVANBAN_WERROR=ON); fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" "${werror[@]}" > /dev/null
cmake --build build -j "$(nproc)"

if [ "$site" -eq 0 ]; then
    echo "Xong: đã biên dịch ./build/vanban."
    exit 0
fi
./build/vanban build
echo "Xong: mở site/index.html trong trình duyệt. Chạy lại ./build/vanban check để kiểm tra văn bản."
