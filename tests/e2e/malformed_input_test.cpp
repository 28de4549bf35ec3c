// No single file stops the school: a malformed document or configuration file becomes a
// diagnostic with its file and line, in Vietnamese, and the rest is checked and built. Each
// repository is the clean fixture with one file spoiled at run time.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <fstream>

#include "run_vanban.h"

using namespace vanban::e2e;
namespace fs = std::filesystem;

namespace {

const std::string kPlan = "plans/2024-2025/ke-hoach-day-hoc.md";
const std::string kOtherPlan = "plans/2024-2025/ke-hoach-chuyen-doi-so.md";

void write(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

void replace_in(const fs::path& file, const std::string& from, const std::string& to) {
    std::string text = slurp(file.string());
    size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    write(file, text.replace(at, from.size(), to));
}

// `check --format json`: the output must parse (valid UTF-8 JSON) whatever the input.
nlohmann::json check_json(const fs::path& root, int expected_exit) {
    Run r = run_vanban("check --root " + shell_quote(root.string()) + " --format json --today 2026-11-23");
    INFO("stdout: ", r.out, "\nstderr: ", r.err);
    CHECK(r.exit_code == expected_exit);
    CHECK(r.err.find("stoi") == std::string::npos);
    nlohmann::json j;
    CHECK_NOTHROW(j = nlohmann::json::parse(r.out));
    return j;
}

std::vector<nlohmann::json> findings(const nlohmann::json& j, const std::string& rule, const std::string& file = "") {
    std::vector<nlohmann::json> out;
    if (!j.is_object() || !j.contains("diagnostics")) return out;
    for (const auto& d : j["diagnostics"])
        if (d["rule"] == rule && (file.empty() || d["file"] == file)) out.push_back(d);
    return out;
}

// `build` without PDF and Word: the site is made, with a page for every readable document.
void expect_site_built(const fs::path& root, const fs::path& out) {
    Run r = run_vanban("build --root " + shell_quote(root.string()) + " --no-pdf --no-docx --out " + shell_quote(out.string()));
    INFO("stdout: ", r.out, "\nstderr: ", r.err);
    CHECK(r.exit_code != 2);
    CHECK(r.err.find("stoi") == std::string::npos);
    CHECK(fs::exists(out / "index.html"));
    CHECK(fs::exists(out / "ke-hoach/2024-2025/ke-hoach-chuyen-doi-so.html"));
    CHECK(fs::exists(out / "gioi-thieu.html"));
}

}  // namespace

TEST_CASE("a heading 'Điều 99999999999.' or a huge appendix number stops neither check nor build") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    std::string text = slurp((root / kPlan).string());
    write(root / kPlan, text + "\n# Điều 99999999999. Thử\n\n# Điều 2147483648: Thử\n\n## 99999999999999999999.1. Thử\n");
    write(root / kOtherPlan, slurp((root / kOtherPlan).string()) +
                                 "\n# PHỤ LỤC 99999999999999999999\n\nA\n\n# PHỤ LỤC 2000000000\n\nB\n\n"
                                 "Căn cứ Thông tư số 99999999999999/2020/TT-BGDĐT ngày 99999999999/9/2020.\n");
    nlohmann::json j = check_json(root, 1);
    CHECK_FALSE(findings(j, "heading-numbering", kPlan).empty());
    CHECK(j.dump().size() < 200000);  // the appendix suggestion is not two billion Roman numerals
    expect_site_built(root, tmp.path / "site");
    CHECK(fs::exists(tmp.path / "site" / "ke-hoach/2024-2025/ke-hoach-day-hoc.html"));
}

TEST_CASE("a backslash before a Vietnamese letter in YAML gives valid JSON and a Vietnamese message at the mark") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    replace_in(root / kPlan, "trich_yeu: \"Tổ chức dạy học", "trich_yeu: \"Tổ chức \\ạ dạy học");
    replace_in(root / "vanban.yaml", "ten: \"Trường THCS Thử Nghiệm\"", "ten: \"Trường THCS \\Thử Nghiệm\"");
    write(root / "templates/types/bien-ban.yaml", "loai: bien-ban\nten: \"Biên \\bản\"\nviet_tat: \"BB \\ở\"\n");
    nlohmann::json j = check_json(root, 1);
    INFO(j.dump(2));
    for (const auto& [file, line] : std::vector<std::pair<std::string, int>>{{kPlan, 6}, {"vanban.yaml", 2}, {"templates/types/bien-ban.yaml", 3}}) {
        bool found = false;
        for (const auto& d : j["diagnostics"])
            if (d["file"] == file && d["line"] == line) {
                std::string message = d["message"];
                found = found || message.find("chuỗi trong ngoặc kép có dấu \\ không hợp lệ; dùng ngoặc đơn hoặc bỏ dấu \\") != std::string::npos;
                CHECK(message.find("unknown escape") == std::string::npos);
            }
        CHECK_MESSAGE(found, file);
    }
    // The rest of the school is still checked: the other documents' own findings are there.
    Run text = run_vanban("check --root " + shell_quote(root.string()) + " --today 2026-11-23");
    CHECK(text.out.find("trong 5 văn bản") != std::string::npos);
}

TEST_CASE("a billion-laughs alias bomb in front matter is checked and built without expanding it") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    std::string bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    std::string previous = "a";
    for (char name = 'b'; name <= 'j'; ++name) {
        bomb += std::string(1, name) + ": &" + name + " [";
        for (int k = 0; k < 10; ++k) bomb += (k ? ",*" : "*") + previous;
        bomb += "]\n";
        previous = std::string(1, name);
    }
    replace_in(root / kPlan, "noi_nhan:\n  - \"Phòng GD&ĐT (để báo cáo);\"\n  - \"Lưu: VT.\"\n",
               bomb + "noi_nhan: [*j, *j, *j]\nnguoi_ky_phu: *j\n");
    // 10^10 strings if expanded: a limit on memory and a generous limit on time catch that
    // (the normal run takes a fraction of a second).
    const std::string limits = "ulimit -v 4000000; timeout 60 ";
    Run r = run_vanban("check --root " + shell_quote(root.string()) + " --format json --today 2026-11-23", limits);
    INFO("stderr: ", r.err);
    CHECK(r.exit_code == 1);
    nlohmann::json j;
    REQUIRE_NOTHROW(j = nlohmann::json::parse(r.out));
    CHECK_FALSE(findings(j, "front-matter", kPlan).empty());
    Run b = run_vanban("build --root " + shell_quote(root.string()) + " --no-pdf --no-docx --out " + shell_quote((tmp.path / "site").string()),
                       limits);
    CHECK(b.exit_code == 1);
    CHECK(fs::exists(tmp.path / "site" / "index.html"));
}

TEST_CASE("vanban.yaml in TCVN3 is a config error that names the encoding") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    // "Trường THCS Thử Nghiệm" typed with the .VnTime font (TCVN3/ABC): one byte per accented vowel.
    replace_in(root / "vanban.yaml", "ten: \"Trường THCS Thử Nghiệm\"", "ten: \"Tr\xad\xea" "ng THCS Th\xf8 Nghi\xd6m\"");
    nlohmann::json j = check_json(root, 1);
    auto config = findings(j, "config", "vanban.yaml");
    REQUIRE(config.size() == 1);
    CHECK(config[0]["line"] == 2);
    CHECK(config[0]["message"].get<std::string>().find("không phải UTF-8") != std::string::npos);
    CHECK(config[0]["message"].get<std::string>().find("TCVN3") != std::string::npos);
}

TEST_CASE("the same loai in two type files is a config error naming both files") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    write(root / "templates/types/ke-hoach-rieng.yaml", "loai: ke-hoach\nten: \"Kế hoạch riêng\"\nviet_tat: KH\n");
    nlohmann::json j = check_json(root, 1);
    auto config = findings(j, "config");
    REQUIRE(config.size() == 1);
    std::string message = config[0]["message"];
    CHECK(message.find("ke-hoach-rieng.yaml") != std::string::npos);
    CHECK(message.find("types/ke-hoach.yaml") != std::string::npos);
}

TEST_CASE("wrong shapes in a school's type file are config errors, not checks silently switched off") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    std::string type = slurp(fixture("../../templates/types/ke-hoach.yaml"));
    write(root / "templates/types/ke-hoach.yaml", type.substr(0, type.find("muc_bat_buoc:")) + "muc_bat_buoc: 7\ndanh_so: 5\n");
    nlohmann::json j = check_json(root, 1);
    auto config = findings(j, "config", "templates/types/ke-hoach.yaml");
    REQUIRE(config.size() == 2);
    std::string all = config[0]["message"].get<std::string>() + config[1]["message"].get<std::string>();
    CHECK(all.find("muc_bat_buoc") != std::string::npos);
    CHECK(all.find("danh_so") != std::string::npos);
    CHECK(all.find("la-ma, so, so-nhieu-cap, chu-cai, dieu") != std::string::npos);
}

TEST_CASE("an impossible date says that the day does not exist") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    replace_in(root / kPlan, "ngay: 2024-09-20", "ngay: 2024-02-31");
    nlohmann::json j = check_json(root, 1);
    bool found = false;
    for (const auto& d : findings(j, "front-matter", kPlan))
        found = found || d["message"].get<std::string>().find("ngày 31/02/2024 không có thật: tháng 2 năm 2024 có 29 ngày") != std::string::npos;
    CHECK(found);
    Run today = run_vanban("check --root " + shell_quote(root.string()) + " --today 2023-02-29");
    CHECK(today.exit_code == 2);
    CHECK(today.err.find("ngày 29/02/2023 không có thật: tháng 2 năm 2023 có 28 ngày") != std::string::npos);
}

TEST_CASE("website: \"javascript:…\" is a url error and reaches neither the feed nor the pages, links in documents are dropped") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    replace_in(root / "vanban.yaml", "website: \"https://thu.example.edu.vn\"", "website: \"javascript:alert(document.cookie)//\"");
    write(root / kPlan, slurp((root / kPlan).string()) +
                            "\nXem [tại đây](javascript:alert(1)), [đây nữa](JaVa&#x09;script:alert(2)) và ![ảnh](data:image/svg+xml;base64,PHN2Zz4=).\n");
    nlohmann::json j = check_json(root, 1);
    CHECK(findings(j, "url", "vanban.yaml").size() == 1);
    CHECK(findings(j, "url", kPlan).size() == 3);
    fs::path out = tmp.path / "site";
    Run r = run_vanban("build --root " + shell_quote(root.string()) + " --no-pdf --no-docx --out " + shell_quote(out.string()));
    CHECK(r.exit_code == 1);
    std::string page = slurp((out / "ke-hoach/2024-2025/ke-hoach-day-hoc.html").string());
    CHECK(page.find("tại đây") != std::string::npos);
    for (const auto& file : {out / "feed.xml", out / "index.html", out / "ke-hoach/2024-2025/ke-hoach-day-hoc.html"}) {
        std::string text = slurp(file.string());
        INFO(file.string());
        // No attribute holds them (the page's list of findings may name them, escaped).
        for (const char* attribute : {"\"javascript", "\"JaVa", "\"data:", ">javascript"})
            CHECK_MESSAGE(text.find(attribute) == std::string::npos, attribute);
    }
    CHECK_FALSE(fs::exists(out / "sitemap.xml"));
}

TEST_CASE("a broken site template is reported by check, not first discovered by build") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    write(root / "templates/site/trang-chu.mustache", "<h1>{{school.ten}}</h1>\n{{#school}}<p>{{dia_chi}}</p>\n");
    nlohmann::json j = check_json(root, 1);
    auto config = findings(j, "config", "templates/site/trang-chu.mustache");
    REQUIRE(config.size() == 1);
    CHECK(config[0]["message"].get<std::string>().find("{{#school}}") != std::string::npos);
    Run r = run_vanban("build --root " + shell_quote(root.string()) + " --no-pdf --no-docx --out " + shell_quote((tmp.path / "site").string()));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("chưa được đóng bằng {{/school}}") != std::string::npos);
    CHECK(r.err.find("Unclosed") == std::string::npos);
}
