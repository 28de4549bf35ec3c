// site/page_shell: a rendered template cut at its markers and filled in gives the page the values
// would have given in place; a marker the template changed is refused, not half-filled.
#include <doctest/doctest.h>

#include <string>

#include "site/mustache_escape.h"
#include "site/page_shell.h"

using namespace vanban;

namespace {

std::string filled(const PageShell& shell, const std::string& title, const std::string& body) {
    Pieces out;
    shell.expand(shell.html, out, [&](Fill f) {
        if (f == Fill::Title) out.add(title);
        else if (f == Fill::EscapedTitle) out.add(out.own(mustache_escape(title)));
        else if (f == Fill::Body) out.add(body);
        else out.add(out.own(mustache_escape(body)));
    });
    return out.joined();
}

}  // namespace

TEST_CASE("a page cut at its markers and filled in is the page with the values in place") {
    const std::string title = "Kế hoạch <năm học>", body = "<p>Nội dung & bảng</p>";
    auto page = [](const std::string& t, const std::string& escaped_t, const std::string& b,
                   const std::string& escaped_b) {
        return "<title>" + escaped_t + "</title><h1>" + t + "</h1>" + b + "<pre>" + escaped_b + "</pre>" + b;
    };
    auto shell = PageShell::cut(page(kTitleMark, mustache_escape(kTitleMark), kBodyMark, mustache_escape(kBodyMark)),
                                {Fill::Title, Fill::EscapedTitle, Fill::Body, Fill::EscapedBody});
    REQUIRE(shell.has_value());
    CHECK(shell->fills.size() == 5);
    CHECK(filled(*shell, title, body) == page(title, mustache_escape(title), body, mustache_escape(body)));
}

TEST_CASE("a page with no marker is one piece, and one with a marker not asked for or cut short is refused") {
    auto plain = PageShell::cut("<p>không có chỗ trống</p>", {Fill::Body});
    REQUIRE(plain.has_value());
    CHECK(plain->fills.empty());
    CHECK(filled(*plain, "", "x") == "<p>không có chỗ trống</p>");
    CHECK_FALSE(PageShell::cut(std::string("<p>") + kTitleMark + "</p>", {Fill::Body}).has_value());
    std::string cut_short = kBodyMark;
    cut_short.pop_back();
    CHECK_FALSE(PageShell::cut("<p>" + cut_short + "</p>", {Fill::Body, Fill::EscapedBody}).has_value());
}

TEST_CASE("pieces keep the strings they own in place and are shown unless only spaces and tabs") {
    Pieces p;
    std::string_view kept = p.own("đầu ");
    p.add(kept);
    for (int i = 0; i < 100; ++i) p.own(std::string(100, 'x'));  // more owned strings do not move the first
    p.add("cuối");
    p.add("");
    CHECK(p.views().size() == 2);
    CHECK(p.joined() == "đầu cuối");
    CHECK(p.shown());
    Pieces blank(" \t ");
    CHECK_FALSE(blank.shown());
}
