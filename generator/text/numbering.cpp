#include "text/numbering.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace vanban {

// Vietnamese lists count a, b, c, d, đ, e, g, h, i, k, ... (no f, j, w, z).
static const char* const kVietnameseLetters[] = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                                 "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
static const int kVietnameseLetterCount = sizeof kVietnameseLetters / sizeof *kVietnameseLetters;

const char* style_id(NumberStyle style) {
    switch (style) {
        case NumberStyle::Roman: return "la-ma";
        case NumberStyle::Arabic: return "so";
        case NumberStyle::MultiLevel: return "so-nhieu-cap";
        case NumberStyle::Letter: return "chu-cai";
        case NumberStyle::Article: return "dieu";
        case NumberStyle::None: break;
    }
    return "";
}

NumberStyle style_from_id(std::string_view id) {
    for (NumberStyle s : {NumberStyle::Roman, NumberStyle::Arabic, NumberStyle::MultiLevel, NumberStyle::Letter,
                          NumberStyle::Article})
        if (id == style_id(s)) return s;
    return NumberStyle::None;
}

std::string style_example(NumberStyle style) {
    switch (style) {
        case NumberStyle::Roman: return "I.";
        case NumberStyle::Arabic: return "1.";
        case NumberStyle::MultiLevel: return "1.1.";
        case NumberStyle::Letter: return "a)";
        case NumberStyle::Article: return "Điều 1.";
        case NumberStyle::None: break;
    }
    return "";
}

int digits_value(std::string_view digits) {
    long long value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') break;
        value = std::min<long long>(value * 10 + (c - '0'), kLargestNumber);
    }
    return static_cast<int>(value);
}

std::string to_roman(int value) {
    static const struct { int v; const char* s; } table[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"},
                                                             {100, "C"},  {90, "XC"},  {50, "L"},  {40, "XL"},
                                                             {10, "X"},   {9, "IX"},   {5, "V"},   {4, "IV"},
                                                             {1, "I"}};
    std::string out;
    for (const auto& e : table)
        while (value >= e.v) {
            out += e.s;
            value -= e.v;
        }
    return out;
}

static int parse_roman(std::string_view s) {
    auto digit = [](char c) {
        switch (c) {
            case 'I': return 1;
            case 'V': return 5;
            case 'X': return 10;
            case 'L': return 50;
            default: return 0;
        }
    };
    int total = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        int v = digit(s[i]);
        if (v == 0) return 0;
        int next = i + 1 < s.size() ? digit(s[i + 1]) : 0;
        total += v < next ? -v : v;
    }
    // Only canonical numerals count ("IIII" or "VX" are not numbering).
    return to_roman(total) == s ? total : 0;
}

std::string format_number(NumberStyle style, const std::vector<int>& parts) {
    int v = parts.empty() ? 1 : parts.back();
    switch (style) {
        case NumberStyle::Roman: return to_roman(v) + ".";
        case NumberStyle::Arabic: return std::to_string(v) + ".";
        case NumberStyle::MultiLevel: {
            std::string out;
            for (int p : parts) out += std::to_string(p) + ".";
            return out;
        }
        case NumberStyle::Letter: return letter_at(v, Alphabet::Vietnamese) + ")";
        case NumberStyle::Article: return "Điều " + std::to_string(v) + ".";
        case NumberStyle::None: break;
    }
    return "";
}

int letter_position(std::string_view letter, Alphabet alphabet) {
    if (alphabet == Alphabet::Latin) return letter.size() == 1 && letter[0] >= 'a' && letter[0] <= 'z' ? letter[0] - 'a' + 1 : 0;
    for (int k = 0; k < kVietnameseLetterCount; ++k)
        if (letter == kVietnameseLetters[k]) return k + 1;
    return 0;
}

std::string letter_at(int position, Alphabet alphabet) {
    if (position < 1) position = 1;
    if (alphabet == Alphabet::Latin) return std::string(1, static_cast<char>('a' + (position - 1) % 26));
    return kVietnameseLetters[(position - 1) % kVietnameseLetterCount];
}

std::optional<Alphabet> alphabet_of_letters(const std::vector<std::string>& letters) {
    for (size_t i = 0; i < letters.size(); ++i) {
        const std::string& l = letters[i];
        if (l == "đ" || (l == "g" && i > 0 && letters[i - 1] == "e")) return Alphabet::Vietnamese;
        if (l == "f" || l == "j" || l == "w" || l == "z") return Alphabet::Latin;
    }
    return std::nullopt;
}

static std::string_view skip_spaces(std::string_view s) {
    size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    return s.substr(i);
}

// After "1." or "I." comes a space, the end, or (typed without the space) a letter: "1.Mục đích".
static bool ends_number(std::string_view t, size_t i) {
    if (i >= t.size() || t[i] == ' ' || t[i] == '\t') return true;
    auto c = static_cast<unsigned char>(t[i]);
    return std::isalpha(c) || c >= 0x80;
}

// Fills `n` with the numbering `text` starts with; false (and `n` untouched) when there is none.
static bool read_heading_number(std::string_view text, HeadingNumber& n) {
    std::string_view t = skip_spaces(text);
    // "PHẦN I. ..." and "Chương 2. ...": the word before the number is part of the numbering.
    size_t prefix = 0;
    if (!t.empty() && (t[0] == 'P' || t[0] == 'C')) {  // every such word starts so: most texts skip the four
        static constexpr std::string_view kWords[] = {"PHẦN ", "Phần ", "CHƯƠNG ", "Chương "};
        for (std::string_view word : kWords) {
            size_t len = word.size();
            if (t.substr(0, len) == word && t.size() > len && (std::isdigit(static_cast<unsigned char>(t[len])) || std::strchr("IVXL", t[len]))) {
                prefix = len;
                break;
            }
        }
    }
    std::string_view whole = t;
    t = t.substr(prefix);
    auto finish = [&](NumberStyle style, std::vector<int>&& parts, size_t consumed) {
        n.style = style;
        n.parts = std::move(parts);
        n.written = std::string(whole.substr(0, prefix + consumed));
        n.rest = std::string(skip_spaces(t.substr(consumed)));
        return true;
    };

    // "Điều 3." — articles of a decision.
    if (t.rfind("Điều ", 0) == 0) {
        size_t i = std::strlen("Điều ");
        size_t start = i;
        while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
        if (i > start && i < t.size() && (t[i] == '.' || t[i] == ':'))
            return finish(NumberStyle::Article, {digits_value(t.substr(start, i - start))}, i + 1);
        return false;
    }

    // Arabic, possibly multi-level: 1.  1)  1.2.  1.2.3  (the final dot may be missing on multi-level).
    if (!t.empty() && std::isdigit(static_cast<unsigned char>(t[0]))) {
        std::vector<int> parts;
        size_t i = 0;
        while (true) {
            size_t start = i;
            while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
            if (i == start || i - start > 3) return false;
            parts.push_back(digits_value(t.substr(start, i - start)));
            if (i < t.size() && t[i] == '.' && i + 1 < t.size() && std::isdigit(static_cast<unsigned char>(t[i + 1]))) {
                ++i;
                continue;
            }
            break;
        }
        bool closed = i < t.size() && (t[i] == '.' || t[i] == ')');
        bool ends = closed ? ends_number(t, i + 1) : (i >= t.size() || t[i] == ' ');
        if (parts.size() == 1) {
            if (!closed || !ends) return false;
            return finish(NumberStyle::Arabic, std::move(parts), i + 1);
        }
        if (!ends) return false;
        return finish(NumberStyle::MultiLevel, std::move(parts), i + (closed ? 1 : 0));
    }

    // Roman: "IV." (upper case, canonical).
    {
        size_t i = 0;
        while (i < t.size() && std::strchr("IVXL", t[i]) != nullptr) ++i;
        if (i > 0 && i < t.size() && t[i] == '.' && ends_number(t, i + 1)) {
            int v = parse_roman(t.substr(0, i));
            if (v > 0) return finish(NumberStyle::Roman, {v}, i + 1);
        }
    }

    // Letter: "a)" "b." "đ)"; its value is its place in the Vietnamese alphabet, else the Latin one ("f").
    {
        size_t letter_bytes = 0;
        std::string letter;
        if (t.rfind("đ", 0) == 0) {
            letter_bytes = std::strlen("đ");
            letter = "đ";
        } else if (!t.empty() && t[0] >= 'A' && t[0] <= 'Z' && t.size() > 1 && t[1] == '.') {
            // "A. PHẦN CHUNG": upper-case parts (roman numerals were tried first).
            letter_bytes = 1;
            letter = std::string(1, static_cast<char>(t[0] - 'A' + 'a'));
        } else if (!t.empty() && t[0] >= 'a' && t[0] <= 'z') {
            letter_bytes = 1;
            letter = std::string(1, t[0]);
        }
        if (letter_bytes > 0 && letter_bytes < t.size() && (t[letter_bytes] == ')' || t[letter_bytes] == '.') &&
            (letter_bytes + 1 >= t.size() || t[letter_bytes + 1] == ' ' || (t[letter_bytes] == ')' && ends_number(t, letter_bytes + 1)))) {
            int value = letter_position(letter, Alphabet::Vietnamese);
            n.letter = letter;
            return finish(NumberStyle::Letter, {value > 0 ? value : letter_position(letter, Alphabet::Latin)}, letter_bytes + 1);
        }
    }
    return false;
}

HeadingNumber parse_heading_number(std::string_view text) {
    HeadingNumber n;
    // Without numbering the rest is the whole text; copied only then (a paragraph can be long).
    if (!read_heading_number(text, n)) n.rest = std::string(text);
    return n;
}

}  // namespace vanban
