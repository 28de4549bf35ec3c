// Parses a Markdown body with cmark-gfm (tables, strikethrough, autolink, tagfilter) and
// collects the parts of the AST the checks need: headings, tables and links.
#pragma once

#include <string>

#include "model/document.h"

#include <cmark-gfm.h>

namespace vanban {

struct ParsedMarkdown {
    MarkdownTree ast;
    std::vector<Heading> headings;
    std::vector<Table> tables;
    std::vector<Link> links;
};

// `source` gives column numbers in characters; `body` is the text to parse (same lines).
ParsedMarkdown parse_markdown(const std::string& body, const SourceText& source);

// The GFM extensions vanban enables, for renderers of the same AST.
cmark_llist* markdown_extensions();

// Plain text of a node's inline content (emphasis and code flattened, breaks as spaces).
std::string node_plain_text(cmark_node* node);

}  // namespace vanban
