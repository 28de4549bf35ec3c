// The body of a document as HTML, for the site and the printed copy (one renderer, so they cannot
// disagree): cmark-gfm's renderer on the document's AST, then three touches the site needs: ids on
// headings (for the table of contents), links to other documents pointed at their pages, and
// tables wrapped so they scroll on a phone. The printed copy also decides which images it holds.
#pragma once

#include <functional>
#include <string>

#include "model/document.h"
#include "text/markup.h"

namespace vanban {

// Maps a link target written in the document to the URL to use on the page; empty keeps it.
using LinkResolver = std::function<std::string(const std::string& target)>;

// `part` 0 is the body (with the document's footnotes); k is the k-th appendix.
std::string render_body_html(const Document& doc, int part, bool allow_raw_html, const LinkResolver& resolve);

// Whether an image (its src as written) goes into a printed copy.
using ImageFilter = std::function<bool(const std::string& src)>;

// The same, for paper: an image `printable` refuses becomes words, its alt text and then, for an
// address with an allowed scheme, " (address)" as a link (as text inside a link; a link is never
// fetched). A refused scheme's address is left out (the url rule reports it).
std::string render_body_html(const Document& doc, int part, bool allow_raw_html, const LinkResolver& resolve,
                             const ImageFilter& printable);

}  // namespace vanban
