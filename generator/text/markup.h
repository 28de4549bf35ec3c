// Escaping text for HTML and XML (web pages, the PDF's HTML, feeds, Word's document.xml), and
// for terminals and CI logs.
#pragma once

#include <string>

namespace vanban {

// Escapes & < > " for HTML and XML text and attributes, and drops the control characters XML
// does not allow (all below U+0020 but tab and line ends, and DEL).
std::string escape_markup(const std::string& text);

// The first control character XML and terminals must not get (as escape_markup drops), or npos.
size_t find_control_character(const std::string& text);

// `text` on one line for a terminal or a CI log: line ends and other control characters are
// written as \n, \r, \x0c…, so that document text can never start a line of its own (GitHub
// reads a line starting with "::" as a workflow command).
std::string one_line(const std::string& text);

// Text of many lines for a terminal or a CI log: control characters other than line feeds and
// the colour escapes vanban writes itself are shown as \x.., and a line that would read as a
// workflow command (starting with "::" after spaces) is quoted with "> ".
std::string guard_log_lines(const std::string& text);

}  // namespace vanban
