#include <doctest/doctest.h>

#include "text/dates.h"
#include "text/unicode.h"

using namespace vanban;

TEST_CASE("diacritics fold away for search") {
    CHECK(fold_diacritics("Chuyển đổi số") == "chuyen doi so");
    CHECK(fold_diacritics("ĐỘC LẬP") == "doc lap");
    // Decomposed input folds the same as precomposed.
    CHECK(fold_diacritics("Chuy\xC3\xAA\xCC\x89n") == "chuyen");
}

TEST_CASE("wording keys ignore case, digits and punctuation") {
    CHECK(wording_key("MỤC ĐÍCH, YÊU CẦU") == wording_key("Mục đích yêu cầu"));
    CHECK(wording_key("1. Tổ chức thực hiện:") == "tổ chức thực hiện");
    // NFD and NFC give the same key.
    CHECK(wording_key("Mu\xCC\xA3" "c đích") == wording_key("Mục đích"));
}

TEST_CASE("NFC detection and conversion") {
    std::string nfd = "Vi\xC3\xAA\xCC\xA3t";  // ê + combining dot below
    CHECK_FALSE(is_nfc(nfd));
    CHECK(to_nfc(nfd) == "Việt");
    CHECK(is_nfc("Việt Nam"));
}

TEST_CASE("invalid UTF-8 is located") {
    auto bad = find_invalid_utf8("ab\xB8" "c");
    REQUIRE(bad);
    CHECK(bad->offset == 2);
    CHECK(bad->byte == 0xB8);
    CHECK_FALSE(find_invalid_utf8("Trường"));
    CHECK(repair_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
}

TEST_CASE("Vietnamese collation orders đ after d") {
    std::vector<std::string> v = {"Đông", "Dương", "An", "Ân"};
    sort_vietnamese(v);
    CHECK(v == std::vector<std::string>{"An", "Ân", "Dương", "Đông"});
}

TEST_CASE("dates as the decree writes them") {
    CHECK(official_date_vi({2024, 9, 5}) == "ngày 05 tháng 9 năm 2024");
    CHECK(official_date_vi({2025, 2, 15}) == "ngày 15 tháng 02 năm 2025");
    CHECK(official_date_vi({2025, 1, 3}) == "ngày 03 tháng 01 năm 2025");
    CHECK_FALSE(parse_iso_date("2024-02-30"));
    CHECK(parse_iso_date("2024-02-29"));
    auto year = parse_school_year("2023 – 2024");
    REQUIRE(year);
    CHECK(year->contains({2023, 8, 1}));
    CHECK(year->contains({2024, 7, 31}));
    CHECK_FALSE(year->contains({2024, 8, 1}));
    CHECK_FALSE(parse_school_year("2023-2025"));
}

TEST_CASE("shown_prefix cuts between characters, shows control characters as spaces and repairs bad bytes") {
    CHECK(shown_prefix("ngày", 10) == "ngày");
    CHECK(shown_prefix("ngày", 3) == "ng…");  // "à" takes bytes 3-4: not cut in two
    CHECK(shown_prefix("a\tb\n", 10) == "a b ");
    CHECK_FALSE(find_invalid_utf8(shown_prefix(std::string("x\xff", 2), 10)));
    // A message quoting 40 bytes of a Vietnamese date stays valid UTF-8.
    std::string date = "x";
    for (int i = 0; i < 30; ++i) date += "đ";  // byte 40 falls inside a "đ"
    auto problem = date_problem(date);
    REQUIRE(problem);
    CHECK_FALSE(find_invalid_utf8(problem->vi));
}
