// Whole runs of the build session on repositories written as one block of text (school_text.h):
// the cross-document rules, a planted link, a page's HTML and --strict, without the binary or a
// fixture folder. The end-to-end tests keep running the binary on tests/fixtures/.
#include <doctest/doctest.h>

#include <kainjow/mustache.hpp>

#include "html/body_html.h"
#include "model/page_paths.h"
#include "school_text.h"

using namespace vanban;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string school(const std::vector<std::pair<std::string, std::string>>& files) {
    std::string text = test::kSchoolYaml;
    for (const auto& [path, body] : files) text += "-- " + path + " --\n" + body;
    return text;
}

std::vector<std::string> errors(const std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> out;
    for (const auto& d : diagnostics)
        if (d.severity == Severity::Error)
            out.push_back(d.file + ":" + std::to_string(d.at.line) + " " + d.rule + " " + d.message.vi);
    return out;
}

const std::string kCitingSeptember =
    "Căn cứ Thông tư số 32/2020/TT-BGDĐT ngày 15/9/2020 của Bộ Giáo dục và Đào tạo ban hành Điều lệ "
    "trường trung học cơ sở;";
const std::string kCitingOctober =
    "Căn cứ Thông tư số 32/2020/TT-BGDĐT ngày 15/10/2020 của Bộ Giáo dục và Đào tạo ban hành Điều lệ "
    "trường trung học cơ sở;";

}  // namespace

TEST_CASE("in memory: a clean plan has no finding and gets its page") {
    auto run = test::run_school(school({{"plans/2024-2025/ke-hoach-a.md", test::plan_text(12)}}));
    CHECK(errors(run->result.diagnostics).empty());
    CHECK(run->result.documents == 1);
    CHECK(run->result.committed);
    CHECK(contains(run->page("index.html"), "Trường THCS Thử Nghiệm"));
}

TEST_CASE("in memory: one number in two plans of a year is a duplicate on both") {
    auto run = test::run_school(school({{"plans/2024-2025/ke-hoach-a.md", test::plan_text(12)},
                                        {"plans/2024-2025/ke-hoach-b.md", test::plan_text(12)}}),
                                false);
    CHECK(run->findings("duplicate-number") ==
          std::vector<std::string>{"plans/2024-2025/ke-hoach-a.md:3 duplicate-number",
                                   "plans/2024-2025/ke-hoach-b.md:3 duplicate-number"});
    REQUIRE(run->first("duplicate-number"));
    CHECK(contains(run->first("duplicate-number")->message.vi,
                   "số 12/KH-THCSTN trùng với plans/2024-2025/ke-hoach-b.md"));
}

TEST_CASE("in memory: one circular cited with two dates is a conflict at the later place") {
    auto run = test::run_school(school({{"plans/2024-2025/ke-hoach-a.md", test::plan_text(12)},
                                        {"plans/2024-2025/ke-hoach-b.md", test::plan_text(20, kCitingOctober)}}),
                                false);
    CHECK(run->findings("citation-conflict") ==
          std::vector<std::string>{"plans/2024-2025/ke-hoach-b.md:14 citation-conflict"});
    REQUIRE(run->first("citation-conflict"));
    CHECK(contains(run->first("citation-conflict")->message.vi, "ở plans/2024-2025/ke-hoach-a.md:14"));
}

TEST_CASE("in memory: a link to a missing file is broken, one to a document of the tree is not") {
    auto run = test::run_school(
        school({{"plans/2024-2025/ke-hoach-a.md",
                 test::plan_text(
                     12, kCitingSeptember,
                     "Xem [kế hoạch năm trước](../2023-2024/ke-hoach-day-hoc.md) và [kế hoạch 13](ke-hoach-b.md).")},
                {"plans/2024-2025/ke-hoach-b.md", test::plan_text(13)}}),
        false);
    CHECK(run->findings("broken-link") == std::vector<std::string>{"plans/2024-2025/ke-hoach-a.md:20 broken-link"});
    REQUIRE(run->first("broken-link"));
    CHECK(contains(run->first("broken-link")->message.vi,
                   "\"../2023-2024/ke-hoach-day-hoc.md\" trỏ tới tệp không tồn tại"));
}

TEST_CASE("in memory: a document or folder planted as a symbolic link is refused, never read nor published") {
    auto run = test::run_school(school({{"plans/2024-2025/ke-hoach-a.md", test::plan_text(12)},
                                        {"plans/2024-2025/mat-khau.md -> /etc/passwd", ""},
                                        {"content/ngoai -> ../..", ""},
                                        {"templates/types -> /usr/share", ""}}));
    CHECK(run->findings("symlink") == std::vector<std::string>{"content/ngoai:1 symlink",
                                                               "plans/2024-2025/mat-khau.md:1 symlink",
                                                               "templates/types:1 symlink"});
    CHECK(run->result.documents == 1);
    CHECK(run->page(output_path("plans/2024-2025/mat-khau.md")).empty());
    CHECK_FALSE(run->page(output_path("plans/2024-2025/ke-hoach-a.md")).empty());
    REQUIRE(run->first("symlink"));
    CHECK(contains(run->first("symlink")->message.vi, "trỏ tới ../.."));
}

TEST_CASE("in memory: a plan's page shows its number, title and sections") {
    auto run = test::run_school(school({{"plans/2024-2025/ke-hoach-a.md", test::plan_text(12)}}));
    REQUIRE(run->result.committed);
    std::string page = run->page(output_path("plans/2024-2025/ke-hoach-a.md"));
    CHECK(contains(page, "12/KH-THCSTN"));
    CHECK(contains(page, "Tổ chức dạy học năm học 2024-2025"));
    CHECK(contains(page, "MỤC ĐÍCH, YÊU CẦU"));
    CHECK(contains(page, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THỬ"));
    CHECK_FALSE(contains(page, "duplicate-number"));  // the public page has no findings
}

TEST_CASE("in memory: --strict with an error leaves the site of the last build as it was") {
    test::SchoolRun run(test::memory_tree(school({{"plans/2024-2025/ke-hoach-a.md", test::plan_text(12)}})));
    REQUIRE(run.run().committed);
    const std::string page_a = run.page(output_path("plans/2024-2025/ke-hoach-a.md"));
    const std::string home = run.page("index.html");
    REQUIRE_FALSE(page_a.empty());
    run.tree->add_file("plans/2024-2025/ke-hoach-b.md", test::plan_text(12));
    run.run(true, true);
    CHECK_FALSE(run.result.committed);
    CHECK(run.findings("duplicate-number").size() == 2);
    CHECK(run.page(output_path("plans/2024-2025/ke-hoach-b.md")).empty());
    CHECK(run.page(output_path("plans/2024-2025/ke-hoach-a.md")) == page_a);
    CHECK(run.page("index.html") == home);
    // Without --strict the same tree is published, the new plan with it.
    run.run();
    CHECK(run.result.committed);
    CHECK_FALSE(run.page(output_path("plans/2024-2025/ke-hoach-b.md")).empty());
}

TEST_CASE("in memory: a school's layout shows each page's own title and content, escaped where it asks") {
    // The layout is rendered once per shape of page with markers for the title and the content:
    // every use of them, escaped or not, in a section or twice, gets the page's own.
    const std::string layout =
        "<title>{{title}}</title>\n[{{{title}}}]\n  {{#title}}\n  <i>{{title}}</i>\n  {{/title}}\n"
        "<main>{{{content}}}</main>\n<pre>{{content}}</pre>\n{{^content}}trống{{/content}}\n";
    std::string marked = test::plan_text(12);
    marked.replace(marked.find("Tổ chức dạy học năm học 2024-2025"), std::string("Tổ chức dạy học năm học 2024-2025").size(),
                   "Dạy <b>tốt</b> & 'học' \\\"tốt\\\"");
    auto run = test::run_school(school({{"templates/site/layout.mustache", layout},
                                        {"plans/2024-2025/ke-hoach-a.md", marked},
                                        {"plans/2024-2025/ke-hoach-b.md", test::plan_text(13)}}));
    REQUIRE(run->result.committed);
    std::string a = run->page(output_path("plans/2024-2025/ke-hoach-a.md"));
    std::string b = run->page(output_path("plans/2024-2025/ke-hoach-b.md"));
    CHECK(contains(a, "Dạy &lt;b&gt;tốt&lt;/b&gt; &amp; &apos;học&apos; &quot;tốt&quot;"));
    CHECK(contains(a, "[Kế hoạch Dạy <b>tốt</b> & 'học' \"tốt\"]"));
    CHECK(contains(a, "<i>Kế hoạch Dạy &lt;b&gt;tốt"));
    CHECK(contains(a, "<main>"));
    CHECK(contains(a, "12/KH-THCSTN"));
    CHECK(contains(a, "<pre>\n\n&lt;div class=&quot;cong-cu&quot;&gt;"));  // the content escaped as the layout asks
    CHECK_FALSE(contains(a, "trống"));
    CHECK(contains(b, "Tổ chức dạy học năm học 2024-2025"));
    CHECK(contains(b, "13/KH-THCSTN"));
    CHECK_FALSE(contains(b, "Dạy"));
    CHECK_FALSE(contains(b, "12/KH-THCSTN"));
}

TEST_CASE("in memory: a school's page template shows the document's own body, escaped where it asks") {
    // The page is rendered with a marker for the body, the body put in where the marker is: every
    // use of it, escaped or not, in a section or twice, gets the document's own HTML.
    const std::string van_ban = "[{{{body}}}]\n<pre>{{body}}</pre>\n  {{#body}}\n  <i>có</i>\n  {{/body}}\n{{^body}}trống{{/body}}\n{{{body}}}\n";
    const std::string marked = test::plan_text(12, "Căn cứ <b>điều lệ</b> & 'quy chế' \"trường\";");
    std::string bare = test::plan_text(13);
    bare.resize(bare.find("\n---\n") + 5);  // front matter only: an empty body, rendered as before
    auto run = test::run_school(school({{"templates/site/van-ban.mustache", van_ban},
                                        {"plans/2024-2025/ke-hoach-a.md", marked},
                                        {"plans/2024-2025/ke-hoach-b.md", bare}}));
    REQUIRE(run->result.committed);
    auto repo = test::make_repository({{"plans/2024-2025/ke-hoach-a.md", marked}});
    const std::string body = render_body_html(repo.documents[0], 0, false, nullptr);
    REQUIRE(contains(body, "&amp; 'quy chế'"));
    // What kainjow renders from the template with the body itself in the data.
    auto kainjows = [&](const std::string& with_body) {
        kainjow::mustache::data d;
        d.set("body", with_body);
        return kainjow::mustache::mustache(van_ban).render(d);
    };
    std::string a = run->page(output_path("plans/2024-2025/ke-hoach-a.md"));
    CHECK(contains(a, kainjows(body)));
    CHECK(contains(a, "[" + body + "]\n<pre>" + kainjow::mustache::html_escape(body) + "</pre>\n  <i>có</i>\n"));
    CHECK_FALSE(contains(a, "trống"));
    CHECK_FALSE(contains(a, "\x1E"));
    std::string b = run->page(output_path("plans/2024-2025/ke-hoach-b.md"));
    CHECK(contains(b, kainjows("")));
    CHECK(contains(b, "[]\n<pre></pre>\n"));
}
