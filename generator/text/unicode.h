// Unicode helpers for Vietnamese text: UTF-8 validation, NFC, diacritic folding,
// and the comparison key used to match headings and front-matter keys.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

// Where a byte string stops being valid UTF-8.
struct Utf8Error {
    size_t offset = 0;  // byte offset of the first bad byte
    unsigned char byte = 0;
};
std::optional<Utf8Error> find_invalid_utf8(std::string_view bytes);

// find_invalid_utf8, is_nfc and find_control_character (text/markup.h) in one pass over the
// bytes, for reading every document: `nfc` is what is_nfc says and `first_control` what
// find_control_character says, both meaningful only when `invalid` is empty.
struct Utf8Scan {
    std::optional<Utf8Error> invalid;
    bool nfc = true;
    size_t first_control = std::string_view::npos;
};
Utf8Scan scan_utf8(std::string_view bytes);

// The legacy one-byte Vietnamese encoding that bytes which are not UTF-8 were most likely
// typed in: "VNI" or "TCVN3" (ABC, .VnTime fonts); null when there are too few such bytes to tell.
const char* guess_legacy_encoding(std::string_view raw);

// Replaces every invalid byte with U+FFFD so the rest of the file can still be read.
std::string repair_utf8(std::string_view bytes);

bool is_nfc(std::string_view utf8);
std::string to_nfc(std::string_view utf8);

// Lower case, diacritics removed, đ → d: "Chuyển đổi số" → "chuyen doi so".
std::string fold_diacritics(std::string_view utf8);
// The same, appended to `out`.
void append_folded(std::string_view utf8, std::string& out);

// Key for matching wordings: NFC, lower case, digits and punctuation dropped, white space
// collapsed: "NHIỆM VỤ, GIẢI PHÁP:" → "nhiệm vụ giải pháp". Strip a heading's numbering first.
std::string wording_key(std::string_view utf8);

// A file or anchor name: folded, lower-case ASCII letters and digits joined by "-", cut at a
// whole word after `max` bytes: "Kế hoạch năm học 2024-2025" → "ke-hoach-nam-hoc-2024-2025".
std::string ascii_slug(std::string_view utf8, size_t max = 60);

std::string to_upper(std::string_view utf8);
std::string to_lower(std::string_view utf8);

// Appends code point `c` as UTF-8; U+FFFD for 0, a surrogate or a value past U+10FFFF.
void append_utf8(std::string& out, uint32_t c);

// `text` cut for a message: at most `max_bytes` bytes, never inside a character, control
// characters shown as spaces, invalid bytes as U+FFFD, "…" when something was cut.
std::string shown_prefix(std::string_view text, size_t max_bytes);

// ASCII letters lower-cased, every other byte as it is (schemes, extensions, attribute names).
std::string lower_ascii(std::string_view s);

// Number of code points in `utf8`: a column number, or the width of a line on a terminal.
int count_code_points(std::string_view utf8);

// The words of a text: runs of letters and digits; spaces, punctuation, quotes, dashes
// and symbols separate them. The views point into `text`.
std::vector<std::string_view> word_spans(std::string_view text);

// The distinct words of the texts as word_spans() splits their fold_diacritics(), each once in
// the order of its first appearance, joined by spaces; the texts are taken as if joined by a space.
// The search index's words of a document: one pass over its text, no folded copy of it.
std::string unique_folded_words(std::initializer_list<std::string_view> texts);

// Sorts strings with Vietnamese collation rules (ICU locale "vi").
void sort_vietnamese(std::vector<std::string>& items);
// Compare two strings with Vietnamese collation: <0, 0, >0.
int compare_vietnamese(std::string_view a, std::string_view b);

// Slips of the keyboard between two texts, in code points: insertions, deletions, substitutions
// and swaps of two neighbours ("prot" is one slip from "port", two from "root"). For "did you
// mean" suggestions.
int edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `typed` by edit distance, when it is near enough to be a slip of the
// keyboard ("chek" → "check", "--stric" → "--strict"); empty otherwise, and when `typed` is one.
std::string nearest(const std::string& typed, const std::vector<std::string>& candidates);

}  // namespace vanban
