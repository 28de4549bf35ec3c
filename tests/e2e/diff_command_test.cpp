// `vanban diff` on a fixture pair: a plan and its next-year version.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }
const std::string kOld = "plans/2023-2024/ke-hoach-so-hoa.md";
const std::string kNew = "plans/2024-2025/ke-hoach-so-hoa.md";

}  // namespace

TEST_CASE("the JSON of a plan against next year's is what a reviewer expects, every time") {
    std::string args = "diff --root " + shell_quote(fixture("diff")) + " " + kOld + " " + kNew + " --format json";
    Run r = run_vanban(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.out) == nlohmann::json::parse(slurp(fixture("diff") + "/expected.json")));
    CHECK(run_vanban(args).out == r.out);  // deterministic
}

TEST_CASE("text for the terminal and a self-contained HTML page") {
    Run text = run_vanban("diff --root " + shell_quote(fixture("diff")) + " " + kOld + " " + kNew);
    CHECK(contains(text.out, "Số liệu thay đổi:"));
    CHECK(contains(text.out, "Ít nhất: 60% hồ sơ → 80% hồ sơ"));  // the number with its unit and what it counts
    CHECK(contains(text.out, "[đổi số thứ tự] II. NỘI DUNG › 1. Học liệu  (trước: II. NỘI DUNG › 2. Học liệu)"));
    CHECK(contains(text.out, "[-Phó hiệu trưởng Trần-] {+Giáo viên Đỗ+} Thị [-Mai-] {+Hà+} phụ trách"));  // a duty moved to another person
    CHECK(contains(text.out, "100% giáo viên ([-26/26-]{+27/27+}) dùng"));  // no space put inside the brackets
    CHECK(contains(text.out, "Trích yếu: Số hóa hồ sơ năm học 2023-2024 → Số hóa hồ sơ năm học 2024-2025"));
    CHECK_FALSE(contains(text.out, "trich_yeu"));
    CHECK(contains(text.out, "Nơi nhận: + Phòng GD&ĐT huyện Thử (để báo cáo);"));
    CHECK_FALSE(contains(text.out, "Lưu: VT."));  // the recipient kept is not shown
    CHECK(contains(text.out, "+ Bảng thêm mới:\n      | Phòng | Máy tính |\n      | Phòng Tin học 1 | 03 |\n      | Thư viện | 02 |\n"));
    CHECK_FALSE(contains(text.out, "Phụ lục"));  // the same appendix in both years
    CHECK_FALSE(contains(text.out, "\x1b["));  // no colour when not a terminal

    TempDir tmp;
    std::string page = tmp.str() + "/so-sanh.html";
    Run html = run_vanban("diff --root " + shell_quote(fixture("diff")) + " " + kOld + " " + kNew + " --format html --out " + shell_quote(page));
    CHECK(html.exit_code == 0);
    std::string h = slurp(page);
    CHECK(contains(h, "<del>60% hồ sơ</del> → <ins>80% hồ sơ</ins>"));
    CHECK(contains(h, "<table class=\"bang-them\">\n<tr><th>Phòng</th><th>Máy tính</th></tr>\n<tr><td>Phòng Tin học 1</td><td>03</td></tr>"));
    CHECK(contains(h, "<td>Nơi nhận</td><td></td><td><ins>Phòng GD&amp;ĐT huyện Thử (để báo cáo);</ins></td>"));
    CHECK(contains(h, "Các mục thay đổi"));
    CHECK(contains(h, "@media print"));
    CHECK_FALSE(contains(h, "<link"));    // self-contained: no stylesheet to fetch
    CHECK_FALSE(contains(h, "<script"));
}

TEST_CASE("a plan against a copy of itself, appendix included, reports nothing") {
    Run text = run_vanban("diff --root " + shell_quote(fixture("diff")) + " " + kNew + " " + kNew);
    CHECK(text.exit_code == 0);
    CHECK(text.out == kNew + " → " + kNew + ": không đổi\n");
    auto d = nlohmann::json::parse(run_vanban("diff --root " + shell_quote(fixture("diff")) + " " + kNew + " " + kNew + " --format json").out)["documents"][0];
    CHECK(d["sections"].empty());
    CHECK(d["front_matter"].empty());
    CHECK(d["numbers"].empty());
}

TEST_CASE("REV:path reads versions from git history without a checkout, --years pairs two school years") {
    TempDir tmp;
    fs::path root = tmp.copy_of("diff");
    auto git = [&](const std::string& a) {
        return run_command("git -C " + shell_quote(root.string()) + " -c user.name=gv -c user.email=gv@truong.vn " + a + " 2>&1");
    };
    git("init -q");
    git("add -A");
    git("commit -q -m 'Năm học mới'");
    fs::copy_file(root / kOld, root / kNew, fs::copy_options::overwrite_existing);
    git("commit -q -am 'Chép kế hoạch năm trước'");
    Run r = run_vanban("diff --root " + shell_quote(root.string()) + " HEAD:" + kOld + " HEAD~1:" + kNew + " --format json");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto d = nlohmann::json::parse(r.out)["documents"][0];
    CHECK(d["numbers"].size() == 3);
    Run missing = run_vanban("diff --root " + shell_quote(root.string()) + " HEAD~5:" + kOld + " " + kNew);
    CHECK(missing.exit_code == 2);
    CHECK(contains(missing.err, "không tìm thấy HEAD~5:" + kOld));

    Run years = run_vanban("diff --root " + shell_quote(fixture("diff")) + " --years 2023-2024 2024-2025 --format json");
    auto docs = nlohmann::json::parse(years.out)["documents"];
    REQUIRE(docs.size() == 1);
    CHECK(docs[0]["old"] == kOld);
    CHECK(docs[0]["new"] == kNew);
    CHECK(run_vanban("diff --root " + shell_quote(fixture("diff")) + " --years 2023-2024").exit_code == 2);
}

TEST_CASE("vanban build links each plan to its comparison with last year's") {
    TempDir tmp;
    std::string out = tmp.str() + "/site";
    Run r = run_vanban("build --no-pdf --root " + shell_quote(fixture("diff")) + " --out " + shell_quote(out) + " --today 2026-11-23");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string page = slurp(out + "/ke-hoach/2024-2025/ke-hoach-so-hoa.html");
    CHECK(contains(page, "href=\"../../ke-hoach/2024-2025/ke-hoach-so-hoa-so-sanh.html\">So sánh với năm học trước</a>"));
    std::string comparison = slurp(out + "/ke-hoach/2024-2025/ke-hoach-so-hoa-so-sanh.html");
    CHECK(contains(comparison, "<del>60% hồ sơ</del> → <ins>80% hồ sơ</ins>"));
    // The site's own page: its header, menu (plans marked as the current section) and stylesheet.
    CHECK(contains(comparison, "<header class=\"dau-trang\">"));
    CHECK(contains(comparison, "href=\"../../style.css\""));
    CHECK(contains(comparison, "aria-current=\"page\">Kế hoạch</a>"));
    CHECK(contains(comparison, "href=\"../../ke-hoach/2024-2025/ke-hoach-so-hoa.html\">Xem văn bản năm học 2024-2025</a>"));
    CHECK(contains(slurp(out + "/style.css"), ".so-sanh ins"));
    CHECK_FALSE(contains(slurp(out + "/ke-hoach/2023-2024/ke-hoach-so-hoa.html"), "So sánh với năm học trước"));
}
