// Small tests and cleanups on one line of a Word file, shared by the phases of recognition.
#pragma once

#include <string>

#include "text/unicode.h"

namespace vanban {

inline bool starts_with(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }
inline bool contains(const std::string& s, const std::string& p) { return s.find(p) != std::string::npos; }
// Lower case without diacritics: what the keyword tests ("noi nhan", "kinh gui") compare.
inline std::string folded(const std::string& s) { return to_lower(fold_diacritics(s)); }
inline size_t word_count(const std::string& s) { return word_spans(s).size(); }
inline bool is_upper(const std::string& s) { return to_upper(s) == s && to_lower(s) != s; }

std::string trim(const std::string& s);  // spaces and tabs only
std::string dashes_to_hyphens(const std::string& s);

// A bullet typed or pasted into the text ("- ", "• ", "+ " one level deeper): the text after
// it and its depth.
bool typed_bullet(const std::string& text, std::string& rest, int& depth);

}  // namespace vanban
