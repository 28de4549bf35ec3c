// The body after the header block: numbered items become headings at the level of their
// numbering style or stay paragraphs, Word's own headings, bullets, tables and code are kept,
// and appendices open with their heading.
#pragma once

#include <string>

#include "import/recognition.h"

namespace vanban {

// Appends block i of the Word file to the body.
void body_block(Recognition& s, size_t i);

// Opens an appendix; an empty heading when nothing names it (what follows the signature).
void start_appendix(Recognition& s, const std::string& heading);

// A paragraph inside an appendix: capitalised lines right after its heading are its title.
void appendix_paragraph(Recognition& s, size_t i);

}  // namespace vanban
