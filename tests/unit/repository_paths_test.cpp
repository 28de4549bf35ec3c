// The pieces that keep a build inside its folders: the atomic exchange of the output, the
// removal of killed builds' leftovers, writes that never follow a link, and the site's layout.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>

#include "load/published_files.h"
#include "model/site_layout.h"
#include "site/output_folder.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace vanban;
using vanban::test::Scratch;
using vanban::test::read;
using vanban::test::write;

TEST_CASE("exchange_paths swaps two folders in one step: both names exist before and after") {
    Scratch s;
    write(s.path / "site/index.html", "cũ");
    write(s.path / "site.tmp-1/index.html", "mới");
    if (!exchange_paths((s.path / "site.tmp-1").string(), (s.path / "site").string())) {
        // A filesystem without RENAME_EXCHANGE (tmpfs, ext4, btrfs, xfs have it): nothing may have moved.
        MESSAGE("the temporary folder's filesystem cannot exchange; commit() uses two renames there");
        CHECK(read(s.path / "site/index.html") == "cũ");
        return;
    }
    CHECK(read(s.path / "site/index.html") == "mới");
    CHECK(read(s.path / "site.tmp-1/index.html") == "cũ");
    CHECK_THROWS_AS(exchange_paths((s.path / "khong-co").string(), (s.path / "site").string()), std::runtime_error);
    CHECK(read(s.path / "site/index.html") == "mới");
}

TEST_CASE("commit replaces an existing output and leaves no temporary or old folder") {
    Scratch s;
    std::string target = (s.path / "site").string();
    {
        OutputFolder first(target);
        first.write("index.html", "một");
        first.commit();
    }
    write(s.path / "site/thua.txt", "từ lần trước");
    {
        OutputFolder second(target);
        second.write("index.html", "hai");
        second.commit();
    }
    CHECK(read(s.path / "site/index.html") == "hai");
    CHECK_FALSE(fs::exists(s.path / "site/thua.txt"));
    CHECK(fs::is_regular_file(s.path / "site" / OutputFolder::kMarker));
    size_t entries = 0;
    for (const auto& e : fs::directory_iterator(s.path)) entries += e.path().filename() != "site";
    CHECK(entries == 0);
}

TEST_CASE("the output is never written or copied through a link, and a linked source is not copied") {
    Scratch s;
    write(s.path / "ngoai.txt", "giữ nguyên");
    write(s.path / "repo/content/that.txt", "tệp thật");
    fs::create_symlink(s.path / "ngoai.txt", s.path / "repo/content/lien-ket.txt");
    OutputFolder out((s.path / "site").string());
    fs::path planted = out.path_of("trang.html");
    fs::create_symlink(s.path / "ngoai.txt", planted);
    CHECK_THROWS_AS(out.write("trang.html", "ghi đè"), std::runtime_error);
    CHECK_THROWS_AS(out.copy_file((s.path / "repo").string(), "content/lien-ket.txt", "lien-ket.txt"), std::runtime_error);
    CHECK(read(s.path / "ngoai.txt") == "giữ nguyên");
    out.copy_file((s.path / "repo").string(), "content/that.txt", "that.txt");
    CHECK(read(out.path_of("that.txt")) == "tệp thật");
    CHECK_FALSE(fs::is_symlink(out.path_of("that.txt")));
}

TEST_CASE("remove_abandoned_folders: only vanban's, beside this output, whose process is gone") {
    Scratch s;
    auto leftover = [&](const std::string& name, bool marker) {
        write(s.path / name / "index.html", "cũ");
        if (marker) write(s.path / name / OutputFolder::kMarker, "");
    };
    leftover("site.tmp-999999991", true);
    leftover("site.old-999999992", true);
    leftover("site.tmp-999999993", false);
    leftover("site.tmp-" + std::to_string(::getppid()), true);  // alive
    leftover("site.tmp-12x", true);                              // not a PID
    fs::create_directory_symlink(s.path / "site.tmp-999999993", s.path / "site.tmp-999999995");
    CHECK(remove_abandoned_folders((s.path / "site").string()) == 2);
    CHECK_FALSE(fs::exists(s.path / "site.tmp-999999991"));
    CHECK_FALSE(fs::exists(s.path / "site.old-999999992"));
    CHECK(fs::exists(s.path / "site.tmp-999999993/index.html"));
    CHECK(fs::exists(s.path / ("site.tmp-" + std::to_string(::getppid())) / "index.html"));
    CHECK(fs::exists(s.path / "site.tmp-12x/index.html"));
    CHECK(fs::is_symlink(s.path / "site.tmp-999999995"));
}

TEST_CASE("output_folder_problem: '..' parts, the repository, what holds it, .git/, .vanban/, content/, plans/ and links inside the repository") {
    Scratch s;
    fs::path root = s.path / "repo";
    fs::create_directories(root / "content");
    fs::create_directories(s.path / "www");
    CHECK(output_folder_problem(root.string(), (root / "site").string()).empty());
    CHECK(output_folder_problem(root.string(), (s.path / "site").string()).empty());
    CHECK_FALSE(output_folder_problem(root.string(), root.string()).empty());
    CHECK(output_folder_problem(root.string(), (s.path / "a/../site").string()).find("\"..\"") != std::string::npos);
    CHECK_FALSE(output_folder_problem(root.string(), s.path.string()).empty());
    CHECK_FALSE(output_folder_problem(root.string(), (root / ".git/x").string()).empty());
    CHECK_FALSE(output_folder_problem(root.string(), (root / ".vanban/x").string()).empty());  // the trust list
    CHECK_FALSE(output_folder_problem(root.string(), (root / "content/web").string()).empty());
    CHECK_FALSE(output_folder_problem(root.string(), (root / "plans").string()).empty());
    fs::create_directory_symlink(s.path / "www", root / "site");
    CHECK(output_folder_problem(root.string(), (root / "site").string()).find("liên kết tượng trưng") != std::string::npos);
    fs::create_directory_symlink(s.path / "www", s.path / "site");  // the user's own link, outside the repository
    CHECK(output_folder_problem(root.string(), (s.path / "site").string()).empty());
}

TEST_CASE("site layout: vanban's own files, another document's page, folder against file, over-long names") {
    Repository repo = test::make_repository({
        {"plans/2024-2025/ke-hoach.md", "---\nloai: ke-hoach\nnam_hoc: \"2024-2025\"\n---\n"},
        {"content/ke-hoach/2024-2025/ke-hoach.md", "---\nloai: trang\n---\n"},
        {"content/tim-kiem.md", "---\nloai: trang\n---\n"},
        {"content/gioi-thieu.md", "---\nloai: trang\n---\n"},
        {"content/" + std::string(kMaxSiteNameBytes, 'a') + ".md", "---\nloai: trang\n---\n"},
    });
    SiteLayout layout = plan_site_layout(repo.documents, {"content/style.css", "content/ke-hoach/2024-2025/ke-hoach.pdf",
                                                          "content/index.html/anh.png", "content/anh/truong.jpg"});
    std::set<std::string> expected = {"content/ke-hoach/2024-2025/ke-hoach.md", "content/tim-kiem.md",
                                      "content/" + std::string(kMaxSiteNameBytes, 'a') + ".md", "content/style.css",
                                      "content/ke-hoach/2024-2025/ke-hoach.pdf", "content/index.html/anh.png"};
    CHECK(layout.refused == expected);
    CHECK(layout.problems.size() == expected.size());
    for (const auto& d : layout.problems) {
        CHECK(d.rule == "file-name");
        CHECK(d.severity == Severity::Error);
        CHECK_FALSE(d.hint.vi.empty());
    }
}

TEST_CASE("carries_script: pages and scripts a browser runs, in any letter case") {
    for (const char* risky : {"a.html", "b.HTM", "c.svg", "d.xml", "e.js", "f.mjs", "g.xhtml", "h.shtml"}) CHECK(carries_script(risky));
    for (const char* plain : {"a.pdf", "b.png", "c.docx", "d.xlsx", "e.jpg", "f.txt", "g"}) CHECK_FALSE(carries_script(plain));
}

TEST_CASE("a file written from pieces holds them one after the other, however many") {
    Scratch s;
    OutputFolder out((s.path / "site").string());
    // More pieces than one writev takes (IOV_MAX, 1024 on Linux), some of them empty.
    std::vector<std::string> texts;
    for (int i = 0; i < 3000; ++i) texts.push_back(i % 7 == 0 ? std::string() : "mảnh " + std::to_string(i) + "\n");
    std::vector<std::string_view> pieces(texts.begin(), texts.end());
    std::string whole;
    for (const auto& t : texts) whole += t;
    out.write("nhieu/manh.html", pieces);
    out.write("rong.html", std::vector<std::string_view>{});
    out.write("mot.html", std::vector<std::string_view>{"", whole, ""});
    out.commit();
    CHECK(read(s.path / "site/nhieu/manh.html") == whole);
    CHECK(read(s.path / "site/rong.html").empty());
    CHECK(read(s.path / "site/mot.html") == whole);
}

TEST_CASE("files written into the same new folder, by write, copy_file and path_of, all land there") {
    // A folder is made once and remembered: the later files of it do not look for it again.
    Scratch s;
    write(s.path / "repo/content/anh.png", "ảnh");
    OutputFolder out((s.path / "site").string());
    out.write("ke-hoach/2024-2025/a.html", "a");
    out.write("ke-hoach/2024-2025/b.html", std::vector<std::string_view>{"b"});
    out.copy_file((s.path / "repo").string(), "content/anh.png", "ke-hoach/2024-2025/anh.png");
    CHECK(out.path_of("ke-hoach/2024-2025/c.pdf") == (s.path / ("site.tmp-" + std::to_string(::getpid())) / "ke-hoach/2024-2025/c.pdf").string());
    out.write("ke-hoach/2024-2025/sau/d.html", "d");
    out.commit();
    CHECK(read(s.path / "site/ke-hoach/2024-2025/a.html") == "a");
    CHECK(read(s.path / "site/ke-hoach/2024-2025/b.html") == "b");
    CHECK(read(s.path / "site/ke-hoach/2024-2025/anh.png") == "ảnh");
    CHECK(read(s.path / "site/ke-hoach/2024-2025/sau/d.html") == "d");
}
