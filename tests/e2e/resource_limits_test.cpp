// Bounded cost: inputs made to exhaust time or memory (a paragraph of 100,000 changed numbers,
// a year of renamed documents) finish, or stop at a cap that says what was skipped. Limits are
// lowered through their VANBAN_… variables; a generous `timeout` only catches a hang, the normal
// runs take a few seconds at most.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

std::string plan(const std::string& year, const std::string& subject, const std::string& body) {
    return "---\nloai: ke-hoach\nso: 12\nngay: " + year.substr(0, 4) + "-09-20\nnam_hoc: \"" + year + "\"\ntrich_yeu: \"" + subject +
           "\"\nnguoi_ky:\n  chuc_vu: \"HIỆU TRƯỞNG\"\n  ho_ten: \"Nguyễn Văn Thử\"\nnoi_nhan:\n  - \"Lưu: VT.\"\n---\n\n" + body;
}

// A repository with the diff fixture's vanban.yaml and nothing else.
fs::path school(const TempDir& dir) {
    fs::path root = dir.path / "repo";
    fs::create_directories(root);
    fs::copy_file(fixture("diff") + "/vanban.yaml", root / "vanban.yaml");
    return root;
}

}  // namespace

TEST_CASE("diff of a paragraph whose 100,000 numbers all changed finishes: each number is listed once through a hash set") {
    // Each changed number used to be compared with every number listed before it: 115 s for
    // this paragraph (2.3 s now). The timeout only catches a return of the quadratic scan.
    TempDir dir;
    fs::path root = school(dir);
    std::string old_body = "# I. CHỈ TIÊU\n\n", new_body = old_body;
    for (int i = 0; i < 100000; ++i) {
        old_body += "mục " + std::to_string(i) + " ";
        new_body += "mục " + std::to_string(i + 100000) + " ";
    }
    write(root / "a.md", plan("2023-2024", "Kế hoạch", old_body + "\n"));
    write(root / "b.md", plan("2024-2025", "Kế hoạch", new_body + "\n"));
    Run r = run_vanban("diff --root " + shell_quote(root.string()) + " a.md b.md --format json", "timeout 90 ");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto numbers = nlohmann::json::parse(r.out)["documents"][0]["numbers"];
    CHECK(numbers.size() == 100000);
    CHECK(numbers[0]["old"] == "0 mục");
    CHECK(numbers[0]["new"] == "100000 mục");
}

TEST_CASE("diff --years pairs renamed documents by trích yếu up to a cap, then says which were left as added ([limit])") {
    TempDir dir;
    fs::path root = school(dir);
    for (int i = 0; i < 3; ++i) {
        std::string subject = "Kế hoạch tổ chuyên môn số " + std::to_string(i) + " về công tác " + std::string(i == 0 ? "thư viện" : i == 1 ? "thiết bị" : "bán trú");
        write(root / "plans/2023-2024" / ("cu-" + std::to_string(i) + ".md"), plan("2023-2024", subject, "# I. NỘI DUNG\n\nMột.\n"));
        write(root / "plans/2024-2025" / ("moi-" + std::to_string(i) + ".md"), plan("2024-2025", subject, "# I. NỘI DUNG\n\nHai.\n"));
    }
    std::string args = "diff --root " + shell_quote(root.string()) + " --years 2023-2024 2024-2025 --format json";
    auto statuses = [](const Run& r) {  // "changed changed added" in the order of the report
        std::string s;
        nlohmann::json report = nlohmann::json::parse(r.out);
        for (const auto& d : report["documents"]) s += (s.empty() ? "" : " ") + d["status"].get<std::string>();
        return s;
    };
    Run paired = run_vanban(args);
    INFO(paired.err);
    REQUIRE(paired.exit_code == 0);
    CHECK(statuses(paired) == "changed changed changed");
    CHECK_FALSE(contains(paired.err, "[limit]"));
    // Room for one new document's comparisons (three old candidates): the other two are added.
    Run capped = run_vanban(args, "VANBAN_YEARS_MAX_COMPARISONS=3 ");
    REQUIRE(capped.exit_code == 0);
    CHECK(statuses(capped) == "changed added added removed removed");
    CHECK(contains(capped.err, "cảnh báo [limit]"));
    CHECK(contains(capped.err, "2 văn bản đổi tên tệp không được ghép"));
    CHECK(contains(capped.err, "gợi ý: giữ nguyên tên tệp"));
}

TEST_CASE("check and build of one line with 100,000 links, placeholders or citations, and of 40,000 appendices, finish") {
    // Each place was counted from its line's start, each appendix looked through every heading:
    // check took 360 s (links), 170 s (placeholders), over 300 s (citations); check 10 s and
    // build 22 s for 20,000 appendices. Now each takes a second or two; the timeout only
    // catches a hang.
    std::string links, placeholders, citations, appendices;
    for (int i = 0; i < 100000; ++i) {
        links += "[Điều " + std::to_string(i) + "](https://vi.example/" + std::to_string(i) + ") ";
        placeholders += "[[Nêu ý " + std::to_string(i) + "]] ";
        citations += "theo Thông tư số " + std::to_string(i) + "/2020/TT-BGDĐT ";
    }
    for (int i = 0; i < 40000; ++i) appendices += "# PHỤ LỤC " + std::to_string(i + 1) + ": Việc " + std::to_string(i) + "\n\n## 1. Mục\n\nNội dung.\n\n";
    struct Case {
        const char* name;
        std::string body;
        const char* expect;  // in check's report
    };
    for (const Case& c : {Case{"links", links, "2 lỗi, 0 cảnh báo"}, Case{"placeholders", placeholders, "100000 cảnh báo"},
                          Case{"citations", citations, "trong 1 văn bản"}, Case{"appendices", "Một.\n\n" + appendices, "phụ lục \"1\""}}) {
        INFO(c.name);
        TempDir dir;
        fs::path root = school(dir);
        write(root / "plans/2024-2025/ke-hoach.md", plan("2024-2025", "Kế hoạch", "# I. MỤC ĐÍCH, YÊU CẦU\n\n" + c.body + "\n"));
        Run check = run_vanban("check --root " + shell_quote(root.string()), "timeout 60 ");
        CHECK(check.exit_code == 1);  // the plan lacks its other required sections
        CHECK(contains(check.out, c.expect));
        Run build = run_vanban("build --no-pdf --no-docx --root " + shell_quote(root.string()), "timeout 60 ");
        INFO(build.err);
        CHECK(build.exit_code == 1);
        CHECK(fs::exists(root / "site/ke-hoach/2024-2025/ke-hoach.html"));
    }
}

namespace {

std::string script(const TempDir& tmp, const std::string& name, const std::string& text) {
    std::string path = tmp.str() + "/" + name;
    std::ofstream(path) << text;
    fs::permissions(path, fs::perms::owner_all);
    return path;
}

// Each run with its own cache, so none reuses another's PDF.
Run render_pdf(const TempDir& tmp, const std::string& environment, const std::string& cache, const std::string& options = "") {
    return run_vanban("pdf --root " + shell_quote(fixture("pdf")) + " plans/2024-2025/ke-hoach-boi-duong.md --out " +
                          shell_quote(tmp.str() + "/pdf") + " --cache " + shell_quote(tmp.str() + "/" + cache) + options,
                      environment);
}

}  // namespace

TEST_CASE("WeasyPrint runs under a memory limit (VANBAN_WEASYPRINT_MEMORY) and a time limit (--pdf-timeout)") {
    TempDir tmp;
    // A worker's Python (VANBAN_PYTHON) that holds 400 MB, then runs the worker (`-c SOURCE`).
    std::string hungry = script(tmp, "an-bo-nho.py",
                                "#!/usr/bin/python3\nimport sys\nblock = bytearray(400 * 1024 * 1024)\nexec(sys.argv[2])\n");
    Run fits = render_pdf(tmp, "VANBAN_PYTHON=" + shell_quote(hungry) + " ", "cache1");
    INFO(fits.err);
    CHECK(fits.exit_code == 0);  // under the default limit (3000 MB)
    Run refused = render_pdf(tmp, "VANBAN_PYTHON=" + shell_quote(hungry) + " VANBAN_WEASYPRINT_MEMORY=200 ", "cache2");
    INFO(refused.err);
    CHECK(refused.exit_code == 1);
    CHECK(contains(refused.err, "weasyprint cần quá 200 MB bộ nhớ"));
    CHECK(leftover_temporaries(tmp.path).empty());

    std::string sleeper = script(tmp, "treo.sh", "#!/bin/sh\nsleep 30\n");
    Run hung = render_pdf(tmp, "timeout 25 env VANBAN_PYTHON=" + shell_quote(sleeper) + " ", "cache3", " --pdf-timeout 1");
    CHECK(hung.exit_code == 1);
    CHECK(contains(hung.err, "weasyprint chạy quá 1 giây"));
}

TEST_CASE("a document that hangs or runs out of memory fails alone: its WeasyPrint worker is replaced for the next one") {
    TempDir tmp;
    fs::path root = tmp.copy_of("pdf");
    // A worker's Python whose WeasyPrint hangs on a page saying TREO-MAI and asks for 8 GB on one
    // saying AN-BO-NHO; every other page is printed as usual.
    std::string python = script(tmp, "weasyprint-bay.py",
                                "#!/usr/bin/python3\nimport sys, time, weasyprint\noriginal = weasyprint.HTML\n"
                                "def html(string=None, **options):\n"
                                "    if 'TREO-MAI' in string: time.sleep(100)\n"
                                "    if 'AN-BO-NHO' in string: bytearray(8 << 30)\n"
                                "    return original(string=string, **options)\n"
                                "weasyprint.HTML = html\nexec(sys.argv[2])\n");
    const std::string bad = "plans/2024-2025/ke-hoach-du-thao.md", good = "plans/2024-2025/ke-hoach-boi-duong.md";
    std::string body = slurp((root / bad).string());
    struct Case {
        const char* mark;
        const char* environment;
        const char* said;
    };
    for (const Case& c : {Case{"TREO-MAI", "", "weasyprint chạy quá 15 giây"},
                          Case{"AN-BO-NHO", "VANBAN_WEASYPRINT_MEMORY=1500 ", "weasyprint cần quá 1500 MB bộ nhớ"}}) {
        INFO(c.mark);
        std::ofstream(root / bad) << body << "\n" << c.mark << "\n";
        // One job: the bad document goes first, so the good one needs the replaced worker (whose
        // start counts in its time limit: 15 s leaves room for a busy machine).
        Run r = run_vanban("pdf --root " + shell_quote(root.string()) + " " + bad + " " + good + " -j 1 --pdf-timeout 15 --out " +
                               shell_quote(tmp.str() + "/pdf-" + c.mark) + " --cache " + shell_quote(tmp.str() + "/cache-" + c.mark),
                           std::string("timeout 120 env ") + c.environment + "VANBAN_PYTHON=" + shell_quote(python) + " ");
        INFO(r.out, r.err);
        CHECK(r.exit_code == 1);
        CHECK(contains(r.err, bad + ": lỗi [pdf] " + c.said));
        CHECK(contains(r.out, "PDF: 1 tạo mới, 0 không đổi (lấy từ bộ nhớ đệm), 1 lỗi"));
        CHECK(fs::exists(tmp.path / ("pdf-" + std::string(c.mark)) / "ke-hoach-boi-duong.pdf"));
        CHECK_FALSE(fs::exists(tmp.path / ("pdf-" + std::string(c.mark)) / "ke-hoach-du-thao.pdf"));
    }
    CHECK(leftover_temporaries(tmp.path).empty());
}

TEST_CASE("Pandoc reads a Word file under a heap limit (VANBAN_PANDOC_MEMORY) and a time limit (VANBAN_PANDOC_TIMEOUT)") {
    TempDir tmp;
    fs::path root = school(tmp);
    std::string docx = tmp.str() + "/cong-van.docx";
    run_command("pandoc -f html -t docx " + shell_quote(fixture("docx/cong-van.html")) + " -o " + shell_quote(docx));
    REQUIRE(fs::exists(docx));
    std::string args = "import --root " + shell_quote(root.string()) + " " + shell_quote(docx);
    Run small = run_vanban(args, "VANBAN_PANDOC_MEMORY=4 ");
    CHECK(small.exit_code == 1);
    CHECK(contains(small.err, "pandoc cần quá 4m bộ nhớ để đọc tệp, đã dừng"));

    std::string sleeper = script(tmp, "pandoc-treo.sh", "#!/bin/sh\nsleep 30\n");
    Run hung = run_vanban(args, "timeout 25 env VANBAN_PANDOC=" + shell_quote(sleeper) + " VANBAN_PANDOC_TIMEOUT=1 ");
    CHECK(hung.exit_code == 1);
    CHECK(contains(hung.err, "pandoc đọc tệp quá 1 giây, đã dừng"));
}
