// Escaping text for HTML and XML (web pages, the PDF's HTML, feeds, Word's document.xml), and
// for terminals and CI logs.
#pragma once

#include <string>

namespace vanban {

// Control characters here are those XML does not allow or a terminal acts on without showing
// them: U+0000–U+001F but tab and line ends, U+007F, the C1 controls U+0080–U+009F (U+009B
// starts an escape sequence on some terminals, U+0085 is a line break to YAML), the line and
// paragraph separators U+2028–U+2029 and the bidi controls U+202A–U+202E, U+2066–U+2069, which
// reorder what a reader sees.

// Escapes & < > " for HTML and XML text and attributes, and drops the control characters.
std::string escape_markup(const std::string& text);

// The byte offset of the first control character, or npos.
size_t find_control_character(const std::string& text);

// The first character a one-line value must not hold (a name typed on the command line, a file
// name written into a commit trailer): a control character, a tab or a line end; npos when none.
size_t find_line_breaking_character(const std::string& text);

// The character starting at byte `at` of UTF-8 `text` as "U+001B".
std::string code_point_name(const std::string& text, size_t at);

// `text` on one line for a terminal or a CI log: line ends and other control characters are
// written as \n, \r, \x0c, \u202e…, so that document text can never start a line of its own
// (GitHub reads a line starting with "::" as a workflow command).
std::string one_line(const std::string& text);

// A message of many lines that names what someone typed (an unknown option, a file name): its
// own line feeds kept, each line as one_line writes it.
std::string escape_lines(const std::string& text);

// Text of many lines for a terminal or a CI log: control characters other than line feeds and
// the colour escapes vanban writes itself are shown as \x.., and a line that would read as a
// workflow command (starting with "::" after spaces) is quoted with "> ".
std::string guard_log_lines(const std::string& text);

}  // namespace vanban
