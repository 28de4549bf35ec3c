// Writes document diffs: JSON for programs, text for the terminal (colour on a TTY), and a
// self-contained HTML page a district officer opens in a browser and prints.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "diff/document_diff.h"

namespace vanban {

void write_diff_json(const std::vector<DocumentDiff>& diffs, std::ostream& out);
void write_diff_text(const std::vector<DocumentDiff>& diffs, bool colour, std::ostream& out);
void write_diff_html(const std::vector<DocumentDiff>& diffs, const std::string& title, std::ostream& out);

}  // namespace vanban
