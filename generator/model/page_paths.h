// Where each source file lands in the site, and relative URLs between pages (the site
// works from a web server and from a folder opened in a browser alike).
#pragma once

#include <string>

namespace vanban {

// "plans/2024-2025/x.md" → "ke-hoach/2024-2025/x.html"; "content/cong-khai/…" → "cong-khai/…";
// other files keep their name: "content/anh/truong.jpg" → "anh/truong.jpg".
std::string output_path(const std::string& source_path);

// The files made beside an official document's page "x.html": "x.pdf", "x.docx", and for a plan
// with a counterpart of the previous school year, the comparison "x-so-sanh.html".
std::string pdf_page(const std::string& page);
std::string docx_page(const std::string& page);
std::string comparison_page(const std::string& page);

// A site path as a URL path: spaces, "#", "%" and non-ASCII bytes percent-encoded.
std::string url_path(const std::string& path);

// The URL of `target` as seen from the page `from` (both site paths): "../../cong-khai/index.html".
std::string relative_url(const std::string& from, const std::string& target);

// "../" repeated for the depth of `page`, to reach the site root.
std::string root_prefix(const std::string& page);

}  // namespace vanban
