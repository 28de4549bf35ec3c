// A document's own text reaches terminals, CI logs, feeds and Word files: control characters and
// line ends in it are reported and can never forge a line of their own or break an XML file.
// A document too large to be real is reported and left out.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

const std::string kLetter = "content/van-ban/2024-2025/cong-van-hoc-lieu.md";

void replace_in(const fs::path& file, const std::string& from, const std::string& to) {
    std::string text = slurp(file.string());
    size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    std::ofstream(file, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("a control character in trich_yeu is a finding and never makes feed.xml or the Word file ill-formed") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    replace_in(root / kLetter, "trich_yeu: \"", "trich_yeu: \"\\x0c");
    Run check = run_vanban("check --root " + shell_quote(root.string()) + " --format json --today 2025-01-01");
    CHECK(check.exit_code == 1);
    CHECK(contains(check.out, "ký tự điều khiển"));
    fs::path out = tmp.path / "site";
    Run build = run_vanban("build --root " + shell_quote(root.string()) + " --out " + shell_quote(out.string()) + " --no-pdf --today 2025-01-01");
    INFO(build.err);
    std::string feed = slurp((out / "feed.xml").string());
    REQUIRE_FALSE(feed.empty());
    CHECK(feed.find('\x0c') == std::string::npos);
    const std::string parse_xml = "python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.stdin)' 2>&1 && echo well-formed";
    CHECK(contains(run_command("cat " + shell_quote((out / "feed.xml").string()) + " | " + parse_xml), "well-formed"));
    // The Word file's document.xml too.
    std::string docx = (out / "van-ban/2024-2025/cong-van-hoc-lieu.docx").string();
    REQUIRE(fs::exists(docx));
    CHECK(contains(run_command("unzip -p " + shell_quote(docx) + " word/document.xml | " + parse_xml), "well-formed"));
}

TEST_CASE("a control character written as it is in a document is an encoding finding at its line") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    std::ofstream(root / kLetter, std::ios::app) << "\nDòng có ký tự lạ \x01 ở giữa.\n";
    Run check = run_vanban("check --root " + shell_quote(root.string()) + " --today 2025-01-01");
    INFO(check.out);
    CHECK(check.exit_code == 1);
    CHECK(contains(check.out, "lỗi [encoding] tệp có ký tự điều khiển U+0001"));
}

TEST_CASE("a line end in a document's value or name never starts a line of its own in check or diff output (CI workflow commands)") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    replace_in(root / kLetter, "loai: cong-van", "loai: \"cong-van\\n::error file=vanban.yaml::FORGED\"");
    Run check = run_vanban("check --root " + shell_quote(root.string()) + " --today 2025-01-01");
    INFO(check.out);
    CHECK(contains(check.out, "cong-van\\n::error"));
    CHECK_FALSE(contains(check.out, "\n::"));

    // diff prints the documents' text: a heading and a value carrying "::" commands.
    fs::path a = tmp.path / "a.md", b = tmp.path / "b.md";
    fs::copy_file(root / "plans/2024-2025/ke-hoach-day-hoc.md", a);
    fs::copy_file(a, b);
    replace_in(b, "trich_yeu: \"", "trich_yeu: \"x\\n::add-mask::secret\\r\\n  ::warning::FORGED ");
    Run diff = run_vanban("diff --root " + shell_quote(root.string()) + " " + shell_quote(a.string()) + " " + shell_quote(b.string()));
    INFO(diff.out, diff.err);
    CHECK(contains(diff.out, "::add-mask::secret"));  // shown, on a line that is not a command
    for (size_t at = diff.out.find("::"); at != std::string::npos; at = diff.out.find("::", at + 2)) {
        size_t line_start = diff.out.rfind('\n', at);
        std::string before = diff.out.substr(line_start == std::string::npos ? 0 : line_start + 1, at - (line_start == std::string::npos ? 0 : line_start + 1));
        CHECK(before.find_first_not_of(' ') != std::string::npos);
    }
}

TEST_CASE("a document over the size limit is a limit finding, left out, and the rest is built") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    {
        std::ofstream big(root / "plans/2024-2025/ke-hoach-lon.md", std::ios::binary);
        big << slurp((root / "plans/2024-2025/ke-hoach-day-hoc.md").string());
        std::string line(1000, 'a');
        for (int i = 0; i < 2200; ++i) big << line << "\n\n";  // about 2.2 MB
    }
    Run check = run_vanban("check --root " + shell_quote(root.string()) + " --today 2025-01-01", "VANBAN_MAX_DOCUMENT_MB=1 ");
    INFO(check.out, check.err);
    CHECK(check.exit_code == 1);
    CHECK(contains(check.out, "plans/2024-2025/ke-hoach-lon.md:1:1: lỗi [limit] văn bản dài 2 MiB, quá giới hạn 1 MiB"));
    fs::path out = tmp.path / "site";
    Run build = run_vanban("build --root " + shell_quote(root.string()) + " --out " + shell_quote(out.string()) + " --no-pdf --no-docx --today 2025-01-01",
                           "VANBAN_MAX_DOCUMENT_MB=1 ");
    CHECK(fs::exists(out / "ke-hoach/2024-2025/ke-hoach-day-hoc.html"));
    CHECK_FALSE(fs::exists(out / "ke-hoach/2024-2025/ke-hoach-lon.html"));
    // At the default limit (16 MiB) the same document is read.
    Run normal = run_vanban("check --root " + shell_quote(root.string()) + " --today 2025-01-01");
    CHECK_FALSE(contains(normal.out, "[limit]"));
}
