// Legal citations in running text: "Thông tư số 09/2021/TT-BGDĐT ngày 30/3/2021",
// "Kế hoạch số 142-KH/HU ngày 30 tháng 12 năm 2022", "Công văn số 1950 /SGDĐT-TrH".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/dates.h"

namespace vanban {

// A document-type word and the code its symbols carry ("Thông tư" → "TT").
// Loaded from templates/trich-dan.yaml; an empty code means "no type segment" (công văn).
struct CitationTypeWord {
    std::string word;      // as written, "Thông tư"
    std::string code;      // "TT"; "" for công văn
    bool code_is_prefix = false;  // "QH" matches "QH14" (laws)
};

struct Citation {
    size_t offset = 0;        // byte offset of the citation's first character in the scanned text
    size_t length = 0;
    std::string type_word;    // as written, "" when the number stands alone
    const CitationTypeWord* type = nullptr;
    std::string number;       // "09"
    char separator = '/';     // '-' in the Party form "142-KH/HU"
    std::string symbol;       // "2021/TT-BGDĐT", as written but without spaces
    std::string type_segment; // "TT"; for công văn-style symbols the first body ("SGDĐT")
    std::optional<Date> date;
    std::string text;         // "Thông tư số 09/2021/TT-BGDĐT"

    // Identity of the cited document: number without leading zeros + normalised symbol, and the
    // year of the date when the symbol has none (such numbers restart every year).
    std::string key() const;
    std::string reference() const;  // "09/2021/TT-BGDĐT"
};

class CitationScanner {
public:
    explicit CitationScanner(std::vector<CitationTypeWord> words);
    std::vector<Citation> scan(std::string_view text) const;
    // True when `code` is the code of some known document type (used to tell a type
    // segment from an issuing body).
    bool is_type_code(std::string_view code) const;
    const std::vector<CitationTypeWord>& words() const { return words_; }

private:
    std::vector<CitationTypeWord> words_;
    std::vector<std::string> lowered_words_;  // words_[i] in lower case, computed once
};

}  // namespace vanban
