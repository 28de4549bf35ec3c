// The build session (build/build_session.h): its stages on a copy of a fixture repository, the
// cross-document rules on summaries, --strict, findings on the pages, the preview's update.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>

#include "build/build_session.h"
#include "model/page_paths.h"
#include "model/site_layout.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace vanban;

namespace {

std::string read_text(const fs::path& p) { return vanban::test::read(p); }

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// A copy of tests/fixtures/NAME in a scratch folder, vanban's own templates in use.
struct Fixture {
    test::Scratch scratch;
    fs::path root;
    explicit Fixture(const std::string& name) : root(scratch.path / "repo") {
        ::setenv("VANBAN_TEMPLATES", test::templates_dir().c_str(), 1);
        fs::copy(std::string(VANBAN_TEST_DATA) + "/fixtures/" + name, root, fs::copy_options::recursive);
    }
    BuildOptions options(const std::string& out = "") const {
        BuildOptions o;
        o.root = root.string();
        o.jobs = 2;
        o.today = Date{2026, 11, 23};
        if (!out.empty()) o.out_dir = (scratch.path / out).string();
        return o;
    }
    void replace(const std::string& file, const std::string& from, const std::string& to) const {
        std::string text = read_text(root / file);
        REQUIRE(contains(text, from));
        text.replace(text.find(from), from.size(), to);
        std::ofstream(root / file, std::ios::binary) << text;
    }
};

std::vector<std::string> lines_of(const std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> out;
    for (const auto& d : diagnostics)
        out.push_back(d.file + ":" + std::to_string(d.at.line) + ":" + std::to_string(d.at.column) + " " + d.rule + " " + d.message.vi);
    return out;
}

}  // namespace

TEST_CASE("the session finds what the whole loaded repository finds, the cross-document rules working on summaries") {
    for (const char* name : {"duplicate-number", "citation-conflict", "broken-link", "real-shapes", "clean"}) {
        CAPTURE(name);
        Fixture f(name);
        BuildSession session(f.options(), {});
        BuildResult result = session.run();
        Repository repo = load_repository(f.root.string());
        CheckOptions options;
        options.today = Date{2026, 11, 23};
        ApprovalReport approvals = approval_report(repo);
        options.approvals = &approvals;
        CHECK(lines_of(result.diagnostics) == lines_of(check_repository(repo, options)));
        CHECK(result.documents == repo.documents.size());
        CHECK_FALSE(result.committed);  // no output folder asked: nothing written
    }
}

TEST_CASE("each_document hands every document the whole loaded repository has, once, one call at a time") {
    for (const char* name : {"real-shapes", "clean"}) {
        CAPTURE(name);
        Fixture f(name);
        BuildSession session(f.options(), {});
        std::vector<std::string> visited;
        session.each_document([&](const Document& doc) { visited.push_back(doc.path); });
        std::sort(visited.begin(), visited.end());
        std::vector<std::string> loaded;
        for (const auto& doc : load_repository(f.root.string()).documents) loaded.push_back(doc.path);
        CHECK(visited == loaded);
    }
}

TEST_CASE("duplicate numbers are found across documents from the summaries alone") {
    std::vector<DocumentSummary> docs(3);
    const DocumentType* plan = nullptr;
    Repository repo = test::make_repository({});
    plan = repo.types.find("ke-hoach");
    REQUIRE(plan);
    const char* paths[] = {"plans/2024-2025/a.md", "plans/2024-2025/b.md", "plans/2024-2025/c.md"};
    for (size_t i = 0; i < docs.size(); ++i) {
        docs[i].path = paths[i];
        docs[i].type = plan;
        docs[i].type_id = "ke-hoach";
        docs[i].number = i < 2 ? 7 : 8;
        docs[i].symbol = std::string(i < 2 ? "07" : "08") + "/KH-THCSTN";
        docs[i].date = Date{2024, 10, 1};
        docs[i].number_at = {3, 5};
    }
    Diagnostics found;
    check_duplicate_numbers(docs, found);
    REQUIRE(found.size() == 2);
    CHECK(found[0].file == paths[0]);
    CHECK(found[1].file == paths[1]);
    CHECK(contains(found[0].message.vi, "trùng với plans/2024-2025/b.md"));
    CHECK(found[0].at.line == 3);

    // The same citation with two dates in two documents: one conflict, at the later place.
    docs[0].citations = {{"32/2020/TT-BGDĐT", "32/2020/TT-BGDĐT", Date{2020, 9, 15}, {10, 1}}};
    docs[2].citations = {{"32/2020/TT-BGDĐT", "32/2020/TT-BGDĐT", Date{2020, 9, 16}, {12, 4}}};
    docs[2].date = Date{2024, 11, 1};
    Diagnostics conflicts;
    check_citation_conflicts(docs, conflicts);
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].file == paths[2]);
    CHECK(conflicts[0].at.line == 12);
    CHECK(contains(conflicts[0].message.vi, "ở plans/2024-2025/a.md:10"));
}

TEST_CASE("only sources whose files might meet another's wait for the layout") {
    std::set<std::string> risky = sources_at_risk({"content/ke-hoach/2024-2025/x.md", "content/tin.md", "plans/2024-2025/x.md"},
                                                  {"content/style.css", "content/anh.png"});
    // content/ke-hoach/… lands where plans/… does; content/style.css on vanban's own style sheet.
    CHECK(risky == std::set<std::string>{"content/ke-hoach/2024-2025/x.md", "content/style.css", "plans/2024-2025/x.md"});
}

// sources_at_risk as it was, with every owner of every file and folder kept.
std::set<std::string> former_sources_at_risk(const std::vector<std::string>& documents, const std::vector<std::string>& attachments) {
    // Every file a source might make, and every folder above one, with who might make it ("" for vanban).
    std::map<std::string, std::set<std::string>> files, folders;
    std::vector<std::pair<std::string, std::vector<std::string>>> candidates;
    for (const auto& path : documents) {
        std::string page = output_path(path);
        candidates.push_back({path, {page, pdf_page(page), docx_page(page), comparison_page(page)}});
    }
    for (const auto& path : attachments) candidates.push_back({path, {output_path(path)}});
    std::set<std::string> risky;
    auto add = [&](const std::string& source, const std::string& file) {
        files[file].insert(source);
        for (size_t slash = file.find('/'); slash != std::string::npos; slash = file.find('/', slash + 1)) folders[file.substr(0, slash)].insert(source);
        size_t start = 0;
        while (start <= file.size()) {
            size_t end = std::min(file.find('/', start), file.size());
            if (end - start > kMaxSiteNameBytes) risky.insert(source);
            if (end == file.size()) break;
            start = end + 1;
        }
        if (file.size() > kMaxSitePathBytes) risky.insert(source);
    };
    for (const auto& f : site_own_files()) add("", f);
    for (const auto& [source, list] : candidates)
        for (const auto& file : list) add(source, file);
    auto others = [&](const std::set<std::string>& owners, const std::string& source) {
        return owners.size() > 1 || (owners.size() == 1 && *owners.begin() != source);
    };
    for (const auto& [source, list] : candidates)
        for (const auto& file : list) {
            if (others(files[file], source)) risky.insert(source);
            if (auto it = folders.find(file); it != folders.end() && others(it->second, source)) risky.insert(source);
            for (size_t slash = file.find('/'); slash != std::string::npos; slash = file.find('/', slash + 1))
                if (auto it = files.find(file.substr(0, slash)); it != files.end() && others(it->second, source)) risky.insert(source);
        }
    risky.erase("");
    return risky;
}

TEST_CASE("sources_at_risk names the same sources as when it kept every owner") {
    std::mt19937 random(20261202);
    const std::vector<std::string> folders = {"plans/2024-2025/", "plans/2025-2026/", "content/", "content/ke-hoach/2024-2025/",
                                              "content/cong-khai/", "plans/", "content/ke-hoach/", "plans/2024-2025/sub/"};
    const std::vector<std::string> names = {"x", "y", "ke-hoach", "index", "style", "tim-kiem", "x.pdf", std::string(230, 'd')};
    for (int round = 0; round < 300; ++round) {
        std::vector<std::string> documents, attachments;
        for (int n = static_cast<int>(random() % 12); n > 0; --n)
            documents.push_back(folders[random() % folders.size()] + names[random() % names.size()] + ".md");
        for (int n = static_cast<int>(random() % 5); n > 0; --n) {
            const char* extensions[] = {".css", ".png", ".pdf", ".html", ""};
            attachments.push_back(folders[random() % folders.size()] + names[random() % names.size()] + extensions[random() % 5]);
        }
        std::sort(documents.begin(), documents.end());
        documents.erase(std::unique(documents.begin(), documents.end()), documents.end());
        INFO(round);
        CHECK(sources_at_risk(documents, attachments) == former_sources_at_risk(documents, attachments));
    }
}

TEST_CASE("with --strict and errors nothing is committed: the output folder stays as it was") {
    Fixture f("clean");
    BuildOptions options = f.options("site");
    CHECK(BuildSession(options, {}).run().committed);
    fs::path page = f.scratch.path / "site/ke-hoach/2024-2025/ke-hoach-day-hoc.html";
    std::string before = read_text(page);
    REQUIRE(!before.empty());
    f.replace("plans/2024-2025/ke-hoach-day-hoc.md", "ngay: 2024", "ngay: 2029");  // in the future: an error
    options.strict = true;
    BuildResult result = BuildSession(options, {}).run();
    CHECK(count_errors(result.diagnostics) > 0);
    CHECK_FALSE(result.committed);
    CHECK(read_text(page) == before);
    for (const auto& entry : fs::directory_iterator(f.scratch.path))  // no temporary folder left behind
        CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("pages that show findings list the cross-document ones, the public pages show none") {
    Fixture f("duplicate-number");
    BuildOptions options = f.options("mirror");
    options.show_diagnostics = true;
    BuildResult shown = BuildSession(options, {}).run();
    REQUIRE(shown.committed);
    for (const char* page : {"ke-hoach/2024-2025/ke-hoach-a.html", "ke-hoach/2024-2025/ke-hoach-b.html"}) {
        std::string html = read_text(f.scratch.path / "mirror" / page);
        CAPTURE(page);
        CHECK(contains(html, "duplicate-number"));
    }
    BuildResult published = BuildSession(f.options("public"), {}).run();
    REQUIRE(published.committed);
    CHECK_FALSE(contains(read_text(f.scratch.path / "public/ke-hoach/2024-2025/ke-hoach-a.html"), "duplicate-number"));
}

TEST_CASE("an update reads only the edited document, and a finding across documents leaves the other's page") {
    Fixture f("duplicate-number");
    BuildOptions options = f.options("preview");
    options.show_diagnostics = true;
    BuildSession session(options, {});
    BuildResult first = session.run();
    REQUIRE(first.committed);
    CHECK(session.documents_read() == 2);
    CHECK(count_errors(first.diagnostics) == 2);
    f.replace("plans/2024-2025/ke-hoach-b.md", "so: 12", "so: 13");
    f.replace("plans/2024-2025/ke-hoach-b.md", "trich_yeu: \"", "trich_yeu: \"Mới: ");
    BuildResult second = session.update({"plans/2024-2025/ke-hoach-b.md"});
    CHECK(session.documents_read() == 1);
    CHECK(count_errors(second.diagnostics) == 0);
    fs::path site = f.scratch.path / "preview";
    CHECK_FALSE(contains(read_text(site / "ke-hoach/2024-2025/ke-hoach-a.html"), "duplicate-number"));
    CHECK(contains(read_text(site / "ke-hoach/index.html"), "Mới: "));  // the lists follow the kept summaries
    CHECK(contains(read_text(site / "search-index.js"), "Mới: "));
}
