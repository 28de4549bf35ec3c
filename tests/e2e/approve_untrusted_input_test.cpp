// `vanban approve` and `vanban status` on what a repository may hold: hints wrapped over lines,
// hints left in vanban.yaml, file names with control characters, one document named twice.
#include <doctest/doctest.h>

#include <fstream>

#include "school_repo.h"

using namespace vanban::e2e;

namespace {

std::string head(const SchoolRepo& s) { return s.git("rev-parse HEAD"); }

// Replaces the line of `file` that starts with `start` by `line`, and commits it.
void replace_line(const SchoolRepo& s, const std::string& file, const std::string& start, const std::string& line) {
    std::string text = slurp((s.root / file).string());
    size_t at = text.find("\n" + start);
    REQUIRE(at != std::string::npos);
    text.replace(at + 1, text.find('\n', at + 1) - at - 1, line);
    std::ofstream(s.root / file) << text;
    s.git("add -A");
    s.commit("ht", "-m 'Sửa'");
}

}  // namespace

TEST_CASE("approve refuses a placeholder hint wrapped over two lines, in the body or in a YAML string") {
    SchoolRepo s;
    std::ofstream(s.root / kOther, std::ios::app) << "\nCăn cứ [[văn bản làm căn cứ: …, ngày,\ncơ quan ban hành, trích yếu]];\n";
    s.git("add -A");
    s.commit("ht", "-m 'Thêm căn cứ'");
    std::string before = head(s);
    Run body = s.run_approve("ht", kOther + " --role hieu-truong");
    INFO(body.err);
    CHECK(body.exit_code == 1);
    CHECK(contains(body.err, "[placeholder] còn gợi ý chưa thay: \"văn bản làm căn cứ: …, ngày, cơ quan ban hành, trích yếu\""));
    CHECK(head(s) == before);

    s.git("revert --no-edit HEAD");
    replace_line(s, kOther, "trich_yeu:", "trich_yeu: \"[[Trích yếu\n  nội dung]]\"");
    before = head(s);
    Run yaml = s.run_approve("ht", kOther + " --role hieu-truong");
    INFO(yaml.err);
    CHECK(yaml.exit_code == 1);
    CHECK(contains(yaml.err, "[placeholder] còn gợi ý chưa thay: \"Trích yếu nội dung\""));
    CHECK(head(s) == before);
}

TEST_CASE("approve refuses while vanban.yaml still has a placeholder hint, listing it, with no commit") {
    SchoolRepo s;
    replace_line(s, "vanban.yaml", "  dia_danh:", "  dia_danh: \"[[Địa danh]]\"");
    std::string before = head(s);
    Run r = s.run_approve("ht", kOther + " --role hieu-truong");
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "vanban.yaml còn chỗ [[...]] chưa thay (1)"));
    CHECK(contains(r.err, "vanban.yaml:"));
    CHECK(contains(r.err, "[placeholder] vanban.yaml: còn gợi ý chưa thay: \"[[Địa danh]]\""));
    CHECK(contains(r.err, "Chưa tạo commit nào"));
    CHECK(head(s) == before);
}

TEST_CASE("approve and status escape a file name with control characters, and approve refuses it, saying to rename") {
    SchoolRepo s;
    const std::string evil = "plans/2024-2025/a\x1b]0;PWNED\x07\x1b[31mb.md";
    std::filesystem::copy_file(s.root / kOther, s.root / evil);
    s.git("add -A");
    s.commit("ht", "-m 'Thêm'");
    Run status = run_vanban("status --root " + shell_quote(s.root.string()), "VANBAN_CACHE=" + shell_quote(s.tmp.str() + "/cache") + " ");
    INFO(status.err);
    CHECK(status.exit_code == 0);
    CHECK_FALSE(contains(status.out + status.err, "\x1b"));
    CHECK_FALSE(contains(status.out + status.err, "\x07"));
    CHECK(contains(status.out, "plans/2024-2025/a\\x1b]0;PWNED\\x07\\x1b[31mb.md: "));
    std::string before = head(s);
    Run approve = s.run_approve("ht", shell_quote(evil) + " --role hieu-truong");
    CHECK(approve.exit_code == 2);
    CHECK_FALSE(contains(approve.out + approve.err, "\x1b"));
    CHECK(contains(approve.err, "có ký tự điều khiển U+001B; đổi tên tệp (git mv)"));
    CHECK(head(s) == before);
}

TEST_CASE("approve F F ./F approves one document once") {
    SchoolRepo s;
    Run r = s.run_approve("ht", kOther + " " + kOther + " ./" + kOther + " --role hieu-truong");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find(kOther + ": ") == r.out.rfind(kOther + ": "));
    std::string trailers = s.git("log -1 '--format=%(trailers)'");
    CHECK(trailers.find("Phe-duyet:") == trailers.rfind("Phe-duyet:"));
    CHECK_FALSE(contains(s.git("log -1 --format=%s"), "3 văn bản"));
}
