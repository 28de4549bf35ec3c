// Compares two versions of a document the way a reviewer reads them: front-matter fields (lists
// such as Nơi nhận item by item), sections matched by heading (then by content, so a renumbered
// or moved section is not "deleted + added"), paragraphs and list items word by word, tables
// row by row and cell by cell, and the numbers that changed, listed first. Whatever is the same
// on both sides is never reported, and the work grows linearly with the documents.
#pragma once

#include <string>
#include <vector>

#include "diff/outline.h"
#include "diff/sequence_align.h"
#include "diff/word_diff.h"
#include "model/document.h"

namespace vanban {

struct FieldChange {
    std::string field;  // the front-matter key: "noi_nhan"
    std::string label;  // what the reader calls it: "Nơi nhận"
    std::string old_value, new_value;  // for a list, one item; empty on the side that lacks it
};

struct CellChange {
    std::string column, old_value, new_value;
};

struct RowChange {
    enum class Kind { Added, Removed, Changed } kind = Kind::Changed;
    std::string row;                 // the row as a reader names it: its first cell(s)
    std::vector<std::string> cells;  // an added or removed row, whole
    std::vector<CellChange> changes; // a changed row, cell by cell
};

struct BlockChange {
    enum class Kind { Added, Removed, Changed } kind = Kind::Changed;
    bool table = false;
    std::string old_text, new_text;             // a paragraph or list item
    std::vector<WordChange> words;              // a changed paragraph or list item
    std::vector<std::vector<std::string>> rows; // an added or removed table, whole (header first)
    std::vector<RowChange> row_changes;         // a changed table, row by row
};

struct SectionDiff {
    std::string status;  // added | removed | moved | renumbered | changed
    std::string path, old_path;
    std::vector<BlockChange> blocks;
};

struct NumberChange {
    // "Ít nhất" / "60% hồ sơ" → "80% hồ sơ": the number with its unit and the words after it.
    std::string section, context, old_value, new_value;
};

struct DocumentDiff {
    std::string old_name, new_name;
    std::string status;  // changed | unchanged | added | removed
    std::vector<FieldChange> front_matter;
    std::vector<SectionDiff> sections;
    std::vector<NumberChange> numbers;
};

// Either side may be null (a document added or removed between two years). `stats`, when
// given, adds up the work of every alignment made.
DocumentDiff diff_documents(const Document* old_doc, const Document* new_doc, const std::string& old_name, const std::string& new_name,
                            AlignStats* stats = nullptr);

}  // namespace vanban
