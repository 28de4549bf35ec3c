// Appendices, footnotes, the superior approval block and another agency's document, as the
// sample school's site and PDFs show them: after the signature and Nơi nhận, each appendix on
// pages of its own with the NĐ30 heading, and the agency's own header.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

namespace {

const std::string kSample = std::string(VANBAN_TEST_DATA) + "/..";
const std::string kPlan = "plans/2024-2025/ke-hoach-kiem-tra-noi-bo.md";

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

size_t position(const std::string& text, const std::string& needle) {
    size_t at = text.find(needle);
    CHECK_MESSAGE(at != std::string::npos, "\"" << needle << "\" missing");
    return at;
}

// One page's text as pdftotext lays it out, runs of spaces and line ends folded to one space
// except the first line break, which separates the page number in the top margin.
std::string page_text(const std::string& pdf, int page) {
    std::string raw = run_command("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + shell_quote(pdf) + " -");
    size_t start = raw.find_first_not_of(" \n\f");
    if (start == std::string::npos) return {};
    size_t first_break = raw.find('\n', start);
    std::string out = raw.substr(start, first_break - start) + "\n";
    bool space = false;
    for (size_t i = first_break == std::string::npos ? raw.size() : first_break + 1; i < raw.size(); ++i) {
        char c = raw[i];
        if (c == ' ' || c == '\n' || c == '\f') {
            space = true;
            continue;
        }
        if (space && out.back() != '\n') out += ' ';
        space = false;
        out += c;
    }
    return out;
}

int page_count(const std::string& pdf) {
    std::string info = run_command("pdfinfo " + shell_quote(pdf));
    size_t at = info.find("Pages:");
    return at == std::string::npos ? 0 : std::stoi(info.substr(at + 6));
}

// The first line of a page: the page number in the top margin, when there is one.
std::string first_line(const std::string& text) {
    std::string line = text.substr(0, text.find('\n'));
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line;
}

}  // namespace

TEST_CASE("the site shows appendices after the signature, the superior approval and the footnotes") {
    TempDir tmp;
    Run r = run_vanban("build --root " + shell_quote(kSample) + " --no-pdf --out " + shell_quote(tmp.str() + "/site"));
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    std::string page = slurp(tmp.str() + "/site/ke-hoach/2024-2025/ke-hoach-kiem-tra-noi-bo.html");
    size_t signature = position(page, "Nơi nhận:");
    size_t approval = position(page, "PHÊ DUYỆT CỦA PHÒNG GD&amp;ĐT HUYỆN VÂN KHÊ");
    size_t first = position(page, "<p class=\"nhan-phu-luc\">Phụ lục I</p>");
    size_t second = position(page, "<p class=\"nhan-phu-luc\">Phụ lục II</p>");
    CHECK(signature < approval);
    CHECK(approval < first);
    CHECK(first < second);
    CHECK(contains(page, "Ngày 24 tháng 9 năm 2024"));
    CHECK(contains(page, "Đinh Quang Vinh"));
    CHECK(contains(page, "LỊCH KIỂM TRA CHUYÊN ĐỀ VÀ KIỂM TRA TỔ"));
    CHECK(contains(page, "(Kèm theo Kế hoạch số 43/KH-THCSBM ngày 18/9/2024 của Trường THCS Bình Minh)"));
    // The appendix's own sections start again at I.; the body's TOC and ids are unchanged.
    CHECK(page.rfind("I. KIỂM TRA CHUYÊN ĐỀ") > first);
    CHECK(contains(page, "<h1 id=\"iv-to-chuc-thuc-hien\">IV. TỔ CHỨC THỰC HIỆN</h1>"));
    // The footnote and its link to the agency's document page.
    CHECK(contains(page, "footnote-ref"));
    CHECK(contains(page, "href=\"../../van-ban/2024-2025/cong-van-phong-gddt-nhiem-vu-trung-hoc.html\""));

    // Another agency's document: its own header and a note, never the school's name as issuer.
    std::string letter = slurp(tmp.str() + "/site/van-ban/2024-2025/cong-van-phong-gddt-nhiem-vu-trung-hoc.html");
    CHECK(contains(letter, "<p class=\"chu-quan\">ỦY BAN NHÂN DÂN HUYỆN VÂN KHÊ</p>"));
    CHECK(contains(letter, "<p class=\"co-quan\">PHÒNG GIÁO DỤC VÀ ĐÀO TẠO</p>"));
    CHECK(contains(letter, "Số: 1160/PGDĐT-GDTrH"));
    CHECK(contains(letter, "Văn bản của PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"));
    CHECK_FALSE(contains(letter, "<p class=\"co-quan\">TRƯỜNG THCS BÌNH MINH</p>"));
    CHECK_FALSE(contains(letter, "DỰ THẢO"));
    std::string list = slurp(tmp.str() + "/site/van-ban/index.html");
    CHECK(contains(list, "Công văn của PHÒNG GIÁO DỤC VÀ ĐÀO TẠO số 1160/PGDĐT-GDTrH"));
}

TEST_CASE("the PDF puts each appendix on pages of its own, numbered from 1, after the signature") {
    TempDir tmp;
    Run r = run_vanban("pdf --root " + shell_quote(kSample) + " " + kPlan + " --out " + shell_quote(tmp.str() + "/pdf") + " --cache " +
                       shell_quote(tmp.str() + "/cache"));
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    std::string pdf = tmp.str() + "/pdf/ke-hoach-kiem-tra-noi-bo.pdf";
    int pages = page_count(pdf);
    REQUIRE(pages >= 4);
    std::vector<std::string> text;
    for (int p = 1; p <= pages; ++p) text.push_back(page_text(pdf, p));

    int first = -1, second = -1, signature = -1;
    for (int p = 0; p < pages; ++p) {
        if (contains(text[p], "Nơi nhận:")) signature = p;
        if (first_line(text[p]) == "Phụ lục I" && first < 0) first = p;
        if (first_line(text[p]) == "Phụ lục II" && second < 0) second = p;
    }
    REQUIRE(signature >= 0);
    REQUIRE(first > signature);
    REQUIRE(second > first);
    // The body's last page holds the superior approval after the signature.
    CHECK(contains(text[signature], "Đinh Quang Vinh"));
    CHECK(contains(text[signature].substr(text[signature].find("Nơi nhận:")), "PHÊ DUYỆT CỦA PHÒNG GD&ĐT"));
    // The footnote is printed with the body.
    bool note = false;
    for (int p = 0; p <= signature; ++p) note = note || contains(text[p], "Công văn này được lưu cùng các văn bản của trường");
    CHECK(note);
    // An appendix's first page has no number; its heading names the plan it belongs to.
    CHECK(contains(text[first], "(Kèm theo Kế hoạch số 43/KH-THCSBM ngày 18/9/2024 của Trường THCS Bình Minh)"));
    CHECK(contains(text[first], "LỊCH KIỂM TRA CHUYÊN ĐỀ"));
    // The body's pages are numbered from 2; an appendix's from its own second page.
    CHECK(first_line(text[1]) == "2");
}

TEST_CASE("a long appendix numbers its own pages from 2, whatever the body's length") {
    TempDir tmp;
    fs::create_directories(tmp.path / "plans/2024-2025");
    fs::copy_file(kSample + "/vanban.yaml", tmp.path / "vanban.yaml");
    std::string plan = slurp(kSample + "/" + kPlan);
    std::string rows;
    for (int i = 1; i <= 70; ++i) rows += "| Tổ " + std::to_string(i) + " | kiểm tra hồ sơ | " + std::to_string(i) + " |\n";
    size_t at = plan.find("# Phụ lục II");
    REQUIRE(at != std::string::npos);
    plan.insert(at, "| Tổ | Nội dung | Thứ tự |\n|---|---|---:|\n" + rows + "\n");
    {
        std::ofstream out(tmp.path / kPlan);
        out << plan;
    }
    Run r = run_vanban("pdf --root " + shell_quote(tmp.str()) + " " + kPlan + " --out " + shell_quote(tmp.str() + "/pdf") + " --cache " +
                       shell_quote(tmp.str() + "/cache"));
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    std::string pdf = tmp.str() + "/pdf/ke-hoach-kiem-tra-noi-bo.pdf";
    int pages = page_count(pdf);
    std::vector<std::string> heads;
    for (int p = 1; p <= pages; ++p) heads.push_back(first_line(page_text(pdf, p)));
    auto first = std::find(heads.begin(), heads.end(), "Phụ lục I");
    auto second = std::find(heads.begin(), heads.end(), "Phụ lục II");
    REQUIRE(first != heads.end());
    REQUIRE(second - first >= 3);
    CHECK(*(first - 1) != "Phụ lục I");
    for (auto p = first + 1; p != second; ++p) CHECK(*p == std::to_string(p - first + 1));
}
