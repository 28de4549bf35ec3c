// Where vanban finds the data it ships (document types, layouts, the skeleton of `init`), and
// which files of a school's own templates/ take their place.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "check/template_overrides.h"
#include "load/repository.h"

namespace fs = std::filesystem;
using namespace vanban;

namespace {

struct Scratch {
    fs::path path;
    Scratch() {
        static int counter = 0;
        path = fs::temp_directory_path() / ("vanban-unit-lookup-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~Scratch() { fs::remove_all(path); }
};

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("shipped templates: VANBAN_TEMPLATES first, then share/vanban beside the executable, then the source tree") {
    Scratch s;
    fs::path exe = s.path / "usr" / "bin" / "vanban";
    fs::path shipped = s.path / "usr" / "share" / "vanban" / "templates";
    // No installed data beside the executable: the build tree's templates/.
    CHECK(find_templates_dir(nullptr, exe.string(), "/src/templates") == "/src/templates");
    CHECK(find_templates_dir("", exe.string(), "/src/templates") == "/src/templates");
    CHECK(find_templates_dir(nullptr, "", "/src/templates") == "/src/templates");
    fs::create_directories(shipped);
    CHECK(find_templates_dir(nullptr, exe.string(), "/src/templates") == shipped.string());
    CHECK(find_templates_dir("/elsewhere", exe.string(), "/src/templates") == "/elsewhere");
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
