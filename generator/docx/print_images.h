// The images of the Word file, on Pandoc's JSON tree. Pandoc opens every image the document
// names and puts its bytes in the file, from the network too: on CI that reaches internal
// addresses (169.254.169.254). So a printed copy holds only raster images published next to the
// document (printable_image_for_url), and every other image becomes words: its alt text, and a
// web image's address after it as a plain link (a link is never fetched). The PDF does the same
// on its HTML (html/body_html.h).
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

namespace vanban {

// Replaces, in a Pandoc JSON tree of the document at `doc_path` (relative to `root`), every
// Image node whose URL printable_image_for_url refuses: by its alt text, then " (address)" for
// an address with an allowed scheme (http, https, mailto, tel) — as a Link, or as text inside a
// link. A refused scheme's address is left out (the url rule reports it).
void keep_printable_images(nlohmann::json& tree, const std::string& root, const std::string& doc_path);

}  // namespace vanban
