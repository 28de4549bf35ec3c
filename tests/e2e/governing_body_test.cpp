// The header follows the school's history: the sample school's 2024-2025 documents name the
// district office, its 2025-2026 ones the UBND of its xã (vanban.yaml, co_quan_chu_quan), on
// the site and in the PDF; a broken history in vanban.yaml is an error with its line.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "run_vanban.h"

using namespace vanban::e2e;

namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// The header block of a PDF's first page as words: everything before the school's own line.
// pdftotext interleaves the two columns (the governing body wraps beside the Quốc hiệu), so a
// name is looked for as its words in order.
std::vector<std::string> header_words(const std::string& pdf) {
    std::string text = run_command("pdftotext -f 1 -l 1 " + shell_quote(pdf) + " -");
    text = text.substr(0, text.find("TRƯỜNG THCS BÌNH MINH"));
    std::vector<std::string> words;
    std::string word;
    for (char c : text + " ") {
        if (c != ' ' && c != '\n' && c != '\f') word += c;
        else if (!word.empty()) words.push_back(std::move(word)), word.clear();
    }
    return words;
}

bool names(const std::vector<std::string>& header, const std::string& name) {
    size_t at = 0;
    std::string rest = name + " ";
    for (size_t space; (space = rest.find(' ')) != std::string::npos; rest.erase(0, space + 1)) {
        while (at < header.size() && header[at] != rest.substr(0, space)) ++at;
        if (at++ == header.size()) return false;
    }
    return true;
}

const std::string kSample = std::string(VANBAN_TEST_DATA) + "/..";
const std::string kOld = "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN VÂN KHÊ";
const std::string kNew = "ỦY BAN NHÂN DÂN XÃ BÌNH MINH";

}  // namespace

TEST_CASE("the sample school: 2024-2025 documents keep the district office, 2025-2026 ones name the UBND of the xã") {
    TempDir tmp;
    Run build = run_vanban("build --no-pdf --root " + shell_quote(kSample) + " --out " + shell_quote(tmp.str() + "/site") + " --today 2026-11-23",
                           "VANBAN_CACHE=" + shell_quote(tmp.str() + "/cache") + " ");
    INFO(build.err);
    REQUIRE(build.exit_code == 0);
    std::string before = slurp(tmp.str() + "/site/ke-hoach/2024-2025/ke-hoach-chuyen-doi-so.html");
    std::string after = slurp(tmp.str() + "/site/ke-hoach/2025-2026/ke-hoach-giao-duc-nha-truong.html");
    CHECK(contains(before, "<p class=\"chu-quan\">" + kOld + "</p>"));
    CHECK(contains(before, "Vân Khê, ngày 23 tháng 9 năm 2024"));
    CHECK_FALSE(contains(before, "<p class=\"chu-quan\">" + kNew));
    CHECK(contains(after, "<p class=\"chu-quan\">" + kNew + "</p>"));
    CHECK(contains(after, "Bình Minh, ngày"));
    CHECK_FALSE(contains(after, "<p class=\"chu-quan\">" + kOld));
    // The site's own header names the school's present body.
    CHECK(contains(slurp(tmp.str() + "/site/index.html"), kNew));

    Run pdf = run_vanban("pdf --root " + shell_quote(kSample) + " plans/2024-2025/ke-hoach-chuyen-doi-so.md plans/2025-2026/ke-hoach-giao-duc-nha-truong.md --out " +
                         shell_quote(tmp.str() + "/pdf") + " --cache " + shell_quote(tmp.str() + "/cache"));
    INFO(pdf.err);
    REQUIRE(pdf.exit_code == 0);
    auto old_header = header_words(tmp.str() + "/pdf/ke-hoach-chuyen-doi-so.pdf");
    auto new_header = header_words(tmp.str() + "/pdf/ke-hoach-giao-duc-nha-truong.pdf");
    CHECK(names(old_header, kOld));
    CHECK_FALSE(names(old_header, kNew));
    CHECK(names(new_header, kNew));
    CHECK_FALSE(names(new_header, kOld));
    std::string old_text = run_command("pdftotext -f 1 -l 1 " + shell_quote(tmp.str() + "/pdf/ke-hoach-chuyen-doi-so.pdf") + " -");
    std::string new_text = run_command("pdftotext -f 1 -l 1 " + shell_quote(tmp.str() + "/pdf/ke-hoach-giao-duc-nha-truong.pdf") + " -");
    CHECK(contains(old_text, "Vân Khê, ngày 23 tháng 9 năm 2024"));
    CHECK(contains(new_text, "Bình Minh, ngày"));
    CHECK_FALSE(contains(new_text, "Vân Khê, ngày"));
}

TEST_CASE("a history out of order in vanban.yaml is an error at its line") {
    TempDir tmp;
    std::filesystem::path root = tmp.copy_of("governing-body");
    std::ofstream(root / "vanban.yaml") << "truong:\n  ten: \"Trường THCS Thử Nghiệm\"\n  viet_tat: \"THCSTN\"\n  co_quan_chu_quan:\n"
                                           "    - ten: \"ỦY BAN NHÂN DÂN XÃ THỬ\"\n      tu_ngay: 2025-07-01\n"
                                           "    - ten: \"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THỬ\"\n      tu_ngay: 2020-01-01\n"
                                           "  dia_danh: \"Thử\"\n  cap_hoc: THCS\n";
    Run check = run_vanban("check --root " + shell_quote(root.string()) + " --today 2026-11-23");
    CHECK(check.exit_code == 1);
    CHECK(contains(check.out, "vanban.yaml:8:16: lỗi [governing-body] vanban.yaml: tu_ngay 01/1/2020 của \"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THỬ\" "
                              "không sau tu_ngay 01/7/2025 của mục trước"));
    Run english = run_vanban("check --lang en --root " + shell_quote(root.string()) + " --today 2026-11-23");
    CHECK(contains(english.out, "is not after 2025-07-01 of the entry before"));
}
