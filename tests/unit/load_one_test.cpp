// One document loaded on its own (load/repository.h load_one), as load_repository and the
// preview's reload both do: a file that cannot be read is an `unreadable` finding, never an
// exception that stops the caller (the preview used to stop updating).
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <variant>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace vanban;

TEST_CASE("load_one: a readable document loads, one that cannot be read is an unreadable finding on its file") {
    Repository repo = test::make_repository({});
    fs::path root = fs::temp_directory_path() / ("vanban-unit-load-one-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "plans");
    std::ofstream(root / "plans/ke-hoach.md") << test::plan("# I. Mục đích\n\nNội dung.\n");
    REQUIRE(::mkfifo((root / "plans/ong.md").c_str(), 0600) == 0);

    auto good = load_one(root.string(), "plans/ke-hoach.md", repo.types, repo.school);
    REQUIRE(std::holds_alternative<Document>(good));
    CHECK(std::get<Document>(good).path == "plans/ke-hoach.md");

    for (const char* path : {"plans/ong.md", "plans/da-xoa.md"}) {
        CAPTURE(path);
        std::variant<Document, Diagnostic> bad;
        CHECK_NOTHROW(bad = load_one(root.string(), path, repo.types, repo.school));
        REQUIRE(std::holds_alternative<Diagnostic>(bad));
        const Diagnostic& d = std::get<Diagnostic>(bad);
        CHECK(d.rule == "unreadable");
        CHECK(d.file == path);
        CHECK(d.message.vi.find("không đọc được văn bản") != std::string::npos);
    }
    fs::remove_all(root);
}
