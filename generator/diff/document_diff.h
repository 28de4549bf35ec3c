// Compares two versions of a document the way a reviewer reads them: front-matter fields,
// sections matched by heading (then by content, so a renumbered or moved section is not
// "deleted + added"), paragraphs and list items word by word, tables cell by cell, and the
// numbers that changed, listed first.
#pragma once

#include <string>
#include <vector>

#include "diff/outline.h"
#include "diff/word_diff.h"
#include "model/document.h"

namespace vanban {

struct FieldChange {
    std::string field, old_value, new_value;
};

struct BlockChange {
    enum class Kind { Added, Removed, Changed } kind = Kind::Changed;
    std::string old_text, new_text;
    std::vector<WordChange> words;  // for Changed
};

struct CellChange {
    std::string row, column, old_value, new_value;  // a whole row added/removed has an empty column
};

struct SectionDiff {
    std::string status;  // added | removed | moved | renumbered | changed
    std::string path, old_path;
    std::vector<BlockChange> blocks;
    std::vector<CellChange> cells;
};

struct NumberChange {
    std::string section, context, old_value, new_value;
};

struct DocumentDiff {
    std::string old_name, new_name;
    std::string status;  // changed | unchanged | added | removed
    std::vector<FieldChange> front_matter;
    std::vector<SectionDiff> sections;
    std::vector<NumberChange> numbers;
};

// Either side may be null (a document added or removed between two years).
DocumentDiff diff_documents(const Document* old_doc, const Document* new_doc, const std::string& old_name, const std::string& new_name);

}  // namespace vanban
