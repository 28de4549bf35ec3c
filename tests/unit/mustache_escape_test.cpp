#include <doctest/doctest.h>

#include <kainjow/mustache.hpp>

#include <string>

#include "site/mustache_escape.h"

using namespace vanban;

// The site's escape replaced kainjow's: a page's bytes stay the same only if they agree on everything.
TEST_CASE("mustache_escape writes what kainjow's html_escape writes") {
    std::string every_byte;
    for (int c = 0; c < 256; ++c) every_byte += static_cast<char>(c);
    const std::string texts[] = {"",
                                 "Kế hoạch năm học 2024-2025",
                                 "&",
                                 "'\"<>&",
                                 "a&b<c>d\"e'f",
                                 "<a href=\"x?a=1&amp;b='2'\">Tài liệu</a>",
                                 "&&&& trailing&",
                                 "\x1Evanban-tieu-de<\x1F",
                                 every_byte,
                                 every_byte + every_byte};
    for (const std::string& text : texts) CHECK(mustache_escape(text) == kainjow::mustache::html_escape(text));
}

TEST_CASE("a template rendered with mustache_escape is the page kainjow renders with its own") {
    const std::string text = "<p title=\"{{t}}\">{{t}} {{{t}}}{{#l}}<li>{{.}}</li>{{/l}}</p>";
    kainjow::mustache::data d;
    d.set("t", "O'Brien & <Nguyễn> \"Văn\"");
    kainjow::mustache::data l{kainjow::mustache::data::type::list};
    l << kainjow::mustache::data("a<b") << kainjow::mustache::data("c&d'");
    d.set("l", l);
    kainjow::mustache::mustache kainjows(text), ours(text);
    ours.set_custom_escape(mustache_escape);
    CHECK(ours.render(d) == kainjows.render(d));
}
