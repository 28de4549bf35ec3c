// The school's cơ quan chủ quản over time: the history in vanban.yaml, the body a header names
// for a date, and the governing-body warnings.
#include <doctest/doctest.h>

#include "model/official_parts.h"
#include "test_support.h"

using namespace vanban;

namespace {

const char* kHistory =
    "truong:\n"
    "  ten: \"Trường THCS Thử Nghiệm\"\n"
    "  viet_tat: \"THCSTN\"\n"
    "  co_quan_chu_quan:\n"
    "    - ten: \"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THỬ\"\n"
    "    - ten: \"ỦY BAN NHÂN DÂN XÃ AN HÒA\"\n"
    "      tu_ngay: 2025-07-01\n"
    "      dia_danh: \"An Hòa\"\n"
    "  dia_danh: \"Thử\"\n"
    "  cap_hoc: THCS\n";

School school_from(const std::string& yaml, std::vector<Diagnostic>& problems) {
    return load_school("vanban.yaml", YAML::Load(yaml), problems);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

// A kế hoạch of the sample school with the given date line (and number).
std::string plan_dated(const std::string& date, const std::string& year, bool numbered = true) {
    std::string text = vanban::test::plan(vanban::test::kValidBody);
    text = replaced(text, "ngay: 2024-09-20", "ngay: " + date);
    text = replaced(text, "nam_hoc: \"2024-2025\"", "nam_hoc: \"" + year + "\"");
    return numbered ? text : replaced(text, "so: 12\n", "");
}

}  // namespace

TEST_CASE("the history of governing bodies: the entry in force on a date") {
    std::vector<Diagnostic> problems;
    School school = school_from(kHistory, problems);
    CHECK(problems.empty());
    REQUIRE(school.governing_bodies.size() == 2);
    CHECK_FALSE(school.governing_bodies[0].from);
    CHECK(school.governing_bodies[0].place == "Thử");  // the school's dia_danh
    CHECK(school.governing_bodies[1].place == "An Hòa");
    CHECK(school.governing_bodies[1].line == 6);
    CHECK(school.governing_body_on({2025, 6, 30})->name == "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THỬ");
    CHECK(school.governing_body_on({2025, 7, 1})->name == "ỦY BAN NHÂN DÂN XÃ AN HÒA");
    CHECK(school.governing_body_on({2030, 1, 1})->name == "ỦY BAN NHÂN DÂN XÃ AN HÒA");
    CHECK(school.governing_body_on({1990, 1, 1})->name == "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THỬ");
    CHECK(school.header_body(std::nullopt).name == "ỦY BAN NHÂN DÂN XÃ AN HÒA");  // the present body

    // A first entry with a start date: nothing is in force before it, and the header falls back to it.
    School dated = school_from(replaced(kHistory, "HUYỆN THỬ\"\n", "HUYỆN THỬ\"\n      tu_ngay: 2020-01-01\n"), problems);
    CHECK(problems.empty());
    CHECK(dated.governing_body_on({2019, 12, 31}) == nullptr);
    CHECK(dated.header_body(Date{2019, 12, 31}).name == "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THỬ");

    // A plain string still works: one body for every date.
    School plain = school_from(replaced(kHistory, kHistory + std::string(kHistory).find("  co_quan_chu_quan:"),
                                        "  co_quan_chu_quan: \"PHÒNG GD&ĐT HUYỆN THỬ\"\n  dia_danh: \"Thử\"\n  cap_hoc: THCS\n"),
                               problems);
    CHECK(problems.empty());
    REQUIRE(plain.governing_bodies.size() == 1);
    CHECK(plain.governing_body_on({2026, 1, 1})->name == "PHÒNG GD&ĐT HUYỆN THỬ");
    CHECK(plain.governing_bodies[0].place == "Thử");
}

TEST_CASE("the history is validated: dates parse, in order, a start from the second entry on") {
    auto messages = [](const std::string& yaml) {
        std::vector<Diagnostic> problems;
        school_from(yaml, problems);
        std::string all;
        for (const auto& p : problems) all += std::to_string(p.at.line) + ": [" + p.rule + "] " + p.message.vi + "\n";
        return all;
    };
    std::string bad_date = messages(replaced(kHistory, "tu_ngay: 2025-07-01", "tu_ngay: 2025-13-01"));
    CHECK(bad_date.find("7: [governing-body] vanban.yaml: tu_ngay của \"ỦY BAN NHÂN DÂN XÃ AN HÒA\": ngày 01/13/2025 không có thật: "
                        "tháng phải từ 1 đến 12") != std::string::npos);
    std::string no_day = messages(replaced(kHistory, "tu_ngay: 2025-07-01", "tu_ngay: 2025-02-29"));
    CHECK(no_day.find("ngày 29/02/2025 không có thật: tháng 2 năm 2025 có 28 ngày") != std::string::npos);
    std::string not_date = messages(replaced(kHistory, "tu_ngay: 2025-07-01", "tu_ngay: 1/7/2025"));
    CHECK(not_date.find("ngày \"1/7/2025\" không hợp lệ; cần dạng năm-tháng-ngày (YYYY-MM-DD)") != std::string::npos);
    std::string no_start = messages(replaced(kHistory, "      tu_ngay: 2025-07-01\n", ""));
    CHECK(no_start.find("thiếu tu_ngay: từ mục thứ hai, mỗi cơ quan cần ngày bắt đầu") != std::string::npos);
    std::string out_of_order = messages(replaced(kHistory, "HUYỆN THỬ\"\n", "HUYỆN THỬ\"\n      tu_ngay: 2025-08-01\n"));
    CHECK(out_of_order.find("tu_ngay 01/7/2025 của \"ỦY BAN NHÂN DÂN XÃ AN HÒA\" không sau tu_ngay 01/8/2025 của mục trước") != std::string::npos);
    CHECK(messages(replaced(kHistory, "      dia_danh: \"An Hòa\"\n", "      dia_dan: \"An Hòa\"\n")).find("khóa không biết co_quan_chu_quan.dia_dan") !=
          std::string::npos);
    CHECK(messages(replaced(kHistory, "    - ten: \"PHÒNG", "    - tem: \"PHÒNG")).find("mục của co_quan_chu_quan thiếu ten") != std::string::npos);
    // Without truong.dia_danh every entry needs its own.
    CHECK(messages(replaced(kHistory, "  dia_danh: \"Thử\"\n", "")).find("thiếu truong.dia_danh") != std::string::npos);
}

TEST_CASE("each document's header names the body in force on its date") {
    std::vector<Diagnostic> problems;
    auto repo = vanban::test::make_repository({});
    repo.school = school_from(kHistory, problems);
    repo.documents.push_back(load_document("plans/a.md", plan_dated("2025-06-30", "2024-2025"), repo.types, repo.school));
    repo.documents.push_back(load_document("plans/b.md", plan_dated("2025-09-05", "2025-2026"), repo.types, repo.school));
    // Drafts without a date: the body in force when their school year starts.
    std::string undated = replaced(plan_dated("2025-09-05", "2024-2025", false), "ngay: 2025-09-05\n", "");
    repo.documents.push_back(load_document("plans/c.md", undated, repo.types, repo.school));
    repo.documents.push_back(load_document("plans/d.md", replaced(undated, "\"2024-2025\"", "\"2025-2026\""), repo.types, repo.school));

    OfficialParts before = official_parts(repo.documents[0], repo.school);
    CHECK(before.governing_body == "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THỬ");
    CHECK(before.place_and_date == "Thử, ngày 30 tháng 6 năm 2025");
    OfficialParts after = official_parts(repo.documents[1], repo.school);
    CHECK(after.governing_body == "ỦY BAN NHÂN DÂN XÃ AN HÒA");
    CHECK(after.place_and_date == "An Hòa, ngày 05 tháng 9 năm 2025");
    CHECK(official_parts(repo.documents[2], repo.school).governing_body == "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THỬ");
    CHECK(official_parts(repo.documents[3], repo.school).governing_body == "ỦY BAN NHÂN DÂN XÃ AN HÒA");
    CHECK(official_parts(repo.documents[3], repo.school).place_and_date.rfind("An Hòa, ngày", 0) == 0);
    CHECK(vanban::test::run_rule(repo, "governing-body").empty());
}

TEST_CASE("governing-body: a district body after 01/7/2025, or a date before the first entry, is a warning") {
    // The default test school names only its district office: fine before the reform, not after.
    auto repo = vanban::test::make_repository({
        {"plans/2024-2025/a.md", plan_dated("2025-06-30", "2024-2025")},
        {"plans/2025-2026/b.md", plan_dated("2025-07-01", "2024-2025")},
    });
    auto found = vanban::test::run_rule(repo, "governing-body");
    REQUIRE(found.size() == 1);
    CHECK(found[0].file == "plans/2025-2026/b.md");
    CHECK(found[0].severity == Severity::Warning);
    CHECK(found[0].at.line == 4);  // the ngay line
    CHECK(found[0].message.vi ==
          "phần đầu ghi cơ quan chủ quản \"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THỬ\" (vanban.yaml dòng 4) nhưng văn bản đề ngày 01/7/2025, "
          "khi Phòng GD&ĐT và UBND cấp huyện không còn (từ 01/7/2025)");
    CHECK(found[0].hint.vi.find("Ủy ban nhân dân xã/phường của trường") != std::string::npos);
    CHECK(found[0].hint.vi.find("tu_ngay: 2025-07-01") != std::string::npos);

    // Other spellings of a district body; a THPT is told about the Sở.
    for (const char* name : {"UBND HUYỆN THỬ", "Uỷ ban nhân dân quận Một", "PHÒNG GD&ĐT THỊ XÃ THỬ", "UBND THỊ XÃ THỬ"}) {
        repo.school.governing_bodies = {{name, std::nullopt, "Thử", 4}};
        repo.school.level = "THPT";
        auto again = vanban::test::run_rule(repo, "governing-body");
        CAPTURE(name);
        REQUIRE(again.size() == 1);
        CHECK(again[0].hint.vi.find("Sở Giáo dục và Đào tạo") != std::string::npos);
    }
    for (const char* name : {"ỦY BAN NHÂN DÂN XÃ AN HÒA", "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH THỬ", "UBND PHƯỜNG HUYỀN TRANG"}) {
        repo.school.governing_bodies = {{name, std::nullopt, "Thử", 4}};
        CAPTURE(name);
        CHECK(vanban::test::run_rule(repo, "governing-body").empty());
    }

    // A date before the first body took charge.
    repo.school.governing_bodies = {{"ỦY BAN NHÂN DÂN XÃ AN HÒA", Date{2025, 7, 1}, "An Hòa", 5}};
    auto early = vanban::test::run_rule(repo, "governing-body");
    REQUIRE(early.size() == 1);
    CHECK(early[0].file == "plans/2024-2025/a.md");
    CHECK(early[0].message.vi.find("ngày 30/6/2025 trước khi cơ quan chủ quản đầu tiên trong vanban.yaml (\"ỦY BAN NHÂN DÂN XÃ AN HÒA\", "
                                   "tu_ngay 01/7/2025, dòng 5) bắt đầu") == 0);
}

TEST_CASE("governing-body: another agency's header (co_quan_ban_hanh) naming a district body after 01/7/2025") {
    const std::string agency = "co_quan_ban_hanh:\n  ten: \"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\"\n  chu_quan: \"ỦY BAN NHÂN DÂN HUYỆN THỬ\"\n  dia_danh: \"Thử\"\n";
    auto repo = vanban::test::make_repository({
        {"plans/a.md", vanban::test::plan(vanban::test::kValidBody, agency)},
        {"plans/b.md", replaced(vanban::test::plan(vanban::test::kValidBody, agency), "ngay: 2024-09-20", "ngay: 2025-08-20")},
    });
    auto found = vanban::test::run_rule(repo, "governing-body");
    REQUIRE(found.size() == 1);
    CHECK(found[0].file == "plans/b.md");
    CHECK(found[0].at.line == 13);  // in the co_quan_ban_hanh block
    CHECK(found[0].message.vi.rfind("co_quan_ban_hanh ghi \"ỦY BAN NHÂN DÂN HUYỆN THỬ\" nhưng văn bản đề ngày 20/8/2025", 0) == 0);
}
