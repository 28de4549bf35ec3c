#include <doctest/doctest.h>

#include "html/body_html.h"
#include "model/page_paths.h"
#include "test_support.h"

using namespace vanban;

TEST_CASE("source files map to site paths") {
    CHECK(output_path("plans/2024-2025/ke-hoach.md") == "ke-hoach/2024-2025/ke-hoach.html");
    CHECK(output_path("content/cong-khai/2024-2025/thu-chi.md") == "cong-khai/2024-2025/thu-chi.html");
    CHECK(output_path("content/gioi-thieu.md") == "gioi-thieu.html");
    CHECK(output_path("content/anh/truong.jpg") == "anh/truong.jpg");
    CHECK(relative_url("ke-hoach/2024-2025/a.html", "style.css") == "../../style.css");
    CHECK(relative_url("index.html", "cong-khai/index.html") == "cong-khai/index.html");
}

TEST_CASE("the body gets heading ids, rewritten links and scrollable tables") {
    std::string text = vanban::test::plan("# I. MỤC ĐÍCH\n\nXem [năm trước](../2023-2024/x.md#muc) và [web](https://a.vn).\n\n"
                                          "| A | B |\n|---|---|\n| 1 | 2 |\n\n<b>đậm</b>\n");
    auto repo = vanban::test::make_repository({{"plans/2024-2025/a.md", text}});
    const Document& doc = repo.documents[0];
    std::string html = render_body_html(doc, 0, false, [](const std::string& target) {
        return target.rfind("../", 0) == 0 ? std::string("../2023-2024/x.html#muc") : std::string();
    });
    CHECK(html.find("<h1 id=\"i-muc-dich\">I. MỤC ĐÍCH</h1>") != std::string::npos);
    CHECK(html.find("href=\"../2023-2024/x.html#muc\"") != std::string::npos);
    CHECK(html.find("href=\"https://a.vn\"") != std::string::npos);
    CHECK(html.find("<div class=\"bang\"><table>") != std::string::npos);
    CHECK(html.find("<b>đậm</b>") == std::string::npos);  // raw HTML is dropped by default
    CHECK(render_body_html(doc, 0, true, nullptr).find("<b>đậm</b>") != std::string::npos);
}

TEST_CASE("a draft's symbol starts at the slash, ky_hieu overrides the derived one") {
    auto repo = vanban::test::make_repository({
        {"plans/a.md", "---\nloai: ke-hoach\nngay: 2024-09-05\n---\n"},
        {"plans/b.md", "---\nloai: ke-hoach\nso: 7\n---\n"},
        {"plans/c.md", "---\nloai: ke-hoach\nso: 30\nky_hieu: \"KH-THCSTN-TCM\"\n---\n"},
        {"plans/d.md", "---\nloai: cong-van\nso: 118\n---\n"},
    });
    CHECK(repo.documents[0].symbol == "/KH-THCSTN");
    CHECK(repo.documents[0].is_draft());
    CHECK(repo.documents[1].symbol == "07/KH-THCSTN");
    CHECK(repo.documents[2].symbol == "30/KH-THCSTN-TCM");
    CHECK(repo.documents[3].symbol == "118/THCSTN");
}
