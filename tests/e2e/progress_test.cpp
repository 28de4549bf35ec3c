// Progress of long work on stderr: a live line redrawn in place on a terminal (forced here with
// VANBAN_PROGRESS=tty), one line per phase otherwise, nothing with VANBAN_PROGRESS=off.
#include <doctest/doctest.h>

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

const std::string kRedraw = "\r\033[K";  // back to the start of the line, and clear it

// A Word-only build of the clean fixture (Pandoc is quick; no WeasyPrint), with a cache of its own.
Run build(const TempDir& tmp, const std::string& progress, const std::string& extra = "") {
    return run_vanban("build --root " + shell_quote(fixture("clean")) + " --out " + shell_quote(tmp.str() + "/site") + " --cache " +
                          shell_quote(tmp.str() + "/cache") + " --today 2026-11-23 --no-pdf " + extra,
                      progress.empty() ? std::string() : "VANBAN_PROGRESS=" + progress + " ");
}

}  // namespace

// The build streams its documents (build/build_session.h): one phase, each document read, checked,
// its Word file made and its page written before the next is counted.
TEST_CASE("on a terminal, build redraws one line in place: the count, the document, the time left, cleared at the end") {
    TempDir tmp;
    Run r = build(tmp, "tty");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.err, kRedraw + "Trang 0/5"));
    CHECK(contains(r.err, kRedraw + "Trang 1/5 · "));
    CHECK(contains(r.err, "còn khoảng "));  // after the first item, before the last
    CHECK(contains(r.err, kRedraw + "Trang 5/5 · "));
    // Which documents are named depends on when the ≤ 100 ms redraws fall; some document always is.
    CHECK((contains(r.err, " · plans/2024-2025/") || contains(r.err, " · content/")));
    CHECK_FALSE(contains(r.err, "\n"));  // never a new line: everything is drawn over
    CHECK(r.err.size() >= kRedraw.size());
    CHECK(r.err.substr(r.err.size() - kRedraw.size()) == kRedraw);  // the last thing written clears the line
    CHECK(contains(r.out, "Word: 4 tạo mới"));  // the summary is unchanged

    Run en = build(tmp, "tty", "--lang en");
    CHECK(contains(en.err, kRedraw + "Pages 5/5 · "));
    CHECK(contains(en.out, "Word: 0 made, 4 unchanged"));  // from the cache now
}

TEST_CASE("without a terminal, build writes one line per phase and VANBAN_PROGRESS=off writes none") {
    TempDir tmp;
    Run r = build(tmp, "");  // the test's stderr is a file: lines mode
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err == "Đang tạo trang web của 5 văn bản…\n");
    CHECK(contains(r.out, "Word: 4 tạo mới"));
    CHECK(build(tmp, "lines").err == r.err);

    Run en = build(tmp, "lines", "--lang en");
    CHECK(en.err == "Writing the pages of 5 documents…\n");
    CHECK(build(tmp, "off").err.empty());

    Run wrong = build(tmp, "sometimes");
    CHECK(wrong.exit_code == 2);
    CHECK(contains(wrong.err, "VANBAN_PROGRESS phải là tty, lines hoặc off"));
}

TEST_CASE("vanban docx and vanban pdf show their progress too") {
    TempDir tmp;
    std::string files = shell_quote(fixture("clean") + "/plans/2024-2025/ke-hoach-day-hoc.md") + " " +
                        shell_quote(fixture("clean") + "/plans/2024-2025/ke-hoach-chuyen-doi-so.md");
    std::string args = " --root " + shell_quote(fixture("clean")) + " --out " + shell_quote(tmp.str() + "/out") + " --cache " +
                       shell_quote(tmp.str() + "/cache") + " " + files;
    Run tty = run_vanban("docx" + args, "VANBAN_PROGRESS=tty ");
    INFO(tty.err);
    REQUIRE(tty.exit_code == 0);
    CHECK(contains(tty.err, kRedraw + "Word 2/2 · "));
    CHECK(tty.err.substr(tty.err.size() - kRedraw.size()) == kRedraw);
    CHECK(run_vanban("docx" + args, "VANBAN_PROGRESS=lines ").err == "Đang tạo 2 bản Word…\n");
    // A stand-in for WeasyPrint that fails at once: the phase line comes all the same.
    Run pdf = run_vanban("pdf" + args, "VANBAN_WEASYPRINT=/khong/co/weasyprint VANBAN_PROGRESS=lines ");
    CHECK(pdf.exit_code == 1);
    CHECK(pdf.err.rfind("Đang tạo 2 bản PDF…\n", 0) == 0);
}

TEST_CASE("Ctrl-C during a terminal progress line clears it before saying it stopped") {
    TempDir tmp;
    std::string hang = tmp.str() + "/treo.sh";
    std::ofstream(hang) << "#!/bin/sh\nsleep 30\n";
    fs::permissions(hang, fs::perms::owner_all);
    std::string err = tmp.str() + "/err";
    std::string pid = run_command("VANBAN_PROGRESS=tty VANBAN_WEASYPRINT=" + shell_quote(hang) + " " + shell_quote(VANBAN_BINARY) +
                                  " build --root " + shell_quote(fixture("clean")) + " --out " + shell_quote(tmp.str() + "/site") +
                                  " --cache " + shell_quote(tmp.str() + "/cache") + " > /dev/null 2> " + shell_quote(err) + " & echo $!");
    while (!pid.empty() && pid.back() == '\n') pid.pop_back();
    REQUIRE_FALSE(pid.empty());
    for (int i = 0; i < 200 && !contains(slurp(err), "Trang 0/5"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(contains(slurp(err), "Trang 0/5"));
    ::kill(std::stoi(pid), SIGINT);
    for (int i = 0; i < 200 && ::kill(std::stoi(pid), 0) == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::string text = slurp(err);
    INFO(text);
    CHECK(contains(text, kRedraw + "vanban: đã dừng theo yêu cầu (Ctrl-C)\n"));
    CHECK_FALSE(fs::exists(tmp.path / "site"));
    CHECK(leftover_temporaries(tmp.path).empty());
}
