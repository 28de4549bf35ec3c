// Escaping text for HTML and XML (web pages, the PDF's HTML, feeds, Word's document.xml).
#pragma once

#include <string>

namespace vanban {

// Escapes & < > " for HTML and XML text and attributes.
std::string escape_markup(const std::string& text);

}  // namespace vanban
