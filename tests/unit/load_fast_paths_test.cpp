// The faster paths of reading and checking a document against the implementations they
// replaced, kept here as the reference: exhaustive over the short inputs where the tricks can
// go wrong (a special byte at every place of an eight-byte word) and randomized over longer ones.
#include <doctest/doctest.h>

#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "check/checks.h"
#include "text/markup.h"
#include "text/unicode.h"

using namespace vanban;

namespace {

namespace reference {

// scan_utf8 before it looked for control characters: ICU's decoder and normaliser, and
// find_control_character as a second pass.
std::optional<Utf8Error> find_invalid_utf8(std::string_view bytes) {
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    int32_t length = static_cast<int32_t>(bytes.size());
    for (int32_t i = 0; i < length;) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) return Utf8Error{static_cast<size_t>(start), s[start]};
    }
    return std::nullopt;
}

bool is_nfc(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2& nfc = *icu::Normalizer2::getNFCInstance(status);
    bool normalized = nfc.isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), status);
    return U_SUCCESS(status) && normalized;
}

// is_total_label before it looked at the letter after the T or C.
bool is_total_label(const std::string& label) {
    if (label.empty() || std::strchr("TtCc", label[0]) == nullptr) return false;
    std::string lower = to_lower(label);
    size_t paren = lower.find(" (");
    if (paren != std::string::npos) lower.resize(paren);
    while (!lower.empty() && (lower.back() == ':' || lower.back() == ' ')) lower.pop_back();
    for (const char* total : {"tổng", "tổng số", "tổng cộng", "cộng", "tổng chung", "cộng chung"})
        if (lower == total) return true;
    return false;
}

}  // namespace reference

void check_scan(const std::string& s) {
    Utf8Scan scan = scan_utf8(s);
    auto old = reference::find_invalid_utf8(s);
    REQUIRE(scan.invalid.has_value() == old.has_value());
    if (old) {
        CHECK(scan.invalid->offset == old->offset);
        CHECK(scan.invalid->byte == old->byte);
        return;
    }
    CHECK(scan.nfc == reference::is_nfc(s));
    CHECK(scan.first_control == find_control_character(s));
}

// Bytes and sequences around the edges of what scan_utf8 tells apart.
const std::vector<std::string>& pieces() {
    static const std::vector<std::string> p = {
        "a", "Kế hoạch", "ĐẠI", "ư", "\xC3\xA1", " ", "\t", "\n", "\r", "~", std::string(1, '\0'), "\x1f", "\x7f",
        "\x80", "\xC1\xBF", "\xC2\x80", "\xC2\x9F", "\xC2\xA0", "\xCB\xBF", "\xCC\x80", "\xCC\x81", "\xCD\xB4",
        "\xDF\xBF", "\xE0\x9F\xBF", "\xE0\xA0\x80", "\xE2\x80\xA7", "\xE2\x80\xA8", "\xE2\x80\xAE", "\xE2\x80\xAF",
        "\xE2\x81\xA5", "\xE2\x81\xA6", "\xE2\x81\xA9", "\xE2\x81\xAA", "\xE2\x80\x93", "\xED\x9F\xBF", "\xED\xA0\x80",
        "\xEF\xBF\xBD", "\xE3\x80\x80", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",
        "\xFF", "\xC3", "\xE1\xBA", "\xF0\x9F\x98", "e\xCC\x81"};
    return p;
}

}  // namespace

TEST_CASE("scan_utf8 agrees with ICU and find_control_character with one odd byte anywhere in a word") {
    // Every byte value at every place of texts of 1 to 20 bytes of ASCII, accented letters or both.
    for (const std::string fill : {"a", "ế", "aế"}) {
        for (size_t length = 1; length <= 20; ++length) {
            std::string base;
            while (base.size() < length) base += fill;
            for (size_t at = 0; at < base.size(); ++at)
                for (int b = 0; b < 256; ++b) {
                    std::string s = base;
                    s[at] = static_cast<char>(b);
                    check_scan(s);
                    check_scan(s.substr(0, at + 1));
                }
        }
    }
}

TEST_CASE("scan_utf8 agrees with ICU and find_control_character on every pair of sequences at every offset") {
    for (size_t pad = 0; pad < 9; ++pad)
        for (const auto& a : pieces())
            for (const auto& b : pieces()) check_scan(std::string(pad, 'x') + a + b + std::string(pad % 3, 'y'));
}

TEST_CASE("scan_utf8 agrees with ICU and find_control_character on random texts") {
    // Mostly of valid pieces: a text with a broken one is only scanned up to it.
    std::vector<std::string> valid;
    for (const auto& p : pieces())
        if (!reference::find_invalid_utf8(p)) valid.push_back(p);
    std::mt19937 random(2026);
    std::uniform_int_distribution<size_t> pick(0, pieces().size() - 1), pick_valid(0, valid.size() - 1), count(1, 80);
    for (int n = 0; n < 20000; ++n) {
        std::string s;
        for (size_t k = count(random); k > 0; --k) s += n % 4 == 0 ? pieces()[pick(random)] : valid[pick_valid(random)];
        check_scan(s);
    }
}

TEST_CASE("is_total_label agrees with lower-casing the whole label, whatever character follows the T or C") {
    // Every character of the BMP and the next plane in the second place, upper and lower case,
    // in the words that make a total and in others.
    for (UChar32 c = 0; c < 0x20000; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        std::string ch;
        append_utf8(ch, static_cast<uint32_t>(c));
        for (const char* first : {"T", "c"})
            for (const char* rest : {"ng", "ng cộng (người):"}) {
                std::string label = first + ch + rest;
                CHECK(is_total_label(label) == reference::is_total_label(label));
            }
    }
    for (const std::string& label : std::vector<std::string>{"Tổng", "TỔNG SỐ:", "Tổng cộng (người)", "CỘNG", "cộng chung ", "Tổng phụ trách Đội",
                                    "Cộng tác viên", "Tổ", "T", "", std::string("\0\xE1\xBB\x95ng", 6), "To\xCC\x82\xCC\x89ng"})
        CHECK(is_total_label(label) == reference::is_total_label(label));
    CHECK(is_total_label("TỔNG CỘNG:"));
    CHECK_FALSE(is_total_label("Tháng 9"));
}

TEST_CASE("lower case begins with an ASCII byte only for ASCII, the Kelvin sign and İ (the citation scanner relies on it)") {
    for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        std::string ch;
        append_utf8(ch, static_cast<uint32_t>(c));
        auto lower = static_cast<unsigned char>(to_lower(ch + "x")[0]);
        auto first = static_cast<unsigned char>(ch[0]);
        if (c < 0x80) CHECK(lower == (first >= 'A' && first <= 'Z' ? first - 'A' + 'a' : first));
        else if (lower < 0x80) CHECK((first == 0xE2 || first == 0xC4));
    }
    // A candidate cut out of the text may start inside a character.
    for (int b = 0x80; b < 0x100; ++b) CHECK(static_cast<unsigned char>(to_lower(std::string(1, static_cast<char>(b)) + "x")[0]) >= 0x80);
}
