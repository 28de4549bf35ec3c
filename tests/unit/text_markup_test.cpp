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
