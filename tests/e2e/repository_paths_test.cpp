// A repository is untrusted input: nothing is read, written, deleted or published outside it
// because of what it contains (symbolic links, names, attachments), and a killed build leaves
// nothing behind that the next build does not clear. The links are made here, at run time.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::map<std::string, std::string> read_tree(const fs::path& root) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(root))
        files[fs::relative(e.path(), root).generic_string()] = e.is_regular_file() && !e.is_symlink() ? slurp(e.path().string()) : "";
    return files;
}

// The findings of `vanban check --format json`, file → rules.
std::map<std::string, std::set<std::string>> findings(const fs::path& root, Run* run = nullptr) {
    Run r = run_vanban("check --format json --today 2026-11-23 --root " + shell_quote(root.string()));
    if (run) *run = r;
    std::map<std::string, std::set<std::string>> out;
    auto json = nlohmann::json::parse(r.out, nullptr, false);
    REQUIRE_FALSE(json.is_discarded());
    for (const auto& d : json["diagnostics"]) out[d["file"].get<std::string>()].insert(d["rule"].get<std::string>());
    return out;
}

Run build(const fs::path& root, const fs::path& out, const std::string& extra = "") {
    return run_vanban("build --no-pdf --no-docx --today 2026-11-23 --root " + shell_quote(root.string()) + " --out " +
                      shell_quote(out.string()) + " " + extra);
}

void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

void allow_html(const fs::path& root) {
    std::string yaml = slurp((root / "vanban.yaml").string());
    yaml.replace(yaml.find("  cap_hoc:"), 0, "  cho_phep_html: true\n");
    write(root / "vanban.yaml", yaml);
}

// Folders nested deeper than PATH_MAX, made and removed through file descriptors (no full path
// of that length can be opened, nor removed by std::filesystem).
struct DeepFolders {
    fs::path top;
    std::string name;
    int levels;
    DeepFolders(fs::path dir, std::string folder, int depth, const std::string& file, const std::string& text)
        : top(std::move(dir)), name(std::move(folder)), levels(depth) {
        int fd = ::open(top.c_str(), O_RDONLY | O_DIRECTORY);
        for (int i = 0; i < levels; ++i) {
            ::mkdirat(fd, name.c_str(), 0755);
            int next = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY);
            ::close(fd);
            fd = next;
        }
        int out = ::openat(fd, file.c_str(), O_WRONLY | O_CREAT, 0644);
        CHECK(::write(out, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
        ::close(out);
        ::close(fd);
        this->file = file;
    }
    ~DeepFolders() {
        std::vector<int> fds{::open(top.c_str(), O_RDONLY | O_DIRECTORY)};
        for (int i = 0; i < levels; ++i) fds.push_back(::openat(fds.back(), name.c_str(), O_RDONLY | O_DIRECTORY));
        ::unlinkat(fds.back(), file.c_str(), 0);
        for (int i = levels; i >= 1; --i) {
            ::close(fds[i]);
            ::unlinkat(fds[i - 1], name.c_str(), AT_REMOVEDIR);
        }
        ::close(fds[0]);
    }
    std::string file;
};

const char* const kPage = "---\nloai: trang\ntieu_de: \"Trang riêng\"\n---\nNội dung riêng của trường.\n";

}  // namespace

TEST_CASE("a symlinked document, attachment or folder is reported, never read, copied or written through") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    write(tmp.path / "outside/bi-mat.md", "---\nloai: trang\ntieu_de: \"Bí mật\"\n---\nBÍ-MẬT-NGOÀI-KHO\n");
    write(tmp.path / "outside/nan-nhan.txt", "giữ nguyên");
    write(root / ".git/config", "[http]\n\textraheader = AUTHORIZATION: basic TOKEN-CUA-CI\n");
    write(root / ".env", "MAT_KHAU=SECRET-ENV\n");
    fs::create_symlink("../../outside/bi-mat.md", root / "content/lien-ket.md");
    fs::create_symlink("../.git/config", root / "content/cau-hinh.txt");
    fs::create_symlink("../.env", root / "content/env.txt");
    fs::create_symlink("../../outside/nan-nhan.txt", root / "content/ghi-de.txt");
    fs::create_directory_symlink("../../outside", root / "content/thu-muc");
    fs::create_symlink("/etc/passwd", root / "plans/2024-2025/passwd.md");
    auto outside_before = read_tree(tmp.path / "outside");

    Run check;
    auto found = findings(root, &check);
    CHECK(check.exit_code == 1);
    for (const char* link : {"content/lien-ket.md", "content/cau-hinh.txt", "content/env.txt", "content/ghi-de.txt", "content/thu-muc",
                             "plans/2024-2025/passwd.md"}) {
        INFO(link);
        CHECK(found[link].count("symlink"));
    }
    CHECK(contains(check.out, "Thay liên kết tượng trưng bằng chính tệp"));
    CHECK_FALSE(contains(check.out, "BÍ-MẬT"));

    fs::path site = tmp.path / "site";
    Run r = build(root, site);
    CHECK(r.exit_code == 1);  // the links are errors; the rest of the site is built
    REQUIRE(fs::exists(site / "index.html"));
    CHECK(fs::exists(site / "gioi-thieu.html"));
    for (const char* absent : {"lien-ket.html", "cau-hinh.txt", "env.txt", "ghi-de.txt", "thu-muc", "ke-hoach/2024-2025/passwd.html"}) {
        INFO(absent);
        CHECK_FALSE(fs::exists(fs::symlink_status(site / absent)));
    }
    for (const auto& [name, bytes] : read_tree(site)) {
        INFO(name);
        CHECK_FALSE(contains(bytes, "TOKEN-CUA-CI"));
        CHECK_FALSE(contains(bytes, "SECRET-ENV"));
        CHECK_FALSE(contains(bytes, "BÍ-MẬT-NGOÀI-KHO"));
        CHECK_FALSE(contains(bytes, "root:x:0"));
    }
    CHECK(read_tree(tmp.path / "outside") == outside_before);
    CHECK(leftover_temporaries(tmp.path).empty());
}

TEST_CASE("the default output refuses a site/ link committed in the repository") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    fs::create_directories(tmp.path / "nha-rieng");
    fs::create_directory_symlink("../nha-rieng", root / "site");
    Run r = run_vanban("build --no-pdf --no-docx --root " + shell_quote(root.string()));
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "liên kết tượng trưng"));
    CHECK(fs::is_empty(tmp.path / "nha-rieng"));
}

TEST_CASE("--out with '..', the repository itself, a folder holding it, .git/, content/ or plans/ is refused") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    fs::create_directories(root / ".git");
    for (const std::string& out : {root.string() + "/../site", root.string() + "/a/../b", root.string(), tmp.str(), root.string() + "/.git/site",
                                   root.string() + "/content/web", root.string() + "/plans/web", root.string() + "/"}) {
        INFO(out);
        Run r = build(root, out);
        CHECK(r.exit_code == 2);
        CHECK((contains(r.err, "của kho") || contains(r.err, "chứa kho") || contains(r.err, "có thành phần \"..\"")));
    }
    CHECK_FALSE(fs::exists(root / "b"));
    CHECK_FALSE(fs::exists(tmp.path / "site"));
    CHECK(fs::exists(root / "vanban.yaml"));
}

TEST_CASE("a symlink loop and a folder linked to its own parent are Vietnamese findings, the rest is checked and built") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    fs::create_symlink("b.md", root / "content/a.md");
    fs::create_symlink("a.md", root / "content/b.md");
    fs::create_directories(root / "content/anh");
    fs::create_directory_symlink("..", root / "content/anh/len");
    fs::create_directory_symlink(".", root / "plans/chinh-no");
    Run check;
    auto found = findings(root, &check);
    CHECK(check.exit_code == 1);
    for (const char* link : {"content/a.md", "content/b.md", "content/anh/len", "plans/chinh-no"}) {
        INFO(link);
        CHECK(found[link] == std::set<std::string>{"symlink"});
    }
    CHECK(contains(check.out, "liên kết tượng trưng vòng"));
    CHECK_FALSE(contains(check.out + check.err, "Too many levels"));
    CHECK_FALSE(contains(check.out + check.err, "filesystem error"));
    CHECK(contains(run_vanban("check --today 2026-11-23 --root " + shell_quote(root.string())).out, "trong 5 văn bản"));

    Run r = build(root, tmp.path / "site");
    CHECK(r.exit_code == 1);
    CHECK(fs::exists(tmp.path / "site/gioi-thieu.html"));
    CHECK(fs::exists(tmp.path / "site/ke-hoach/2024-2025/ke-hoach-day-hoc.html"));
}

TEST_CASE("names the site needs for itself or for another document are file-name findings, build leaves out just those") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    allow_html(root);  // the .js and .xml names are then refused for their name alone
    std::vector<std::string> taken = {"content/index.md",        "content/tim-kiem.md",      "content/cong-khai/index.md",
                                      "content/ke-hoach/index.md", "content/van-ban/index.md"};
    for (const auto& f : taken) write(root / f, kPage);
    for (const char* f : {"content/style.css", "content/search.js", "content/search-index.js", "content/sitemap.xml"}) {
        write(root / f, "/* CỦA-TRƯỜNG */");
        taken.push_back(f);
    }
    write(root / "content/feed.xml/anh.png", "PNG");  // a folder where vanban writes a file
    taken.push_back("content/feed.xml/anh.png");
    // The same page as a plan: the plan keeps it.
    write(root / "content/ke-hoach/2024-2025/ke-hoach-day-hoc.md", kPage);
    taken.push_back("content/ke-hoach/2024-2025/ke-hoach-day-hoc.md");

    Run check;
    auto found = findings(root, &check);
    CHECK(check.exit_code == 1);
    for (const auto& f : taken) {
        INFO(f);
        CHECK(found[f] .count("file-name"));
    }
    CHECK(found["plans/2024-2025/ke-hoach-day-hoc.md"].count("file-name") == 0);
    CHECK(contains(check.out, "là của vanban"));

    fs::path site = tmp.path / "site";
    Run r = build(root, site);
    CHECK(r.exit_code == 1);
    CHECK_FALSE(contains(r.err, "cùng được đưa ra"));
    CHECK(contains(slurp((site / "index.html").string()), "Trường THCS Thử Nghiệm"));
    for (const auto& [name, bytes] : read_tree(site)) {
        INFO(name);
        CHECK_FALSE(contains(bytes, "Nội dung riêng của trường"));
        CHECK_FALSE(contains(bytes, "CỦA-TRƯỜNG"));
    }
    CHECK(fs::is_regular_file(site / "feed.xml"));
    CHECK(fs::exists(site / "gioi-thieu.html"));
}

TEST_CASE("a name too long for the site or not UTF-8 is a file-name finding, the rest is built") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    std::string long_name = std::string(240, 'a') + ".md";  // fits the disk, not the site's "-so-sanh.html"/".tmp-PID" names
    write(root / "content" / long_name, kPage);
    write(root / "content/ke-hoach-\xFF\xFE.md", kPage);
    Run check;
    auto found = findings(root, &check);
    CHECK(check.exit_code == 1);
    CHECK(found["content/" + long_name].count("file-name"));
    CHECK(found["content/ke-hoach-\xEF\xBF\xBD\xEF\xBF\xBD.md"].count("file-name"));  // shown with U+FFFD, the JSON stays valid
    // The long name is still checked (only its page cannot be made); the other one is not read.
    CHECK(contains(run_vanban("check --today 2026-11-23 --root " + shell_quote(root.string())).out, "trong 6 văn bản"));

    Run r = build(root, tmp.path / "site");
    CHECK(r.exit_code == 1);
    CHECK(fs::exists(tmp.path / "site/gioi-thieu.html"));
    CHECK_FALSE(fs::exists(tmp.path / "site" / (std::string(240, 'a') + ".html")));
}

TEST_CASE("a path longer than PATH_MAX is a file-name finding, not a stop, the rest is built") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    DeepFolders deep(root / "content", std::string(200, 'd'), 22, "sau.md", kPage);  // 22 × 201 bytes > 4096
    Run check;
    auto found = findings(root, &check);
    CHECK(check.exit_code == 1);
    bool reported = false;
    for (const auto& [file, rules] : found)
        reported |= file.rfind("content/" + std::string(150, 'd'), 0) == 0 && rules.count("file-name");  // shown shortened
    CHECK(reported);
    CHECK(contains(check.out, "đường dẫn quá dài"));
    Run r = build(root, tmp.path / "site");
    CHECK(r.exit_code == 1);
    CHECK(fs::exists(tmp.path / "site/gioi-thieu.html"));
}

TEST_CASE("an image outside the repository, or through a link, never goes into a Word file or PDF") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    write(root / ".git/config", "[http]\n\textraheader = AUTHORIZATION: basic TOKEN-CUA-CI\n");
    const std::string letter = "content/van-ban/2024-2025/cong-van-hoc-lieu.md";
    std::string text = slurp((root / letter).string());
    write(root / letter, text + "\n![cấu hình](../../../.git/config)\n");
    std::string cache = " --cache " + shell_quote(tmp.str() + "/cache");
    Run outside = run_vanban("docx --root " + shell_quote(root.string()) + " " + letter + " --out " + shell_quote(tmp.str() + "/word") + cache);
    CHECK(outside.exit_code == 1);
    CHECK(contains(outside.err, "../../../.git/config"));
    CHECK_FALSE(fs::exists(tmp.path / "word/cong-van-hoc-lieu.docx"));

    fs::create_symlink("../../../.git/config", root / "content/van-ban/2024-2025/anh.png");
    write(root / letter, text + "\n![ảnh](anh.png)\n");
    Run r = run_vanban("build --no-pdf --today 2026-11-23 --root " + shell_quote(root.string()) + " --out " + shell_quote(tmp.str() + "/site") + cache);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "anh.png"));
    CHECK(fs::exists(tmp.path / "site/van-ban/2024-2025/cong-van-hoc-lieu.html"));
    CHECK_FALSE(fs::exists(tmp.path / "site/van-ban/2024-2025/cong-van-hoc-lieu.docx"));
    CHECK(fs::exists(tmp.path / "site/cong-khai/2024-2025/thu-chi.docx"));  // the other documents keep theirs
    for (const auto& e : fs::recursive_directory_iterator(tmp.path / "site"))
        if (e.path().extension() == ".docx") CHECK_FALSE(contains(run_command("unzip -p " + shell_quote(e.path().string())), "TOKEN-CUA-CI"));
}

TEST_CASE("raw HTML cannot put .git/config into the PDF (rel=attachment, img, CSS) or the Word file, with or without cho_phep_html") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    write(root / ".git/config", "[http]\n\textraheader = AUTHORIZATION: basic TOKEN-CUA-CI\n");
    const std::string plan = "plans/2024-2025/ke-hoach-day-hoc.md";
    write(root / plan, slurp((root / plan).string()) +
                           "\nXem <a rel=\"attachment\" href=\"../../.git/config\">tệp</a> và "
                           "<a rel=attachment href=\"..%2F..%2F.git/config\">tệp 2</a>.\n\n"
                           "<img src=\"../../.git/config\"> <span style=\"background: url(../../.git/config)\">nền</span>\n");
    for (bool html : {false, true}) {
        if (html) allow_html(root);
        std::string out = tmp.str() + (html ? "/html" : "/plain");
        std::string where = " --root " + shell_quote(root.string()) + " " + plan + " --cache " + shell_quote(out + "/cache");
        Run pdf = run_vanban("pdf" + where + " --out " + shell_quote(out + "/pdf"));
        INFO(pdf.err);
        REQUIRE(pdf.exit_code == 0);
        std::string file = out + "/pdf/ke-hoach-day-hoc.pdf";
        REQUIRE(fs::exists(file));
        CHECK(contains(run_command("pdfdetach -list " + shell_quote(file)), "0 embedded files"));
        CHECK_FALSE(contains(slurp(file), "TOKEN-CUA-CI"));
        Run docx = run_vanban("docx" + where + " --out " + shell_quote(out + "/word"));
        REQUIRE(docx.exit_code == 0);
        CHECK_FALSE(contains(run_command("unzip -p " + shell_quote(out + "/word/ke-hoach-day-hoc.docx")), "TOKEN-CUA-CI"));
    }
}

TEST_CASE("check reports an image with an absolute path or through a link, which build would refuse") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    const std::string letter = "content/van-ban/2024-2025/cong-van-hoc-lieu.md";
    std::string text = slurp((root / letter).string());
    write(root / letter, text + "\n![máy](/etc/hostname)\n");
    auto found = findings(root);
    CHECK(found[letter].count("url") == 1);
    Run r = run_vanban("docx --root " + shell_quote(root.string()) + " " + letter + " --out " + shell_quote(tmp.str() + "/word") + " --cache " +
                       shell_quote(tmp.str() + "/cache"));
    CHECK(r.exit_code == 1);

    write(root / "content/van-ban/anh-that.png", "không phải ảnh");
    fs::create_directories(root / "content/van-ban/2024-2025/hinh");
    fs::create_symlink("../../anh-that.png", root / "content/van-ban/2024-2025/hinh/anh.png");
    write(root / letter, text + "\n![ảnh](hinh/anh.png)\n");
    found = findings(root);
    CHECK(found[letter].count("symlink") == 1);
}

TEST_CASE("attachments a browser runs as script are refused unless cho_phep_html: true") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    const std::vector<std::string> risky = {"a.html", "b.htm", "c.svg", "d.xml", "e.js", "f.mjs", "g.xhtml", "h.shtml", "I.SVG", "j.xht", "k.xhtm", "l.rdf", "m.atom"};
    for (const auto& f : risky) write(root / "content/tep" / f, "<script>alert(1)</script>");
    write(root / "content/tep/bao-cao.pdf", "%PDF-1.4");
    Run check;
    auto found = findings(root, &check);
    CHECK(check.exit_code == 1);
    for (const auto& f : risky) {
        INFO(f);
        CHECK(found["content/tep/" + f].count("attachment"));
    }
    CHECK(found.count("content/tep/bao-cao.pdf") == 0);
    Run r = build(root, tmp.path / "site");
    CHECK(r.exit_code == 1);
    for (const auto& f : risky) CHECK_FALSE(fs::exists(tmp.path / "site/tep" / f));
    CHECK(fs::exists(tmp.path / "site/tep/bao-cao.pdf"));

    allow_html(root);
    CHECK(findings(root).empty());
    CHECK(build(root, tmp.path / "site").exit_code == 0);
    for (const auto& f : risky) CHECK(fs::exists(tmp.path / "site/tep" / f));
}

TEST_CASE("a symlinked template is reported and vanban's own is used instead") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    write(tmp.path / "outside/style.css", "BÍ-MẬT-MẪU");
    fs::create_directories(root / "templates/site");
    fs::create_symlink("../../../outside/style.css", root / "templates/site/style.css");
    auto found = findings(root);
    CHECK(found["templates/site/style.css"].count("symlink"));
    Run r = build(root, tmp.path / "site");
    CHECK(r.exit_code == 1);
    CHECK_FALSE(contains(slurp((tmp.path / "site/style.css").string()), "BÍ-MẬT-MẪU"));
    CHECK_FALSE(slurp((tmp.path / "site/style.css").string()).empty());
}

TEST_CASE("a linked vanban.yaml stops vanban with a Vietnamese message, a linked type file is reported and not read") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    fs::create_directories(root / "templates/types");
    write(tmp.path / "outside/loai.yaml", "loai: ngoai-kho\nten: \"Loại ngoài kho\"\n");
    fs::create_symlink("../../../outside/loai.yaml", root / "templates/types/ngoai-kho.yaml");
    auto found = findings(root);
    CHECK(found["templates/types/ngoai-kho.yaml"].count("symlink"));
    Run r = run_vanban("new ngoai-kho --root " + shell_quote(root.string()));
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "chưa được định nghĩa"));

    fs::rename(root / "vanban.yaml", tmp.path / "outside/vanban.yaml");
    fs::create_symlink("../outside/vanban.yaml", root / "vanban.yaml");
    Run linked = run_vanban("check --root " + shell_quote(root.string()));
    CHECK(linked.exit_code == 2);
    CHECK(contains(linked.err, "vanban.yaml"));
    CHECK(contains(linked.err, "liên kết tượng trưng"));
}

TEST_CASE("a killed build's leftover is removed by the next build, only when its process is gone and it carries the marker") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    // PIDs above the kernel's largest (2^22) belong to no process.
    auto leftover = [&](const std::string& name, bool marker) {
        write(tmp.path / name / "index.html", "cũ");
        if (marker) write(tmp.path / name / ".vanban-site", "");
    };
    leftover("site.tmp-999999991", true);
    leftover("site.old-999999992", true);
    leftover("site.tmp-999999993", false);                            // not vanban's: kept
    leftover("site.tmp-" + std::to_string(::getpid()), true);        // its process lives: kept
    leftover("khac.tmp-999999994", true);                             // beside another output: kept
    REQUIRE(build(root, tmp.path / "site").exit_code == 0);
    CHECK_FALSE(fs::exists(tmp.path / "site.tmp-999999991"));
    CHECK_FALSE(fs::exists(tmp.path / "site.old-999999992"));
    CHECK(fs::exists(tmp.path / "site.tmp-999999993/index.html"));
    CHECK(fs::exists(tmp.path / ("site.tmp-" + std::to_string(::getpid())) / "index.html"));
    CHECK(fs::exists(tmp.path / "khac.tmp-999999994/index.html"));
}

TEST_CASE("a second build replaces the previous site's files (an old file gone, a new page there) and leaves nothing beside the output") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    fs::path site = tmp.path / "site";
    REQUIRE(build(root, site).exit_code == 0);
    write(site / "cu.txt", "từ lần trước");
    write(root / "content/moi.md", kPage);
    REQUIRE(build(root, site).exit_code == 0);
    CHECK(fs::exists(site / "moi.html"));
    CHECK_FALSE(fs::exists(site / "cu.txt"));
    std::set<std::string> beside;
    for (const auto& e : fs::directory_iterator(tmp.path)) beside.insert(e.path().filename().string());
    CHECK(beside == std::set<std::string>{"repo", "site"});
}

TEST_CASE("vanban new and import refuse to write through a linked folder of the repository") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    fs::create_directories(tmp.path / "ngoai");
    fs::create_directory_symlink("../../ngoai", root / "plans/2025-2026");
    Run r = run_vanban("new ke-hoach --year 2025-2026 --title \"Thử\" --today 2025-09-01 --root " + shell_quote(root.string()));
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "liên kết tượng trưng"));
    CHECK(fs::is_empty(tmp.path / "ngoai"));

    fs::create_directory_symlink("../../ngoai", root / "content/van-ban/2025-2026");
    Run page = run_vanban("new cong-van --year 2025-2026 --title \"Thử\" --today 2025-09-01 --root " + shell_quote(root.string()));
    CHECK(page.exit_code == 2);
    CHECK(fs::is_empty(tmp.path / "ngoai"));

    // import places a Word plan in plans/2023-2024/: a link there, or at the file itself (--force), is refused.
    std::string docx = tmp.str() + "/ke-hoach.docx";
    run_command("pandoc -f html -t docx " + shell_quote(fixture("docx/ke-hoach.html")) + " -o " + shell_quote(docx));
    REQUIRE(fs::exists(docx));
    fs::create_directory_symlink("../../ngoai", root / "plans/2023-2024");
    Run imported = run_vanban("import --root " + shell_quote(root.string()) + " " + shell_quote(docx) + " --today 2026-11-23");
    CHECK(imported.exit_code == 2);
    CHECK(contains(imported.err, "liên kết tượng trưng"));
    CHECK(fs::is_empty(tmp.path / "ngoai"));
    fs::remove(root / "plans/2023-2024");
    fs::create_directories(root / "plans/2023-2024");
    write(tmp.path / "ngoai/nan-nhan.md", "giữ nguyên");
    fs::create_symlink("../../../ngoai/nan-nhan.md", root / "plans/2023-2024/ke-hoach-trien-khai-chuyen-doi-so-nam-hoc-2023-2024.md");
    Run forced = run_vanban("import --force --root " + shell_quote(root.string()) + " " + shell_quote(docx) + " --today 2026-11-23");
    CHECK(forced.exit_code == 2);
    CHECK(slurp((tmp.path / "ngoai/nan-nhan.md").string()) == "giữ nguyên");
}

TEST_CASE("the preview serves only its own files, never through a link") {
    Served served([](const fs::path& root) {
        write(root.parent_path() / "outside/bi-mat.txt", "BÍ-MẬT-XEM-TRƯỚC");
        fs::create_symlink("../../outside/bi-mat.txt", root / "content/bi-mat.txt");
    });
    REQUIRE(served.port > 0);
    std::string base = "http://127.0.0.1:" + std::to_string(served.port);
    auto get = [&](const std::string& path) {
        return run_command("curl -s --path-as-is -o /dev/null -w '%{http_code}' " + shell_quote(base + path));
    };
    auto body = [&](const std::string& path) { return run_command("curl -s --path-as-is " + shell_quote(base + path)); };
    CHECK(get("/gioi-thieu.html") == "200");
    CHECK(get("/bi-mat.txt") == "404");
    CHECK_FALSE(contains(body("/bi-mat.txt"), "BÍ-MẬT"));
    CHECK(get("/../../outside/bi-mat.txt") != "200");
    CHECK(get("/%2e%2e/%2e%2e/etc/passwd") != "200");
    CHECK(contains(slurp(served.log), "[symlink]"));
}
