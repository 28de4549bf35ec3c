// `vanban new` and `vanban import` put the same document in the same place (import/document_place.h).
#include <doctest/doctest.h>

#include <filesystem>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

TEST_CASE("new and import place a kế hoạch of the same title and year at the same path, and step aside the same way") {
    TempDir tmp, other;
    fs::path imported = tmp.copy_of("clean");
    fs::path created = other.copy_of("clean");
    std::string docx = tmp.str() + "/ke-hoach.docx";
    run_command("pandoc -f html -t docx " + shell_quote(fixture("docx/ke-hoach.html")) + " -o " + shell_quote(docx));
    REQUIRE(fs::exists(docx));
    const std::string path = "plans/2023-2024/ke-hoach-trien-khai-chuyen-doi-so-nam-hoc-2023-2024.md";

    Run import = run_vanban("import --root " + shell_quote(imported.string()) + " " + shell_quote(docx));
    INFO(import.out, import.err);
    REQUIRE(import.exit_code == 0);
    CHECK(import.out.find("đã ghi " + path + "\n") != std::string::npos);

    const std::string title =
        "--year 2023-2024 --today 2023-10-04 --title 'Triển khai chuyển đổi số năm học 2023-2024'";
    Run made = run_vanban("new ke-hoach --root " + shell_quote(created.string()) + " " + title);
    INFO(made.out, made.err);
    REQUIRE(made.exit_code == 0);
    CHECK(made.out.find("đã tạo " + path + "\n") != std::string::npos);

    // The other command in each repository: the name is taken, both move on to -2.
    const std::string second = "plans/2023-2024/ke-hoach-trien-khai-chuyen-doi-so-nam-hoc-2023-2024-2.md";
    Run made_after_import = run_vanban("new ke-hoach --root " + shell_quote(imported.string()) + " " + title);
    CHECK(made_after_import.out.find("đã tạo " + second + "\n") != std::string::npos);
    Run import_after_new = run_vanban("import --root " + shell_quote(created.string()) + " " + shell_quote(docx));
    CHECK(import_after_new.out.find("đã ghi " + second + "\n") != std::string::npos);
}

TEST_CASE("an imported page goes to content/ like a new one, under its title alone") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    std::string docx = tmp.str() + "/trang.docx";
    run_command(
        "printf '<p>Giới thiệu nhà trường</p><p>Trường được thành lập năm 1990.</p>' | pandoc -f html -t docx -o " +
        shell_quote(docx));
    REQUIRE(fs::exists(docx));
    Run import = run_vanban("import --type trang --root " + shell_quote(root.string()) + " " + shell_quote(docx));
    INFO(import.out, import.err);
    Run made = run_vanban("new trang --root " + shell_quote(root.string()) + " --title 'Giới thiệu'");
    INFO(made.out, made.err);
    REQUIRE(made.exit_code == 0);
    CHECK(made.out.find("đã tạo content/gioi-thieu") != std::string::npos);
    CHECK(import.out.find("đã ghi content/") != std::string::npos);
}
