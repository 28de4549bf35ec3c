// A document as a reviewer reads it: sections (by heading) holding blocks (paragraphs,
// list items, tables), for comparing one year's plan with the next.
#pragma once

#include <string>
#include <vector>

#include "model/document.h"

namespace vanban {

struct Block {
    enum class Kind { Paragraph, ListItem, Table } kind = Kind::Paragraph;
    std::string text;                             // plain text (NFC)
    std::vector<std::vector<std::string>> rows;   // for tables: rows[0] is the header
};

struct Section {
    std::string heading;     // "1.2. Chỉ tiêu" as written; "" for the text before the first heading
    std::string numbering;   // "1.2."
    std::string key;         // the heading without numbering, for matching: "chỉ tiêu"
    int level = 0;           // 0 for the opening text
    int parent = -1;         // index of the enclosing section
    std::vector<Block> blocks;

    std::string path;        // "III. Nhiệm vụ cụ thể › 1. … › 1.2. Chỉ tiêu"
    std::string key_path;    // the same by keys, to tell a moved section from a renumbered one
};

std::vector<Section> document_outline(const Document& doc);

}  // namespace vanban
