// Splits the YAML front matter ("---" ... "---") from the Markdown body and parses it.
#pragma once

#include <string>

#include "model/document.h"

namespace vanban {

struct SplitDocument {
    FrontMatter front;
    // The Markdown: the text from `body_start`, after `body_line - 1` lines of front matter that
    // parse_markdown reads as empty lines, so Markdown line numbers are file line numbers.
    size_t body_start = 0;
    int body_line = 1;
};

SplitDocument split_front_matter(const SourceText& source);

// A value written as a double-quoted YAML scalar (for front matter vanban writes).
std::string yaml_quote(const std::string& value);

// A node's position in the file: YAML marks are 0-based, relative to the front matter and
// count bytes; positions count characters.
Position yaml_position(const SourceText& source, const FrontMatter& front, const YAML::Node& node);

}  // namespace vanban
