#include "text/citation.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>

#include "text/numbering.h"
#include "text/unicode.h"

namespace vanban {

CitationScanner::CitationScanner(std::vector<CitationTypeWord> words) : words_(std::move(words)) {
    // Longest words first so "Thông tư liên tịch" wins over "Thông tư".
    std::stable_sort(words_.begin(), words_.end(),
                     [](const auto& a, const auto& b) { return a.word.size() > b.word.size(); });
    for (const auto& w : words_) lowered_words_.push_back(to_lower(w.word));
}

bool CitationScanner::is_type_code(std::string_view code) const {
    // "QH13" in "88/2014/QH13" names the issuer (Quốc hội), not a type, so prefix codes never count here.
    for (const auto& w : words_)
        if (!w.code.empty() && !w.code_is_prefix && w.code == code) return true;
    return false;
}

static bool is_digit_char(char c) { return c >= '0' && c <= '9'; }

std::string Citation::reference() const { return number + separator + symbol; }

std::string Citation::key() const {
    size_t i = 0;
    while (i + 1 < number.size() && number[i] == '0') ++i;
    std::string k = number.substr(i) + separator;
    std::string upper = to_upper(symbol);
    for (char c : upper)
        if (c != '&' && c != '.' && c != ' ') k += c;
    // Only legal documents carry their year in the symbol; the numbers of plans, decisions and
    // letters restart every year, so "05/KH-THCSBM" of 2023 and of 2024 are two documents.
    bool has_year = symbol.size() > 5 && std::all_of(symbol.begin(), symbol.begin() + 4, is_digit_char) && symbol[4] == '/';
    if (!has_year && date) k += "@" + std::to_string(date->year);
    return k;
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

// A symbol segment character: letters (including Vietnamese, i.e. any non-ASCII byte),
// digits, '&' and '.' ("THPT.ANT", "PGD&ĐT").
bool is_segment_byte(char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u) || c == '&';
}

bool starts_upper(std::string_view s) {
    if (s.empty()) return false;
    if (is_ascii_upper(s[0])) return true;
    return s.rfind("Đ", 0) == 0;
}

// Whether any of the sixteen bytes at `s` is an ASCII digit, in a few vector instructions
// (GCC's vector extension: SSE2 on x86-64, NEON on ARM).
bool has_digit16(const char* s) {
    typedef uint8_t Bytes16 __attribute__((vector_size(16)));
    Bytes16 v;
    std::memcpy(&v, s, 16);
    Bytes16 digit = (v - static_cast<uint8_t>('0')) < static_cast<uint8_t>(10);  // 0xFF where a digit
    uint64_t halves[2];
    std::memcpy(halves, &digit, 16);
    return (halves[0] | halves[1]) != 0;
}

// The high bit of each of the eight bytes at `s` that is an ASCII digit; each byte is tested on
// its own (no borrow or carry reaches the next).
uint64_t digit_bytes(const char* s) {
    constexpr uint64_t ones = 0x0101010101010101ull, low7 = 0x7F * ones, high = 0x80 * ones;
    uint64_t x;
    std::memcpy(&x, s, 8);
    return ((0x7F + 0x3A) * ones - (x & low7)) & ~x & ((x & low7) + (0x7F - 0x2F) * ones) & high;
}

// The offset of the first byte marked in a non-zero digit_bytes() word.
size_t first_marked_byte(uint64_t marks) {
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return static_cast<size_t>(__builtin_clzll(marks)) / 8;
#else
    return static_cast<size_t>(__builtin_ctzll(marks)) / 8;
#endif
}

// Reads one segment at `i`; the trailing '.' of a sentence is not part of it.
std::string_view read_segment(std::string_view t, size_t& i) {
    size_t start = i;
    while (i < t.size() && (is_segment_byte(t[i]) || (t[i] == '.' && i + 1 < t.size() && is_segment_byte(t[i + 1]) &&
                                                      t[i + 1] != ' ')))
        ++i;
    // Non-ASCII bytes that are punctuation (” “ …) end the segment.
    std::string_view seg = t.substr(start, i - start);
    size_t cut = seg.size();
    for (const char* stop : {"\xE2\x80", "\xC2\xA0"}) {
        size_t p = seg.find(stop);
        if (p != std::string_view::npos && p < cut) cut = p;
    }
    i = start + cut;
    return seg.substr(0, cut);
}

size_t skip_blanks(std::string_view t, size_t i) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\t')) ++i;
    return i;
}

bool read_int(std::string_view t, size_t& i, int max_digits, int& value) {
    size_t start = i;
    while (i < t.size() && is_digit(t[i]) && i - start < static_cast<size_t>(max_digits)) ++i;
    if (i == start || (i < t.size() && is_digit(t[i]))) return false;
    value = digits_value(t.substr(start, i - start));
    return true;
}

bool consume(std::string_view t, size_t& i, std::string_view word) {
    if (t.substr(i, word.size()) != word) return false;
    i += word.size();
    return true;
}

// "ngày 30/3/2021", "ngày 30 tháng 3 năm 2021" right after the symbol (a comma may stand between).
std::optional<Date> read_date(std::string_view t, size_t& i) {
    size_t j = skip_blanks(t, i);
    // "1334/PGDĐT, ngày 11 tháng 9 năm 2023 của Phòng...": after a comma the date only belongs to
    // the citation when the issuer follows; otherwise it is the date of something else.
    bool after_comma = j < t.size() && t[j] == ',';
    if (after_comma) j = skip_blanks(t, j + 1);
    if (!consume(t, j, "ngày")) return std::nullopt;
    j = skip_blanks(t, j);
    int d = 0, m = 0, y = 0;
    if (!read_int(t, j, 2, d)) return std::nullopt;
    if (j < t.size() && t[j] == '/') {
        ++j;
        if (!read_int(t, j, 2, m) || j >= t.size() || t[j] != '/') return std::nullopt;
        ++j;
        if (!read_int(t, j, 4, y)) return std::nullopt;
    } else {
        j = skip_blanks(t, j);
        if (!consume(t, j, "tháng")) return std::nullopt;
        j = skip_blanks(t, j);
        if (!read_int(t, j, 2, m)) return std::nullopt;
        j = skip_blanks(t, j);
        if (!consume(t, j, "năm")) return std::nullopt;
        j = skip_blanks(t, j);
        if (!read_int(t, j, 4, y)) return std::nullopt;
    }
    if (!is_valid_date(y, m, d)) return std::nullopt;
    if (after_comma) {
        size_t k = skip_blanks(t, j);
        if (t.substr(k, std::strlen("của")) != "của") return std::nullopt;
    }
    i = j;
    return Date{y, m, d};
}

// Case-insensitive comparison of a type word with the text ending at `end`.
bool ends_with_word(std::string_view t, size_t end, const std::string& word, const std::string& lowered, size_t& start) {
    // Only the first letter changes case in practice ("hướng dẫn", "Hướng dẫn", "HƯỚNG DẪN" is rare).
    if (end < word.size()) return false;
    std::string_view candidate = t.substr(end - word.size(), word.size());
    bool match = candidate == word;
    if (!match && !candidate.empty()) {
        // Lower-casing maps each character on its own, and an ASCII one to ASCII: a candidate
        // ending in an ASCII byte whose lower case is not the lowered word's last byte cannot
        // match, and ICU is asked only about the rest.
        char last = candidate.back();
        if (static_cast<unsigned char>(last) < 0x80) {
            if (last >= 'A' && last <= 'Z') last = static_cast<char>(last - 'A' + 'a');
            if (lowered.empty() || lowered.back() != last) return false;
        }
        // The same for the first character, where a candidate cut out of the text most often
        // differs: an ASCII character is the lower case only of itself, its capital and, beyond
        // ASCII, of the Kelvin sign (E2 84 AA, to k) and of İ (C4 B0, to i and a dot above).
        auto first = static_cast<unsigned char>(candidate[0]), want = static_cast<unsigned char>(lowered[0]);
        if (first >= 'A' && first <= 'Z') first = static_cast<unsigned char>(first - 'A' + 'a');
        if (want < 0x80 && first != want && first != 0xE2 && first != 0xC4) return false;
        match = to_lower(candidate) == lowered;
    }
    if (!match) return false;
    start = end - word.size();
    // The word must start at a word boundary.
    if (start > 0) {
        auto prev = static_cast<unsigned char>(t[start - 1]);
        if (std::isalnum(prev) || prev >= 0x80) return false;
    }
    return true;
}

}  // namespace

std::vector<Citation> CitationScanner::scan(std::string_view t) const {
    std::vector<Citation> out;
    size_t pos = 0;
    while (pos < t.size()) {
        // Every citation has a number followed by "/" or "-": find the digit runs, skipping sixteen
        // bytes at a time that hold no digit (most of a document's text), then straight to the
        // first digit: the bytes before it start nothing.
        while (pos + 16 <= t.size() && !has_digit16(t.data() + pos)) pos += 16;
        while (pos + 8 <= t.size()) {
            if (uint64_t digit = digit_bytes(t.data() + pos)) {
                pos += first_marked_byte(digit);
                break;
            }
            pos += 8;
        }
        if (pos >= t.size()) break;
        if (!is_digit(t[pos]) || (pos > 0 && (is_digit(t[pos - 1]) || t[pos - 1] == '/' || t[pos - 1] == '.' ||
                                              std::isalpha(static_cast<unsigned char>(t[pos - 1]))))) {
            ++pos;
            continue;
        }
        size_t num_start = pos;
        size_t i = pos;
        while (i < t.size() && is_digit(t[i])) ++i;
        std::string number(t.substr(num_start, i - num_start));
        pos = i;
        if (number.size() > 6) continue;
        size_t j = i;
        while (j < t.size() && t[j] == ' ') ++j;  // "1950 /SGDĐT-TrH"
        if (j >= t.size() || (t[j] != '/' && t[j] != '-')) continue;
        char sep = t[j];
        j = skip_blanks(t, j + 1);

        std::string symbol;
        std::string type_segment;
        if (sep == '-') {
            // Party form: 142-KH/HU
            std::string_view type = read_segment(t, j);
            if (!starts_upper(type) || j >= t.size() || t[j] != '/') continue;
            size_t k = j + 1;
            std::string_view body = read_segment(t, k);
            if (!starts_upper(body)) continue;
            symbol = std::string(type) + "/" + std::string(body);
            type_segment = std::string(type);
            j = k;
        } else {
            // State forms: 09/2021/TT-BGDĐT, 2400/QĐ-UBND, 1950/SGDĐT-TrH
            size_t k = j;
            std::string year;
            if (k + 5 <= t.size() && std::all_of(t.begin() + k, t.begin() + k + 4, is_digit) && t[k + 4] == '/') {
                year = std::string(t.substr(k, 4));
                k += 5;
            }
            std::string_view first = read_segment(t, k);
            if (!starts_upper(first)) continue;
            symbol = (year.empty() ? "" : year + "/") + std::string(first);
            type_segment = std::string(first);
            while (k < t.size() && t[k] == '-') {
                size_t s = k + 1;
                std::string_view next = read_segment(t, s);
                if (next.empty()) break;
                symbol += "-" + std::string(next);
                k = s;
            }
            // "30/KH-..." has a type segment; "1950/SGDĐT-TrH" (công văn) has the body first.
            j = k;
        }

        Citation c;
        c.number = number;
        c.separator = sep;
        c.symbol = symbol;
        c.type_segment = type_segment;
        c.offset = num_start;

        // Look back for "số" and the type word.
        size_t back = num_start;
        while (back > 0 && t[back - 1] == ' ') --back;
        size_t so_start = back;
        if (back >= std::strlen("số") && t.substr(back - std::strlen("số"), std::strlen("số")) == "số") {
            so_start = back - std::strlen("số");
            back = so_start;
            while (back > 0 && t[back - 1] == ' ') --back;
        }
        for (size_t k = 0; k < words_.size(); ++k) {
            const CitationTypeWord& w = words_[k];
            size_t start = 0;
            if (ends_with_word(t, back, w.word, lowered_words_[k], start)) {
                c.type = &w;
                c.type_word = std::string(t.substr(start, back - start));
                c.offset = start;
                break;
            }
        }
        if (!c.type && so_start == num_start) {
            // A bare "26/KH-..." with neither type word nor "số": only accept symbols that look legal
            // (with a year or a known type code), not "3/4 HS" or "1/2 số tiết".
            if (symbol.find('/') == std::string::npos && !is_type_code(type_segment)) continue;
        }
        c.date = read_date(t, j);
        c.length = j - c.offset;
        c.text = std::string(t.substr(c.offset, j - c.offset));
        out.push_back(std::move(c));
        pos = j;
    }
    return out;
}

}  // namespace vanban
