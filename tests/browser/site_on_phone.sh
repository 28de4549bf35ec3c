#!/usr/bin/env bash
# A school with long values — a 120-character address, a long e-mail and web address, a long
# document title, an unbroken long link, a wide table — and one with no optional school field,
# opened in headless Chromium 390 px wide (a phone): no page may be wider than the screen
# (document.documentElement.scrollWidth <= 390), and empty fields leave no row, label or mailto:.
# Usage: site_on_phone.sh VANBAN_BINARY FIXTURES_DIR
# Set VANBAN_SCREENSHOTS=DIR to keep 390 px screenshots of the pages for a person to look at.
set -u
vanban=$1
fixtures=$2
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "SKIPPED: Chromium is not installed (apt-get install chromium); the site was not checked on a phone width."
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $1"; failures=$((failures + 1)); }
ok() { echo "ok: $1"; }

# The long school: the clean fixture with every optional field long, and a long document.
long="$work/long"
cp -r "$fixtures/clean" "$long"
address="Số 123 đường Nguyễn Văn Linh, khu phố Bình Minh Thượng, phường Tân Phong Đông, thành phố Biên Hòa Mới, tỉnh Đồng Nai"
cat > "$long/vanban.yaml" <<EOF
truong:
  ten: "Trường Trung học cơ sở và Trung học phổ thông Nguyễn Bỉnh Khiêm Thử Nghiệm"
  viet_tat: "THCSTN"
  co_quan_chu_quan: "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THỬ NGHIỆM RẤT DÀI CỦA TỈNH"
  dia_danh: "Thử"
  cap_hoc: THCS
  website: "https://truongtrunghoccosonguyenbinhkhiemthunghiem.example.edu.vn/thongtincongkhai"
  dia_chi: "$address"
  dien_thoai: "0251.3812345 - 0251.3812346 - 0909123456"
  email: "vanthutruongtrunghoccosonguyenbinhkhiem@thunghiem.example.edu.vn"
EOF
cat > "$long/plans/2024-2025/ke-hoach-dai.md" <<'EOF'
---
loai: ke-hoach
so: 21
ngay: 2024-10-02
nam_hoc: "2024-2025"
trich_yeu: "Tổ chức các hoạt động giáo dục ngoài giờ lên lớp, trải nghiệm, hướng nghiệp và chuyển đổi số trong dạy học của nhà trường năm học 2024-2025"
nguoi_ky:
  quyen_han: "KT. HIỆU TRƯỞNG"
  chuc_vu: "PHÓ HIỆU TRƯỞNG"
  ho_ten: "Lê Thị Thử"
noi_nhan:
  - "Phòng Giáo dục và Đào tạo huyện Thử Nghiệm (để báo cáo);"
  - "Lưu: VT."
---

Căn cứ hướng dẫn tại https://moet.example.gov.vn/vanban/HuongDanThucHienNhiemVuGiaoDucTrungHocNamHoc20242025So3935BGDDTGDTH.html của Bộ;

# I. MỤC ĐÍCH, YÊU CẦU

## 1. Mục đích

Tổ chức hoạt động trải nghiệm hiệu quả.

## 2. Yêu cầu

- Đúng kế hoạch.

# II. NỘI DUNG

## 1. Phân công

| Tháng | Hoạt động trải nghiệm | Người phụ trách | Lớp tham gia | Địa điểm tổ chức | Kinh phí dự kiến (đồng) | Ghi chú |
|---|---|---|---|---|---:|---|
| 9 | Tham quan khu di tích lịch sử văn hóa cấp quốc gia | Tổ Ngữ văn - Lịch sử - Địa lý - Giáo dục công dân | 6A1, 6A2, 6A3, 7A1, 7A2 | Khu di tích lịch sử văn hóa | 12.500.000 | Phối hợp Ban đại diện cha mẹ học sinh |
| 10 | Ngày hội chuyển đổi số | Tổ Toán - Tin học - Công nghệ | Toàn trường | Sân trường | 8.000.000 | |

# III. TỔ CHỨC THỰC HIỆN

Các tổ chuyên môn thực hiện.
EOF
cat > "$long/content/lien-he.md" <<EOF
---
loai: trang
tieu_de: "Liên hệ"
thu_tu: 2
---

Địa chỉ: $address

Thư điện tử: <vanthutruongtrunghoccosonguyenbinhkhiem@thunghiem.example.edu.vn>

Trang web: <https://truongtrunghoccosonguyenbinhkhiemthunghiem.example.edu.vn/thongtincongkhai/lienhevoinhatruong.html>
EOF
# Last year's version of the long plan, so its page has the comparison button and a comparison page.
mkdir -p "$long/plans/2023-2024"
sed -e 's/2024-2025/2023-2024/g' -e 's/2024-10-02/2023-10-02/' -e 's/12.500.000/11.000.000/' \
    "$long/plans/2024-2025/ke-hoach-dai.md" > "$long/plans/2023-2024/ke-hoach-dai.md"
# Every button of a document page (comparison, PDF, Word, print) must fit too: the PDFs are real
# (a WeasyPrint worker makes them in a few seconds; their content is not what is measured here).
VANBAN_CACHE="$work/cache" \
"$vanban" build --root "$long" --out "$work/site" > "$work/build.log" 2>&1 || {
    echo "FAIL: vanban build failed:"; cat "$work/build.log"; exit 1; }

chrome() {
    "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$work/profile" --virtual-time-budget=3000 "$@" 2>/dev/null
}

# Chromium's headless window is at least 500 px wide, so each page is shown in a 390 px frame.
# A copy of the page beside it (same style sheet and links) sends its laid-out width to the
# frame's page, which writes it into the DOM that --dump-dom prints.
phone_frame() {  # phone_frame SITE_PATH HEIGHT: prints the file:// URL of a page showing SITE_PATH 390 px wide
    local copy="${1%.html}.do-rong.html" frame="$work/site/khung-${1//\//-}"
    sed 's|</body>|<script>parent.postMessage(document.documentElement.scrollWidth, "*")</script></body>|' \
        "$work/site/$1" > "$work/site/$copy"
    printf '%s\n' '<!DOCTYPE html><html><body style="margin:0">' \
        "<iframe src=\"$copy\" style=\"width:390px;height:${2}px;border:0;display:block\"></iframe>" \
        '<script>addEventListener("message", function (e) { document.body.setAttribute("data-do-rong", e.data) })</script>' \
        '</body></html>' > "$frame"
    echo "file://$frame"
}
width_of() {  # width_of SITE_PATH
    chrome --window-size=500,900 --dump-dom "$(phone_frame "$1" 900)" | grep -o 'data-do-rong="[0-9]*"' | grep -o '[0-9]*'
}

for page in index.html ke-hoach/2024-2025/ke-hoach-dai.html ke-hoach/2024-2025/ke-hoach-dai-so-sanh.html ke-hoach/index.html lien-he.html \
    cong-khai/2024-2025/thu-chi.html; do
    [ -f "$work/site/$page" ] || { fail "$page was not built"; continue; }
    width=$(width_of "$page")
    if [ -z "$width" ]; then fail "$page: the browser did not report its width"
    elif [ "$width" -le 390 ]; then ok "$page fits a 390 px phone (scrollWidth $width)"
    else fail "$page is $width px wide on a 390 px phone"; fi
done
grep -qF "$address" "$work/site/index.html" && ok "the long address is shown" || fail "the long address is not on the home page"
grep -qF "Tải bản PDF" "$work/site/ke-hoach/2024-2025/ke-hoach-dai.html" && grep -qF "So sánh với năm học trước" "$work/site/ke-hoach/2024-2025/ke-hoach-dai.html" &&
    ok "the long plan's page has its buttons" || fail "the long plan's page lacks the PDF or comparison button"

# A school with no optional field: no empty row, label or mailto:.
bare="$work/bare"
cp -r "$fixtures/clean" "$bare"
cat > "$bare/vanban.yaml" <<'EOF'
truong:
  ten: "Trường THCS Thử Nghiệm"
  viet_tat: "THCSTN"
  co_quan_chu_quan: "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THỬ"
  dia_danh: "Thử"
  cap_hoc: THCS
EOF
"$vanban" build --root "$bare" --out "$work/bare-site" --no-pdf --no-docx > "$work/bare.log" 2>&1 || {
    echo "FAIL: vanban build of the school without optional fields failed:"; cat "$work/bare.log"; exit 1; }
before=$failures
for page in index.html gioi-thieu.html ke-hoach/2024-2025/ke-hoach-day-hoc.html; do
    for empty in 'mailto:"' 'Địa chỉ' 'Điện thoại' 'Thư điện tử' 'Trang web' '<dd></dd>' '<p></p>'; do
        if grep -qF -- "$empty" "$work/bare-site/$page"; then fail "$page of a school without optional fields has $empty"; fi
    done
done
[ "$failures" -eq "$before" ] && ok "a school without optional fields: no empty rows, labels or mailto:"

if [ -n "${VANBAN_SCREENSHOTS:-}" ]; then
    mkdir -p "$VANBAN_SCREENSHOTS"
    chrome --window-size=500,1400 --screenshot="$VANBAN_SCREENSHOTS/phone-home.png" "$(phone_frame index.html 1400)"
    chrome --window-size=500,2600 --screenshot="$VANBAN_SCREENSHOTS/phone-document.png" "$(phone_frame ke-hoach/2024-2025/ke-hoach-dai.html 2600)"
    chrome --window-size=500,1000 --screenshot="$VANBAN_SCREENSHOTS/phone-list.png" "$(phone_frame ke-hoach/index.html 1000)"
    chrome --window-size=500,1000 --screenshot="$VANBAN_SCREENSHOTS/phone-contact.png" "$(phone_frame lien-he.html 1000)"
    echo "screenshots in $VANBAN_SCREENSHOTS"
fi
[ "$failures" -eq 0 ] || exit 1
