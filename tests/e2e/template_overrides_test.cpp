// `vanban check` names the files of the school's templates/ that replace vanban's shipped ones.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "run_vanban.h"

using namespace vanban::e2e;
namespace fs = std::filesystem;

TEST_CASE("check notes each school template that overrides a shipped one, in Vietnamese or English") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    fs::create_directories(root / "templates" / "site");
    fs::copy_file(std::string(VANBAN_TEST_DATA) + "/../templates/site/style.css", root / "templates" / "site" / "style.css");
    std::ofstream(root / "templates" / "site" / "rieng.css") << "/* a file vanban does not ship: no note */\n";

    Run vi = run_vanban("check --root " + shell_quote(root.string()) + " --today 2026-11-23");
    CHECK(vi.exit_code == 0);
    CHECK(vi.out.find("ghi chú: templates/site/style.css của trường thay cho tệp cùng tên vanban cài sẵn\n") != std::string::npos);
    CHECK(vi.out.find("rieng.css") == std::string::npos);

    Run en = run_vanban("check --root " + shell_quote(root.string()) + " --today 2026-11-23 --lang en");
    CHECK(en.out.find("note: templates/site/style.css of the school replaces the file vanban ships under the same name\n") !=
          std::string::npos);

    // JSON stays one document.
    Run json = run_vanban("check --root " + shell_quote(root.string()) + " --today 2026-11-23 --format json");
    CHECK(json.out.find("ghi chú") == std::string::npos);
}

TEST_CASE("check has no override note for the sample school, whose templates/ is the shipped folder") {
    Run r = run_vanban("check --root " + shell_quote(std::string(VANBAN_TEST_DATA) + "/.."));
    CHECK(r.out.find("ghi chú") == std::string::npos);
}
