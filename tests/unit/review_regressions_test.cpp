// Cases found in review: real phrasing that must not be misread, odd input that must not crash.
#include <doctest/doctest.h>

#include "test_support.h"
#include "model/page_paths.h"
#include "text/numbering.h"
#include "text/unicode.h"

using namespace vanban;
using vanban::test::kValidBody;
using vanban::test::make_repository;
using vanban::test::plan;
using vanban::test::run_rule;

TEST_CASE("plans and letters restart their numbers every year: no conflict across years") {
    auto repo = make_repository({
        {"plans/a.md", plan(std::string("Theo Kế hoạch số 05/KH-THCSBM ngày 10/9/2023 và Công văn số 1950/SGDĐT-TrH ngày 02/10/2023.\n\n") + kValidBody)},
        {"plans/b.md", plan(std::string("Theo Kế hoạch số 05/KH-THCSBM ngày 12/9/2024 và Công văn số 1950/SGDĐT-TrH ngày 03/10/2024.\n\n") + kValidBody)},
    });
    CHECK(run_rule(repo, "citation-conflict").empty());
    // Within one year it still is a conflict.
    auto same_year = make_repository({
        {"plans/a.md", plan(std::string("Theo Kế hoạch số 05/KH-THCSBM ngày 10/9/2024.\n\n") + kValidBody)},
        {"plans/b.md", plan(std::string("Theo Kế hoạch số 05/KH-THCSBM ngày 12/9/2024.\n\n") + kValidBody)},
    });
    CHECK(run_rule(same_year, "citation-conflict").size() == 1);
}

TEST_CASE("a date after a comma belongs to the citation only when the issuer follows") {
    auto scan = [](const std::string& t) { return make_repository({}).citations.scan(t); };
    auto event = scan("Theo Quyết định 1234/QĐ-UBND, ngày 5/9/2024 nhà trường khai giảng.");
    REQUIRE(event.size() == 1);
    CHECK_FALSE(event[0].date);
    auto issued = scan("Thực hiện hướng dẫn 1334/PGDĐT, ngày 11 tháng 9 năm 2023 của Phòng GD&ĐT.");
    REQUIRE(issued.size() == 1);
    CHECK(issued[0].date);
}

TEST_CASE("National Assembly resolutions carry QHxx without a type segment") {
    auto repo = make_repository({{"plans/a.md", plan(std::string("Căn cứ Nghị quyết số 88/2014/QH13 ngày 28/11/2014 và "
                                                                 "Luật số 43/2019/QH14 ngày 14/6/2019;\n\n") + kValidBody)}});
    CHECK(run_rule(repo, "citation-type").empty());
}

TEST_CASE("table-sum: staff titles are not totals, STT tables carry labels in the second column") {
    std::string staff = std::string(kValidBody) +
                        "\n| Chức danh | Số người |\n|---|---:|\n| Hiệu trưởng | 1 |\n| Phó hiệu trưởng | 2 |\n"
                        "| Tổng phụ trách Đội | 1 |\n| Cộng tác viên | 3 |\n| Tổng cộng: | 7 |\n";
    CHECK(run_rule(make_repository({{"plans/a.md", plan(staff)}}), "table-sum").empty());
    std::string stt = std::string(kValidBody) +
                      "\n| STT | Nội dung | Số lượng |\n|---:|---|---:|\n| 1 | Giáo viên | 26 |\n| 2 | Nhân viên | 5 |\n"
                      "| | Tổng cộng | 30 |\n";
    auto d = run_rule(make_repository({{"plans/a.md", plan(stt)}}), "table-sum");
    REQUIRE(d.size() == 1);
    CHECK(d[0].message.vi.find("dòng \"Tổng cộng\", cột \"Số lượng\" ghi 30 nhưng tổng các dòng được cộng (dòng 39–40) là 31") != std::string::npos);
}

TEST_CASE("numbering typed without a space, upper-case letters and PHẦN") {
    CHECK(parse_heading_number("I.MỤC ĐÍCH").style == NumberStyle::Roman);
    CHECK(parse_heading_number("1.Mục đích").style == NumberStyle::Arabic);
    CHECK(parse_heading_number("1.2.Chỉ tiêu").parts == std::vector<int>{1, 2});
    auto a = parse_heading_number("B. PHẦN RIÊNG");
    CHECK(a.style == NumberStyle::Letter);
    CHECK(a.value() == 2);
    auto part = parse_heading_number("PHẦN II. KẾT QUẢ");
    CHECK(part.style == NumberStyle::Roman);
    CHECK(part.value() == 2);
    CHECK(part.rest == "KẾT QUẢ");
    CHECK(run_rule(make_repository({{"plans/a.md", plan("# I.MỤC ĐÍCH, YÊU CẦU\n## 1.Mục đích\n# II.NỘI DUNG\n# III.TỔ CHỨC THỰC HIỆN\n")}}),
                   "heading-numbering").empty());
}

TEST_CASE("an unnumbered heading is reported once, not with every sibling after it") {
    auto d = run_rule(make_repository({{"plans/a.md", plan("# MỤC ĐÍCH, YÊU CẦU\n# II. NỘI DUNG\n# III. TỔ CHỨC THỰC HIỆN\n")}}),
                      "heading-numbering");
    REQUIRE(d.size() == 1);
    CHECK(d[0].at.line == 13);
}

TEST_CASE("front matter: duplicate keys, a list as loai, columns in characters") {
    auto dup = run_rule(make_repository({{"plans/a.md", plan(kValidBody, "so: 47\n")}}), "front-matter");
    REQUIRE(dup.size() == 1);
    CHECK(dup[0].at.line == 12);
    CHECK(dup[0].message.vi.find("hai lần") != std::string::npos);

    auto list = run_rule(make_repository({{"plans/a.md", "---\nloai: [ke-hoach]\n---\n"}}), "front-matter");
    REQUIRE(list.size() == 1);
    CHECK(list[0].at.line == 2);
    CHECK(list[0].at.column == 7);

    // Columns count characters: "HIỆU TRƯỞNG" is 11 characters but 17 bytes.
    std::string text = plan(kValidBody);
    size_t at = text.find("nguoi_ky:");
    size_t end = text.find("noi_nhan:");
    std::string line = "nguoi_ky: {chuc_vu: \"HIỆU TRƯỞNG\", ho_ten: \"A\", ho_tenn: 1}\n";
    text.replace(at, end - at, line);
    auto inner = run_rule(make_repository({{"plans/a.md", text}}), "front-matter");
    REQUIRE(inner.size() == 1);
    CHECK(inner[0].at.line == 7);
    CHECK(inner[0].at.column == count_code_points(line.substr(0, line.find("ho_tenn"))) + 1);
    CHECK(inner[0].at.column == 49);
}

TEST_CASE("a separate numbering series (explicit ky_hieu) is not a duplicate") {
    auto doc = [](const char* extra) {
        return std::string("---\nloai: ke-hoach\nso: 46\nngay: 2024-09-05\nnam_hoc: \"2024-2025\"\n") + extra + "---\n";
    };
    CHECK(run_rule(make_repository({{"plans/a.md", doc("")}, {"plans/b.md", doc("ky_hieu: \"46/KH-CĐCS\"\n")}}), "duplicate-number")
              .empty());
}

TEST_CASE("NFD messages stay valid UTF-8 even when cut") {
    std::string body = std::string(58, 'x') + "\xE1\xBA\xBF" "ch con";  // ế precomposed, then made NFD below
    body = std::string(58, 'x') + "e\xCC\x82\xCC\x81" "ch con\n";
    auto d = run_rule(make_repository({{"plans/a.md", plan(body)}}), "unicode-nfc");
    REQUIRE(d.size() == 1);
    CHECK_FALSE(find_invalid_utf8(d[0].message.vi));
}

TEST_CASE("words are split on punctuation, quotes and dashes") {
    std::vector<std::string_view> w = word_spans("“Tăng cường” 2022–2025… (thử)");
    CHECK(w == std::vector<std::string_view>{"Tăng", "cường", "2022", "2025", "thử"});
    CHECK(url_path("ke-hoach/kh 2#1.html") == "ke-hoach/kh%202%231.html");
}
