// Parses a Markdown body with cmark-gfm (tables, strikethrough, autolink, tagfilter,
// footnotes), collects the parts of the AST the checks need (headings, tables, links) and
// moves each appendix ("# Phụ lục I: ...") into an AST of its own.
#pragma once

#include <string>

#include "model/document.h"

#include <cmark-gfm.h>

namespace vanban {

struct ParsedMarkdown {
    MarkdownTree ast;
    std::vector<Heading> headings;
    std::vector<Heading> numbered_paragraphs;
    std::vector<Table> tables;
    std::vector<Link> links;
    std::vector<Appendix> appendices;
};

// The parts of an appendix heading's text: "PHỤ LỤC 1.1 - Kế hoạch" → label "1.1", title
// "Kế hoạch". False when the text does not open an appendix.
bool parse_appendix_heading(const std::string& text, std::string& label, std::string& title);

// `source` gives column numbers in characters; the Markdown is source.text from front.body_start,
// the lines of the front matter above it read as empty ones, so that line numbers are the file's.
ParsedMarkdown parse_markdown(const SourceText& source, const FrontMatter& front = {});

// The GFM extensions vanban enables, for renderers of the same AST.
cmark_llist* markdown_extensions();

// cmark options vanban parses with (footnotes on); renderers add theirs to these.
int markdown_options();

// Plain text of a node's inline content (emphasis and code flattened, breaks as spaces).
std::string node_plain_text(cmark_node* node);

}  // namespace vanban
