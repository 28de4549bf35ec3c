// Differences between two texts at the level of words (Vietnamese syllables, found with
// ICU's word breaks), ignoring how the text is wrapped and spaced.
#pragma once

#include <string>
#include <vector>

namespace vanban {

struct WordChange {
    enum class Op { Equal, Delete, Insert } op = Op::Equal;
    std::string text;  // the words, joined with single spaces
};

// Words and punctuation of a text, in NFC; white space dropped.
std::vector<std::string> diff_tokens(const std::string& text);
// Tokens back into text: single spaces, none before closing punctuation or after "(".
std::string join_tokens(const std::vector<std::string>& tokens, size_t from, size_t to);

std::vector<WordChange> word_diff(const std::string& old_text, const std::string& new_text);

// Share of words two texts have in common (0 to 1), for matching moved sections and items.
double similarity(const std::string& a, const std::string& b);

}  // namespace vanban
