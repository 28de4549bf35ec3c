// Phase 1 of import: Pandoc's JSON AST of a Word file → a flat list of blocks that keeps
// everything Word gave: the list numbers the reader saw ("I.", "1.", "a)") at their depth,
// bold paragraphs, real headings, footnotes, tables with merged cells spread out, code,
// line blocks and quotes. No recognition happens here (import/recognize.h does that).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace vanban {

// A hyperlink inside a block's text: kLinkOpen + its text + kLinkTarget + the address +
// kLinkClose. The Markdown writer turns it into "[text](address)"; fields of the front matter
// keep only the text.
inline constexpr char kLinkOpen = '\x02', kLinkTarget = '\x03', kLinkClose = '\x04';

struct WordBlock {
    enum class Kind { Paragraph, Table, Code };
    Kind kind = Kind::Paragraph;
    std::string text;          // single-spaced NFC text; footnotes as "[^n]"; Code: verbatim
    std::string number;        // Word's list number as the reader saw it ("I.", "1.", "a)"); empty if none
    char number_style = 0;     // 'I' 'i' '1' 'A' 'a' for Word-numbered paragraphs
    bool bullet = false;       // an item of a Word bullet list
    int bullet_depth = 0;      // 0 for a top-level bullet item, 1 under it…
    int depth = 0;             // list nesting (0: not inside any list item)
    bool bold = false;         // all of its text is bold
    bool bold_to_colon = false;  // "**1. Mục tiêu chung:** text": bold up to its first colon, plain after
    std::string bold_lead;     // "**I. Căn cứ** (ghi chú)": the bold text it starts with, when plain text follows
    bool quoted = false;       // inside a block quote (Word's indented paragraphs)
    bool line_block = false;   // lines kept apart ("\n" in text)
    int heading_level = 0;     // a real Word heading (Heading 1, 2…)
    std::vector<std::vector<std::string>> rows;                   // Table: merged cells' text in their first cell
    std::vector<std::vector<std::vector<std::string>>> cell_lines;  // Table: each cell's paragraphs
    int place = 0;             // 1-based paragraph count in the Word file, for messages
};

struct WordDocument {
    std::vector<WordBlock> blocks;
    std::vector<std::string> footnotes;  // text of note n at index n-1
    std::vector<std::string> unread;     // what has no text to keep (pictures, raw blocks…), with its place
};

WordDocument read_pandoc_json(const nlohmann::json& ast);

// The literal list number of item `value` in a Pandoc list style and delimiter as Word shows it.
// Pandoc's docx reader often reports "DefaultDelim": then the Vietnamese habit applies
// (I. 1. a)).
std::string list_number(int value, const std::string& style, const std::string& delimiter, char* style_letter = nullptr);

}  // namespace vanban
