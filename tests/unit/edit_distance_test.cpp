// text/unicode.h: the slips of the keyboard between two words, counted in characters, and the
// nearest name they suggest.
#include <doctest/doctest.h>

#include "text/unicode.h"

using namespace vanban;

TEST_CASE("edit distance: a swap of two neighbours is one slip, and characters are code points") {
    CHECK(edit_distance("port", "port") == 0);
    CHECK(edit_distance("prot", "port") == 1);
    CHECK(edit_distance("prot", "root") == 2);
    CHECK(edit_distance("biuld", "build") == 1);
    CHECK(edit_distance("chek", "check") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("Mục đích", "Mục đich") == 1);  // one letter with its mark, not two bytes
    CHECK(edit_distance("ưu", "uư") == 1);
}

TEST_CASE("nearest: one slip in a short name, two in a longer one, nothing when nothing was mistyped") {
    std::vector<std::string> options{"--port", "--root", "--out"};
    CHECK(nearest("--prot", options) == "--port");
    CHECK(nearest("prot", {"port", "root"}) == "port");
    CHECK(nearest("xyz", {"port"}).empty());
    CHECK(nearest("--root", options).empty());
    CHECK(nearest("đỏ", {"đó", "xanh"}) == "đó");  // two characters: one slip allowed, counted in characters
}
