#!/usr/bin/env bash
# Builds the sample school's site and opens it in headless Chromium, checking what a
# reader sees after the page's scripts ran: the home page, a document page with its
# official header block, and a diacritic-insensitive search.
# Usage: site_in_browser.sh VANBAN_BINARY REPOSITORY_ROOT
# Set VANBAN_SCREENSHOTS=DIR to keep screenshots of the pages for a person to look at.
set -u
vanban=$1
root=$2
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "SKIPPED: Chromium is not installed (apt-get install chromium); the site was not checked in a browser."
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$vanban" build --root "$root" --out "$work/site" > "$work/build.log" 2>&1 || {
    echo "FAIL: vanban build failed:"; cat "$work/build.log"; exit 1; }

chrome() {
    "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --user-data-dir="$work/profile" --virtual-time-budget=3000 "$@" 2>/dev/null
}
failures=0
expect() {  # expect FILE TEXT DESCRIPTION
    if grep -qF -- "$2" "$1"; then echo "ok: $3"; else echo "FAIL: $3 (\"$2\" not in the rendered page)"; failures=$((failures + 1)); fi
}

site="file://$work/site"
chrome --dump-dom "$site/index.html" > "$work/home.html"
expect "$work/home.html" "Trường THCS Bình Minh" "home page shows the school"
expect "$work/home.html" "Văn bản mới" "home page lists the latest documents"

doc="$site/ke-hoach/2024-2025/ke-hoach-chuyen-doi-so.html"
chrome --dump-dom "$doc" > "$work/doc.html"
expect "$work/doc.html" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "document page has the Quốc hiệu"
expect "$work/doc.html" "Độc lập - Tự do - Hạnh phúc" "document page has the Tiêu ngữ"
expect "$work/doc.html" "TRƯỜNG THCS BÌNH MINH" "document page names the school in the header block"
expect "$work/doc.html" "Số: 46/KH-THCSBM" "document page has số, ký hiệu"
expect "$work/doc.html" "Thực hiện nhiệm vụ chuyển đổi số năm học 2024-2025" "document page has the title"

chrome --dump-dom "$site/tim-kiem.html?q=chuyen%20doi%20so" > "$work/search.html"
expect "$work/search.html" "Tìm thấy" "search without diacritics finds documents"
expect "$work/search.html" "Thực hiện nhiệm vụ chuyển đổi số năm học 2024-2025" "search finds the digital-transformation plan"
chrome --dump-dom "$site/tim-kiem.html?q=kh%C3%B4ng%20c%C3%B3%20t%E1%BB%AB%20n%C3%A0y%20xyzw" > "$work/none.html"
expect "$work/none.html" "Không tìm thấy" "search says when nothing matches"

if [ -n "${VANBAN_SCREENSHOTS:-}" ]; then
    mkdir -p "$VANBAN_SCREENSHOTS"
    chrome --hide-scrollbars --window-size=1280,1600 --screenshot="$VANBAN_SCREENSHOTS/home.png" "$site/index.html"
    chrome --hide-scrollbars --window-size=1280,2400 --screenshot="$VANBAN_SCREENSHOTS/document.png" "$doc"
    chrome --hide-scrollbars --window-size=1280,900 --screenshot="$VANBAN_SCREENSHOTS/search.png" "$site/tim-kiem.html?q=chuyen%20doi%20so"
    chrome --hide-scrollbars --window-size=390,1600 --screenshot="$VANBAN_SCREENSHOTS/phone.png" "$doc"
    echo "screenshots in $VANBAN_SCREENSHOTS"
fi
[ "$failures" -eq 0 ] || exit 1
