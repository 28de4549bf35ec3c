// The source seam (load/source_tree.h): a DiskTree never follows a link, a MemoryTree behaves the
// same, and a fixture repository read from memory gives what it gives from disk.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "load/published_files.h"
#include "school_text.h"

namespace fs = std::filesystem;
using namespace vanban;

namespace {

std::vector<std::string> names(const std::optional<std::vector<SourceEntry>>& entries, EntryKind kind) {
    std::vector<std::string> out;
    if (entries)
        for (const auto& e : *entries)
            if (e.kind == kind) out.push_back(e.name);
    std::sort(out.begin(), out.end());
    return out;
}

std::string read_error(const SourceTree& tree, const std::string& path) {
    try {
        tree.read(path);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return {};
}

std::vector<std::string> lines_of(const std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> out;
    for (const auto& d : diagnostics)
        out.push_back(d.file + ":" + std::to_string(d.at.line) + ":" + std::to_string(d.at.column) + " " + d.rule +
                      " " + d.message.vi);
    return out;
}

}  // namespace

TEST_CASE("a MemoryTree lists, stats and reads plain files, and reports links without following them") {
    auto tree = test::memory_tree(
        "comment line\n"
        "-- plans/2024-2025/a.md --\nxin chào\n"
        "-- plans/2024-2025/b.md -> a.md --\n"
        "-- plans/vong -> vong --\n"
        "-- plans/ngoai -> ../../etc --\n"
        "-- content/trong/ --\n");
    tree->add_special("plans/ong");
    CHECK(names(tree->list(""), EntryKind::Folder) == std::vector<std::string>{"content", "plans"});
    CHECK(names(tree->list("plans"), EntryKind::Link) == std::vector<std::string>{"ngoai", "vong"});
    CHECK(names(tree->list("plans"), EntryKind::Other) == std::vector<std::string>{"ong"});
    CHECK(names(tree->list("plans/2024-2025"), EntryKind::File) == std::vector<std::string>{"a.md"});
    CHECK(tree->list("content/trong").value().empty());
    CHECK_FALSE(tree->list("plans/ngoai"));  // a linked folder is not entered
    CHECK_FALSE(tree->list("khong-co"));

    REQUIRE(tree->stat("plans/2024-2025/a.md"));
    CHECK(tree->stat("plans/2024-2025/a.md")->size == std::string("xin chào\n").size());
    CHECK(tree->stat("plans/2024-2025/b.md")->kind == EntryKind::Link);
    CHECK(tree->read("plans/2024-2025/a.md") == "xin chào\n");
    CHECK(tree->head("plans/2024-2025/a.md", 3) == "xin");
    CHECK(read_error(*tree, "plans/2024-2025/b.md").find("liên kết tượng trưng") != std::string::npos);
    CHECK(read_error(*tree, "plans/ong").find("không phải tệp thường") != std::string::npos);
    CHECK(read_error(*tree, "plans/ngoai/passwd").find("không đọc được tệp") != std::string::npos);
    CHECK_THROWS_AS(tree->read("plans/2024-2025/a.md", 4), SourceTooLarge);

    CHECK(tree->link_target("plans/2024-2025/b.md") == "a.md");
    CHECK(tree->link_loops("plans/vong"));
    CHECK_FALSE(tree->link_loops("plans/2024-2025/b.md"));
    // exists() answers as `test -e` does: a link to a file that is there counts, one out of the tree does not.
    CHECK(tree->exists("plans/2024-2025/b.md"));
    CHECK_FALSE(tree->exists("plans/ngoai"));
    CHECK_FALSE(tree->exists("plans/vong"));
    CHECK(tree->is_plain_file("plans/2024-2025/a.md"));
    CHECK_FALSE(tree->is_plain_file("plans/2024-2025/b.md"));
}

TEST_CASE("a DiskTree refuses a link anywhere on the way, not only at the end") {
    test::Scratch s;
    test::write(s.path / "repo/plans/2024-2025/a.md", "nội dung\n");
    test::write(s.path / "ngoai/bi-mat.md", "bí mật\n");
    fs::create_directory_symlink("../../ngoai", s.path / "repo/plans/lien-ket");
    fs::create_symlink("a.md", s.path / "repo/plans/2024-2025/b.md");
    REQUIRE(::mkfifo((s.path / "repo/plans/ong").c_str(), 0600) == 0);
    DiskTree tree((s.path / "repo").string());

    CHECK(names(tree.list("plans"), EntryKind::Link) == std::vector<std::string>{"lien-ket"});
    CHECK(names(tree.list("plans"), EntryKind::Other) == std::vector<std::string>{"ong"});
    CHECK_FALSE(tree.list("plans/lien-ket"));
    CHECK(tree.read("plans/2024-2025/a.md") == "nội dung\n");
    CHECK(read_error(tree, "plans/lien-ket/bi-mat.md").find("không đọc được tệp") != std::string::npos);
    CHECK(read_error(tree, "plans/2024-2025/b.md").find("liên kết tượng trưng") != std::string::npos);
    CHECK(read_error(tree, "plans/ong").find("không phải tệp thường") != std::string::npos);
    CHECK(read_error(tree, "../ngoai/bi-mat.md").find("không đọc được tệp") != std::string::npos);
    CHECK_FALSE(tree.stat("plans/lien-ket/bi-mat.md"));
    CHECK(tree.stat("plans/lien-ket")->kind == EntryKind::Link);
    CHECK_FALSE(tree.is_plain_file("plans/lien-ket/bi-mat.md"));
    CHECK(tree.head("plans/lien-ket/bi-mat.md", 4).empty());
    CHECK(tree.link_target("plans/lien-ket") == "../../ngoai");
    CHECK_THROWS_AS(tree.read("plans/2024-2025/a.md", 3), SourceTooLarge);
    // The walk of published files reports the link and never lists what is behind it.
    PublishedFiles files = find_published_files(tree);
    CHECK(files.documents == std::vector<std::string>{"plans/2024-2025/a.md"});
    CHECK(files.problems.size() == 3);  // the folder link, the file link, the pipe
}

TEST_CASE("every fixture read from memory gives the findings it gives from disk") {
    for (const char* name : {"duplicate-number", "citation-conflict", "broken-link", "real-shapes", "clean",
                             "front-matter", "table-sum", "encoding", "unicode-nfc", "governing-body"}) {
        CAPTURE(name);
        fs::path folder = fs::path(VANBAN_TEST_DATA) / "fixtures" / name;
        test::SchoolRun memory(test::memory_copy(folder, folder.string()));
        memory.run(false);
        BuildOptions disk_options = memory.options(false);
        disk_options.source.reset();
        disk_options.root = folder.string();
        BuildSession disk(disk_options, {});
        BuildResult on_disk = disk.run();
        CHECK(lines_of(memory.result.diagnostics) == lines_of(on_disk.diagnostics));
        CHECK(memory.result.documents == on_disk.documents);
        CHECK(disk.index().document_paths.size() == on_disk.documents);
    }
}
