// Differences between two texts at the level of words (Vietnamese syllables, found with
// ICU's word breaks), ignoring how the text is wrapped and spaced.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "diff/sequence_align.h"

namespace vanban {

struct WordChange {
    enum class Op { Equal, Delete, Insert } op = Op::Equal;
    std::string text;           // the words as written (white space inside collapsed to one space)
    bool space_before = false;  // white space came before them in their text
};

// A word or punctuation mark and where it stands in the (NFC) text it was read from.
struct Token {
    std::string text;
    size_t begin = 0, end = 0;  // bytes
    bool space_before = false;
};

// Words and punctuation of an NFC text; white space dropped.
std::vector<Token> tokenize(const std::string& nfc_text);
// The same for any text, as strings.
std::vector<std::string> diff_tokens(const std::string& text);

// A run of changes: a deletion comes before the insertion that replaces it, every text as
// written, so the changes read back give both texts without a space added or lost.
std::vector<WordChange> word_diff(const std::string& old_text, const std::string& new_text, AlignStats* stats = nullptr);

// The words of a text as sorted numbers, to compare many texts with each other cheaply.
std::vector<uint32_t> word_bag(const std::string& text, Interner& words);
// Share of words two bags have in common (0 to 1), for matching moved sections and items.
double bag_similarity(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);
double similarity(const std::string& a, const std::string& b);

}  // namespace vanban
