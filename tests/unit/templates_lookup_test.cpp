// Where vanban finds the data it ships (document types, layouts, the skeleton of `init`), and
// which files of a school's own templates/ take their place.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <sstream>

#include "check/template_overrides.h"
#include "load/repository.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace vanban;
using vanban::test::Scratch;
using vanban::test::write;

TEST_CASE("shipped templates: VANBAN_TEMPLATES, then share/vanban beside the executable, then the source tree for its own build only") {
    Scratch s;
    fs::path build = s.path / "src" / "build";
    fs::path exe = s.path / "usr" / "bin" / "vanban";
    fs::path shipped = s.path / "usr" / "share" / "vanban" / "templates";
    std::string source = (s.path / "src" / "templates").string();
    // The build tree's executables (vanban, the tests in build/tests) use the source templates/.
    CHECK(find_templates_dir(nullptr, (build / "vanban").string(), source, build.string()) == source);
    CHECK(find_templates_dir(nullptr, (build / "tests" / "unit_tests").string(), source, build.string()) == source);
    CHECK(find_templates_dir("", (build / "vanban").string(), source, build.string()) == source);
    // A copied or installed binary never does, even when the source folder exists on this machine:
    // it names the share/vanban folder it looked for.
    fs::create_directories(source);
    CHECK(find_templates_dir(nullptr, exe.string(), source, build.string()) == shipped.string());
    CHECK(find_templates_dir(nullptr, (s.path / "src" / "vanban").string(), source, build.string()) ==
          (s.path / "share" / "vanban" / "templates").string());
    CHECK(find_templates_dir(nullptr, (s.path / "src" / "build2" / "vanban").string(), source, build.string()) ==
          (s.path / "src" / "share" / "vanban" / "templates").string());
    // Installed data beside the executable comes first, then the environment before everything.
    fs::create_directories(shipped);
    CHECK(find_templates_dir(nullptr, exe.string(), source, build.string()) == shipped.string());
    fs::create_directories(build / ".." / "share" / "vanban" / "templates");
    CHECK(find_templates_dir(nullptr, (build / "vanban").string(), source, build.string()) ==
          (s.path / "src" / "share" / "vanban" / "templates").string());
    CHECK(find_templates_dir("/elsewhere", exe.string(), source, build.string()) == "/elsewhere");
}

TEST_CASE("no document type found: the error names every folder vanban looked in") {
    Scratch s;
    write(s.path / "vanban.yaml", "truong:\n  ten: T\n  viet_tat: T\n  co_quan_chu_quan: P\n  dia_danh: X\n  cap_hoc: THCS\n");
    TemplateSearchPath search(s.path.string(), {(s.path / "khong-co").string()});
    CHECK(search.looked_in() == (s.path / "templates").string() + ", " + (s.path / "khong-co").string());
    std::vector<Diagnostic> problems;
    CHECK(load_document_types(search, s.path.string(), problems).empty());
    ::setenv("VANBAN_TEMPLATES", (s.path / "khong-co").c_str(), 1);
    try {
        load_repository(s.path.string());
        FAIL("no error");
    } catch (const LoadError& e) {
        CHECK(std::string(e.what()).find("trong " + search.looked_in()) != std::string::npos);
        CHECK(e.en.find("in " + search.looked_in()) != std::string::npos);
    }
    ::unsetenv("VANBAN_TEMPLATES");
}

TEST_CASE("shipped templates: the running unit tests, in the build tree, use the source templates") {
    // tests/ of the build tree has no share/vanban beside it, and VANBAN_TEMPLATES is not set by ctest.
    if (std::getenv("VANBAN_TEMPLATES")) return;
    CHECK(fs::equivalent(default_templates_dir(), std::string(VANBAN_TEST_DATA) + "/../templates"));
}

TEST_CASE("template overrides: the school's files at a shipped path, not its new files, links or the shipped folder itself") {
    Scratch s;
    fs::path shipped = s.path / "shipped";
    write(shipped / "site" / "base.html", "shipped");
    write(shipped / "types" / "ke-hoach.yaml", "shipped");
    write(shipped / "trich-dan.yaml", "shipped");
    fs::path school = s.path / "school";
    write(school / "templates" / "types" / "ke-hoach.yaml", "own");
    write(school / "templates" / "types" / "rieng.yaml", "a type vanban does not ship");
    write(school / "templates" / "site" / "base.html", "own");
    write(s.path / "outside.yaml", "linked");
    fs::create_symlink(s.path / "outside.yaml", school / "templates" / "trich-dan.yaml");
    CHECK(template_overrides(school.string(), shipped.string()) ==
          std::vector<std::string>{"templates/site/base.html", "templates/types/ke-hoach.yaml"});
    // vanban's own repository: its templates/ is the shipped folder.
    fs::rename(shipped, s.path / "templates");
    CHECK(template_overrides(s.path.string(), (s.path / "templates").string()).empty());
    // No templates/ at all.
    CHECK(template_overrides((s.path / "none").string(), (s.path / "templates").string()).empty());
}

TEST_CASE("template overrides: a templates/ that is a link is not walked (a link to /usr took 42 s), and overrides nothing") {
    Scratch s;
    fs::path shipped = s.path / "shipped";
    write(shipped / "site" / "base.html", "shipped");
    fs::path big = s.path / "big";
    write(big / "site" / "base.html", "linked");
    fs::path school = s.path / "school";
    fs::create_directories(school);
    fs::create_directory_symlink(big, school / "templates");
    CHECK(template_overrides(school.string(), shipped.string()).empty());
    fs::remove(school / "templates");
    fs::create_directory_symlink("/usr", school / "templates");
    auto start = std::chrono::steady_clock::now();
    CHECK(template_overrides(school.string(), shipped.string()).empty());
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
}

TEST_CASE("template overrides: one note per file, Vietnamese or English, none in JSON") {
    std::vector<std::string> files{"templates/site/base.html"};
    ReportOptions options;
    std::ostringstream vi, en, json;
    write_template_overrides(files, options, vi);
    CHECK(vi.str() == "ghi chú: templates/site/base.html của trường thay cho tệp cùng tên vanban cài sẵn\n");
    options.english = true;
    write_template_overrides(files, options, en);
    CHECK(en.str() == "note: templates/site/base.html of the school replaces the file vanban ships under the same name\n");
    options.format = ReportFormat::Json;
    write_template_overrides(files, options, json);
    CHECK(json.str().empty());
}
