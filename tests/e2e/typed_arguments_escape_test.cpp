// What someone types on the command line is echoed in error messages: control characters in it
// reach the terminal escaped, and `init` and `new` refuse them in the values they write.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

const std::string kEsc = "\x1b]0;PWNED\x07\x1b[31m";

}  // namespace

TEST_CASE("escape: messages echoing a typed command, option, value, file, role or root show control characters escaped") {
    TempDir tmp;
    fs::path repo = tmp.copy_of("clean");
    std::ofstream(repo / "vanban.yaml", std::ios::app) << "phe_duyet:\n  vai_tro:\n    hieu-truong: [ht@truong.vn]\n";
    std::string root = shell_quote(repo.string());
    std::string e = shell_quote(kEsc);
    fs::create_directories(tmp.path / kEsc);
    std::ofstream(tmp.path / kEsc / "a.txt") << "a";  // a folder init refuses, as not empty
    std::vector<std::string> commands = {
        e,                                                    // unknown command
        "check --x" + e,                                      // unknown option
        "check --root " + root + " --format " + e,            // --format value
        "check --root " + root + " plans/" + e + ".md",       // missing file
        "check --root /nope" + e,                             // --root
        "approve --root " + root + " plans/2024-2025/ke-hoach-day-hoc.md --role " + e,  // --role value
        "init " + shell_quote(tmp.str() + "/" + kEsc) + " --ten 'Trường THCS A' --viet-tat A",
    };
    for (const auto& args : commands) {
        Run r = run_vanban(args, "HOME=" + shell_quote(tmp.str()) + " ");
        INFO(args);
        INFO(r.err);
        CHECK(r.exit_code == 2);
        CHECK_FALSE(contains(r.out + r.err, "\x1b"));
        CHECK_FALSE(contains(r.out + r.err, "\x07"));
        CHECK(contains(r.err, "\\x1b]0;PWNED\\x07"));
    }
    // The message's own lines stay lines.
    Run unknown = run_vanban(e);
    CHECK(contains(unknown.err, "\nCác lệnh: vanban --help\n"));
}

TEST_CASE("new --title with a control character is refused like init, and writes nothing") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    Run r = run_vanban("new ke-hoach --root " + shell_quote(root.string()) + " --title " + shell_quote("Chuyển đổi số\x1b[2J"));
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "--title có ký tự điều khiển U+001B"));
    CHECK_FALSE(contains(r.err, "Shift+Enter"));
    Run bidi = run_vanban("new ke-hoach --lang en --root " + shell_quote(root.string()) + " --title " + shell_quote("Số\xE2\x80\xAE"));
    CHECK(bidi.exit_code == 2);
    CHECK(contains(bidi.err, "--title holds the control character U+202E"));
    CHECK_FALSE(fs::exists(root / "plans/2025-2026"));
}

TEST_CASE("init refuses C1 and bidi controls by their code, and a lower-case abbreviation with its capitals") {
    TempDir tmp;
    std::string dir = shell_quote((tmp.path / "s").string());
    Run c1 = run_vanban("init " + dir + " --viet-tat BM --ten " + shell_quote("Trường\xC2\x85THCS"));
    CHECK(c1.exit_code == 2);
    CHECK(contains(c1.err, "--ten có ký tự điều khiển U+0085"));
    Run esc = run_vanban("init " + dir + " --viet-tat BM --ten " + shell_quote("Trường\x1b[31m"));
    CHECK(contains(esc.err, "--ten có ký tự điều khiển U+001B"));
    CHECK_FALSE(contains(esc.err, "Shift+Enter"));
    Run lower = run_vanban("init " + dir + " --ten 'Trường A' --viet-tat a-b");
    CHECK(lower.exit_code == 2);
    CHECK(contains(lower.err, "dùng A-B"));
    CHECK_FALSE(fs::exists(tmp.path / "s"));
}
