// support/progress: the estimate, the shortened path, and the live line from many threads.
#include <doctest/doctest.h>

#include <sstream>
#include <thread>
#include <vector>

#include "support/progress.h"

using namespace vanban;

TEST_CASE("the time left is the time so far per item times the items left") {
    CHECK(time_left_text(10, 2, 6, false) == "còn khoảng 20 giây");
    CHECK(time_left_text(10, 2, 6, true) == "about 20 s left");
    CHECK(time_left_text(0.01, 1, 2, false) == "còn khoảng 1 giây");  // never "0 giây" while work is left
    CHECK(time_left_text(60, 1, 4, false) == "còn khoảng 3 phút");    // 180 s
    CHECK(time_left_text(50, 1, 3, true) == "about 2 min left");      // 100 s, in whole minutes up
}

TEST_CASE("a long path keeps its first folder and file name, then the end of the file name") {
    CHECK(shorten_path("plans/2024-2025/ke-hoach.md", 40) == "plans/2024-2025/ke-hoach.md");
    CHECK(shorten_path("plans/2024-2025/to-chuyen-mon/ke-hoach.md", 24) == "plans/…/ke-hoach.md");
    CHECK(shorten_path("plans/2024-2025/ke-hoach-day-hoc-mon-toan.md", 12) == "…mon-toan.md");  // 12 characters
    CHECK(shorten_path("plans/2024-2025/kế-hoạch-dạy-học.md", 12).size() > 12);  // counted in characters, not bytes
}

TEST_CASE("the live line is redrawn in place, from any thread, and cleared when the phase ends") {
    std::ostringstream out;
    Progress progress(out, ProgressMode::Terminal, false);
    {
        Progress::Phase phase(&progress, ProgressStep::Pdf, 40);
        std::vector<std::thread> workers;
        for (int w = 0; w < 4; ++w)
            workers.emplace_back([&phase] {
                for (int i = 0; i < 10; ++i) phase.done("plans/2024-2025/ke-hoach.md");
            });
        for (auto& t : workers) t.join();
    }
    std::string text = out.str();
    CHECK(text.rfind("\r\033[KPDF 0/40", 0) == 0);
    CHECK(text.find("\r\033[KPDF 1/40 · plans/2024-2025/ke-hoach.md · còn khoảng ") != std::string::npos);
    CHECK(text.find("\r\033[KPDF 40/40 · plans/2024-2025/ke-hoach.md\r\033[K") != std::string::npos);
    CHECK(text.substr(text.size() - 4) == "\r\033[K");
}

TEST_CASE("lines mode: one line per phase, none for an empty one, and a null Progress is silent") {
    std::ostringstream out;
    Progress progress(out, ProgressMode::Lines, false);
    {
        Progress::Phase phase(&progress, ProgressStep::Docx, 3);
        for (int i = 0; i < 3; ++i) phase.done("a.md");
    }
    { Progress::Phase nothing(&progress, ProgressStep::Pdf, 0); }
    { Progress::Phase nobody(nullptr, ProgressStep::Pdf, 3); }
    CHECK(out.str() == "Đang tạo 3 bản Word…\n");
}

TEST_CASE("an escape sequence in a file's name is shown on the live line, never sent to the terminal") {
    std::ostringstream out;
    Progress progress(out, ProgressMode::Terminal, false);
    {
        Progress::Phase phase(&progress, ProgressStep::Pdf, 2);
        phase.done("plans/x\033]0;PWNED\ay.md");
    }
    std::string text = out.str();
    CHECK(text.find("\033]") == std::string::npos);
    CHECK(text.find('\a') == std::string::npos);
    CHECK(text.find("plans/x\\x1b]0;PWNED\\x07y.md") != std::string::npos);
}

TEST_CASE("TERM=dumb gets one line per phase: it cannot clear a line") {
    CHECK(choose_progress_mode(nullptr, true, "xterm-256color") == ProgressMode::Terminal);
    CHECK(choose_progress_mode(nullptr, true, nullptr) == ProgressMode::Terminal);
    CHECK(choose_progress_mode(nullptr, true, "dumb") == ProgressMode::Lines);
    CHECK(choose_progress_mode(nullptr, false, "xterm") == ProgressMode::Lines);
    CHECK(choose_progress_mode("", true, "dumb") == ProgressMode::Lines);
    CHECK(choose_progress_mode("tty", true, "dumb") == ProgressMode::Terminal);  // asked for by name
    CHECK(choose_progress_mode("off", true, "xterm") == ProgressMode::Off);
    CHECK_THROWS(choose_progress_mode("yes", true, "xterm"));
}
