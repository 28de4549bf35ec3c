// The numbering written at the start of a heading or table row, as on paper:
// "I." (la-ma), "1." (so), "1.2." (so-nhieu-cap), "a)" (chu-cai), "Điều 3." (dieu).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

enum class NumberStyle { None, Roman, Arabic, MultiLevel, Letter, Article };

// The style's name as written in templates ("la-ma", "so", ...).
const char* style_id(NumberStyle style);
NumberStyle style_from_id(std::string_view id);  // None when unknown
// An example of the style for messages: "I.", "1.", "1.1.", "a)", "Điều 1.".
std::string style_example(NumberStyle style);

struct HeadingNumber {
    NumberStyle style = NumberStyle::None;
    std::vector<int> parts;  // "1.2." → {1, 2}; "III." → {3}; "c)" → {3}; "e)" → {6}, its Vietnamese place ("f)" → {6})
    std::string letter;       // a lettered point's letter in lower case: "đ", "e" (upper-case "A." gives "a")
    std::string written;      // the numbering as written, "1.2."
    std::string rest;         // the text after the numbering

    int value() const { return parts.empty() ? 0 : parts.back(); }
};

HeadingNumber parse_heading_number(std::string_view text);

// Writes a number in a given style: (Roman, {4}) → "IV.", (MultiLevel, {2,3}) → "2.3.".
std::string format_number(NumberStyle style, const std::vector<int>& parts);

std::string to_roman(int value);

// The value of a run of ASCII digits, at most kLargestNumber: a school can write "Điều
// 99999999999." or "Phụ lục 0000000000001"; that is a large number (or a small one), never an overflow.
constexpr int kLargestNumber = 999999999;
int digits_value(std::string_view digits);

// The two alphabets lettered points are counted in. NĐ30 (Phụ lục I, Mục II, k6đ) asks for the
// Vietnamese one, a b c d đ e g h i k l m n o p q r s t u v x y; schools often write the Latin a … f ….
enum class Alphabet { Vietnamese, Latin };

// The 1-based place of a lower-case letter in an alphabet: ("đ", Vietnamese) → 5, ("e", Latin) → 5;
// 0 when the alphabet lacks it ("f" in Vietnamese, "đ" in Latin).
int letter_position(std::string_view letter, Alphabet alphabet);
// The letter at a 1-based place: (5, Vietnamese) → "đ", (5, Latin) → "e".
std::string letter_at(int position, Alphabet alphabet);
// What the letters of one sequence say about its alphabet: "đ", or "g" right after "e", say
// Vietnamese; "f", "j", "w" or "z" say Latin; the first letter that tells wins. Empty when none
// tells (a b c d, or a b c d e, which is Latin or a Vietnamese list that skipped đ).
std::optional<Alphabet> alphabet_of_letters(const std::vector<std::string>& letters);

}  // namespace vanban
