// Which URLs may reach a page, a feed, the sitemap, a PDF or a Word file: the one allow-list
// of schemes used by `check` (rule url) and by every renderer (which drops what it refuses).
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace vanban {

// What a browser's URL parser sees in an attribute value: character references decoded,
// leading spaces and control characters gone, tabs and newlines removed wherever they are.
std::string normalized_url(std::string_view url);

// %XX sequences decoded, as Pandoc and browsers do before they open a file.
std::string percent_decode(std::string_view s);

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

// For HTML handed to a program that fetches what it names and puts the bytes in its output
// (WeasyPrint): every URL attribute is kept only if `keep` accepts its URL (given as
// normalized_url) and whether the program opens it: `fetched` is false only for the href of a
// link (<a>, which is not opened once rel is gone), true for src, data, poster, <link href>,
// an SVG <image>'s href and the rest. srcset, rel (rel="attachment" embeds the file) and CSS
// that can fetch (url(), @import, …, in a style attribute or a <style> element) are removed.
std::string keep_fetchable_urls(std::string_view html, const std::function<bool(const std::string& url, bool fetched)>& keep);

// CSS that can make a program fetch something: url(), @import, image-set(), src(), or a CSS
// escape that could spell one of them.
bool css_fetches(std::string_view css);

}  // namespace vanban
