// Splits the YAML front matter ("---" ... "---") from the Markdown body and parses it.
#pragma once

#include <string>

#include "model/document.h"

namespace vanban {

// The front matter at the top of `source`, parsed; its body_start is where the Markdown begins.
FrontMatter split_front_matter(const SourceText& source);

// A value written as a double-quoted YAML scalar (for front matter vanban writes).
std::string yaml_quote(const std::string& value);

// A node's position in the file: YAML marks are 0-based, relative to the front matter and
// count bytes; positions count characters.
Position yaml_position(const SourceText& source, const FrontMatter& front, const YAML::Node& node);

}  // namespace vanban
