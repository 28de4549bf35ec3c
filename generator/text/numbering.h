// The numbering written at the start of a heading or table row, as on paper:
// "I." (la-ma), "1." (so), "1.2." (so-nhieu-cap), "a)" (chu-cai), "Điều 3." (dieu).
#pragma once

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
    std::vector<int> parts;  // "1.2." → {1, 2}; "III." → {3}; "c)" → {3}
    bool latin_letters = false;  // letters counted a, b, c, d, e, f (not the Vietnamese a, b, c, d, đ, e, g)
    std::string written;      // the numbering as written, "1.2."
    std::string rest;         // the text after the numbering

    int value() const { return parts.empty() ? 0 : parts.back(); }
};

HeadingNumber parse_heading_number(std::string_view text);

// Writes a number in a given style: (Roman, {4}) → "IV.", (MultiLevel, {2,3}) → "2.3.".
std::string format_number(NumberStyle style, const std::vector<int>& parts, bool latin_letters = false);

std::string to_roman(int value);

}  // namespace vanban
