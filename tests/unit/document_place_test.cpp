// import/document_place: the one rule of where a new document goes (vanban new and vanban import).
#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>

#include "import/document_place.h"

namespace fs = std::filesystem;
using namespace vanban;

namespace {

DocumentType type(const std::string& id, bool official = true) {
    DocumentType t;
    t.id = id;
    t.name = id;
    t.official = official;
    return t;
}

struct TempRoot {
    fs::path dir = fs::temp_directory_path() / ("vanban-place-" + std::to_string(::getpid()));
    TempRoot() { fs::create_directories(dir); }
    ~TempRoot() { fs::remove_all(dir); }
    void touch(const std::string& relative) const {
        fs::create_directories((dir / relative).parent_path());
        std::ofstream(dir / relative) << "x";
    }
};

}  // namespace

TEST_CASE("the folder goes by type and school year") {
    DocumentType plan = type("ke-hoach"), assignment = type("phan-cong"), disclosure = type("cong-khai"),
                 letter = type("cong-van"), page = type("trang", false);
    CHECK(document_folder(&plan, "2024-2025") == "plans/2024-2025");
    CHECK(document_folder(&assignment, "2024-2025") == "plans/2024-2025");
    CHECK(document_folder(&disclosure, "2024-2025") == "content/cong-khai/2024-2025");
    CHECK(document_folder(&letter, "2024-2025") == "content/van-ban/2024-2025");
    CHECK(document_folder(&page, "2024-2025") == "content");
    CHECK(document_folder(nullptr, "2023-2024") == "plans/2023-2024");
    CHECK(document_folder(&letter, "") == "content/van-ban/chua-ro-nam-hoc");
}

TEST_CASE("the file name comes from the type and the title") {
    DocumentType plan = type("ke-hoach"), page = type("trang", false);
    CHECK(document_base_name(&plan, "Phòng, chống đuối nước") == "ke-hoach-phong-chong-duoi-nuoc");
    CHECK(document_base_name(&page, "Giới thiệu") == "gioi-thieu");
    CHECK(document_base_name(&plan, "") == "ke-hoach");
    CHECK(document_base_name(&page, "") == "trang");
    CHECK(document_base_name(nullptr, "") == "van-ban");
    CHECK(document_base_name(nullptr, "Họp") == "van-ban-hop");
}

TEST_CASE("a taken name moves on to -2, -3: an existing file, a name the site needs, a file of this run") {
    TempRoot root;
    DocumentType plan = type("ke-hoach"), page = type("trang", false);
    const std::string first = "plans/2024-2025/ke-hoach-day-hoc.md";
    CHECK(document_place(root.dir.string(), &plan, "2024-2025", "Dạy học") == first);
    root.touch(first);
    CHECK(document_place(root.dir.string(), &plan, "2024-2025", "Dạy học") == "plans/2024-2025/ke-hoach-day-hoc-2.md");
    root.touch("plans/2024-2025/ke-hoach-day-hoc-2.md");
    CHECK(document_place(root.dir.string(), &plan, "2024-2025", "Dạy học") == "plans/2024-2025/ke-hoach-day-hoc-3.md");

    PlaceOptions replace;
    replace.replace = true;
    CHECK(document_place(root.dir.string(), &plan, "2024-2025", "Dạy học", replace) == first);
    replace.claimed.insert(first);
    CHECK(document_place(root.dir.string(), &plan, "2024-2025", "Dạy học", replace) ==
          "plans/2024-2025/ke-hoach-day-hoc-2.md");

    // content/index.md would be the site's home page, content/tim-kiem.md its search page: even with replace.
    CHECK(document_place(root.dir.string(), &page, "", "index", replace) == "content/index-2.md");
    CHECK(document_place(root.dir.string(), &page, "", "Tìm kiếm") == "content/tim-kiem-2.md");
}
