// `vanban build`: the website written from a fixture repository.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

namespace {

std::map<std::string, std::string> read_tree(const fs::path& root) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) files[fs::relative(e.path(), root).generic_string()] = slurp(e.path().string());
    return files;
}

Run build(const std::string& root, const std::string& out, const std::string& extra = "") {
    return run_vanban("build --root " + shell_quote(root) + " --out " + shell_quote(out) + " --today 2026-11-23 " + extra);
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("the site has the pages a reader looks for") {
    TempDir tmp;
    std::string out = tmp.str() + "/site";
    Run r = build(fixture("clean"), out);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "5 văn bản"));
    for (const char* f : {"index.html", "cong-khai/index.html", "ke-hoach/index.html", "van-ban/index.html", "tim-kiem.html",
                          "search-index.js", "search.js", "style.css", "feed.xml", "sitemap.xml", "gioi-thieu.html",
                          "ke-hoach/2024-2025/ke-hoach-day-hoc.html", "cong-khai/2024-2025/thu-chi.html",
                          "van-ban/2024-2025/cong-van-hoc-lieu.html"})
        CHECK_MESSAGE(fs::exists(out + "/" + f), f);

    std::string page = slurp(out + "/ke-hoach/2024-2025/ke-hoach-day-hoc.html");
    CHECK(contains(page, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THỬ"));
    CHECK(contains(page, "TRƯỜNG THCS THỬ NGHIỆM"));
    CHECK(contains(page, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    CHECK(contains(page, "Độc lập - Tự do - Hạnh phúc"));
    CHECK(contains(page, "Số: 12/KH-THCSTN"));
    CHECK(contains(page, "Thử, ngày 20 tháng 9 năm 2024"));
    CHECK(contains(page, "KẾ HOẠCH"));
    CHECK(contains(page, "KT. HIỆU TRƯỞNG"));
    CHECK(contains(page, "Lê Thị Thử"));
    CHECK(contains(page, "Nơi nhận:"));
    CHECK(contains(page, "<h1 id=\"i-muc-dich-yeu-cau\">I. MỤC ĐÍCH, YÊU CẦU</h1>"));
    CHECK(contains(page, "href=\"../../style.css\""));

    // A link between documents points at the other page.
    CHECK(contains(slurp(out + "/ke-hoach/2024-2025/ke-hoach-chuyen-doi-so.html"), "href=\"../../ke-hoach/2024-2025/ke-hoach-day-hoc.html\""));
    // A công văn: trích yếu under the number, "Kính gửi", no type name.
    std::string letter = slurp(out + "/van-ban/2024-2025/cong-van-hoc-lieu.html");
    CHECK(contains(letter, "V/v triển khai học liệu số"));
    CHECK(contains(letter, "Kính gửi: Các tổ chuyên môn"));
    CHECK(contains(letter, "Số: 15/THCSTN"));
    // Công khai grouped by the categories of Thông tư 09/2024/TT-BGDĐT.
    std::string disclosure = slurp(out + "/cong-khai/index.html");
    CHECK(contains(disclosure, "Năm học 2024-2025"));
    CHECK(contains(disclosure, "Thu, chi tài chính"));
    CHECK(contains(disclosure, "27/9/2024"));
    // Raw HTML is not passed through unless vanban.yaml allows it.
    std::string about = slurp(out + "/gioi-thieu.html");
    CHECK_FALSE(contains(about, "<em>thành lập</em>"));
    CHECK(contains(about, "raw HTML omitted"));
    // Search index, feed and sitemap.
    std::string index = slurp(out + "/search-index.js");
    CHECK(contains(index, "window.VANBAN_SEARCH = "));
    CHECK(contains(index, " chuyen "));  // words folded: "chuyển đổi số" is found as "chuyen doi so"
    CHECK(contains(index, " doi "));
    CHECK(contains(slurp(out + "/feed.xml"), "<id>https://thu.example.edu.vn/ke-hoach/2024-2025/ke-hoach-day-hoc.html</id>"));
    CHECK(contains(slurp(out + "/sitemap.xml"), "<loc>https://thu.example.edu.vn/cong-khai/index.html</loc>"));
}

TEST_CASE("the same input gives the same bytes") {
    TempDir tmp;
    REQUIRE(build(fixture("clean"), tmp.str() + "/a").exit_code == 0);
    REQUIRE(build(fixture("clean"), tmp.str() + "/b", "--jobs 1").exit_code == 0);
    CHECK(read_tree(tmp.path / "a") == read_tree(tmp.path / "b"));
}

TEST_CASE("documents with errors are rendered, marked only with --show-diagnostics, and --strict stops and keeps the old site") {
    TempDir tmp;
    std::string out = tmp.str() + "/site";
    Run r = build(fixture("table-sum"), out);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "[table-sum]"));
    std::string page = slurp(out + "/ke-hoach/2024-2025/ke-hoach.html");
    CHECK(contains(page, "Tổ chức dạy học năm học 2024-2025"));
    CHECK_FALSE(contains(page, "lỗi"));
    CHECK_FALSE(contains(slurp(out + "/ke-hoach/index.html"), "lỗi"));
    REQUIRE(build(fixture("table-sum"), out, "--show-diagnostics").exit_code == 1);
    CHECK(contains(slurp(out + "/ke-hoach/2024-2025/ke-hoach.html"), "Văn bản này có 1 lỗi"));
    CHECK(contains(slurp(out + "/ke-hoach/index.html"), "1 lỗi"));

    REQUIRE(build(fixture("clean"), out).exit_code == 0);
    auto before = read_tree(out);
    Run strict = build(fixture("table-sum"), out, "--strict");
    CHECK(strict.exit_code == 1);
    CHECK(contains(strict.err, "--strict"));
    CHECK(read_tree(out) == before);
}

TEST_CASE("a failed build leaves the previous site whole and no temporary folder") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    std::string out = tmp.str() + "/site";
    REQUIRE(build(root.string(), out).exit_code == 0);
    auto before = read_tree(out);

    fs::create_directories(root / "templates/site");
    std::ofstream(root / "templates/site/van-ban.mustache") << "{{#mo_khong_dong}} mẫu hỏng\n";
    Run r = build(root.string(), out);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "van-ban.mustache"));
    CHECK(read_tree(out) == before);
    CHECK(leftover_temporaries(tmp.path).empty());
}

TEST_CASE("vanban never replaces a folder it did not make") {
    TempDir tmp;
    fs::create_directories(tmp.path / "tai-lieu");
    std::ofstream(tmp.path / "tai-lieu/quan-trong.docx") << "x";
    Run r = build(fixture("clean"), tmp.str() + "/tai-lieu");
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "không do vanban tạo"));
    CHECK(fs::exists(tmp.path / "tai-lieu/quan-trong.docx"));
}

TEST_CASE("a document on one of vanban's own pages is a file-name finding naming both, the rest is built") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    std::ofstream(root / "content/index.md") << "---\nloai: trang\ntieu_de: \"Trang chủ riêng\"\n---\nChào.\n";
    Run r = build(root.string(), tmp.str() + "/site");
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "content/index.md"));
    CHECK(contains(r.err, "index.html"));
    CHECK(contains(r.err, "[file-name]"));
    CHECK(fs::exists(tmp.path / "site/gioi-thieu.html"));
    CHECK_FALSE(contains(slurp(tmp.str() + "/site/index.html"), "Trang chủ riêng"));
}

TEST_CASE("--out inside content/ is refused, a symlinked output folder keeps its link") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    Run inside = build(root.string(), (root / "content/web").string());
    CHECK(inside.exit_code == 2);
    CHECK(contains(inside.err, "content/"));

    fs::create_directories(tmp.path / "www");
    fs::create_directory_symlink(tmp.path / "www", tmp.path / "site");
    REQUIRE(build(root.string(), tmp.str() + "/site").exit_code == 0);
    CHECK(fs::is_symlink(tmp.path / "site"));
    CHECK(fs::exists(tmp.path / "www/index.html"));
}

TEST_CASE("a malformed vanban.yaml is a diagnostic naming the file, not a crash") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    std::ofstream(root / "vanban.yaml") << "Trường THCS Thử Nghiệm\n";
    Run r = run_vanban("check --root " + shell_quote(root.string()) + " --today 2026-11-23");
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, "vanban.yaml:1:1: lỗi [front-matter]"));
}

TEST_CASE("a link to a file that exists but is not published is reported") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    fs::create_directories(root / "tai-lieu");
    std::ofstream(root / "tai-lieu/mau.pdf") << "%PDF";
    std::ofstream(root / "content/gioi-thieu.md", std::ios::app) << "\n[Mẫu](../tai-lieu/mau.pdf)\n";
    Run r = run_vanban("check --root " + shell_quote(root.string()) + " --today 2026-11-23");
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, "content/gioi-thieu.md:13:1: lỗi [broken-link] \"../tai-lieu/mau.pdf\" có trong kho nhưng không được đưa lên trang web"));
}
