#include <doctest/doctest.h>

#include "model/official_parts.h"
#include "test_support.h"

using namespace vanban;

TEST_CASE("the generated parts of the paper document") {
    auto repo = vanban::test::make_repository({
        {"plans/a.md", vanban::test::plan("")},
        {"plans/b.md", "---\nloai: cong-van\nngay: 2025-01-05\ntrich_yeu: \"triển khai học liệu số\"\n"
                       "kinh_gui: [\"Các tổ chuyên môn;\", \"Giáo viên chủ nhiệm\"]\n---\n"},
    });
    OfficialParts plan = official_parts(repo.documents[0], repo.school);
    CHECK(plan.governing_body == "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THỬ");
    CHECK(plan.issuer == "TRƯỜNG THCS THỬ NGHIỆM");
    CHECK(plan.number_line == "Số: 12/KH-THCSTN");
    CHECK(plan.place_and_date == "Thử, ngày 20 tháng 9 năm 2024");
    CHECK(plan.type_name == "KẾ HOẠCH");
    CHECK_FALSE(plan.draft);

    OfficialParts letter = official_parts(repo.documents[1], repo.school);
    CHECK(letter.letter);
    CHECK(letter.type_name.empty());
    CHECK(letter.subject == "V/v triển khai học liệu số");
    CHECK(letter.addressees == std::vector<std::string>{"- Các tổ chuyên môn;", "- Giáo viên chủ nhiệm."});
    // A draft: no number and no day or month yet, room left to write them by hand.
    CHECK(letter.draft);
    CHECK(letter.number_line == "Số: \u00A0\u00A0\u00A0\u00A0\u00A0\u00A0/THCSTN");
    CHECK(letter.place_and_date == "Thử, ngày\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0tháng\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0năm 2025");
}
