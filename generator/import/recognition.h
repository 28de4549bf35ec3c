// What the phases of recognition (import/header_block.h, import/body_outline.h, and the driver
// in import/recognize.cpp) share while they walk the Word blocks once, in order.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "import/recognize.h"

namespace vanban {

// Where in the document the walk is: the block's zone decides how a line is read.
enum class Zone { Front, Subject, Addressees, Body, Closing, Appendix };

struct Recognition {
    Recognition(const WordDocument& word, const Repository& repo, const ImportOptions& options);

    const WordDocument& word;
    const Repository& repo;
    const ImportOptions& options;
    std::vector<std::pair<std::string, const DocumentType*>> type_names;  // official types, name folded
    RecognizedDocument doc;
    Zone zone = Zone::Front;

    // Header and signature block.
    std::string title_type;
    std::vector<std::string> issuer_lines;
    std::string own_governing_body;  // the line above the school's name in its own header
    std::string place;
    bool number_seen = false;
    bool in_recipients = false, in_approval = false, in_subject_line = false;

    // Body outline.
    bool appendix_title_open = false;  // capitalised lines still go into the appendix heading
    std::vector<std::string> heading_styles;  // the numbering styles open above the current heading
    // Per numbering style, since the heading above: whether any of its items was made a heading.
    std::map<std::string, bool> run_has_heading;

    void template_text(const std::string& s) { doc.template_text.push_back(s); }
};

}  // namespace vanban
