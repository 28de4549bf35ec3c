// Every command finds its repository from the current folder upward (the nearest folder holding
// vanban.yaml), as git finds .git; --root still wins; outside any, a message says what to do.
#include <doctest/doctest.h>

#include <fstream>

#include "run_vanban.h"

using namespace vanban::e2e;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// `env -C DIR`: vanban runs in DIR.
std::string in(const std::filesystem::path& dir) { return "-C " + shell_quote(dir.string()) + " "; }

}  // namespace

TEST_CASE("check, status and new find the repository from a folder inside it") {
    TempDir tmp;
    std::filesystem::path root = tmp.copy_of("clean");
    Run check = run_vanban("check --today 2026-11-23", in(root / "plans/2024-2025"));
    INFO(check.err);
    CHECK(check.exit_code == 0);
    CHECK(has(check.out, "0 lỗi, 0 cảnh báo trong 5 văn bản"));

    Run created = run_vanban("new ke-hoach --year 2025-2026 --title \"Kế hoạch thử\" --today 2026-11-23", in(root / "content"));
    INFO(created.err);
    CHECK(created.exit_code == 0);
    CHECK(has(created.out, "đã tạo plans/2025-2026/"));
    CHECK(std::filesystem::is_directory(root / "plans/2025-2026"));
    CHECK_FALSE(std::filesystem::exists(root / "content/plans"));
}

TEST_CASE("--root wins over the folder vanban runs in") {
    TempDir tmp;
    std::filesystem::path root = tmp.copy_of("clean");
    Run r = run_vanban("check --today 2026-11-23 --root " + shell_quote(fixture("duplicate-number")), in(root / "plans"));
    CHECK(r.exit_code == 1);
    CHECK(has(r.out, "duplicate-number"));
}

TEST_CASE("outside any school repository: run vanban init or pass --root, exit 2") {
    TempDir tmp;
    std::filesystem::create_directories(tmp.path / "trong");
    for (const char* command : {"check", "build --no-pdf", "status", "serve --port 0"}) {
        Run r = run_vanban(command, in(tmp.path / "trong"));
        INFO(command, r.err);
        CHECK(r.exit_code == 2);
        CHECK(has(r.err, "không tìm thấy vanban.yaml ở thư mục này hay thư mục cha nào"));
        CHECK(has(r.err, "vanban init"));
        CHECK(has(r.err, "--root"));
    }
    Run english = run_vanban("check --lang en", in(tmp.path));
    CHECK(has(english.err, "no vanban.yaml in this folder or any folder above"));
    CHECK(has(english.err, "vanban init FOLDER"));
}

TEST_CASE("build -o . from inside plans/ is refused before the repository is read or checked") {
    TempDir tmp;
    std::filesystem::path root = tmp.copy_of("duplicate-number");  // its check would report errors
    std::filesystem::create_directories(root / "plans");
    Run r = run_vanban("build -o . --no-pdf --no-docx", in(root / "plans"));
    INFO(r.out, r.err);
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "vanban build: . nằm trong plans/ của kho"));
    CHECK_FALSE(has(r.err, "lỗi ["));  // no finding: the check never ran
    CHECK(r.out.empty());
}
