// The allow-list of URL schemes (text/url) and every place that must apply it: the check's
// url rule, the site's body HTML, the feed and sitemap, the HTML Pandoc writes for the PDF.
#include <doctest/doctest.h>

#include <algorithm>

#include "site/feeds.h"
#include "html/body_html.h"
#include "test_support.h"
#include "text/url.h"

using namespace vanban;

TEST_CASE("url_allowed accepts http, https, mailto, tel and relative URLs") {
    for (const char* ok : {"https://moet.gov.vn/x", "HTTP://a.vn", "mailto:hieutruong@thu.edu.vn", "tel:+84123456789", "ke-hoach.md",
                           "../2023-2024/ke-hoach.md#muc-1", "#muc", "/cong-khai/index.html", "//cdn.example.vn/a.png",
                           "tai-lieu.md?x=a:b", ""})
        CHECK_MESSAGE(url_allowed(ok), ok);
}

TEST_CASE("url_allowed refuses other schemes, however they are disguised") {
    for (const char* bad : {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "JaVa&#x09;script:alert(1)", "java&#9;script:alert(1)",
                            "java&Tab;script:alert(1)", "javascript&colon;alert(1)", "&#106;avascript:alert(1)",
                            "&#x6A&#x61&#x76&#x61script:alert(1)", " \x01javascript:alert(1)", "java\nscript:alert(1)",
                            "java\tscript:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=",
                            "data:image/svg+xml,<svg/onload=alert(1)>", "file:///etc/passwd", "FILE:///C:/Windows/win.ini",
                            "C:\\Windows\\win.ini", "java&unknown;script:alert(1)"})
        CHECK_FALSE_MESSAGE(url_allowed(bad), bad);
    CHECK(url_scheme("JaVa&#x09;script:alert(1)") == "javascript");
    CHECK(url_scheme("ke-hoach.md") == "");
}

TEST_CASE("is_web_address wants an absolute http(s) address with a host") {
    CHECK(is_web_address("https://thu.example.edu.vn"));
    CHECK(is_web_address("http://thu.example.edu.vn/truong"));
    CHECK_FALSE(is_web_address("javascript:alert(1)//"));
    CHECK_FALSE(is_web_address("https://"));
    CHECK_FALSE(is_web_address("https:///x"));
    CHECK_FALSE(is_web_address("thu.example.edu.vn"));
    CHECK_FALSE(is_web_address("https://a.vn\" onmouseover=\"x"));
}

TEST_CASE("drop_disallowed_urls removes the attribute and keeps the element and its text") {
    CHECK(drop_disallowed_urls("<p><a href=\"javascript:alert(1)\">bấm</a></p>") == "<p><a>bấm</a></p>");
    CHECK(drop_disallowed_urls("<a title=\"t\" HREF='JaVa&#x09;script:x'>t</a>") == "<a title=\"t\">t</a>");
    CHECK(drop_disallowed_urls("<img src=data:image/svg+xml,x alt=\"ảnh\">") == "<img alt=\"ảnh\">");
    CHECK(drop_disallowed_urls("<form action=\"vbscript:x\"><button formaction=\"file:///x\">b</button></form>") ==
          "<form><button>b</button></form>");
    const std::string kept = "<a href=\"https://a.vn/?a=1&amp;b=2\">a &lt; b</a> 3 < 4 <img src=\"anh/truong.jpg\" alt=\"x > y\">";
    CHECK(drop_disallowed_urls(kept) == kept);
}

TEST_CASE("check reports a document's link or image with a disallowed scheme as url, with its line") {
    std::string text = test::plan("# I. MỤC ĐÍCH\n\n[bấm](javascript:alert(1)) và ![ảnh](data:image/png;base64,AAAA)\n\n"
                                  "[ẩn](JaVa&#x09;script:alert(1)) <vbscript:msgbox(1)> [được](https://a.vn)\n");
    auto repo = test::make_repository({{"plans/2024-2025/a.md", text}});
    auto found = test::run_rule(repo, "url");
    REQUIRE(found.size() == 4);
    for (const auto& d : found) {
        CHECK(d.severity == Severity::Error);
        CHECK(d.file == "plans/2024-2025/a.md");
        CHECK(d.message.vi.find("javascript") + d.message.vi.find("data") + d.message.vi.find("vbscript") != 3 * std::string::npos);
    }
    CHECK(found[0].at.line == found[1].at.line);
    CHECK(found[2].at.line == found[0].at.line + 2);
}

TEST_CASE("with cho_phep_html, raw HTML holding a disallowed URL is a url error at its line") {
    std::string text = test::plan("Đoạn.\n\n<a href=\"JaVa&#x09;script:alert(1)\">thô</a>\n\n<a href=\"https://a.vn\">được</a>\n");
    auto repo = test::make_repository({{"plans/2024-2025/a.md", text}});
    CHECK(test::run_rule(repo, "url").empty());  // without cho_phep_html the raw HTML is not published
    repo.school.allow_raw_html = true;
    auto found = test::run_rule(repo, "url");
    REQUIRE(found.size() == 1);
    std::string before = text.substr(0, text.find("<a href=\"JaVa"));
    CHECK(found[0].at.line == 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n')));
}

TEST_CASE("the body HTML drops disallowed links and images even with cho_phep_html") {
    std::string text = test::plan("[bấm](javascript:alert(1)) ![ảnh](data:image/svg+xml;base64,AAAA) [x](JaVa&#x09;script:x) "
                                  "<a href=\"vbscript:x\">thô</a> [được](https://a.vn)\n");
    auto repo = test::make_repository({{"plans/2024-2025/a.md", text}});
    for (bool raw : {false, true}) {
        std::string html = render_body_html(repo.documents[0], 0, raw, {});
        INFO(html);
        CHECK(html.find("javascript") == std::string::npos);
        CHECK(html.find("script:") == std::string::npos);
        CHECK(html.find("data:image") == std::string::npos);
        CHECK(html.find("bấm") != std::string::npos);
        CHECK(html.find("href=\"https://a.vn\"") != std::string::npos);
    }
}

TEST_CASE("keep_fetchable_urls: URLs the caller refuses, srcset, rel and CSS that fetches are removed, the text stays") {
    auto only_a = [](const std::string& url, bool) { return url == "a.png"; };
    CHECK(keep_fetchable_urls("<a rel=\"attachment\" href=\"../../.git/config\">tệp</a>", only_a) == "<a>tệp</a>");
    CHECK(keep_fetchable_urls("<img src=\"a.png\" srcset=\"b.png 2x\">", only_a) == "<img src=\"a.png\">");
    CHECK(keep_fetchable_urls("<img src=\"a&#46;png\">", only_a) == "<img src=\"a&#46;png\">");  // given decoded
    CHECK(keep_fetchable_urls("<span style=\"background:URL(x)\">t</span>", only_a) == "<span>t</span>");
    CHECK(keep_fetchable_urls("<span style=\"color:red\">t</span>", only_a) == "<span style=\"color:red\">t</span>");
    CHECK(keep_fetchable_urls("<style>@import 'x.css';</style><p>t</p>", only_a) == "<style></style><p>t</p>");
    CHECK(keep_fetchable_urls("<style>p{color:red}</style>", only_a) == "<style>p{color:red}</style>");
}

TEST_CASE("keep_fetchable_urls tells a link, which is not opened, from everything a printing program fetches") {
    std::vector<std::pair<std::string, bool>> seen;
    auto record = [&](const std::string& url, bool fetched) {
        seen.emplace_back(url, fetched);
        return !fetched;
    };
    std::string html = keep_fetchable_urls(
        "<a href=\"http://x/trang\">t</a><img src=\"http://x/a.png\"><object data=\"http://x/o\"></object><link href=\"http://x/s.css\">"
        "<svg><image href=\"http://x/i.png\"/><a xlink:href=\"http://x/l\">l</a></svg>",
        record);
    CHECK(html == "<a href=\"http://x/trang\">t</a><img><object></object><link><svg><image/><a xlink:href=\"http://x/l\">l</a></svg>");
    CHECK(seen == std::vector<std::pair<std::string, bool>>{{"http://x/trang", false}, {"http://x/a.png", true}, {"http://x/o", true},
                                                            {"http://x/s.css", true}, {"http://x/i.png", true}, {"http://x/l", false}});
}

TEST_CASE("percent_decode decodes %XX once and keeps a broken escape") {
    CHECK(percent_decode("..%2F..%2f.git") == "../../.git");
    CHECK(percent_decode("a%2") == "a%2");
    CHECK(percent_decode("%25%32%46") == "%2F");
}
