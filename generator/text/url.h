// Which URLs may reach a page, a feed, the sitemap, a PDF or a Word file: the one allow-list
// of schemes used by `check` (rule url) and by every renderer (which drops what it refuses).
#pragma once

#include <string>
#include <string_view>

namespace vanban {

// The scheme a browser would read in `url`, lower case, after the tricks browsers forgive
// (character references such as "&#x09;", tabs and newlines inside, leading spaces and
// control characters); empty for a relative URL ("ke-hoach.md", "#muc-1", "//host/x").
std::string url_scheme(std::string_view url);

// http, https, mailto, tel, or relative.
bool url_allowed(std::string_view url);

// An absolute http(s) address with a host, as a site's base address must be.
bool is_web_address(std::string_view url);

// `html` with every href/src/action/formaction/xlink:href/poster attribute whose URL is not
// allowed removed (the element and its text stay). For HTML vanban does not write itself
// (cmark-gfm's and Pandoc's), so that the allow-list holds whatever their own safe modes do.
std::string drop_disallowed_urls(std::string_view html);

}  // namespace vanban
