#include <doctest/doctest.h>

#include <kainjow/mustache.hpp>

#include <fstream>
#include <sstream>

#include "site/template_partials.h"

using namespace vanban;
using kainjow::mustache::data;
using kainjow::mustache::mustache;

namespace {

// What kainjow renders from `text`, the partials given as data, as the site gives them.
std::string render(const std::string& text, data d, const std::map<std::string, std::string>& partials) {
    for (const auto& [name, partial] : partials)
        d.set(name, kainjow::mustache::partial([&partial] { return partial; }));
    mustache m(text);
    REQUIRE(m.is_valid());
    std::string out;
    m.render(d, [&out](const std::string& s) { out += s; });
    REQUIRE(m.is_valid());
    return out;
}

// The page with the partials inlined is the page kainjow renders from the template as written.
std::string inlined_renders_the_same(const std::string& text, const data& d,
                                     const std::map<std::string, std::string>& partials) {
    std::string inlined = inline_partials(text, partials);
    CHECK(render(inlined, d, partials) == render(text, d, partials));
    return inlined;
}

data list_of(std::initializer_list<const char*> names) {
    data list{data::type::list};
    for (const char* n : names) list << data("ten", n);
    return list;
}

}  // namespace

TEST_CASE("a standalone partial tag keeps its line and the partial's lines, as kainjow renders them") {
    std::map<std::string, std::string> partials{{"p", "{{#co}}\n<aside>\n  {{#loi}}x{{/loi}}\n</aside>\n{{/co}}\n"}};
    const std::string text = "{{> p}}\n<article>\n{{{body}}}\n</article>\n";
    for (bool co : {false, true}) {
        data d;
        d.set("co", co);
        d.set("loi", true);
        d.set("body", "<p>a</p>\n<p>b</p>");
        std::string inlined = inlined_renders_the_same(text, d, partials);
        CHECK(inlined == partials["p"] + "\n<article>\n{{{body}}}\n</article>\n");
    }
    data d;
    d.set("co", false);
    // Not the Mustache spec's output (which drops the standalone tag's line): kainjow's, kept.
    CHECK(render(inline_partials(text, partials), d, partials) == "\n\n<article>\n\n</article>\n");
}

TEST_CASE("an indented partial is not indented, as kainjow renders it") {
    std::map<std::string, std::string> partials{{"item", "<li>\n  {{ten}}\n</li>\n"}};
    data d;
    d.set("ds", list_of({"a", "b"}));
    std::string inlined = inlined_renders_the_same("<ul>\n  {{#ds}}\n    {{> item}}\n  {{/ds}}\n</ul>\n", d, partials);
    CHECK(inlined.find("{{>") == std::string::npos);
    CHECK(render(inlined, d, partials) == "<ul>\n    <li>\n  a\n</li>\n\n    <li>\n  b\n</li>\n\n</ul>\n");
}

TEST_CASE("a partial inside a section, on one line, once per entry") {
    std::map<std::string, std::string> partials{{"muc", "<li>{{ten}}{{#ngay}} · {{ngay}}{{/ngay}}</li>"}};
    data d;
    d.set("ds", list_of({"a", "b", "c"}));
    d.set("trong", list_of({}));
    const std::string text =
        "<ul>{{#ds}}{{> muc}}{{/ds}}</ul>\n<ul>{{#trong}}{{> muc}}{{/trong}}</ul>\n{{^trong}}{{> muc }}{{/trong}}";
    std::string inlined = inlined_renders_the_same(text, d, partials);
    CHECK(inlined.find("{{>") == std::string::npos);
    CHECK(render(inlined, d, partials) == "<ul><li>a</li><li>b</li><li>c</li></ul>\n<ul></ul>\n<li></li>");
}

TEST_CASE("partials within partials are inlined, and one that includes itself is left to kainjow") {
    std::map<std::string, std::string> partials{
        {"a", "[{{> b}}]"}, {"b", "<{{x}}>"}, {"self", "({{#x}}{{> self}}{{/x}})"}};
    data d;
    d.set("x", "1");
    CHECK(inlined_renders_the_same("{{> a}}|{{>b}}", d, partials) == "[<{{x}}>]|<{{x}}>");
    CHECK(inline_partials("{{> self}}", partials) == "({{#x}}{{> self}}{{/x}})");
}

TEST_CASE("an unknown partial stays, and renders as before: from the data, or nothing") {
    std::map<std::string, std::string> partials{{"p", "P"}};
    data d;
    d.set("ten", "{{#co}}có{{/co}}");
    d.set("co", true);
    const std::string text = "{{> khong-co}}|{{> ten}}|{{> p}}";
    CHECK(inlined_renders_the_same(text, d, partials) == "{{> khong-co}}|{{> ten}}|P");
    CHECK(render(text, d, partials) == "|có|P");
}

TEST_CASE("tags that would read differently once inlined stay") {
    data d;
    d.set("x", "1");
    // A set-delimiter tag in the template or in the partial.
    CHECK(inline_partials("{{=<% %>=}}<%> p%>{{> p}}", {{"p", "P"}}) == "{{=<% %>=}}<%> p%>{{> p}}");
    CHECK(inlined_renders_the_same("{{> p}}{{x}}", d, {{"p", "{{=<% %>=}}<%x%>"}}) == "{{> p}}{{x}}");
    // "\r" + "\n" and "{" + "{" across an edge.
    CHECK(inlined_renders_the_same("a\r{{> p}}", d, {{"p", "\nb"}}) == "a\r{{> p}}");
    CHECK(inlined_renders_the_same("{{> p}}\nb", d, {{"p", "a\r"}}) == "{{> p}}\nb");
    CHECK(inlined_renders_the_same("a\r{{> p}}\nb", d, {{"p", ""}}) == "a\r{{> p}}\nb");
    CHECK(inlined_renders_the_same("{{> p}}{x}}", d, {{"p", "{"}}) == "{{> p}}{x}}");
    // A partial that is not a valid template by itself.
    CHECK(inline_partials("{{#x}}{{> p}}", {{"p", "{{/x}}"}}) == "{{#x}}{{> p}}");
    // Triple mustaches are variables, not partials; a partial's name is trimmed.
    CHECK(inline_partials("{{{> p}}}{{&p}}{{>  p  }}", {{"p", "P"}}) == "{{{> p}}}{{&p}}P");
}

TEST_CASE("vanban's own site templates render the same with their partials inlined") {
    auto read = [](const std::string& name) {
        std::ifstream in(std::string(VANBAN_TEST_DATA) + "/../templates/site/" + name + ".mustache", std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        REQUIRE(!s.str().empty());
        return s.str();
    };
    std::map<std::string, std::string> partials{{"muc-van-ban", read("muc-van-ban")}, {"chan-doan", read("chan-doan")}};
    data entry;
    entry.set("url", "a.html");
    entry.set("tieu_de", "Kế hoạch <1>");
    entry.set("ngay", "05/9/2024");
    entry.set("co_loi", true);
    data entries{data::type::list};
    entries << entry << entry;
    data year;
    year.set("nam_hoc", "2024-2025");
    year.set("van_ban", entries);
    data years{data::type::list};
    years << year;
    data diag;
    diag.set("dong", "3");
    data diags{data::type::list};
    diags << diag;
    for (bool flag : {false, true}) {
        data d;
        d.set("nam", years);
        d.set("moi_nhat", entries);
        d.set("cong_khai", flag);
        d.set("co_chan_doan", flag);
        d.set("co_loi", flag);
        d.set("chan_doan", diags);
        d.set("body", "<p>nội dung</p>\n");
        for (const char* name : {"danh-sach", "trang-chu", "trang", "van-ban"})
            CHECK(inlined_renders_the_same(read(name), d, partials).find("{{>") == std::string::npos);
    }
}
