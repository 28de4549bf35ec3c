// Writes document diffs: JSON for programs, text for the terminal (colour on a TTY), and HTML a
// district officer opens in a browser and prints — a self-contained page, or the body of the
// site's comparison page (which the site wraps in its own layout).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "diff/document_diff.h"

namespace vanban {

void write_diff_json(const std::vector<DocumentDiff>& diffs, std::ostream& out);
void write_diff_text(const std::vector<DocumentDiff>& diffs, bool colour, std::ostream& out);
// The comparison itself, inside <div class="so-sanh">, styled by the site's style.css.
void write_diff_html_body(const std::vector<DocumentDiff>& diffs, std::ostream& out);
// A whole page with its own styles, for `vanban diff --format html`.
void write_diff_html(const std::vector<DocumentDiff>& diffs, const std::string& title, std::ostream& out);

}  // namespace vanban
