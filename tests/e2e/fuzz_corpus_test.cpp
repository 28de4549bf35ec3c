// A deterministic fuzz corpus: malformed documents, front matter, vanban.yaml and type files,
// made from the clean fixture by seeded mutations (std::mt19937's output is fixed by the
// standard, so every machine builds the same corpus). Whatever the input, vanban answers with
// diagnostics: never a crash, a raw library message, invalid JSON or an exit code other than
// those documented; one bad document never stops the rest of the school.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include <nlohmann/json.hpp>

#include "run_vanban.h"

using namespace vanban::e2e;
namespace fs = std::filesystem;

namespace {

// Text that has broken vanban or its libraries, or is likely to: numbers out of range,
// escapes yaml-cpp rejects, cut UTF-8, alias bombs, script, impossible dates, deep nesting.
const std::vector<std::string> kPoison = {
    "# Điều 99999999999.\n",
    "## 99999999999999999999. Mục\n",
    "# MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM. La Mã quá dài\n",
    "### 1.99999999999999999999.1. Mục con\n",
    "#### z) chữ cái sau cùng\n",
    "# Phụ lục 99999999999999999999: X\n",
    "# PHỤ LỤC\n",
    "ngay: 2024-02-31\n",
    "ngay: 99999-99-99\n",
    "so: 99999999999999999999\n",
    "so: -1\n",
    "so: [1, 2]\n",
    "nam_hoc: \"2024-2025\\ữ\"\n",
    "trich_yeu: \"a\\ứb\"\n",
    "loai: [ke-hoach]\n",
    "loai: {a: b}\n",
    "nam_hoc: 99999-100000\n",
    "nguoi_ky: \"\"\n",
    "noi_nhan: {a: 1}\n",
    "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d]\n",
    "? [a, b]\n: c\n",
    "!!binary \"AAAA\"\n",
    "\t",
    "\r",
    std::string("\0", 1),
    "\xff\xfe",
    "\xc3",
    "\xe1\xba",
    "| TT | Nội dung | Số lượng |\n|---|---|---:|\n| 1 | A | 99999999999999999999999 |\n| | Tổng số | -0 |\n",
    "| a |\n|---|---|---|\n| 1 | 2 | 3 | 4 |\n",
    "[x](javascript:alert(1)) [y](JaVa&#x09;script:alert(1)) ![z](data:text/html,<script>alert(1)</script>)\n",
    "<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n",
    "[^1]\n",
    "[^1]: \n[^1]: lặp\n",
    "> > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > sâu\n",
    "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - lồng\n",
    "<!-- ",
    "```\n",
    "Căn cứ Thông tư số 99999999999/2021/TT-BGDĐT ngày 31/02/2021 của Bộ GDĐT;\n",
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 99/99/99999;\n",
    "Kính gửi:\n",
    "Nơi nhận:\n",
    "KT. HIỆU TRƯỞNG\n",
    "---\n",
    "...\n",
    "[a]: <>\n[link][a]\n",
    "[" + std::string(300, '[') + "\n",
    std::string(5000, '*') + "\n",
};

class Mutator {
public:
    explicit Mutator(uint32_t seed) : rng_(seed) {}

    size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(rng_() % n); }

    std::string mutate(std::string text) {
        int steps = 1 + static_cast<int>(below(3));
        for (int i = 0; i < steps; ++i) text = step(std::move(text));
        return text;
    }

private:
    // A position at the start of a line, so that block-level poison lands where it parses.
    size_t line_start(const std::string& text) {
        size_t at = below(text.size() + 1);
        size_t nl = text.rfind('\n', at == 0 ? 0 : at - 1);
        return at == 0 || nl == std::string::npos ? 0 : nl + 1;
    }

    std::string step(std::string text) {
        const std::string& poison = kPoison[below(kPoison.size())];
        switch (below(7)) {
        case 0:  // cut anywhere, also inside a UTF-8 sequence
            return text.substr(0, below(text.size() + 1));
        case 1:  // a poison line where a line starts (front matter or body)
            return text.insert(line_start(text), poison);
        case 2:  // poison anywhere, also inside a word
            return text.insert(below(text.size() + 1), poison);
        case 3:  // random bytes
            for (int i = 0, n = 1 + static_cast<int>(below(8)); i < n && !text.empty(); ++i) text[below(text.size())] = static_cast<char>(rng_());
            return text;
        case 4: {  // one line repeated many times
            size_t from = line_start(text), to = text.find('\n', from);
            std::string line = text.substr(from, to == std::string::npos ? std::string::npos : to - from + 1);
            std::string many;
            for (int i = 0; i < 200; ++i) many += line;
            return text.insert(from, many);
        }
        case 5: {  // the front matter loses its closing ---
            size_t second = text.find("\n---", 3);
            return second == std::string::npos ? text : text.erase(second + 1, 3);
        }
        default: {  // a front-matter value replaced by a wrong shape
            size_t colon = text.find(": ", line_start(text));
            size_t end = colon == std::string::npos ? colon : text.find('\n', colon);
            if (end == std::string::npos) return text;
            static const std::vector<std::string> shapes = {"[]", "{}", "~", "\"\"", "[[[]]]", "{a: {b: {c: d}}}", "99999999999999999999",
                                                            "-5", "1e400", "&x a", "*nowhere", "|\n  khối\n", "!!int x", "2024-13-45"};
            return text.replace(colon + 2, end - colon - 2, shapes[below(shapes.size())]);
        }
        }
    }

    std::mt19937 rng_;
};

std::string read(const fs::path& p) { return slurp(p.string()); }

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

// What vanban may never print, whatever the input: raw library messages and crash traces.
void expect_no_raw_library_text(const std::string& output) {
    for (const char* raw : {"terminate called", "what():", "yaml-cpp", "stoi", "stol", "basic_string", "filesystem error",
                            "[json.exception", "bad_alloc", "Aborted", "Segmentation", "runtime error:", "AddressSanitizer"}) {
        INFO("raw text: ", std::string(raw));
        CHECK(output.find(raw) == std::string::npos);
    }
}

// `check --format json` must give valid JSON whose diagnostics name files inside the repository.
nlohmann::json checked(const fs::path& root, std::set<int> allowed_exits = {0, 1}) {
    Run r = run_vanban("check --root " + shell_quote(root.string()) + " --format json --today 2025-01-15");
    INFO("stderr: ", r.err.substr(0, 2000));
    CHECK(allowed_exits.count(r.exit_code) == 1);
    expect_no_raw_library_text(r.out + r.err);
    if (r.exit_code == 2) return nlohmann::json::object();
    nlohmann::json j;
    REQUIRE_NOTHROW(j = nlohmann::json::parse(r.out));
    for (const auto& d : j.at("diagnostics")) {
        std::string file = d.at("file").get<std::string>();
        CHECK_FALSE(d.at("message").get<std::string>().empty());
        CHECK(d.at("line").get<int>() >= 0);
        CHECK(file.find("..") == std::string::npos);
        CHECK((file.empty() || file[0] != '/'));
    }
    return j;
}

std::vector<fs::path> markdown_files(const fs::path& root) {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.path().extension() == ".md") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("fuzz: 300 malformed documents are diagnosed one by one and the rest of the school is still built") {
    TempDir dir;
    fs::path root = dir.copy_of("clean");
    std::vector<fs::path> seeds = markdown_files(root);
    REQUIRE(seeds.size() >= 4);
    Mutator mutator(20261201);
    for (int i = 0; i < 300; ++i) {
        const fs::path& seed = seeds[mutator.below(seeds.size())];
        char name[32];
        std::snprintf(name, sizeof name, "fuzz-%03d.md", i);
        write(root / "plans" / "2024-2025" / name, mutator.mutate(read(seed)));
    }
    checked(root);

    fs::path out = dir.path / "out";
    Run build = run_vanban("build --root " + shell_quote(root.string()) + " --out " + shell_quote(out.string()) + " --no-pdf --no-docx --today 2025-01-15");
    INFO("stderr: ", build.err.substr(0, 2000));
    CHECK((build.exit_code == 0 || build.exit_code == 1));
    expect_no_raw_library_text(build.out + build.err);
    // The untouched documents of the fixture are still published.
    for (const char* page : {"index.html", "ke-hoach/2024-2025/ke-hoach-day-hoc.html", "ke-hoach/2024-2025/ke-hoach-chuyen-doi-so.html",
                             "van-ban/2024-2025/cong-van-hoc-lieu.html", "cong-khai/2024-2025/thu-chi.html", "gioi-thieu.html"}) {
        INFO("page ", std::string(page));
        CHECK(fs::exists(out / page));
    }
    CHECK(leftover_temporaries(dir.path).empty());
}

TEST_CASE("fuzz: 80 malformed vanban.yaml and type files are reported, never a crash or a raw library message") {
    Mutator mutator(11);
    for (int i = 0; i < 80; ++i) {
        TempDir dir;
        fs::path root = dir.copy_of("clean");
        fs::path target = i % 2 == 0 ? root / "vanban.yaml" : root / "templates" / "types" / "ke-hoach.yaml";
        std::string original = fs::exists(target) ? read(target) : read(fs::path(VANBAN_TEST_DATA) / ".." / "templates" / "types" / "ke-hoach.yaml");
        write(target, mutator.mutate(original));
        INFO("case ", i, ": ", target.filename().string());
        // A school file so broken that nothing can be checked is an environment failure (exit 2),
        // still in Vietnamese and without library text.
        checked(root, {0, 1, 2});
    }
}
