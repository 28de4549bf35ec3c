// PDFs, checked with poppler's tools the way a clerk would look at them: page size, fonts,
// the order of the header lines, page numbers, the DỰ THẢO mark, metadata, the cache, and
// what happens when the PDF programs are missing or hang.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// Renders documents of a fixture into tmp/pdf with a cache of the test's own.
Run render(const TempDir& tmp, const std::string& root, const std::string& files, const std::string& environment = "") {
    return run_vanban("pdf --root " + shell_quote(root) + " " + files + " --out " + shell_quote(tmp.str() + "/pdf") + " --cache " +
                          shell_quote(tmp.str() + "/cache"),
                      environment);
}

std::string page_text(const std::string& pdf, int page) {
    return run_command("pdftotext -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + shell_quote(pdf) + " -");
}

// Each needle appears, after the previous one.
void check_order(const std::string& text, const std::vector<std::string>& needles) {
    size_t at = 0;
    for (const auto& n : needles) {
        size_t found = text.find(n, at);
        CHECK_MESSAGE(found != std::string::npos, "\"" << n << "\" missing or out of order in:\n" << text);
        if (found != std::string::npos) at = found + n.size();
    }
}

const std::string kShortPlan = "plans/2024-2025/ke-hoach-day-hoc.md";

}  // namespace

TEST_CASE("an A4 PDF with embedded fonts and the parts of the document in order") {
    TempDir tmp;
    Run r = render(tmp, fixture("clean"), kShortPlan);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "PDF: 1 tạo mới, 0 không đổi"));
    std::string pdf = tmp.str() + "/pdf/ke-hoach-day-hoc.pdf";
    REQUIRE(fs::exists(pdf));

    std::string info = run_command("pdfinfo " + shell_quote(pdf));
    CHECK(contains(info, "Page size:       595.276 x 841.89 pts (A4)"));
    CHECK(contains(info, "Title:           Kế hoạch Tổ chức dạy học năm học 2024-2025"));
    CHECK(contains(info, "Author:          Trường THCS Thử Nghiệm"));
    CHECK(contains(info, "Subject:         Tổ chức dạy học năm học 2024-2025"));
    CHECK(contains(info, "CreationDate:    Fri Sep 20 00:00:00 2024 UTC"));

    std::string fonts = run_command("pdffonts " + shell_quote(pdf));
    CHECK(contains(fonts, "Liberation-Serif"));
    std::istringstream lines(fonts);
    std::string line;
    int font_lines = 0;
    while (std::getline(lines, line)) {
        if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0 || line.empty()) continue;
        ++font_lines;
        CHECK_MESSAGE(contains(line, " yes "), "font not embedded: " << line);
    }
    CHECK(font_lines >= 2);

    // pdftotext reads the two-column header row by row: Số and the date share a line.
    std::string first = page_text(pdf, 1);
    check_order(first, {"PHÒNG GIÁO DỤC VÀ ĐÀO", "TRƯỜNG THCS THỬ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"});
    check_order(first, {"Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH"});
    check_order(first, {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/KH-THCSTN", "Thử, ngày 20 tháng 9 năm 2024", "KẾ HOẠCH",
                                    "Tổ chức dạy học năm học 2024-2025", "Căn cứ Thông tư số 32/2020/TT-BGDĐT", "I. MỤC ĐÍCH, YÊU CẦU"});
    // The signature block closes the document, after the body.
    check_order(run_command("pdftotext " + shell_quote(pdf) + " -"),
                {"KẾ HOẠCH", "III. TỔ CHỨC THỰC HIỆN", "Nơi nhận:", "KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "Lê Thị Thử"});
    // A one-page document holds all of it on page 1.
    Run letter = render(tmp, fixture("clean"), "content/van-ban/2024-2025/cong-van-hoc-lieu.md");
    REQUIRE(letter.exit_code == 0);
    std::string letter_pdf = tmp.str() + "/pdf/cong-van-hoc-lieu.pdf";
    CHECK(contains(run_command("pdfinfo " + shell_quote(letter_pdf)), "Pages:           1"));
    check_order(page_text(letter_pdf, 1), {"TRƯỜNG THCS THỬ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 15/THCSTN",
                                           "Thử, ngày 09 tháng 10 năm 2024", "V/v triển khai học liệu số", "Kính gửi:", "Các tổ chuyên môn.",
                                           "Nơi nhận:", "PHÓ HIỆU TRƯỞNG", "Lê Thị Thử"});
    CHECK_FALSE(contains(page_text(pdf, 1), "DỰ THẢO"));
}

TEST_CASE("an official PDF is PDF/A-2b: its XMP metadata says so and keeps the title, author and subject") {
    TempDir tmp;
    Run r = render(tmp, fixture("clean"), kShortPlan);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string pdf = tmp.str() + "/pdf/ke-hoach-day-hoc.pdf";
    std::string xmp = run_command("pdfinfo -meta " + shell_quote(pdf));
    INFO(xmp);
    CHECK(contains(xmp, "pdfaid:part=\"2\""));
    CHECK(contains(xmp, "pdfaid:conformance=\"B\""));
    check_order(xmp, {"<dc:title>", "Kế hoạch Tổ chức dạy học năm học 2024-2025"});
    check_order(xmp, {"<dc:creator>", "Trường THCS Thử Nghiệm"});
    check_order(xmp, {"<dc:subject>", "Tổ chức dạy học năm học 2024-2025"});
    std::string info = run_command("pdfinfo " + shell_quote(pdf));
    CHECK(contains(info, "Title:           Kế hoạch Tổ chức dạy học năm học 2024-2025"));
    CHECK(contains(info, "Author:          Trường THCS Thử Nghiệm"));
    CHECK(contains(info, "Subject:         Tổ chức dạy học năm học 2024-2025"));
}

TEST_CASE("page numbers from page 2, centred at the top, DỰ THẢO only on drafts") {
    TempDir tmp;
    Run r = render(tmp, fixture("pdf"), "plans/2024-2025/ke-hoach-boi-duong.md plans/2024-2025/ke-hoach-du-thao.md");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string numbered = tmp.str() + "/pdf/ke-hoach-boi-duong.pdf";
    std::string draft = tmp.str() + "/pdf/ke-hoach-du-thao.pdf";
    CHECK(contains(run_command("pdfinfo " + shell_quote(numbered)), "Pages:           4"));
    // Page 1 starts with the header block, page 2 with its number.
    CHECK(page_text(numbered, 1).rfind("PHÒNG GIÁO DỤC", 0) == 0);
    CHECK(page_text(numbered, 2).rfind("2\n", 0) == 0);
    CHECK(page_text(numbered, 3).rfind("3\n", 0) == 0);
    // The number sits in the top margin, centred between the text margins (30 mm left, 15 mm right).
    std::string box = run_command("pdftotext -bbox -f 2 -l 2 " + shell_quote(numbered) + " - | grep '>2</word>'");
    double x_min = std::stod(box.substr(box.find("xMin=\"") + 6)), y_max = std::stod(box.substr(box.find("yMax=\"") + 6));
    double centre = (85.04 + (595.28 - 42.52)) / 2;
    CHECK(x_min > centre - 10);
    CHECK(x_min < centre + 5);
    CHECK(y_max < 56.7);  // above the 20 mm top margin

    CHECK_FALSE(contains(page_text(numbered, 1), "DỰ THẢO"));
    CHECK(page_text(draft, 1).rfind("DỰ THẢO", 0) == 0);
    CHECK(contains(page_text(draft, 1), "Số:"));
    CHECK_FALSE(contains(page_text(draft, 1), "Số: 21"));
}

TEST_CASE("the cache: unchanged documents are not rendered again, a changed one is") {
    TempDir tmp;
    fs::path root = tmp.copy_of("pdf");
    std::string both = "plans/2024-2025/ke-hoach-boi-duong.md plans/2024-2025/ke-hoach-du-thao.md";
    REQUIRE(render(tmp, root.string(), both).exit_code == 0);
    std::string first = slurp(tmp.str() + "/pdf/ke-hoach-boi-duong.pdf");
    Run warm = render(tmp, root.string(), both);
    CHECK(contains(warm.out, "PDF: 0 tạo mới, 2 không đổi"));
    CHECK(slurp(tmp.str() + "/pdf/ke-hoach-boi-duong.pdf") == first);

    std::ofstream(root / "plans/2024-2025/ke-hoach-du-thao.md", std::ios::app) << "\nMột đoạn thêm.\n";
    Run changed = render(tmp, root.string(), both);
    CHECK(contains(changed.out, "PDF: 1 tạo mới, 1 không đổi"));

    // Same input, another cache: the same bytes (dates come from the document).
    TempDir other;
    REQUIRE(render(other, root.string(), "plans/2024-2025/ke-hoach-boi-duong.md").exit_code == 0);
    CHECK(slurp(other.str() + "/pdf/ke-hoach-boi-duong.pdf") == first);
}

TEST_CASE("vanban build puts a PDF beside each page, links it, and renders nothing the second time") {
    TempDir tmp;
    std::string out = tmp.str() + "/site";
    std::string args = "build --root " + shell_quote(fixture("clean")) + " --out " + shell_quote(out) + " --cache " +
                       shell_quote(tmp.str() + "/cache") + " --today 2026-11-23";
    Run cold = run_vanban(args);
    INFO(cold.err);
    REQUIRE(cold.exit_code == 0);
    CHECK(contains(cold.out, "PDF: 4 tạo mới, 0 không đổi"));
    CHECK(fs::exists(out + "/ke-hoach/2024-2025/ke-hoach-day-hoc.pdf"));
    CHECK(fs::exists(out + "/van-ban/2024-2025/cong-van-hoc-lieu.pdf"));
    CHECK_FALSE(fs::exists(out + "/gioi-thieu.pdf"));  // site pages have no PDF
    CHECK(contains(slurp(out + "/ke-hoach/2024-2025/ke-hoach-day-hoc.html"), "href=\"../../ke-hoach/2024-2025/ke-hoach-day-hoc.pdf\""));
    Run warm = run_vanban(args);
    CHECK(contains(warm.out, "PDF: 0 tạo mới, 4 không đổi"));
    Run none = run_vanban(args + " --no-pdf");
    CHECK_FALSE(contains(none.out, "PDF:"));
    CHECK_FALSE(fs::exists(out + "/ke-hoach/2024-2025/ke-hoach-day-hoc.pdf"));
}

TEST_CASE("a missing or hanging PDF program: named error, the site still built, exit 1") {
    TempDir tmp;
    std::string out = tmp.str() + "/site";
    std::string args = "build --root " + shell_quote(fixture("clean")) + " --out " + shell_quote(out) + " --cache " +
                       shell_quote(tmp.str() + "/cache") + " --today 2026-11-23";
    Run missing = run_vanban(args, "VANBAN_WEASYPRINT=/khong/co/weasyprint ");
    CHECK(missing.exit_code == 1);
    CHECK(contains(missing.err, kShortPlan + ": lỗi [pdf] không chạy được weasyprint"));
    CHECK(contains(missing.out, "PDF: 0 tạo mới, 0 không đổi (lấy từ bộ nhớ đệm), 4 lỗi"));
    CHECK(fs::exists(out + "/index.html"));
    CHECK_FALSE(fs::exists(out + "/ke-hoach/2024-2025/ke-hoach-day-hoc.pdf"));
    std::string page = slurp(out + "/ke-hoach/2024-2025/ke-hoach-day-hoc.html");
    CHECK_FALSE(contains(page, "Chưa có bản PDF"));  // the public site says nothing of it (public_site_test)
    CHECK_FALSE(contains(page, "Tải bản PDF"));

    std::string hang = tmp.str() + "/treo.sh";
    std::ofstream(hang) << "#!/bin/sh\nsleep 30\n";
    fs::permissions(hang, fs::perms::owner_all);
    auto started = std::chrono::steady_clock::now();
    // The worker's Python (VANBAN_PYTHON) never answers.
    Run hung = run_vanban(args + " --pdf-timeout 1", "VANBAN_PYTHON=" + shell_quote(hang) + " ");
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(20));
    CHECK(hung.exit_code == 1);
    CHECK(contains(hung.err, "weasyprint chạy quá 1 giây"));
    CHECK(fs::exists(out + "/index.html"));
    CHECK(leftover_temporaries(tmp.path).empty());
}

TEST_CASE("vanban pdf refuses what is not an official document") {
    TempDir tmp;
    Run page = render(tmp, fixture("clean"), "content/gioi-thieu.md");
    CHECK(page.exit_code == 2);
    CHECK(contains(page.err, "trang thông tin"));
    Run none = render(tmp, fixture("clean"), "plans/khong-co.md");
    CHECK(none.exit_code == 2);
    CHECK(contains(none.err, "plans/khong-co.md"));
}

TEST_CASE("same-named documents of two years, a zero time limit, a scan where the PDF goes: refused") {
    TempDir tmp;
    fs::path root = tmp.copy_of("pdf");
    fs::create_directories(root / "plans/2023-2024");
    fs::copy_file(root / "plans/2024-2025/ke-hoach-boi-duong.md", root / "plans/2023-2024/ke-hoach-boi-duong.md");
    Run same = render(tmp, root.string(), "plans/2023-2024/ke-hoach-boi-duong.md plans/2024-2025/ke-hoach-boi-duong.md");
    CHECK(same.exit_code == 2);
    CHECK(contains(same.err, "cùng ra tệp"));
    Run zero = run_vanban("pdf --root " + shell_quote(root.string()) + " plans/2024-2025/ke-hoach-boi-duong.md --pdf-timeout 0");
    CHECK(zero.exit_code == 2);
    CHECK(contains(zero.err, "--pdf-timeout"));

    std::ofstream(root / "plans/2024-2025/ke-hoach-boi-duong.pdf") << "%PDF-1.4 bản quét có chữ ký";
    Run scan = run_vanban("build --root " + shell_quote(root.string()) + " --out " + shell_quote(tmp.str() + "/site") + " --cache " +
                          shell_quote(tmp.str() + "/cache"));
    // The scan is left out (a file-name finding naming both); the rest of the site is built.
    CHECK(scan.exit_code == 1);
    CHECK(contains(scan.err, "plans/2024-2025/ke-hoach-boi-duong.pdf"));
    CHECK(contains(scan.err, "bản PDF của plans/2024-2025/ke-hoach-boi-duong.md"));
    CHECK(contains(scan.err, "[file-name]"));
    CHECK(fs::exists(tmp.path / "site/index.html"));
}

TEST_CASE("Ctrl-C (SIGTERM) stops the PDF programs and leaves no temporary files") {
    TempDir tmp;
    std::string hang = tmp.str() + "/treo.sh";
    std::ofstream(hang) << "#!/bin/sh\nsleep 60\n";
    fs::permissions(hang, fs::perms::owner_all);
    std::string out = tmp.str() + "/site";
    std::string command = "VANBAN_PYTHON=" + shell_quote(hang) + " " + shell_quote(VANBAN_BINARY) + " build --root " +
                          shell_quote(fixture("clean")) + " --out " + shell_quote(out) + " --cache " + shell_quote(tmp.str() + "/cache") +
                          " >/dev/null 2>&1 & pid=$!; sleep 1; kill -TERM $pid; wait $pid; echo $?";
    auto started = std::chrono::steady_clock::now();
    std::string status = run_command("sh -c " + shell_quote(command));
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(15));
    CHECK(status == "130\n");
    CHECK_FALSE(fs::exists(out));
    CHECK(leftover_temporaries(tmp.path).empty());
    // The hanging program was killed with vanban (its command line starts with the shell running it).
    CHECK(run_command("ps -eo args | grep -c " + shell_quote("^/bin/sh " + hang) + " || true") == "0\n");
}

TEST_CASE("a PDF cached by another build of vanban (same version number) is made again, not reused") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    std::string args = "pdf --root " + shell_quote(root.string()) + " " + kShortPlan + " --out " + shell_quote(tmp.str() + "/out") +
                       " --cache " + shell_quote(tmp.str() + "/cache");
    REQUIRE(run_vanban(args).exit_code == 0);
    CHECK(run_vanban(args).out.find("0 tạo mới, 1 không đổi") != std::string::npos);
    // The same program with one byte more: another build, whose renderer may differ.
    fs::path other = tmp.path / "vanban-khac";
    fs::copy_file(VANBAN_BINARY, other);
    std::ofstream(other, std::ios::app | std::ios::binary) << 'x';
    fs::permissions(other, fs::perms::owner_exec, fs::perm_options::add);
    // Out of the build tree a copied vanban is told where the templates are, as an installed one finds its own.
    std::string again = run_command("env -u CI VANBAN_TEMPLATES=" + shell_quote(std::string(VANBAN_TEST_DATA) + "/../templates") + " " +
                                    shell_quote(other.string()) + " " + args + " 2>/dev/null");
    CHECK(again.find("1 tạo mới, 0 không đổi") != std::string::npos);
}
