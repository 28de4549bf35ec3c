// Names a school writes (a document type's ten:) reach the terminal as text: an escape sequence
// in them (a window title, a fake prompt, a cleared screen) is shown, never sent as it is.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

TEST_CASE("vanban new --help lists a school type whose name holds an escape sequence as text") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    fs::create_directories(root / "templates/types");
    std::ofstream(root / "templates/types/rieng.yaml") << "loai: rieng\nten: \"Loại \\e]0;PWNED\\a riêng\"\nbo_cuc: trang\nvan_ban: false\n";
    Run r = run_vanban("new --help --root " + shell_quote(root.string()));
    INFO(r.out);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("rieng") != std::string::npos);
    CHECK(r.out.find("Loại \\x1b]0;PWNED\\x07 riêng") != std::string::npos);
    CHECK(r.out.find('\033') == std::string::npos);
    CHECK(r.out.find('\a') == std::string::npos);
}
