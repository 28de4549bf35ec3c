// Escaping for HTML/XML and for terminals and CI logs (text/markup).
#include <doctest/doctest.h>

#include "text/markup.h"

using namespace vanban;

TEST_CASE("escape_markup escapes the markup characters and drops the control characters XML forbids") {
    CHECK(escape_markup("a<b>&\"c\"") == "a&lt;b&gt;&amp;&quot;c&quot;");
    CHECK(escape_markup(std::string("x\x0c\x01y\x7f\tz\n", 9)) == "xy\tz\n");
    CHECK(escape_markup("Kế hoạch") == "Kế hoạch");
    CHECK(find_control_character("tab\tand\nline") == std::string::npos);
    CHECK(find_control_character(std::string("ab\x1b", 3)) == 2);
}

TEST_CASE("one_line shows line ends and control characters, so text stays on its line") {
    CHECK(one_line("a\nb\r\x0c") == "a\\nb\\r\\x0c");
    CHECK(one_line("Trường\tTHCS") == "Trường\tTHCS");
}

TEST_CASE("guard_log_lines quotes lines that would read as workflow commands and keeps vanban's colours") {
    CHECK(guard_log_lines("ok\n::error::x\n   ::warning::y\nz") == "ok\n> ::error::x\n   > ::warning::y\nz");
    CHECK(guard_log_lines("\x1b[31m- old\x1b[0m\n") == "\x1b[31m- old\x1b[0m\n");
    CHECK(guard_log_lines("a\rb\x1b]8;evil\x07") == "a\\rb\\x1b]8;evil\\x07");
}

TEST_CASE("C1, line separator and bidi controls are control characters, Vietnamese letters and marks are not") {
    const std::string csi = "\xC2\x9B", nel = "\xC2\x85", ls = "\xE2\x80\xA8", ps = "\xE2\x80\xA9", rlo = "\xE2\x80\xAE", lri = "\xE2\x81\xA6",
                      pdi = "\xE2\x81\xA9";
    for (const std::string& c : {csi, nel, ls, ps, rlo, lri, pdi, std::string("\xC2\x80"), std::string("\xE2\x80\xAA")}) {
        CHECK(find_control_character("ab" + c) == 2);
        CHECK(escape_markup("a" + c + "b") == "ab");
    }
    CHECK(one_line("a" + csi + "31m" + rlo + "b") == "a\\u009b31m\\u202eb");
    CHECK(code_point_name("x" + csi, 1) == "U+009B");
    CHECK(code_point_name("\x1b", 0) == "U+001B");
    CHECK(guard_log_lines("a" + nel + "::error::x") == "a\\u0085::error::x");
    // Neighbours that are not controls: NBSP, ©, the dagger, en dash, the bullet and the ellipsis.
    for (const char* kept : {"\xC2\xA0", "\xC2\xA9", "\xE2\x80\xA0", "\xE2\x80\x93", "\xE2\x80\xA2", "\xE2\x80\xA6", "\xE2\x81\xB0"})
        CHECK(find_control_character(kept) == std::string::npos);
}

TEST_CASE("every Vietnamese letter, precomposed or with combining marks, passes through untouched") {
    std::string letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
    letters += "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ";
    std::string combining;
    for (unsigned cp = 0x300; cp <= 0x323; ++cp) combining += "a" + std::string{static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    for (const std::string& text : {letters, combining}) {
        CHECK(find_control_character(text) == std::string::npos);
        CHECK(find_line_breaking_character(text) == std::string::npos);
        CHECK(escape_markup(text) == text);
        CHECK(one_line(text) == text);
        CHECK(escape_lines(text) == text);
        CHECK(guard_log_lines(text) == text);
    }
}

TEST_CASE("escape_lines keeps a message's own line feeds and escapes the rest of each line") {
    CHECK(escape_lines("lệnh \"\x1b]0;x\x07\"\nCác lệnh") == "lệnh \"\\x1b]0;x\\x07\"\nCác lệnh");
    CHECK(escape_lines("a\r\n") == "a\\r\n");
    CHECK(find_line_breaking_character("a\tb") == 1);
    CHECK(find_line_breaking_character("ab\n") == 2);
}
