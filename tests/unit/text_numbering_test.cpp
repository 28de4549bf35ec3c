#include <doctest/doctest.h>

#include "text/numbering.h"

using namespace vanban;

TEST_CASE("heading numbers are read as written on paper") {
    auto roman = parse_heading_number("IV. TỔ CHỨC THỰC HIỆN");
    CHECK(roman.style == NumberStyle::Roman);
    CHECK(roman.value() == 4);
    CHECK(roman.rest == "TỔ CHỨC THỰC HIỆN");

    auto arabic = parse_heading_number("2. Yêu cầu");
    CHECK(arabic.style == NumberStyle::Arabic);
    CHECK(arabic.value() == 2);

    auto multi = parse_heading_number("2.3. Chỉ tiêu");
    CHECK(multi.style == NumberStyle::MultiLevel);
    CHECK(multi.parts == std::vector<int>{2, 3});
    CHECK(parse_heading_number("1.2.3 Ba cấp").parts == std::vector<int>{1, 2, 3});

    auto letter = parse_heading_number("đ) Chữ đ");
    CHECK(letter.style == NumberStyle::Letter);
    CHECK(letter.value() == 5);
    CHECK(parse_heading_number("e) Chữ e").value() == 6);
    CHECK(parse_heading_number("f) Latin").letter == "f");

    CHECK(parse_heading_number("Điều 3. Hiệu lực").style == NumberStyle::Article);
}

TEST_CASE("text that only looks like numbering is not numbering") {
    CHECK(parse_heading_number("Mục đích").style == NumberStyle::None);
    CHECK(parse_heading_number("2024 là năm").style == NumberStyle::None);
    CHECK(parse_heading_number("IIII. sai").style == NumberStyle::None);
    CHECK(parse_heading_number("Ia. sai").style == NumberStyle::None);
    CHECK(parse_heading_number("26/26 giáo viên").style == NumberStyle::None);
}

TEST_CASE("numbers are formatted in each style") {
    CHECK(format_number(NumberStyle::Roman, {9}) == "IX.");
    CHECK(format_number(NumberStyle::Arabic, {3}) == "3.");
    CHECK(format_number(NumberStyle::MultiLevel, {2, 3}) == "2.3.");
    CHECK(format_number(NumberStyle::Letter, {5}) == "đ)");
    CHECK(letter_at(5, Alphabet::Latin) == "e");
    CHECK(to_roman(14) == "XIV");
}

TEST_CASE("letters are placed in the Vietnamese or the Latin alphabet") {
    CHECK(parse_heading_number("đ) Chữ đ").letter == "đ");
    CHECK(parse_heading_number("B. PHẦN HAI").letter == "b");
    CHECK(letter_position("đ", Alphabet::Vietnamese) == 5);
    CHECK(letter_position("e", Alphabet::Vietnamese) == 6);
    CHECK(letter_position("e", Alphabet::Latin) == 5);
    CHECK(letter_position("f", Alphabet::Vietnamese) == 0);
    CHECK(letter_position("đ", Alphabet::Latin) == 0);
    CHECK(letter_at(7, Alphabet::Vietnamese) == "g");
    CHECK(letter_at(6, Alphabet::Latin) == "f");
    using L = std::vector<std::string>;
    CHECK(alphabet_of_letters(L{"a", "b", "c", "d", "đ"}) == Alphabet::Vietnamese);
    CHECK(alphabet_of_letters(L{"a", "b", "c", "d", "e", "g"}) == Alphabet::Vietnamese);  // g right after e
    CHECK(alphabet_of_letters(L{"a", "b", "c", "d", "e", "f"}) == Alphabet::Latin);
    CHECK_FALSE(alphabet_of_letters(L{"a", "b", "c", "d", "e"}).has_value());
    CHECK(alphabet_of_letters(L{"a", "b", "c", "d", "đ", "e", "f"}) == Alphabet::Vietnamese);  // the first that tells
}
