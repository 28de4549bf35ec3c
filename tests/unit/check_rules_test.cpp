// One test case per rule of `vanban check`, on documents built in memory.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace vanban;
using vanban::test::kValidBody;
using vanban::test::make_repository;
using vanban::test::plan;
using vanban::test::run_rule;

TEST_CASE("a valid plan has no diagnostics at all") {
    auto repo = make_repository({{"plans/2024-2025/a.md", plan(kValidBody)}});
    CheckOptions options;
    options.today = {2026, 11, 23};
    CHECK(check_repository(repo, options).empty());
}

TEST_CASE("front-matter: missing, malformed and unknown fields") {
    std::string text = "---\nloai: ke-hoach\nso: ba\nngay: 2024-9-5\nnam_hoc: \"2024-2026\"\ntrich_yeu: \"x\"\n"
                       "nguoi_ky:\n  chuc_vu: \"HIỆU TRƯỞNG\"\n  quyen_han: \"KT HIỆU TRƯỞNG\"\n  ho_ten: \"A\"\n"
                       "noi_nhan: \"Lưu\"\ntrich_yue: \"y\"\n---\n" + std::string(kValidBody);
    auto d = run_rule(make_repository({{"plans/2024-2025/a.md", text}}), "front-matter");
    auto has = [&](int line, const std::string& fragment) {
        return std::any_of(d.begin(), d.end(), [&](const Diagnostic& x) {
            return x.at.line == line && (x.message.vi + x.hint.vi).find(fragment) != std::string::npos;
        });
    };
    CHECK(has(3, "số nguyên"));        // so: ba
    CHECK(has(4, "YYYY-MM-DD"));       // ngay: 2024-9-5
    CHECK(has(5, "năm học"));          // two years apart
    CHECK(has(9, "KT./TM."));          // quyen_han without the dot
    CHECK(has(11, "danh sách"));       // noi_nhan not a list
    CHECK(has(12, "trich_yeu"));       // "did you mean" for the typo
    for (const auto& x : d) CHECK(x.severity == Severity::Error);

    auto missing = run_rule(make_repository({{"plans/x/b.md", "---\nloai: ke-hoach\n---\n# I. A\n"}}), "front-matter");
    CHECK(std::count_if(missing.begin(), missing.end(), [](const Diagnostic& x) {
              return x.message.vi.find("thiếu trường bắt buộc") != std::string::npos;
          }) == 5);
    auto none = run_rule(make_repository({{"plans/x/c.md", "# Không có front matter\n"}}), "front-matter");
    REQUIRE(none.size() == 1);
    CHECK(none[0].at.line == 1);
    auto broken = run_rule(make_repository({{"plans/x/d.md", "---\nloai: [ke-hoach\n---\n"}}), "front-matter");
    REQUIRE(broken.size() == 1);
    CHECK(broken[0].message.en.find("not valid YAML") != std::string::npos);
}

TEST_CASE("unknown-type: loai names no defined type, with a suggestion") {
    auto d = run_rule(make_repository({{"plans/a.md", "---\nloai: ke-hoac\n---\n"}}), "unknown-type");
    REQUIRE(d.size() == 1);
    CHECK(d[0].at.line == 2);
    CHECK(d[0].hint.vi.find("\"ke-hoach\"") != std::string::npos);
}

TEST_CASE("required-section: each missing section is named, accepted wordings count") {
    std::string body = "# I. MỤC TIÊU\n\n# II. NHIỆM VỤ, GIẢI PHÁP\n\n# III. KINH PHÍ\n";
    auto d = run_rule(make_repository({{"plans/a.md", plan(body)}}), "required-section");
    REQUIRE(d.size() == 1);
    CHECK(d[0].message.vi.find("Tổ chức thực hiện") != std::string::npos);
    CHECK(d[0].hint.vi.find("# IV. TỔ CHỨC THỰC HIỆN") != std::string::npos);
    // A near miss is pointed at the heading that almost matches.
    auto near = run_rule(make_repository({{"plans/a.md", plan("# I. MỤC ĐÍCH\n# II. NỘI DUNG\n# III. TỔ CHỨC THỰC HIỆNN\n")}}),
                         "required-section");
    REQUIRE(near.size() == 1);
    CHECK(near[0].at.line == 15);
}

TEST_CASE("section-order: required sections in the type's order") {
    std::string body = "# I. NỘI DUNG\n\n# II. MỤC ĐÍCH, YÊU CẦU\n\n# III. TỔ CHỨC THỰC HIỆN\n";
    auto d = run_rule(make_repository({{"plans/a.md", plan(body)}}), "section-order");
    REQUIRE(d.size() == 1);
    CHECK(d[0].at.line == 13);  // "# I. NỘI DUNG" stands before "Mục đích, yêu cầu"
    CHECK(d[0].message.vi.find("phải đứng sau mục \"II. MỤC ĐÍCH, YÊU CẦU\"") != std::string::npos);
}

TEST_CASE("heading-numbering: gaps, repeats, styles and parents") {
    std::string body =
        "# I. MỤC ĐÍCH\n"        // 13
        "## 1. Một\n"            // 14
        "## 3. Ba\n"             // 15: gap, expected 2.
        "### 3.1. Một\n"         // 16
        "### 2.2. Lạc\n"         // 17: not under 3.
        "## 4. Bốn\n"            // 18
        "## a) Chữ\n"            // 19: other style than siblings
        "# II. NỘI DUNG\n"       // 20
        "# II. TỔ CHỨC THỰC HIỆN\n"  // 21: repeat, expected III.
        "## Không số\n";         // 22: unnumbered in a numbered type
    auto d = run_rule(make_repository({{"plans/a.md", plan(body)}}), "heading-numbering");
    std::vector<int> lines;
    for (const auto& x : d) lines.push_back(x.at.line);
    CHECK(lines == std::vector<int>{15, 17, 19, 21, 22});
    CHECK(d[0].message.vi.find("\"2.\"") != std::string::npos);
    CHECK(d[1].message.vi.find("\"3.2.\"") != std::string::npos);
    CHECK(d[3].message.vi.find("lặp lại") != std::string::npos);
    CHECK(d[3].message.vi.find("\"III.\"") != std::string::npos);
    CHECK(d[4].message.vi.find("\"1.\"") != std::string::npos);
}

TEST_CASE("heading-numbering: a document without a roman level starts at 1., letters count Vietnamese style") {
    std::string body = "# 1. MỤC ĐÍCH\n## a) Một\n## b) Hai\n## c) Ba\n## d) Bốn\n## đ) Năm\n## e) Sáu\n# 2. NỘI DUNG\n"
                       "## 2.1. Một\n# 3. TỔ CHỨC THỰC HIỆN\n";
    CHECK(run_rule(make_repository({{"plans/a.md", plan(body)}}), "heading-numbering").empty());
    // A level-2 roman numeral is not a style kế hoạch uses there.
    auto d = run_rule(make_repository({{"plans/a.md", plan("# I. MỤC ĐÍCH\n## I. Sai cấp\n")}}), "heading-numbering");
    REQUIRE(d.size() == 1);
    CHECK(d[0].message.vi.find("cấp 2") != std::string::npos);
}

namespace {

// The heading-numbering findings of a kế hoạch with the given body, as "line:severity".
std::vector<std::string> numbering_findings(const std::string& body) {
    std::vector<std::string> out;
    for (const auto& d : run_rule(make_repository({{"plans/a.md", plan(body)}}), "heading-numbering"))
        out.push_back(std::to_string(d.at.line) + (d.severity == Severity::Warning ? ":warning" : ":error"));
    return out;
}

}  // namespace

TEST_CASE("heading-numbering: one alphabet per letter sequence, decided from its letters") {
    // Body lines start at 13.
    const std::string head = "# I. MỤC ĐÍCH\n## 1. Một\n";  // 13, 14
    // "e" then "g": Vietnamese, and đ) was skipped: one finding at e), none at g).
    auto skipped = run_rule(make_repository({{"plans/a.md", plan(head + "### a) A\n### b) B\n### c) C\n### d) D\n### e) E\n### g) G\n")}}),
                            "heading-numbering");
    REQUIRE(skipped.size() == 1);
    CHECK(skipped[0].at.line == 19);
    CHECK(skipped[0].severity == Severity::Error);
    CHECK(skipped[0].message.vi.find("số mong đợi: \"đ)\"") != std::string::npos);
    CHECK(skipped[0].hint.vi.find("tiếng Việt") != std::string::npos);

    // A Latin sequence is consistent: a warning (NĐ30 counts in Vietnamese), once, where it parts from Vietnamese.
    auto latin = run_rule(make_repository({{"plans/a.md", plan(head + "### a) A\n### b) B\n### c) C\n### d) D\n### e) E\n### f) F\n"
                                                                       "## 2. Hai\n### a) A\n### b) B\n### c) C\n### d) D\n### e) E\n")}}),
                          "heading-numbering");
    REQUIRE(latin.size() == 1);
    CHECK(latin[0].severity == Severity::Warning);
    CHECK(latin[0].at.line == 19);
    CHECK(latin[0].message.vi.find("La-tinh") != std::string::npos);
    CHECK(latin[0].message.en.find("Vietnamese alphabet") != std::string::npos);

    // "a) … e)" alone says nothing; a document that writes đ) elsewhere counts in Vietnamese, so e) skipped đ).
    CHECK(numbering_findings(head + "### a) A\n### b) B\n### c) C\n### d) D\n### đ) Đ\n## 2. Hai\n### a) A\n### b) B\n### c) C\n"
                                    "### d) D\n### e) E\n") == std::vector<std::string>{"25:error"});
    // A Vietnamese sequence (đ) with a Latin f): f) is reported, g) after it is not.
    auto f = run_rule(make_repository({{"plans/a.md", plan(head + "### a) A\n### b) B\n### c) C\n### d) D\n### đ) Đ\n### e) E\n"
                                                                  "### f) F\n### g) G\n")}}),
                      "heading-numbering");
    REQUIRE(f.size() == 1);
    CHECK(f[0].at.line == 21);
    CHECK(f[0].message.vi.find("chữ \"f\" không có trong bảng chữ cái tiếng Việt") != std::string::npos);
    // Upper-case parts A., B., C., D., E. are not asked to follow the Vietnamese alphabet of the points.
    CHECK(numbering_findings("# I. MỤC ĐÍCH\n## 1. Một\n### a) A\n### b) B\n### c) C\n### d) D\n### đ) Đ\n").empty());
}

TEST_CASE("heading-numbering: after a break the author's numbering is followed, one finding per break") {
    // A missing "3." then 4., 5., 6.
    CHECK(numbering_findings("# I. MỤC ĐÍCH\n## 1. A\n## 2. B\n## 4. D\n## 5. E\n## 6. G\n") == std::vector<std::string>{"16:error"});
    // A wrong number followed by the right successors of the number it should have had.
    CHECK(numbering_findings("# I. MỤC ĐÍCH\n## 1. A\n## 2. B\n## 5. C\n## 4. D\n## 5. E\n") == std::vector<std::string>{"16:error"});
    // A heading "2." that was never written: its children "2.1." "2.2." and the next "3." make one finding.
    auto missing = run_rule(make_repository({{"plans/a.md", plan("# I. MỤC ĐÍCH\n## 1. A\n### 1.1. A1\n### 2.1. B1\n### 2.2. B2\n"
                                                                "## 3. C\n### 3.1. C1\n")}}),
                            "heading-numbering");
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].at.line == 16);
    CHECK(missing[0].message.vi.find("thiếu đề mục \"2.\"") != std::string::npos);
    // One sibling in another style: only it is reported.
    CHECK(numbering_findings("# I. MỤC ĐÍCH\n## 1. A\n## 2. B\n## a) C\n## 3. D\n") == std::vector<std::string>{"16:error"});
    // A skipped level is reported once for its siblings, and the level they really have picks the styles.
    auto skipped = run_rule(make_repository({{"plans/a.md", plan("# I. MỤC ĐÍCH\n### 1. A\n### 2. B\n# II. NỘI DUNG\n## 1. A\n")}}),
                            "heading-numbering");
    REQUIRE(skipped.size() == 1);
    CHECK(skipped[0].at.line == 14);
    CHECK(skipped[0].message.vi.find("bỏ qua cấp 2") != std::string::npos);
}

TEST_CASE("heading-numbering: numbered paragraphs, as import keeps long items, are read with the headings") {
    std::string body = "# I. MỤC ĐÍCH\n\n## 1. Một\n\n"                          // 13, 15
                       "2\\. Hai: một mục dài mà bản Word để ở dạng đoạn văn.\n\n"  // 17
                       "### a) A\n\nb) B, một đoạn văn.\n\nc) C\n\nd) D\n\n"       // 19, 21, 23, 25
                       "e) E\n\ng) G\n\n"                                          // 27: đ) skipped
                       "## 3. Ba\n\n# II. NỘI DUNG\n\n1\\. Một đoạn đánh số\n\n## 2. Hai\n";
    auto d = run_rule(make_repository({{"plans/a.md", plan(body)}}), "heading-numbering");
    REQUIRE(d.size() == 1);
    CHECK(d[0].at.line == 27);
    CHECK(d[0].message.vi.find("số mong đợi: \"đ)\"") != std::string::npos);
}

TEST_CASE("heading-numbering: appendices have outlines of their own, Arabic appendix numbers are a warning") {
    // Real appendices restart at "I."/"1.", use parts "A." "B." and unnumbered titles, and are never
    // asked to be the body's section "IV.".
    std::string body = std::string(kValidBody) +
                       "\n# PHỤ LỤC 1: KẾ HOẠCH GIÁO DỤC\n\n# A. HƯỚNG DẪN\n\n## 1. Việc một\n\n## 2. Việc hai\n\n"
                       "# B. KHUNG KẾ HOẠCH\n\n## I. Căn cứ\n\n### 1. Một\n\n### 2. Hai\n\n## II. Điều kiện\n\n# HIỆU TRƯỞNG\n\n"
                       "# PHỤ LỤC 2: KẾ HOẠCH BÀI DẠY\n\n# I. Yêu cầu\n\n# II. Đồ dùng\n\n# IV. Hoạt động\n";
    auto d = run_rule(make_repository({{"plans/a.md", plan(body)}}), "heading-numbering");
    REQUIRE(d.size() == 2);
    CHECK(d[0].at.line == 37);  // "# PHỤ LỤC 1"
    CHECK(d[0].severity == Severity::Warning);
    CHECK(d[0].message.vi.find("số La Mã") != std::string::npos);
    CHECK(d[0].hint.vi.find("# Phụ lục I: …") != std::string::npos);
    CHECK(d[1].at.line == 63);  // "# IV." after "# II." inside the second appendix
    CHECK(d[1].severity == Severity::Error);
    CHECK(d[1].message.vi.find("\"III.\"") != std::string::npos);
    CHECK(run_rule(make_repository({{"plans/a.md", plan(body)}}), "required-section").empty());

    // One appendix needs no number at all.
    std::string one = std::string(kValidBody) + "\n# PHỤ LỤC 1\n\n# I. Danh mục\n";
    CHECK(run_rule(make_repository({{"plans/a.md", plan(one)}}), "heading-numbering").empty());
}

TEST_CASE("duplicate-number: same number and type in one calendar year") {
    auto doc = [](const char* so, const char* ngay, const char* loai = "ke-hoach") {
        return std::string("---\nloai: ") + loai + "\nso: " + so + "\nngay: " + ngay + "\nnam_hoc: \"2024-2025\"\n---\n";
    };
    auto d = run_rule(make_repository({{"plans/a.md", doc("5", "2024-09-05")},
                                       {"plans/b.md", doc("5", "2024-10-05")},
                                       {"plans/c.md", doc("5", "2025-01-05")},        // new calendar year: fine
                                       {"plans/d.md", doc("5", "2024-10-06", "bao-cao")}}),  // other type: fine
                      "duplicate-number");
    REQUIRE(d.size() == 2);
    CHECK(d[0].file == "plans/a.md");
    CHECK(d[0].message.vi.find("plans/b.md") != std::string::npos);
    CHECK(d[1].file == "plans/b.md");
    CHECK(d[0].at.line == 3);
}

TEST_CASE("date-range: outside the school year is a warning, the future an error") {
    auto outside = run_rule(make_repository({{"plans/a.md", plan(kValidBody, "").replace(plan("").find("2024-09-20"), 10, "2025-08-02")}}),
                            "date-range");
    REQUIRE(outside.size() == 1);
    CHECK(outside[0].severity == Severity::Warning);
    CHECK(outside[0].at.line == 4);
    std::string future = plan(kValidBody);
    future.replace(future.find("2024-09-20"), 10, "2030-09-20");
    future.replace(future.find("2024-2025"), 9, "2030-2031");
    auto d = run_rule(make_repository({{"plans/a.md", future}}), "date-range");
    REQUIRE(d.size() == 1);
    CHECK(d[0].severity == Severity::Error);
    CHECK(d[0].message.vi.find("tương lai") != std::string::npos);
}

TEST_CASE("table-sum: totals and group subtotals, as in a real staffing table") {
    std::string body = std::string(kValidBody) +
                       "\n| Nội dung | Số lượng | Nữ | Tỉ lệ | Ghi chú |\n|---|---:|---:|---|---|\n"
                       "| 1. Cán bộ quản lý | 02 | 1 | 100% | |\n"       // line 39
                       "| - Hiệu trưởng | 01 | | | |\n"
                       "| - Phó hiệu trưởng | 01 | 1 | | |\n"
                       "| 2. Giáo viên | 21 | 12 | | |\n"                 // line 42: subjects add up to 26
                       "| - Toán | 05 | 3 | | |\n"
                       "| - Ngữ văn | 06 | 5 | | |\n"
                       "| - Các môn khác | 15 | 4 | | |\n"
                       "| 3. Nhân viên | 05 | 2 | | |\n"                 // no sub-rows: nothing to check
                       "| TỔNG SỐ | 35 | 15 | | Biên chế 31 |\n";      // line 47: groups add up to 28 / 15
    auto d = run_rule(make_repository({{"plans/a.md", plan(body)}}), "table-sum");
    REQUIRE(d.size() == 2);
    CHECK(d[0].at.line == 42);
    CHECK(d[0].message.vi.find("ghi 21") != std::string::npos);
    CHECK(d[0].message.vi.find("là 26") != std::string::npos);
    CHECK(d[1].at.line == 47);
    CHECK(d[1].message.vi.find("cột \"Số lượng\" ghi 35") != std::string::npos);
    CHECK(d[1].message.vi.find("là 28") != std::string::npos);

    std::string money = std::string(kValidBody) +
                        "\n| Khoản | Số tiền (đồng) |\n|---|---:|\n| Ngân sách | 1.250.000.000 |\n| Học phí | 64.300.000 |\n"
                        "| Cộng | 1.314.300.000 |\n";
    CHECK(run_rule(make_repository({{"plans/a.md", plan(money)}}), "table-sum").empty());
}

TEST_CASE("table-sum: bulleted rows are items like any other, blank groups stand for their sub-rows") {
    std::string bullets = std::string(kValidBody) +
                          "\n| Nội dung | Số lượng |\n|---|---:|\n"
                          "| 1. Giáo viên | 20 |\n"      // 39: its "·" and "•" rows add up to 21
                          "| · Toán | 6 |\n"
                          "| •Ngữ văn | 7 |\n"
                          "| · Các môn khác | 8 |\n"
                          "| 2. Nhân viên | 3 |\n"      // 43
                          "| + Kế toán | 1 |\n"
                          "| + Văn thư | 2 |\n"
                          "| Tổng cộng | 23 |\n";       // 46: 20 + 3
    auto d = run_rule(make_repository({{"plans/a.md", plan(bullets)}}), "table-sum");
    REQUIRE(d.size() == 1);
    CHECK(d[0].at.line == 39);
    CHECK(d[0].message.vi.find("ghi 20 nhưng tổng các dòng con (dòng 40–42) là 21") != std::string::npos);
    CHECK(d[0].message.en.find("(lines 40–42) add up to 21") != std::string::npos);

    // In a TT/STT table the number stands in its own column and the bullets break its row down.
    std::string stt = std::string(kValidBody) +
                      "\n| STT | Nội dung | Số lượng |\n|---|---|---:|\n| 1 | Giáo viên | 14 |\n| | · Nhà trẻ | 5 |\n"
                      "| | · Mẫu giáo | 8 |\n| 2 | Nhân viên | 4 |\n| | Tổng số | 18 |\n";
    auto by_tt = run_rule(make_repository({{"plans/a.md", plan(stt)}}), "table-sum");
    REQUIRE(by_tt.size() == 1);
    CHECK(by_tt[0].at.line == 39);
    CHECK(by_tt[0].message.vi.find("tổng các dòng con (dòng 40–41) là 13") != std::string::npos);

    // A scoring table: the group rows carry their maximum in the label, the points are on the criteria,
    // and an empty row sits between two criteria. It adds up.
    std::string scores = std::string(kValidBody) +
                         "\n| Tiêu chí | Điểm tối đa | Điểm tự chấm |\n|---|---:|---:|\n"
                         "| 1. Tổ chức (10 điểm) | | |\n| 1.1. Ban giám đốc | 4 | |\n| 1.2. Quy chế | 6 | |\n"
                         "| 2. Kết quả (15 điểm) | | |\n| 2.1. Lớp học | 9 | |\n| | | |\n| 2.2. Chuyên đề | 6 | |\n"
                         "| Tổng cộng | 25 | |\n";
    CHECK(run_rule(make_repository({{"plans/a.md", plan(scores)}}), "table-sum").empty());
    std::string wrong = scores;
    wrong.replace(wrong.find("| 25 |"), 6, "| 26 |");
    auto w = run_rule(make_repository({{"plans/a.md", plan(wrong)}}), "table-sum");
    REQUIRE(w.size() == 1);
    CHECK(w[0].message.vi.find("(dòng 40–41, 43, 45) là 25") != std::string::npos);
}

TEST_CASE("citation-conflict: reported once, at the later place, naming the earlier one") {
    auto with_date = [](const char* ngay, const std::string& body) {
        std::string text = plan(body + kValidBody);
        text.replace(text.find("2024-09-20"), 10, ngay);
        return text;
    };
    auto repo = make_repository({
        // The later document comes first by path: "later" follows the documents' dates.
        {"plans/a.md", with_date("2024-10-15", "Căn cứ Thông tư 09/2021/TT-BGDĐT ngày 31 tháng 3 năm 2021;\n\n")},
        {"plans/b.md", with_date("2024-09-20", "Căn cứ Thông tư số 09/2021/TT-BGDĐT ngày 30/3/2021 của Bộ;\n\n")},
        {"plans/c.md", with_date("2024-11-02", "Theo Thông tư số 09/2021/TT-BGDĐT;\n\n")},
        // A third place repeating one of the two dates is the same conflict.
        {"plans/d.md", with_date("2024-11-03", "Căn cứ Thông tư số 09/2021/TT-BGDĐT ngày 31/3/2021;\n\n")},
    });
    auto d = run_rule(repo, "citation-conflict");
    REQUIRE(d.size() == 1);
    CHECK(d[0].file == "plans/a.md");
    CHECK(d[0].at.line == 13);
    CHECK(d[0].at.column == 8);
    CHECK(d[0].message.vi.find("ngày 31/3/2021 ở đây nhưng với ngày 30/3/2021 ở plans/b.md:13") != std::string::npos);
    CHECK(d[0].message.en.find("at plans/b.md:13") != std::string::npos);

    // In one document, the later line; a third date is a second conflict.
    auto one = run_rule(make_repository({{"plans/a.md", plan("Căn cứ Thông tư số 09/2021/TT-BGDĐT ngày 30/3/2021;\n\n"
                                                             "Theo Thông tư số 09/2021/TT-BGDĐT ngày 30/3/2021;\n\n"
                                                             "Theo Thông tư số 09/2021/TT-BGDĐT ngày 31/3/2021;\n\n"
                                                             "Theo Thông tư số 09/2021/TT-BGDĐT ngày 01/4/2021;\n\n" +
                                                             std::string(kValidBody))}}),
                        "citation-conflict");
    REQUIRE(one.size() == 2);
    CHECK(one[0].at.line == 17);
    CHECK(one[1].at.line == 19);
    CHECK(one[1].message.vi.find("plans/a.md:13") != std::string::npos);
}

TEST_CASE("citation-type: a type word that disagrees with the symbol is a warning") {
    auto repo = make_repository({{"plans/a.md", plan(std::string("Thực hiện Kế hoạch số 4725/QĐ-BGDĐT ngày 30/12/2022 "
                                                                 "và hướng dẫn 1334/PGDĐT;\n\n") + kValidBody)}});
    auto d = run_rule(repo, "citation-type");
    REQUIRE(d.size() == 1);
    CHECK(d[0].severity == Severity::Warning);
    CHECK(d[0].message.vi.find("Quyết định") != std::string::npos);
}

TEST_CASE("encoding: invalid bytes, legacy encodings, BOM and mixed line endings") {
    // "Trường" typed in TCVN3 (ABC): T r \xAD \xEA n g
    auto d = run_rule(make_repository({{"plans/a.md", plan("Tr\xAD\xEAng h\xE4" "c\n")}}), "encoding");
    REQUIRE(d.size() == 1);
    CHECK(d[0].severity == Severity::Error);
    CHECK(d[0].at.line == 13);
    CHECK(d[0].at.column == 3);
    CHECK(d[0].message.vi.find("0xAD") != std::string::npos);
    CHECK(d[0].message.vi.find("TCVN3") != std::string::npos);
    // "hoàn thành" typed in VNI: ho a \xF8 n tha \xF8 nh
    auto vni = run_rule(make_repository({{"plans/a.md", plan("hoa\xF8n tha\xF8nh cho\xE2ng vie\xE4" "c\n")}}), "encoding");
    REQUIRE(vni.size() == 1);
    CHECK(vni[0].message.vi.find("VNI") != std::string::npos);

    std::string crlf = plan(kValidBody);
    crlf.replace(crlf.find("\n# II."), 1, "\r\n");
    auto mixed = run_rule(make_repository({{"plans/a.md", "\xEF\xBB\xBF" + crlf}}), "encoding");
    REQUIRE(mixed.size() == 2);
    CHECK(mixed[0].message.vi.find("BOM") != std::string::npos);
    CHECK(mixed[1].message.vi.find("CRLF") != std::string::npos);
    CHECK(mixed[1].severity == Severity::Warning);
}

TEST_CASE("unicode-nfc: decomposed text is a warning and is read as NFC") {
    std::string nfd_heading = "# I. MU\xCC\xA3" "C ĐÍCH, YÊU CẦU";
    std::string body = kValidBody;
    body.replace(0, std::string("# I. MỤC ĐÍCH, YÊU CẦU").size(), nfd_heading);
    auto repo = make_repository({{"plans/a.md", plan(body)}});
    auto d = run_rule(repo, "unicode-nfc");
    REQUIRE(d.size() == 1);
    CHECK(d[0].severity == Severity::Warning);
    CHECK(d[0].at.line == 13);
    CHECK(d[0].at.column == 7);
    // The required section is still found: the rest of vanban reads the NFC form.
    CHECK(run_rule(repo, "required-section").empty());
    CHECK(repo.documents[0].headings[0].text == "I. MỤC ĐÍCH, YÊU CẦU");
}

TEST_CASE("broken-link: relative links must reach an existing file") {
    // The repository root is tests/fixtures/clean, which has this plan.
    std::string body = std::string(kValidBody) + "\n[có](../2024-2025/ke-hoach-day-hoc.md) [không](ke-hoach-day-hoc-2.md) "
                                                 "[web](https://example.edu.vn) [mục](#muc) [ngoài](../../../../etc/passwd)\n";
    auto d = run_rule(make_repository({{"plans/2024-2025/x.md", plan(body)}}), "broken-link");
    REQUIRE(d.size() == 2);
    CHECK(d[0].message.vi.find("ke-hoach-day-hoc-2.md") != std::string::npos);
    CHECK(d[1].message.vi.find("ngoài kho") != std::string::npos);
}
