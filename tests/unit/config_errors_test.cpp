// Configuration mistakes that used to be silent (or to stop vanban) are diagnostics naming the
// file, the line and what is accepted; library messages are never shown raw; numbers written
// in documents cannot overflow.
#include <doctest/doctest.h>

#include <filesystem>
#include <stdexcept>

#include "load/repository.h"
#include "site/feeds.h"
#include "support/error_text.h"
#include "test_support.h"
#include "text/dates.h"
#include "text/numbering.h"

using namespace vanban;

namespace {

std::vector<Diagnostic> type_problems(const std::string& yaml, DocumentType* out = nullptr) {
    std::vector<Diagnostic> problems;
    DocumentType type = load_document_type("templates/types/x.yaml", YAML::Load(yaml), problems);
    if (out) *out = type;
    return problems;
}

const std::string kType = "loai: x\nten: \"Kế hoạch X\"\nviet_tat: X\n";

bool has(const std::vector<Diagnostic>& problems, const std::string& rule, int line, const std::string& text) {
    for (const auto& p : problems)
        if (p.rule == rule && p.at.line == line && p.message.vi.find(text) != std::string::npos) return true;
    return false;
}

std::string listing(const std::vector<Diagnostic>& problems) {
    std::string out;
    for (const auto& p : problems) out += p.file + ":" + std::to_string(p.at.line) + " [" + p.rule + "] " + p.message.vi + "\n";
    return out;
}

}  // namespace

TEST_CASE("danh_so that is not a list of levels is a config error naming the accepted styles") {
    auto problems = type_problems(kType + "danh_so: 5\n");
    INFO(listing(problems));
    CHECK(has(problems, "config", 4, "templates/types/x.yaml: danh_so phải là danh sách các cấp đề mục"));
    CHECK(has(problems, "config", 4, "la-ma, so, so-nhieu-cap, chu-cai, dieu"));
    DocumentType type;
    problems = type_problems(kType + "danh_so:\n  - la-ma\n  - 7\n  - {a: b}\n  - [so]\n", &type);
    INFO(listing(problems));
    CHECK(has(problems, "config", 6, "có một cấp không phải danh sách kiểu đánh số"));
    CHECK(has(problems, "config", 7, "có một cấp không phải danh sách kiểu đánh số"));
    REQUIRE(type.numbering.size() == 4);
    CHECK(type.numbering[0] == std::vector<NumberStyle>{NumberStyle::Roman});  // one style alone is a level of one
    CHECK(type.numbering[3] == std::vector<NumberStyle>{NumberStyle::Arabic});
}

TEST_CASE("muc_bat_buoc, truong_tuy_chon, cach_viet_khac and danh_muc of the wrong shape are config errors") {
    auto problems = type_problems(kType + "muc_bat_buoc: 7\n");
    CHECK(has(problems, "config", 4, "muc_bat_buoc phải là một danh sách các mục"));
    problems = type_problems(kType + "truong_tuy_chon: so\n");
    CHECK(has(problems, "config", 4, "truong_tuy_chon phải là một danh sách tên"));
    problems = type_problems(kType + "truong_bat_buoc: [ngay, [a], \"\"]\n");
    CHECK(has(problems, "config", 4, "truong_bat_buoc chỉ chứa tên"));
    DocumentType type;
    problems = type_problems(kType + "muc_bat_buoc:\n  - ten: \"Mục đích\"\n    cach_viet_khac: {a: b}\n", &type);
    CHECK(has(problems, "config", 6, "cach_viet_khac phải là một danh sách tên"));
    REQUIRE(type.required_sections.size() == 1);
    problems = type_problems(kType + "muc_bat_buoc:\n  - ten: \"Mục đích\"\n    cach_viet_khac: \"Mục tiêu\"\n", &type);
    CHECK(problems.empty());
    CHECK(type.required_sections[0].wordings == std::vector<std::string>{"Mục đích", "Mục tiêu"});
    problems = type_problems(kType + "danh_muc: tai-chinh\n");
    CHECK(has(problems, "config", 4, "danh_muc phải là một danh sách"));
    problems = type_problems(kType + "bo_cuc: bang\nky_hieu: \"{so}/{loai}-{Truong}\"\n");
    CHECK(has(problems, "config", 4, "bo_cuc \"bang\" không phải bố cục vanban biết (van-ban, cong-van, trang)"));
    CHECK(has(problems, "config", 5, "ky_hieu có chỗ {Truong} không biết"));
    problems = type_problems("loai: [a, b]\nten: X\n");
    CHECK(has(problems, "config", 1, "loai phải là một giá trị trên một dòng"));
}

TEST_CASE("vanban.yaml: a list where text belongs, a website that is not http(s) (never in the feed or sitemap), an e-mail that is not an address") {
    std::vector<Diagnostic> problems;
    School school = load_school("vanban.yaml",
                                YAML::Load("truong:\n  ten: [a, b]\n  viet_tat: T\n  co_quan_chu_quan: \"PHÒNG GD&ĐT\"\n  dia_danh: X\n"
                                           "  cap_hoc: THCS\n  website: \"javascript:alert(1)//\"\n  email: \"a@b.vn?subject=x\"\n"),
                                problems);
    INFO(listing(problems));
    CHECK(has(problems, "config", 2, "truong.ten phải là một dòng chữ"));
    CHECK(has(problems, "url", 7, "truong.website \"javascript:alert(1)//\" không phải địa chỉ trang web"));
    CHECK(has(problems, "url", 8, "truong.email"));
    CHECK(school.website.empty());
    CHECK(school.email.empty());
    // The feed and the sitemap use the website the loader kept.
    FeedItem item{"Kế hoạch", "ke-hoach/2024-2025/a.html", "", Date{2024, 9, 5}};
    CHECK(atom_feed(school, {item}).find("javascript") == std::string::npos);
    CHECK(atom_feed(school, {item}).find("href=\"ke-hoach/2024-2025/a.html\"") != std::string::npos);
    CHECK(sitemap(school, {SitemapPage{"index.html", std::nullopt}}).find("javascript") == std::string::npos);
    problems.clear();
    school = load_school("vanban.yaml",
                         YAML::Load("truong:\n  ten: T\n  viet_tat: T\n  co_quan_chu_quan: \"P\"\n  dia_danh: X\n  cap_hoc: THCS\n"
                                    "  website: \"https://thu.example.edu.vn/\"\n  email: \"c2@thu.edu.vn\"\n"),
                         problems);
    CHECK(problems.empty());
    CHECK(school.website == "https://thu.example.edu.vn");
    CHECK(school.email == "c2@thu.edu.vn");
}

TEST_CASE("an impossible date says why it does not exist") {
    CHECK_FALSE(date_problem("2024-02-29"));
    CHECK(date_problem("2024-02-31")->vi == "ngày 31/02/2024 không có thật: tháng 2 năm 2024 có 29 ngày");
    CHECK(date_problem("2023-02-29")->vi == "ngày 29/02/2023 không có thật: tháng 2 năm 2023 có 28 ngày");
    CHECK(date_problem("2024-04-31")->vi == "ngày 31/04/2024 không có thật: tháng 4 năm 2024 có 30 ngày");
    CHECK(date_problem("2024-13-01")->vi == "ngày 01/13/2024 không có thật: tháng phải từ 1 đến 12");
    CHECK(date_problem("2024-05-00")->vi == "ngày 00/05/2024 không có thật: ngày phải từ 1 trở lên");
    CHECK(date_problem("1800-01-01")->vi.find("1900–9999") != std::string::npos);
    CHECK(date_problem("5/9/2024")->vi == "ngày \"5/9/2024\" không hợp lệ; cần dạng năm-tháng-ngày (YYYY-MM-DD)");
}

TEST_CASE("yaml-cpp's syntax errors are told in Vietnamese by kind, never raw") {
    auto message_for = [](const std::string& yaml) {
        try {
            YAML::Load(yaml);
        } catch (const YAML::ParserException& e) {
            return yaml_syntax_message(e.msg).vi;
        }
        return std::string("(no error)");
    };
    CHECK(message_for("a: \"x \\ạ\"\n") == "chuỗi trong ngoặc kép có dấu \\ không hợp lệ; dùng ngoặc đơn hoặc bỏ dấu \\");
    CHECK(message_for("a: \"x \\uZZZZ\"\n").find("\\x, \\u hoặc \\U") != std::string::npos);
    CHECK(message_for("a: [1, 2\n").find("[ ]") != std::string::npos);
    CHECK(message_for("a: *khong_co\n").find("* hoặc &") != std::string::npos);
    CHECK(message_for("a:\n\t- b\n").find("thụt lề") != std::string::npos);
    CHECK(message_for("a:\n  b: 1\n c: 2\n").find("thụt lề") != std::string::npos);
    CHECK(message_for("a: b: c\n").find("dấu hai chấm") != std::string::npos);
    CHECK(message_for("a: " + std::string(5000, '[') + std::string(5000, ']') + "\n").find("lồng nhau quá sâu") != std::string::npos);
}

TEST_CASE("library exceptions are described in Vietnamese with the file") {
    std::filesystem::filesystem_error denied("cannot open", "/tmp/x/site", std::make_error_code(std::errc::permission_denied));
    CHECK(describe_exception(denied).vi == "không có quyền đọc hoặc ghi /tmp/x/site");
    std::filesystem::filesystem_error full("write", "/tmp/x/a.html", std::make_error_code(std::errc::no_space_on_device));
    CHECK(describe_exception(full).vi == "đĩa đã đầy, không ghi được /tmp/x/a.html");
    CHECK(describe_exception(std::out_of_range("stoi")).vi.find("stoi") == std::string::npos);
    CHECK(describe_exception(std::range_error("wstring_convert::from_bytes")).vi.find("wstring") == std::string::npos);
    CHECK(describe_exception(std::overflow_error("bitset::to_ulong")).vi.find("bitset") == std::string::npos);
    CHECK(describe_exception(std::runtime_error("không đọc được tệp a.md")).vi == "không đọc được tệp a.md");
    Diagnostic d = unreadable("plans/a.md", {"không đọc được văn bản", "cannot read the document"}, std::bad_alloc());
    CHECK(d.rule == "unreadable");
    CHECK(d.file == "plans/a.md");
    CHECK(d.message.vi == "không đọc được văn bản: không đủ bộ nhớ");
}

TEST_CASE("mustache's template errors are told in Vietnamese") {
    CHECK(mustache_error_message("Unclosed section \"school\" at 120") == "{{#school}} ở ký tự thứ 120 chưa được đóng bằng {{/school}}");
    CHECK(mustache_error_message("Unopened section \"x\" at 7") == "{{/x}} ở ký tự thứ 7 không có {{#x}} mở trước");
    CHECK(mustache_error_message("Unclosed tag at 3") == "thẻ {{ ở ký tự thứ 3 chưa có }} đóng");
    CHECK(mustache_error_message("something new") == "mẫu viết sai cú pháp mustache");
}

TEST_CASE("numbers written in documents are read without overflow") {
    std::string text = test::plan(test::kValidBody);
    text.replace(text.find("so: 12"), 6, "so: 99999999999");
    auto repo = test::make_repository({{"plans/2024-2025/a.md", text}});
    bool too_large = false;
    for (const auto& d : test::run_rule(repo, "front-matter")) too_large |= d.message.vi == "\"so\" phải là một số nguyên dương, không phải \"99999999999\": số quá lớn (vanban nhận số đến 999999)";
    CHECK(too_large);
    CHECK(digits_value("12") == 12);
    CHECK(digits_value("99999999999") == kLargestNumber);
    CHECK(digits_value("000000000000000000007") == 7);
    HeadingNumber n = parse_heading_number("Điều 99999999999. Thử");
    CHECK(n.style == NumberStyle::Article);
    CHECK(n.value() == kLargestNumber);
    CHECK(n.written == "Điều 99999999999.");
}
