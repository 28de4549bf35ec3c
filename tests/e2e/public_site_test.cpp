// `vanban build` publishes what is public: a repository with errors, warnings and failed PDFs
// and Word files gives a site with no trace of them (no rule, no count, no file path, no
// failure text); `--show-diagnostics` (an internal mirror) and the preview show them.
#include <doctest/doctest.h>

#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "run_vanban.h"
#include "school_repo.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

namespace {

// Every text file of the site (pages, search index, feed, sitemap, style sheet, scripts), by path.
std::map<std::string, std::string> text_files(const fs::path& site) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(site)) {
        std::string ext = e.path().extension().string();
        if (e.is_regular_file() && (ext == ".html" || ext == ".js" || ext == ".json" || ext == ".xml" || ext == ".txt" || ext == ".css"))
            files[fs::relative(e.path(), site).generic_string()] = slurp(e.path().string());
    }
    return files;
}

const char* const kErrorPlan = "plans/2024-2025/ke-hoach-loi.md";

// The clean fixture with a draft plan whose table does not add up (error [table-sum]) and which
// cites "Kế hoạch số 4725/QĐ-BGDĐT" (warning [citation-type]), and a page with a broken link
// (error [broken-link]) and a placeholder left in (warning [placeholder]).
fs::path repository_with_findings(const TempDir& tmp) {
    fs::path root = tmp.copy_of("clean");
    std::ofstream(root / kErrorPlan) << R"(---
loai: ke-hoach
ngay: 2024-09-21
nam_hoc: "2024-2025"
trich_yeu: "Tổ chức ngày hội đọc sách năm học 2024-2025"
nguoi_ky:
  quyen_han: "KT. HIỆU TRƯỞNG"
  chuc_vu: "PHÓ HIỆU TRƯỞNG"
  ho_ten: "Lê Thị Thử"
noi_nhan:
  - "Lưu: VT."
---

Căn cứ Kế hoạch số 4725/QĐ-BGDĐT ngày 12/8/2024 của Bộ Giáo dục và Đào tạo;

# I. MỤC ĐÍCH, YÊU CẦU

## 1. Mục đích

Khuyến khích đọc sách.

## 2. Yêu cầu

- Thiết thực.

# II. NỘI DUNG

| Nội dung | Số lượng |
|---|---:|
| Sách mới | 3 |
| Sách tặng | 1 |
| Tổng số | 05 |

# III. TỔ CHỨC THỰC HIỆN

Thư viện thực hiện./.
)";
    std::ofstream(root / "content/gioi-thieu.md", std::ios::app) << "\nXem [nội quy](noi-quy.md). Hiệu trưởng: [[họ tên]].\n";
    return root;
}

// What the public must not see, in a file of the site: "" when nothing is found.
std::string trace_in(const std::string& text) {
    static const char* const rules[] = {"front-matter", "unknown-type", "required-section", "section-order", "heading-numbering",
                                        "duplicate-number", "date-range", "table-sum", "citation-conflict", "citation-type",
                                        "unicode-nfc", "broken-link", "file-name", "governing-body"};
    for (const char* rule : rules)
        if (contains(text, rule)) return rule;
    // The short rule names are common words: as a finding prints them.
    for (const char* rule : {"appendix", "encoding", "symlink", "attachment", "url", "config", "trust", "limit", "unreadable",
                             "approval", "placeholder", "pdf", "docx"})
        if (contains(text, std::string("[") + rule + "]")) return std::string("[") + rule + "]";
    for (const char* word : {"lỗi", "Lỗi", "cảnh báo", "Cảnh báo", "vanban check", "Tệp nguồn", "plans/", "content/", ".md",
                             "Chưa có bản", "weasyprint", "pandoc", "không chạy được", "chan-doan\"", "nhan-loi\"", "loi-pdf\""})
        if (contains(text, word)) return word;
    return "";
}

Run build(const fs::path& root, const std::string& out, const std::string& cache, const std::string& extra = "") {
    // No WeasyPrint, no Pandoc: every PDF and Word file fails, with a reason naming the program.
    return run_vanban("build --root " + shell_quote(root.string()) + " --out " + shell_quote(out) + " --cache " + shell_quote(cache) +
                          " --today 2026-11-23 " + extra,
                      "VANBAN_WEASYPRINT=/khong/co/weasyprint VANBAN_PANDOC=/khong/co/pandoc VANBAN_PROGRESS=off ");
}

}  // namespace

TEST_CASE("a build of a repository with errors, warnings and failed PDFs publishes no trace of them") {
    TempDir tmp;
    fs::path root = repository_with_findings(tmp);
    std::string out = tmp.str() + "/site";
    Run r = build(root, out, tmp.str() + "/cache");
    INFO(r.err);
    CHECK(r.exit_code == 1);
    // The school is told, on stderr.
    CHECK(contains(r.err, "[table-sum]"));
    CHECK(contains(r.err, "[citation-type]"));
    CHECK(contains(r.err, "[broken-link]"));
    CHECK(contains(r.err, "[placeholder]"));
    CHECK(contains(r.err, "lỗi [pdf] không chạy được weasyprint"));
    CHECK(contains(r.err, "lỗi [docx] không chạy được pandoc"));

    auto files = text_files(out);
    REQUIRE(files.count("ke-hoach/2024-2025/ke-hoach-loi.html"));
    for (const char* f : {"index.html", "ke-hoach/index.html", "search-index.js", "feed.xml", "sitemap.xml", "gioi-thieu.html"})
        CHECK_MESSAGE(files.count(f), f);
    for (const auto& [path, text] : files) CHECK_MESSAGE(trace_in(text).empty(), (path + " shows \"" + trace_in(text) + "\""));

    // The document is there, marked as a draft, and nothing more.
    std::string page = files["ke-hoach/2024-2025/ke-hoach-loi.html"];
    CHECK(contains(page, "Tổ chức ngày hội đọc sách năm học 2024-2025"));
    CHECK(contains(page, "DỰ THẢO"));
    CHECK_FALSE(contains(page, "Tải bản PDF"));  // the PDF failed: no link, no explanation
    CHECK(contains(files["ke-hoach/index.html"], "<span class=\"nhan nhan-du-thao\">Dự thảo</span>"));
    CHECK_FALSE(contains(files["ke-hoach/index.html"], "class=\"nhan nhan-loi\""));
}

TEST_CASE("build --show-diagnostics (an internal mirror) shows the findings, the failures and the source files") {
    TempDir tmp;
    fs::path root = repository_with_findings(tmp);
    std::string out = tmp.str() + "/site";
    Run r = build(root, out, tmp.str() + "/cache", "--show-diagnostics");
    CHECK(r.exit_code == 1);
    std::string page = slurp(out + "/ke-hoach/2024-2025/ke-hoach-loi.html");
    CHECK(contains(page, "Văn bản này có 1 lỗi"));
    CHECK(contains(page, "[table-sum]"));
    CHECK(contains(page, "cảnh báo [citation-type]"));
    CHECK(contains(page, "Chưa có bản PDF của văn bản này: không chạy được weasyprint"));
    CHECK(contains(page, "Chưa có bản Word của văn bản này"));
    CHECK(contains(page, "Tệp nguồn: <code>plans/2024-2025/ke-hoach-loi.md</code>"));
    CHECK(contains(slurp(out + "/ke-hoach/index.html"), "<span class=\"nhan nhan-loi\">1 lỗi</span>"));
    std::string about = slurp(out + "/gioi-thieu.html");
    CHECK(contains(about, "[broken-link]"));
    CHECK(contains(about, "[placeholder]"));
}

TEST_CASE("on a clean repository the public site and the internal mirror differ only by the source-file line") {
    TempDir tmp;
    std::string args = "build --root " + shell_quote(fixture("clean")) + " --today 2026-11-23 --no-pdf --no-docx --out ";
    REQUIRE(run_vanban(args + shell_quote(tmp.str() + "/public")).exit_code == 0);
    REQUIRE(run_vanban(args + shell_quote(tmp.str() + "/mirror") + " --show-diagnostics").exit_code == 0);
    auto published = text_files(tmp.path / "public"), mirror = text_files(tmp.path / "mirror");
    REQUIRE(published.size() == mirror.size());
    for (const auto& [path, text] : published) {
        std::string internal = mirror[path];
        size_t at = internal.find("<p class=\"nguon\">");
        if (at != std::string::npos) internal.erase(at, internal.find("</p>", at) + 4 - at);
        CHECK_MESSAGE(text == internal, path);
        CHECK_MESSAGE(trace_in(text).empty(), (path + " shows \"" + trace_in(text) + "\""));
    }
}

TEST_CASE("the preview shows a document's findings on its page") {
    Served served([](const fs::path& root) {
        std::string plan = slurp((root / "plans/2024-2025/ke-hoach-day-hoc.md").string());
        plan.replace(plan.find("| - Văn | 1 |"), std::string("| - Văn | 1 |").size(), "| - Văn | 4 |");
        std::ofstream(root / "plans/2024-2025/ke-hoach-day-hoc.md") << plan;
    });
    REQUIRE(served.port > 0);
    httplib::Client client("127.0.0.1", served.port);
    auto page = client.Get("/ke-hoach/2024-2025/ke-hoach-day-hoc.html");
    REQUIRE(page);
    CHECK(contains(page->body, "Văn bản này có 1 lỗi"));
    CHECK(contains(page->body, "[table-sum]"));
    CHECK(contains(page->body, "Tệp nguồn"));
}

TEST_CASE("the public site gives an approved document a short verification line and an unapproved one only its DỰ THẢO mark") {
    SchoolRepo s;
    s.approve("pht", "pho-hieu-truong", kPlan);
    s.approve("ht", "hieu-truong", kPlan);
    std::string env = "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/cache") + " VANBAN_PROGRESS=off ";
    std::string args = "build --no-pdf --no-docx --root " + shell_quote(s.root.string()) + " --today 2026-11-23 --out ";
    Run r = run_vanban(args + shell_quote(s.tmp.str() + "/public"), env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string approved = slurp(s.tmp.str() + "/public/ke-hoach/2024-2025/ke-hoach-day-hoc.html");
    CHECK(contains(approved, "Phê duyệt: đã duyệt"));
    CHECK(contains(approved, "<span>hieu-truong, "));
    CHECK(contains(approved, "<span>pho-hieu-truong, "));
    CHECK_FALSE(contains(approved, "@truong.vn"));  // who signed is the school's business; the role is public
    std::string draft = slurp(s.tmp.str() + "/public/ke-hoach/2024-2025/ke-hoach-chuyen-doi-so.html");
    CHECK(contains(draft, "DỰ THẢO"));
    CHECK_FALSE(contains(draft, "phe-duyet"));
    CHECK_FALSE(contains(draft, "Phê duyệt"));
    CHECK_FALSE(contains(draft, "Còn thiếu"));

    // The internal mirror keeps the whole box.
    r = run_vanban(args + shell_quote(s.tmp.str() + "/mirror") + " --show-diagnostics", env);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(slurp(s.tmp.str() + "/mirror/ke-hoach/2024-2025/ke-hoach-day-hoc.html"), "hieu-truong: ht@truong.vn"));
    CHECK(contains(slurp(s.tmp.str() + "/mirror/ke-hoach/2024-2025/ke-hoach-chuyen-doi-so.html"), "Còn thiếu: hieu-truong"));
}

TEST_CASE("a school field of spaces only leaves no empty row on the site") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    std::string config = slurp((root / "vanban.yaml").string());
    size_t at = config.find("truong:\n");
    REQUIRE(at != std::string::npos);
    config.insert(at + 8, "  dia_chi: \"   \"\n");
    std::ofstream(root / "vanban.yaml") << config;
    Run r = run_vanban("build --no-pdf --no-docx --root " + shell_quote(root.string()) + " --today 2026-11-23 --out " +
                       shell_quote(tmp.str() + "/site"), "VANBAN_PROGRESS=off ");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_FALSE(contains(slurp(tmp.str() + "/site/index.html"), "Địa chỉ"));
}
