#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <random>

#include "site/json_string.h"

using namespace vanban;

namespace {

std::string nlohmann_dump(const std::string& text) {
    return nlohmann::ordered_json(text).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string ours(const std::string& text) {
    std::string out = "x";  // appended to what is there, which stays
    append_json_string(text, out);
    return out.rfind('x', 0) == 0 ? out.substr(1) : "(the text before was lost)";
}

}  // namespace

TEST_CASE("a JSON string is written as nlohmann dumps it") {
    for (const std::string& text : std::vector<std::string>{
             "", "a", "Kế hoạch \"năm\" 2024/2025", "a\\b", "tab\there\nnew\r\f\b", std::string("nul\0x", 5),
             "\x01\x1f\x7f", "ĐẶNG Thị Ánh — 05/9/2024 · 𝔸 😀", "ủy ban nhân dân", "</script>"})
        CHECK(ours(text) == nlohmann_dump(text));
    CHECK(ours("\x1f/\x7f") == "\"\\u001f/\x7f\"");
    CHECK(ours("a\xff") == "\"a\xEF\xBF\xBD\"");
}

TEST_CASE("invalid UTF-8 in a JSON string is replaced as nlohmann replaces it") {
    // Truncated, overlong, surrogate, above U+10FFFF, stray continuation bytes, in the middle and at the end.
    for (const std::string& text : std::vector<std::string>{
             "\x80", "a\xc3", "\xc3(", "\xc0\x80", "\xe0\x80\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf5\x80",
             "\xe1\x80", "\xe1\x80x\"", "\xf0\x9f\x98", "\xf0\x9f\x98\x80\xf0\x9f", "ấ\xbf\\ấ\n"})
        CHECK(ours(text) == nlohmann_dump(text));
    // Every string of up to four bytes from an alphabet of edges: ASCII, escapes, each lead byte's limits.
    const std::vector<char> bytes{'a',    '"',    '\\',   '\n',   '\x01', '\x7f', '\x80', '\x8f',
                                  '\x90', '\x9f', '\xa0', '\xbf', '\xc0', '\xc1', '\xc2', '\xdf',
                                  '\xe0', '\xe1', '\xed', '\xef', '\xf0', '\xf4', '\xf5', '\xff'};
    size_t mismatches = 0;
    std::string text;
    auto all = [&](auto&& self, size_t length) -> void {
        if (ours(text) != nlohmann_dump(text)) ++mismatches;
        if (length == 4) return;
        for (char b : bytes) {
            text.push_back(b);
            self(self, length + 1);
            text.pop_back();
        }
    };
    all(all, 0);
    CHECK(mismatches == 0);
    // Every two bytes, and random longer strings.
    for (int a = 0; a < 256; ++a)
        for (int b = 0; b < 256; ++b) {
            std::string two{static_cast<char>(a), static_cast<char>(b)};
            if (ours(two) != nlohmann_dump(two)) ++mismatches;
        }
    std::mt19937 random(13);
    for (int k = 0; k < 20000; ++k) {
        std::string s(random() % 12, ' ');
        for (char& c : s) c = bytes[random() % bytes.size()];
        if (ours(s) != nlohmann_dump(s)) ++mismatches;
    }
    CHECK(mismatches == 0);
}

TEST_CASE("a JSON string passed over eight bytes at a time still sees every byte that needs a look") {
    // Each byte that needs a look (or starts UTF-8), at every place of a long plain ASCII text.
    const std::string plain = "truong thcs binh minh ke hoach nam hoc 2024 2025 ";
    for (char special : {'"', '\\', '\n', '\x01', '\x1f', '\x7f', ' ', '~', '\xc3', '\xff'})
        for (size_t at = 0; at < 24; ++at) {
            std::string text = plain;
            text.insert(at, 1, special);
            if (special == '\xc3') text.insert(at + 1, 1, '\xa1');  // "á"
            INFO(at, " ", static_cast<int>(static_cast<unsigned char>(special)));
            CHECK(ours(text) == nlohmann_dump(text));
            CHECK(ours(text.substr(0, at + 1)) == nlohmann_dump(text.substr(0, at + 1)));
        }
}
