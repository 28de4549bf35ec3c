// The skeleton `vanban init` renders: the school level read from a name, values written as they
// are, one disclosure stub per category, and section tags that leave no empty lines.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "init/school_skeleton.h"

using namespace vanban;
namespace fs = std::filesystem;

TEST_CASE("the school level is read from the school's name, and only when it names one") {
    CHECK(level_from_name("Trường THCS Bình Minh") == "THCS");
    CHECK(level_from_name("Trường Trung học cơ sở Bình Minh") == "THCS");
    CHECK(level_from_name("Trường Tiểu học Hòa Bình") == "TH");
    CHECK(level_from_name("Trường Mầm non Hoa Sen") == "MN");
    CHECK(level_from_name("Trường THPT Chu Văn An") == "THPT");
    CHECK(level_from_name("Trường TH và THCS Bình Minh") == "");  // two levels: --cap-hoc says which
    CHECK(level_from_name("Trường Bình Minh") == "");
    CHECK(known_level("TH-THCS"));
    CHECK_FALSE(known_level("THCS "));
}

TEST_CASE("the skeleton is rendered with the school's values, a stub per category and no empty lines from sections") {
    fs::path dir = fs::temp_directory_path() / ("vanban-skeleton-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "init/c/{{nam_hoc}}");
    fs::create_directories(dir / "types");
    std::ofstream(dir / "types/cong-khai.yaml") << "loai: cong-khai\ndanh_muc:\n  - {ma: mot, ten: Thứ nhất}\n  - {ma: hai, ten: Thứ hai}\n";
    std::ofstream(dir / "init/a.yaml") << "ten: {{ten_yaml}}\n{{#website}}\nwebsite: {{website}}\n{{/website}}\n{{^website}}\n# website:\n{{/website}}\nhet\n";
    std::ofstream(dir / "init/c/{{nam_hoc}}/{{danh_muc}}.md") << "{{ten_danh_muc_thuong}} {{nam_hoc}} {{ten}}\n";
    std::ofstream(dir / "init/w.yml") << "{{=<% %>=}}\nurl: <% dia_chi_goi_deb %>\nref: ${{ github.base_ref }}\n";
    SchoolFields school;
    school.name = "Trường TH & THCS \"Bình Minh\"";
    std::vector<SkeletonFile> files = render_skeleton((dir / "init").string(), dir.string(), school, {2025}, {2025, 10, 1});
    fs::remove_all(dir);
    REQUIRE(files.size() == 4);
    CHECK(files[0].path == "a.yaml");
    CHECK(files[0].content == "ten: \"Trường TH & THCS \\\"Bình Minh\\\"\"\n# website:\nhet\n");
    CHECK(files[1].path == "c/2025-2026/mot.md");
    CHECK(files[1].content == "thứ nhất 2025-2026 Trường TH & THCS \"Bình Minh\"\n");
    CHECK(files[2].path == "c/2025-2026/hai.md");
    // The delimiters changed: GitHub's own ${{ }} stay as they are.
    CHECK(files[3].content.rfind("url: https://", 0) == 0);
    CHECK(files[3].content.find("/v" VANBAN_VERSION "/vanban_" VANBAN_VERSION "_amd64.deb\nref: ${{ github.base_ref }}\n") != std::string::npos);
}
