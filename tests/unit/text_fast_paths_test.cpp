// The faster scans of text/ and load/source_reader against the implementations they replaced,
// kept here as the reference: on hand-picked tricky inputs and on many generated ones, old and
// new must agree on every byte and position.
#include <doctest/doctest.h>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "load/source_reader.h"
#include "text/citation.h"
#include "text/markup.h"
#include "text/unicode.h"
#include "unicode_reference.h"

using namespace vanban;

namespace reference {

size_t control_length(const std::string& s, size_t i) {
    unsigned char u = static_cast<unsigned char>(s[i]);
    if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7F) return 1;
    unsigned char v = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    if (u == 0xC2 && v >= 0x80 && v <= 0x9F) return 2;
    unsigned char w = i + 2 < s.size() ? static_cast<unsigned char>(s[i + 2]) : 0;
    if (u == 0xE2 && ((v == 0x80 && w >= 0xA8 && w <= 0xAE) || (v == 0x81 && w >= 0xA6 && w <= 0xA9))) return 3;
    return 0;
}

size_t find_control_character(const std::string& text) {
    for (size_t i = 0; i < text.size(); ++i)
        if (control_length(text, i)) return i;
    return std::string::npos;
}

std::string escape_markup(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (size_t len = control_length(s, i)) {
            i += len - 1;
            continue;
        }
        switch (s[i]) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += s[i];
        }
    }
    return out;
}

std::string fold_diacritics(std::string_view utf8) {
    static const std::vector<UChar32> base = [] {
        std::vector<UChar32> b(0x2000);
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2& decompose = *icu::Normalizer2::getNFDInstance(status);
        for (UChar32 c = 0; c < 0x2000; ++c) {
            if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
            icu::UnicodeString d;
            UChar32 first = decompose.getDecomposition(c, d) ? d.char32At(0) : c;
            if (first == 0x0111 || first == 0x0110) first = 'd';
            b[static_cast<size_t>(c)] = u_tolower(first);
        }
        return b;
    }();
    std::string out;
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    int32_t length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length;) {
        if (s[i] < 0x80) {
            char c = static_cast<char>(s[i++]);
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            continue;
        }
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) continue;
        if (c < 0x2000) {
            if (UChar32 b = base[static_cast<size_t>(c)]) append_utf8(out, static_cast<uint32_t>(b));
        } else if (u_getCombiningClass(c) == 0) {
            append_utf8(out, static_cast<uint32_t>(u_tolower(c)));
        }
    }
    return out;
}

std::vector<std::string_view> word_spans(std::string_view text) {
    std::vector<std::string_view> words;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    int32_t length = static_cast<int32_t>(text.size());
    int32_t i = 0, start = -1;
    while (i < length) {
        int32_t here = i;
        bool part_of_word;
        if (s[i] < 0x80) {
            part_of_word = std::isalnum(s[i]);
            ++i;
        } else {
            UChar32 c;
            U8_NEXT(s, i, length, c);
            part_of_word = c >= 0 && (u_isalnum(c) || u_getCombiningClass(c) != 0);
        }
        if (part_of_word && start < 0) start = here;
        if (!part_of_word && start >= 0) {
            words.push_back(text.substr(static_cast<size_t>(start), static_cast<size_t>(here - start)));
            start = -1;
        }
    }
    if (start >= 0) words.push_back(text.substr(static_cast<size_t>(start)));
    return words;
}

SourceText read_source(std::string raw) {
    SourceText s;
    std::string_view bytes = raw;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        s.had_bom = true;
        bytes.remove_prefix(3);
    }
    std::string text;
    int line = 1;
    if (bytes.find('\r') == std::string_view::npos) {
        text.assign(bytes);
        s.lf_lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
        if (s.lf_lines > 0) s.first_lf_line = 1;
    } else {
        for (size_t i = 0; i < bytes.size(); ++i) {
            char c = bytes[i];
            if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') {
                if (s.crlf_lines++ == 0) s.first_crlf_line = line;
                continue;
            }
            if (c == '\n') {
                if (i == 0 || bytes[i - 1] != '\r') {
                    if (s.lf_lines++ == 0) s.first_lf_line = line;
                }
                ++line;
            }
            text += c;
        }
    }
    s.valid_utf8 = !reference::find_invalid_utf8(text);
    if (!s.valid_utf8) text = repair_utf8(text);
    s.was_nfc = reference::is_nfc(text);
    s.text = s.was_nfc ? std::move(text) : to_nfc(text);
    if (!s.valid_utf8 || !s.was_nfc) s.raw = std::move(raw);
    s.line_starts.push_back(0);
    for (size_t i = 0; i < s.text.size(); ++i)
        if (s.text[i] == '\n') s.line_starts.push_back(i + 1);
    return s;
}

}  // namespace reference

namespace {

// Pieces the generated inputs are made of: Vietnamese in NFC and decomposed, every kind of
// broken sequence (lone trail, overlong, surrogate, past U+10FFFF, truncated), C0/C1 controls,
// bidi and line separators and their harmless neighbours, line ends, a BOM, markup characters.
const std::vector<std::string>& pieces() {
    static const std::vector<std::string> p = {
        "Kế hoạch", "NĂM HỌC", "Trường THCS", "đổi mới", "Đ", "ỹ", "0123456789", "Tổng cộng", "2024-2025", "x", "ABC",
        "plain ascii words that run on for a while without any accent at all ",
        // decomposed letters and lone or misordered combining marks
        "e\xCC\x81", "a\xCC\x86\xCC\x81", "o\xCC\x9B\xCC\x80", "\xCC\x81", "\xC3\xA1\xCC\xA3", "\xCD\x84",
        // white space, line ends, BOM, markup
        " ", "  ", "\t", "\n", "\r\n", "\r", "\xEF\xBB\xBF", "&", "<", ">", "\"", "'",
        // lone trails, overlong forms, surrogates, past U+10FFFF, bad leads, truncated sequences
        "\x80", "\xBF", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xED\x9F\xBF",
        "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF", "\xFE", "\xC3", "\xE1\xBA", "\xF0\x9F\x98",
        // valid four-byte characters and U+FFFD
        "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF", "\xEF\xBF\xBD",
        // C0, DEL, NUL, C1, line and paragraph separators, bidi controls and their neighbours
        "\x01", "\x1b", "\x7f", std::string(1, '\0'), "\xC2\x80", "\xC2\x85", "\xC2\x9B", "\xC2\x9F", "\xC2\xA0",
        "\xC2\xA9", "\xE2\x80\xA7", "\xE2\x80\xA8", "\xE2\x80\xAE", "\xE2\x80\xAF", "\xE2\x81\xA5", "\xE2\x81\xA6",
        "\xE2\x81\xA9", "\xE2\x81\xAA", "\xE2\x80\x93", "\xE2\x80\x9C",
        // case mappings that change length (Ⱥ, ẞ, Ɐ, İ, Kelvin), CJK, a ligature, U+A722
        "\xC8\xBA", "\xE1\xBA\x9E", "\xE2\xB1\xAF", "\xC4\xB0", "\xE2\x84\xAA", "\xE4\xB8\xAD", "\xEF\xAC\x81",
        "\xEA\x9C\xA2"};
    return p;
}

// Deterministic inputs: every piece alone, every pair, then random concatenations.
std::vector<std::string> tricky_inputs() {
    // Empty, very long lines ending in a truncated sequence or a control, and line ends alone.
    std::vector<std::string> inputs = {"", std::string(5000, 'a') + "\xC3",
                                       std::string(100000, 'x') + "\xE2\x80\xAE" + "y", std::string(3, '\n') + "\xC2"};
    for (const auto& a : pieces()) {
        inputs.push_back(a);
        for (const auto& b : pieces()) inputs.push_back(a + b);
    }
    std::mt19937 random(13);
    std::uniform_int_distribution<size_t> pick(0, pieces().size() - 1), count(1, 60);
    for (int n = 0; n < 3000; ++n) {
        std::string s;
        for (size_t k = count(random); k > 0; --k) s += pieces()[pick(random)];
        inputs.push_back(s);
    }
    return inputs;
}

}  // namespace

TEST_CASE("find_invalid_utf8 points at the same byte as ICU's decoder on broken and valid text") {
    for (const auto& s : tricky_inputs()) {
        auto fast = find_invalid_utf8(s);
        auto old = reference::find_invalid_utf8(s);
        REQUIRE(fast.has_value() == old.has_value());
        if (fast) {
            CHECK(fast->offset == old->offset);
            CHECK(fast->byte == old->byte);
        }
    }
    CHECK(find_invalid_utf8("\xE0\x80\xAF")->offset == 0);      // overlong
    CHECK(find_invalid_utf8("ab\xED\xA0\x80")->offset == 2);    // a surrogate
    CHECK(find_invalid_utf8("Kế\xF4\x90\x80\x80")->offset == 4); // past U+10FFFF
    CHECK(!find_invalid_utf8("Kế hoạch \xF0\x9F\x98\x80"));
}

TEST_CASE("is_nfc agrees with ICU on precomposed, decomposed and broken text") {
    for (const auto& s : tricky_inputs()) CHECK(is_nfc(s) == reference::is_nfc(s));
    CHECK(is_nfc("Kế hoạch"));
    CHECK_FALSE(is_nfc("Ke\xCC\x82\xCC\x81 hoa\xCC\xA3\x63h"));
}

TEST_CASE("scan_utf8 finds what find_invalid_utf8 and ICU's NFC check find, in one pass") {
    for (const auto& s : tricky_inputs()) {
        Utf8Scan scan = scan_utf8(s);
        auto old = reference::find_invalid_utf8(s);
        REQUIRE(scan.invalid.has_value() == old.has_value());
        if (old) CHECK(scan.invalid->offset == old->offset);
        else CHECK(scan.nfc == reference::is_nfc(s));
    }
    // scan_utf8 takes every two-byte sequence below CC 80 as NFC without looking it up.
    for (UChar32 c = 0x80; c < 0x300; ++c) {
        CHECK(u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES);
        CHECK(u_getCombiningClass(c) == 0);
    }
}

TEST_CASE("find_control_character and escape_markup agree with the byte-by-byte scan") {
    for (const auto& s : tricky_inputs()) {
        CHECK(find_control_character(s) == reference::find_control_character(s));
        CHECK(escape_markup(s) == reference::escape_markup(s));
    }
}

TEST_CASE("fold_diacritics and word_spans agree with the string-appending versions") {
    for (const auto& s : tricky_inputs()) {
        CHECK(fold_diacritics(s) == reference::fold_diacritics(s));
        CHECK(word_spans(s) == reference::word_spans(s));
    }
    // Lower case may be longer than the letter: Ⱥ (two bytes) folds to ⱥ (three).
    CHECK(fold_diacritics(std::string(500, 'x') + "\xC8\xBA\xC8\xBA") ==
          std::string(500, 'x') + "\xE2\xB1\xA5\xE2\xB1\xA5");
    CHECK(fold_diacritics("Chuyển ĐỔI số") == "chuyen doi so");
}

// The search index's words as they were made before: both texts folded, joined, split, each word once.
std::string reference_unique_words(const std::string& a, const std::string& b) {
    std::string folded = fold_diacritics(a) + " " + fold_diacritics(b), out;
    std::vector<std::string_view> seen;
    for (std::string_view w : word_spans(folded)) {
        if (std::find(seen.begin(), seen.end(), w) != seen.end()) continue;
        seen.push_back(w);
        out += (out.empty() ? "" : " ") + std::string(w);
    }
    return out;
}

TEST_CASE("unique_folded_words gives the words of folding, splitting and dropping repeats in turn") {
    const auto& inputs = tricky_inputs();
    for (size_t k = 0; k < inputs.size(); ++k) {
        const std::string& a = inputs[k];
        const std::string& b = inputs[(k * 7 + 3) % inputs.size()];
        CHECK(unique_folded_words({a, b}) == reference_unique_words(a, b));
    }
    CHECK(unique_folded_words({"Kế hoạch", "kế HOẠCH năm học; ke hoach nam 2024"}) == "ke hoach nam hoc 2024");
    CHECK(unique_folded_words({"", ""}).empty());
    // Over a thousand distinct words: the set grows.
    std::string many;
    for (int i = 0; i < 3000; ++i) many += "w" + std::to_string(i) + " w" + std::to_string(i / 2) + " ";
    std::string expected;
    for (int i = 0; i < 3000; ++i) expected += (i ? " w" : "w") + std::to_string(i);
    CHECK(unique_folded_words({"", many}) == expected);
    // Long texts, through the 64-byte blocks: stretches across block edges, repeated with other
    // neighbours, in both texts, with marks, letters beyond Latin, punctuation and broken bytes.
    const std::vector<std::string> pieces = {"kế", "hoạch", "KẾ", "Hoạch", "năm", "học", "2024", "x", "ke", "hoach", " ", "  ", "\n",
                                             "-", "|", "*", ",", ".", "(", ")", "e\xCC\x81", "\xCC\x81", "Đ", "đ", "Ω", "ω", "–",
                                             "\xE2\x80\x9C", "\xC2\xA0", "\xFF", "\xE1\xBA", "a\xF0\x9F\x98\x80" "b", "ǅ", "Ⅻ",
                                             std::string(70, 'a'), std::string(63, 'b') + "ạ", "İ", "ß", "ﬁ", "\x7F", "9"};
    std::mt19937 random(20261202);
    for (int round = 0; round < 3000; ++round) {
        std::string a, b;
        for (int n = static_cast<int>(random() % 8); n > 0; --n) a += pieces[random() % pieces.size()];
        for (int n = static_cast<int>(random() % 120); n > 0; --n) b += pieces[random() % pieces.size()];
        INFO(round);
        CHECK(unique_folded_words({a, b}) == reference_unique_words(a, b));
    }
    std::string long_words;
    for (int n = 1; n <= 40; ++n)
        for (char last : {'x', 'y'}) long_words += std::string(static_cast<size_t>(n), 'a') + last + " Ạ" + std::string(static_cast<size_t>(n), 'A') + last + " ";
    CHECK(unique_folded_words({long_words, long_words}) == reference_unique_words(long_words, long_words));
}

TEST_CASE("read_source gives the same text, flags and line starts as before") {
    for (const auto& s : tricky_inputs()) {
        SourceText fast = read_source(s), old = reference::read_source(s);
        CHECK(fast.text == old.text);
        CHECK(fast.raw == old.raw);
        CHECK(fast.had_bom == old.had_bom);
        CHECK(fast.valid_utf8 == old.valid_utf8);
        CHECK(fast.was_nfc == old.was_nfc);
        CHECK(fast.crlf_lines == old.crlf_lines);
        CHECK(fast.lf_lines == old.lf_lines);
        CHECK(fast.first_crlf_line == old.first_crlf_line);
        CHECK(fast.first_lf_line == old.first_lf_line);
        CHECK(fast.line_starts == old.line_starts);
        CHECK(fast.first_control == find_control_character(fast.text));
    }
}

TEST_CASE("only T, t, C and c lower-case to a text starting with t or c, as the table-sum rule assumes") {
    // check/table_rules.cpp skips lower-casing a cell unless it starts with one of these four.
    std::vector<uint32_t> found;
    for (uint32_t c = 1; c <= 0x10FFFF; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        std::string letter;
        append_utf8(letter, c);
        std::string lower = to_lower(letter + "x");
        if (lower[0] == 't' || lower[0] == 'c') found.push_back(c);
    }
    CHECK(found == std::vector<uint32_t>{'C', 'T', 'c', 't'});
}

TEST_CASE("a citation's type word is found in any case, with ICU asked only when the last letters can match") {
    CitationScanner scanner({{"Thông tư", "TT", false}, {"Kế hoạch", "KH", false}, {"Quy định", "QyĐ", false},
                             {"Luật", "QH", true}, {"Kelvin", "KV", false}});
    struct Case {
        const char* text;
        const char* type_word;  // "" when no type word is recognised
    };
    const Case cases[] = {
        {"theo Thông tư số 09/2021/TT-BGDĐT", "Thông tư"}, {"theo thông tư số 09/2021/TT-BGDĐT", "thông tư"},
        {"theo THÔNG TƯ số 09/2021/TT-BGDĐT", "THÔNG TƯ"},  {"theo KẾ HOẠCH số 12/KH-THCS", "KẾ HOẠCH"},
        {"theo kế hoạcH số 12/KH-THCS", "kế hoạcH"},        {"theo Kế hoạcx số 12/KH-THCS", ""},
        {"theo QUY ĐỊNH số 3/QyĐ-THCS", "QUY ĐỊNH"},        {"theo LUẬT số 43/2019/QH14", "LUẬT"},
        // The Kelvin sign lower-cases to k, but the word is compared over its own byte length.
        {"theo \xE2\x84\xAA" "elvin số 2/KV-ABC", ""},
        {"theo kelviN số 2/KV-ABC", "kelviN"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        auto found = scanner.scan(c.text);
        REQUIRE(found.size() == 1);
        CHECK(found[0].type_word == std::string(c.type_word));
    }
}
