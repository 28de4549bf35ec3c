// The header block (issuer, "Số:", place and date, the title, "V/v") and the signature block
// ("Nơi nhận", the signer, a superior office's approval), written as two-column layout tables
// or as paragraphs: their lines become fields of the recognised document.
#pragma once

#include <string>

#include "import/recognition.h"

namespace vanban {

// A table that lays out the header or the signature block rather than holding body data.
bool is_layout_table(const WordBlock& w);

// Reads each cell of a layout table line by line, then moves the zone past it.
void read_layout_table(Recognition& s, const WordBlock& w);

// Takes a line of the header or signature block into its field; false when it is none of them.
// `word_bullet`: the line is an item of a Word bullet list (its "-" is Word's, not typed).
bool header_or_signature_line(Recognition& s, const std::string& raw, bool in_layout, bool word_bullet = false);

// The title naming an official document type ("KẾ HOẠCH"), alone or with its trích yếu after it.
bool title_paragraph(Recognition& s, const std::string& text);

// Settles the issuer from the capitalised lines gathered before "Số:".
void finish_issuer(Recognition& s);

}  // namespace vanban
