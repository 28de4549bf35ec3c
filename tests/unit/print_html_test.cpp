// The print HTML: the site's renderer (html/body_html.h) inside the Mustache templates of
// templates/pdf/, with only the images a printed copy may hold.
#include <doctest/doctest.h>

#include <algorithm>

#include "html/body_html.h"
#include "pdf/pdf_renderer.h"
#include "test_support.h"

using namespace vanban;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

size_t count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE(
    "on paper a refused image is its alt text and its address, a link's address is text, a bad scheme is left out") {
    auto repo = test::make_repository(
        {{"plans/2024-2025/a.md",
          test::plan("![sân trường](https://a.vn/san.png) [![logo](https://a.vn/logo.png)](https://a.vn) "
                     "![](https://a.vn/khong-ten.png) ![xấu](ftp://a.vn/x.png) ![giữ](giu.png)\n")}});
    auto keep_only = [](const std::string& src) { return src == "giu.png"; };
    std::string html = render_body_html(repo.documents[0], 0, false, nullptr, keep_only);
    INFO(html);
    CHECK(contains(html, "sân trường (<a href=\"https://a.vn/san.png\">https://a.vn/san.png</a>)"));
    CHECK(contains(html, "<a href=\"https://a.vn\">logo (https://a.vn/logo.png)</a>"));
    CHECK(contains(html, "<a href=\"https://a.vn/khong-ten.png\">https://a.vn/khong-ten.png</a>"));
    CHECK(contains(html, " xấu "));
    CHECK_FALSE(contains(html, "ftp:"));
    CHECK(count(html, "<img ") == 1);
    CHECK(contains(html, "<img src=\"giu.png\" alt=\"giữ\""));
    // The site keeps every image (its own rules decide what a browser loads).
    CHECK(count(render_body_html(repo.documents[0], 0, false, nullptr), "<img ") == 5);
}

TEST_CASE("the print HTML: the header from the templates, the body as the site renders it, one part per appendix") {
    std::string text = test::plan(
        "# I. MỤC ĐÍCH\n\nNội dung có chú thích[^1] & <b>thô</b>.\n\n| A | B |\n|---|--:|\n| 1 | 2 |\n\n"
        "![ảnh](https://a.vn/x.png)\n\n[^1]: Lời chú thích.\n\n"
        "# Phụ lục I: Lịch làm việc\n\nMột.\n\n# Phụ lục II\n\nHai.\n");
    auto repo = test::make_repository({{"plans/2024-2025/a.md", text}});
    PrintSetup setup = PrintSetup::load(repo);
    PdfMarks marks;
    marks.draft = false;
    marks.verification = "Đã duyệt <x>";
    marks.page_url = "https://truong.vn/ke-hoach/a.html";
    PrintJob job = prepare_print(repo.documents[0], repo, setup, marks);
    REQUIRE(job.parts.size() == 3);
    const std::string& body = job.parts[0];
    INFO(body);
    CHECK(contains(body, "<title>Kế hoạch Thử nghiệm</title>"));
    CHECK(contains(body, "<meta name=\"author\" content=\"Trường THCS Thử Nghiệm\">"));
    CHECK(contains(body, "<p class=\"so-ky-hieu\">Số: 12/KH-THCSTN</p>"));
    CHECK(contains(body, "<p class=\"ten-loai\">KẾ HOẠCH</p>"));
    CHECK_FALSE(contains(body, "dau-du-thao"));
    // The site's renderer: heading ids, wrapped tables, cmark-gfm's footnotes, no raw HTML.
    CHECK(contains(body, "<h1 id="));
    CHECK(contains(body, "<div class=\"bang\"><table>"));
    CHECK(contains(body, "align=\"right\""));
    CHECK(contains(body, "class=\"footnotes\""));
    CHECK(contains(body, "Lời chú thích."));
    CHECK(contains(body, "&amp;"));
    CHECK_FALSE(contains(body, "<b>thô</b>"));
    CHECK(contains(body, "ảnh (<a href=\"https://a.vn/x.png\">"));
    CHECK(contains(body, "Đã duyệt &lt;x&gt;"));
    CHECK(contains(body, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ma-qr\""));
    CHECK(contains(body, "Đối chiếu bản gốc: https://truong.vn/ke-hoach/a.html"));
    CHECK(job.files.empty());
    CHECK(contains(job.parts[1], "<p class=\"nhan-phu-luc\">Phụ lục I</p>"));
    CHECK(contains(job.parts[1], "<p class=\"ten-phu-luc\">LỊCH LÀM VIỆC</p>"));
    CHECK(contains(job.parts[1], "Một."));
    CHECK_FALSE(contains(job.parts[1], "Hai."));
    CHECK_FALSE(contains(job.parts[2], "ten-phu-luc"));
    CHECK(contains(job.parts[2], "Hai."));
    CHECK(job.base_url.back() == '/');
    CHECK(contains(job.base_url, "/plans/2024-2025/"));
}
