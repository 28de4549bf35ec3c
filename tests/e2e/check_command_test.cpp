// `vanban check` on the fixture repositories: one per rule, plus a clean one.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "run_vanban.h"

using namespace vanban::e2e;

namespace {

struct Expected {
    std::string rule, file;
    int line;
    std::string severity;
};

nlohmann::json check_json(const std::string& name, int expected_exit) {
    Run r = run_vanban("check --root " + shell_quote(fixture(name)) + " --format json --today 2026-11-23");
    INFO("fixture ", name, " stderr: ", r.err);
    CHECK(r.exit_code == expected_exit);
    return nlohmann::json::parse(r.out);
}

void expect(const std::string& name, int exit_code, const std::vector<Expected>& expected) {
    nlohmann::json j = check_json(name, exit_code);
    const auto& list = j.at("diagnostics");
    INFO("fixture ", name, ": ", list.dump(2));
    REQUIRE(list.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        CHECK(list[i]["rule"] == expected[i].rule);
        CHECK(list[i]["file"] == expected[i].file);
        CHECK(list[i]["line"] == expected[i].line);
        CHECK(list[i]["severity"] == expected[i].severity);
        CHECK(list[i]["column"].get<int>() >= 1);
        CHECK_FALSE(list[i]["message"].get<std::string>().empty());
    }
}

const std::string kPlan = "plans/2024-2025/ke-hoach.md";

}  // namespace

TEST_CASE("the clean fixture reports nothing and exits 0") { expect("clean", 0, {}); }

TEST_CASE("each rule is reported by the real binary with file, line and severity") {
    expect("front-matter", 1, {{"front-matter", kPlan, 1, "error"}, {"front-matter", kPlan, 4, "error"}, {"front-matter", kPlan, 6, "error"}});
    expect("unknown-type", 1, {{"unknown-type", kPlan, 2, "error"}});
    expect("required-section", 1, {{"required-section", kPlan, 14, "error"}});
    expect("section-order", 1, {{"section-order", kPlan, 18, "error"}});
    expect("heading-numbering", 1, {{"heading-numbering", kPlan, 45, "error"}});
    expect("duplicate-number", 1, {{"duplicate-number", "plans/2024-2025/ke-hoach-a.md", 3, "error"},
                                   {"duplicate-number", "plans/2024-2025/ke-hoach-b.md", 3, "error"}});
    // 2099 is also after the district offices were abolished (01/7/2025): the header's body is warned about.
    expect("date-range", 1, {{"date-range", kPlan, 4, "error"}, {"governing-body", kPlan, 4, "warning"}});
    expect("table-sum", 1, {{"table-sum", kPlan, 39, "error"}});
    expect("citation-conflict", 1, {{"citation-conflict", "plans/2024-2025/ke-hoach-b.md", 16, "error"}});
    expect("citation-type", 0, {{"citation-type", kPlan, 16, "warning"}});
    expect("encoding", 1, {{"encoding", kPlan, 22, "error"}});
    expect("unicode-nfc", 0, {{"unicode-nfc", kPlan, 20, "warning"}});
    expect("broken-link", 1, {{"broken-link", kPlan, 22, "error"}});
    expect("governing-body", 0, {{"governing-body", "plans/2025-2026/ke-hoach.md", 4, "warning"}});
}

TEST_CASE("shapes of real plans: one finding per real mistake, none for what adds up") {
    const std::string plan = "plans/2024-2025/ke-hoach-mam-non.md", form = "plans/2024-2025/phieu-cham.md";
    expect("real-shapes", 1, {{"heading-numbering", plan, 46, "error"},    // "3." missing, "4." and "5." follow
                              {"citation-conflict", plan, 54, "error"},    // the same decision with another date
                              {"heading-numbering", plan, 68, "error"},    // e) after d), where the plan writes đ)
                              {"table-sum", plan, 74, "error"},            // 14 teachers, "·" rows add up to 13
                              {"heading-numbering", plan, 84, "warning"},  // PHỤ LỤC 1, PHỤ LỤC 2: Roman numerals in NĐ30
                              {"heading-numbering", form, 45, "warning"}}); // a) … f): Latin letters
    Run r = run_vanban("check --root " + shell_quote(fixture("real-shapes")) + " --today 2026-11-23");
    CHECK(r.out.find("ở " + plan + ":16") != std::string::npos);
    CHECK(r.out.find("(dòng 75–76) là 13") != std::string::npos);
    CHECK(r.out.find("số mong đợi: \"đ)\"") != std::string::npos);
}

TEST_CASE("the sample school in the repository checks clean") {
    Run r = run_vanban("check --root " + shell_quote(std::string(VANBAN_TEST_DATA) + "/..") + " --format json");
    CHECK(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.out)["diagnostics"].empty());
}

TEST_CASE("text format: path:line:column: severity [rule] message, a hint, and a summary") {
    Run r = run_vanban("check --root " + shell_quote(fixture("table-sum")) + " --today 2026-11-23");
    CHECK(r.exit_code == 1);
    CHECK(r.out.find(kPlan + ":39:1: lỗi [table-sum] bảng: dòng \"Tổng số\", cột \"Số lượng\" ghi 05 nhưng tổng các dòng được cộng (dòng 35, 38) là 4") !=
          std::string::npos);
    CHECK(r.out.find("    gợi ý: ") != std::string::npos);
    CHECK(r.out.find("1 lỗi, 0 cảnh báo trong 1 văn bản") != std::string::npos);

    Run en = run_vanban("check --root " + shell_quote(fixture("table-sum")) + " --today 2026-11-23 --lang en");
    CHECK(en.out.find(": error [table-sum] table: row \"Tổng số\"") != std::string::npos);
    CHECK(en.out.find("    hint: ") != std::string::npos);
}

TEST_CASE("the encoding message names the byte and the legacy encoding") {
    Run r = run_vanban("check --root " + shell_quote(fixture("encoding")) + " --today 2026-11-23");
    CHECK(r.out.find("byte 0xAE") != std::string::npos);
    CHECK(r.out.find("TCVN3") != std::string::npos);
}

TEST_CASE("github format: workflow-command annotations") {
    Run r = run_vanban("check --root " + shell_quote(fixture("unicode-nfc")) + " --format github --today 2026-11-23");
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("::warning file=" + kPlan + ",line=20,col=", 0) == 0);
    CHECK(r.out.find(",title=vanban unicode-nfc::") != std::string::npos);
    CHECK(r.out.find("%0A") != std::string::npos);  // the hint, on its own line
}

TEST_CASE("output order is stable across runs and thread counts") {
    std::string args = "check --root " + shell_quote(fixture("duplicate-number")) + " --format json --today 2026-11-23";
    CHECK(run_vanban(args + " --jobs 1").out == run_vanban(args + " --jobs 4").out);
}

TEST_CASE("usage and I/O failures exit 2 with a clear message") {
    Run unknown = run_vanban("kiemtra");
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("lệnh không biết") != std::string::npos);
    Run bad_format = run_vanban("check --root " + shell_quote(fixture("clean")) + " --format xml");
    CHECK(bad_format.exit_code == 2);
    CHECK(bad_format.err.find("--format") != std::string::npos);
    TempDir empty;
    Run no_config = run_vanban("check --root " + shell_quote(empty.str()));
    CHECK(no_config.exit_code == 2);
    CHECK(no_config.err.find("vanban.yaml") != std::string::npos);
    Run missing = run_vanban("check --root /khong/co/thu-muc");
    CHECK(missing.exit_code == 2);
    CHECK(run_vanban("check --help").exit_code == 0);
}
