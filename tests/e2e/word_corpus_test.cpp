// `vanban import` on Word files made from real documents (tests/e2e/word_corpus.h): every word
// and number, every heading at its level and the header fields come through.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <cctype>
#include <vector>
#include <sstream>

#include <nlohmann/json.hpp>

#include "run_vanban.h"
#include "word_corpus.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::string examples() { return std::string(VANBAN_TEST_DATA) + "/../../shared/examples/"; }

// The real documents sit beside the repository (../shared/examples/): on CI always, so there
// their absence fails; elsewhere (a clone on its own) these tests say they were skipped.
bool have_examples() {
    if (fs::exists(examples())) return true;
    const char* ci = std::getenv("CI");
    if (ci && *ci) FAIL("../shared/examples/ is missing beside the repository on CI");
    MESSAGE("../shared/examples/ is not beside the repository: skipped");
    return false;
}

struct Imported {
    Run run;
    std::string md;
    std::string file;
};

// The words of a line, markup and footnote markers left out: "**2.1. Đặc điểm**<sup>3</sup>" →
// {"2", "1", "Đặc", "điểm"}.
std::vector<std::string> words_of(std::string line) {
    line = std::regex_replace(line, std::regex(R"(<sup>\d+</sup>|\[\^?\d+\])"), " ");
    std::vector<std::string> out;
    std::string word;
    for (unsigned char c : line + " ") {
        if (c >= 0x80 || std::isalnum(c)) {
            word += static_cast<char>(c);
        } else if (!word.empty()) {
            out.push_back(word);
            word.clear();
        }
    }
    return out;
}

// The headings of the imported Markdown against the outline written down for the example
// (word-corpus-outlines/): each at its level, its title as in the source line, and no other
// heading (appendix headings are counted apart).
void check_outline(const std::string& example, const std::string& md) {
    std::string outline = std::string(VANBAN_TEST_DATA) + "/e2e/word-corpus-outlines/" + fs::path(example).stem().string() + ".txt";
    std::vector<std::string> source;
    {
        std::istringstream in(slurp(examples() + example));
        for (std::string l; std::getline(in, l);) source.push_back(l);
    }
    std::vector<std::pair<int, std::vector<std::string>>> headings;  // level, words
    {
        std::istringstream in(md);
        for (std::string l; std::getline(in, l);) {
            size_t level = l.find_first_not_of('#');
            if (level == 0 || level > 6 || level == std::string::npos || l[level] != ' ') continue;
            std::string text = l.substr(level + 1);
            if (text.rfind("Phụ lục", 0) == 0 || text.rfind("PHỤ LỤC", 0) == 0) continue;
            headings.emplace_back(static_cast<int>(level), words_of(text));
        }
    }
    std::istringstream in(fs::exists(outline) ? slurp(outline) : std::string());
    size_t expected = 0;
    for (std::string entry; std::getline(in, entry);) {
        if (entry.empty() || entry[0] == '#') continue;
        ++expected;
        std::istringstream fields(entry);
        size_t line = 0, count = 0;
        int level = 0;
        fields >> line >> level >> count;
        REQUIRE(line >= 1);
        REQUIRE(line <= source.size());
        std::vector<std::string> want = words_of(source[line - 1]);
        want.resize(std::min(want.size(), count));
        bool found = std::any_of(headings.begin(), headings.end(), [&](const auto& h) { return h.first == level && h.second == want; });
        CHECK_MESSAGE(found, example << ":" << line << " is not a level-" << level << " heading: " << source[line - 1].substr(0, 100));
    }
    CHECK_MESSAGE(headings.size() == expected, example << ": " << headings.size() << " headings, the outline has " << expected);
}

Imported import_example(const TempDir& tmp, const fs::path& root, const std::string& example, const std::string& extra = "") {
    std::string name = fs::path(example).stem().string();
    WordCorpusFile w = make_word_corpus_file(examples() + example, tmp.str(), name);
    REQUIRE(fs::exists(w.docx));
    Imported r;
    r.run = run_vanban("import --root " + shell_quote(root.string()) + " " + shell_quote(w.docx) + " " + extra);
    std::smatch m;
    if (std::regex_search(r.run.out, m, std::regex(R"(đã ghi (\S+\.md))"))) {
        r.file = m[1];
        r.md = slurp((root / r.file).string());
    }
    INFO(r.run.out, r.run.err);
    CHECK(r.run.exit_code == 0);
    CHECK(contains(r.run.out, "(đủ)"));  // the fidelity report: 100 % of the words and numbers
    check_outline(example, r.md);
    int appendices = 0;
    for (size_t p = 0; (p = r.md.find("\n# ", p)) != std::string::npos; ++p)
        for (const std::string label : {"PHỤ LỤC", "Phụ lục"}) appendices += r.md.compare(p + 3, label.size(), label) == 0;
    CHECK(appendices >= w.appendices);
    for (int n = 1; n <= w.footnotes; ++n) CHECK(contains(r.md, "\n[^" + std::to_string(n) + "]: "));
    return r;
}

}  // namespace

TEST_CASE("real documents through Word: every word, number and heading, and the header fields") {
    if (!have_examples()) return;
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");

    SUBCASE("the district's công văn") {
        Imported r = import_example(tmp, root, "cong-van-huong-dan-phong-gddt.txt");
        CHECK(contains(r.md, "loai: cong-van\nso: 610\nky_hieu: \"GDĐT-THCS\"\nngay: 2023-05-09\nnam_hoc: \"2022-2023\"\n"));
        CHECK(contains(r.md, "co_quan_ban_hanh:\n  ten: \"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\"\n  chu_quan: \"ỦY BAN NHÂN DÂN QUẬN 7\"\n  dia_danh: \"Quận 7\"\n"));
        CHECK(contains(r.md, "noi_nhan:\n  - \"Như trên (để thực hiện);\"\n  - \"Trưởng phòng (để báo cáo);\"\n  - \"Lưu: VP, Tổ THCS.\"\n---"));
    }
    SUBCASE("Bộ GD&ĐT 2345 with three appendices and footnotes") {
        Imported r = import_example(tmp, root, "more/01-cv-2345-bgddt-gdth-khgd-tieu-hoc.txt");
        CHECK(contains(r.md, "so: 2345\nky_hieu: \"BGDĐT-GDTH\"\nngay: 2021-06-07\nnam_hoc: \"2020-2021\"\n"));
        CHECK(contains(r.md, "  quyen_han: \"KT. BỘ TRƯỞNG\"\n  chuc_vu: \"THỨ TRƯỞNG\"\n  ho_ten: \"Nguyễn Hữu Độ\"\n"));
        CHECK(contains(r.md, "  ten: \"BỘ GIÁO DỤC VÀ ĐÀO TẠO\"\n  dia_danh: \"Hà Nội\"\n"));
    }
    SUBCASE("Sở GD&ĐT TP.HCM 5155 with its table of criteria") {
        Imported r = import_example(tmp, root, "more/02-cv-5155-sgddt-hcm-tieu-chi-tthtcd.txt");
        CHECK(contains(r.md, "so: 5155\nky_hieu: \"SGDĐT-GDTXNNĐH\"\nngay: 2025-11-28\nnam_hoc: \"2025-2026\"\n"));
        CHECK(contains(r.md, "  ten: \"SỞ GIÁO DỤC VÀ ĐÀO TẠO\"\n  chu_quan: \"ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\"\n  dia_danh: \"Thành phố Hồ Chí Minh\"\n"));
        CHECK(contains(r.md, "  quyen_han: \"KT GIÁM ĐỐC\"\n  chuc_vu: \"PHÓ GIÁM ĐỐC\"\n  ho_ten: \"Trương Hải Thanh\"\n"));
        CHECK(contains(r.md, "| Tổng cộng | 100 |"));
    }
    SUBCASE("Sở GD&ĐT Hà Nội 5095") {
        Imported r = import_example(tmp, root, "more/03-cv-5095-sgddt-hanoi-o-nhiem-khong-khi.txt");
        CHECK(contains(r.md, "so: 5095\nky_hieu: \"SGDĐT-CTTTHSSV\"\nngay: 2025-12-03\n"));
        CHECK(contains(r.md, "kinh_gui:\n  - \"UBND các xã, phường;\"\n  - \"Các đơn vị, cơ sở giáo dục trực thuộc.\"\n"));
        CHECK(contains(r.md, "  ho_ten: \"Nguyễn Quang Tuấn\"\n"));
    }
    SUBCASE("UBND Hà Tĩnh 624, a kế hoạch with a, b, c, d, đ, e") {
        Imported r = import_example(tmp, root, "more/04-kh-624-ubnd-hatinh-gdmn-do-thi.txt");
        CHECK(contains(r.md, "loai: ke-hoach\nso: 624\nky_hieu: \"KH-UBND\"\nngay: 2025-11-19\nnam_hoc: \"2025-2026\"\ntrich_yeu: \"THỰC HIỆN CHƯƠNG TRÌNH"));
        CHECK(contains(r.md, "  ten: \"ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\"\n  dia_danh: \"Hà Tĩnh\"\n"));
        CHECK(contains(r.md, "  quyen_han: \"TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH\"\n  chuc_vu: \"PHÓ CHỦ TỊCH\"\n  ho_ten: \"Nguyễn Thị Nguyệt\"\n"));
    }
    SUBCASE("Bộ VHTTDL 6386: no header block, footnotes, an appendix with merged headers") {
        Imported r = import_example(tmp, root, "more/08-cv-6386-bvhttdl-nhiem-vu-nam-hoc-phu-luc.txt", "--type cong-van");
        CHECK(contains(r.md, "  quyen_han: \"KT. BỘ TRƯỞNG\"\n  chuc_vu: \"THỨ TRƯỞNG\"\n  ho_ten: \"Phan Tâm\"\n"));
        CHECK(contains(r.md, "\n(Kèm theo Công văn số 6386/BVHTTDL-KHCNĐTMT ngày 25/11/2025"));
    }
}

TEST_CASE("a school's own plan through Word: its ký hiệu, school year from the title, never from a citation") {
    if (!have_examples()) return;
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    // The plan's school: the issuer line is not in the copy, the place is.
    std::string config = slurp((root / "vanban.yaml").string());
    config = std::regex_replace(config, std::regex("dia_danh: \"Thử\""), "dia_danh: \"Tân Hồng\"");
    { std::ofstream(root / "vanban.yaml", std::ios::binary) << config; }
    Imported r = import_example(tmp, root, "ke-hoach-chuyen-doi-so-tieu-hoc.txt");
    CHECK(contains(r.md, "loai: ke-hoach\nky_hieu: \"KH-THTTB2\"\nngay: 2023-10-04\nnam_hoc: \"2023-2024\"\n"));
    CHECK(contains(r.md, "trich_yeu: \"Triển khai thực hiện Chương trình chuyển đổi số của Trường Tiểu học Tân Thành B2 - năm học 2023-2024\""));
}

TEST_CASE("the checks on the imported real documents report only true findings") {
    if (!have_examples()) return;
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    // The primary school's plan prints its own place; the others are other agencies' documents.
    std::string config = slurp((root / "vanban.yaml").string());
    config = std::regex_replace(config, std::regex("dia_danh: \"Thử\""), "dia_danh: \"Tân Hồng\"");
    { std::ofstream(root / "vanban.yaml", std::ios::binary) << config; }
    std::map<std::string, std::string> example_of;  // imported file → example
    for (const char* example : {"cong-van-huong-dan-phong-gddt.txt", "ke-hoach-chuyen-doi-so-tieu-hoc.txt",
                                "more/01-cv-2345-bgddt-gdth-khgd-tieu-hoc.txt", "more/02-cv-5155-sgddt-hcm-tieu-chi-tthtcd.txt",
                                "more/03-cv-5095-sgddt-hanoi-o-nhiem-khong-khi.txt", "more/04-kh-624-ubnd-hatinh-gdmn-do-thi.txt"}) {
        Imported r = import_example(tmp, root, example);
        example_of[r.file] = fs::path(example).stem().string().substr(0, 5);
    }
    Imported no_header = import_example(tmp, root, "more/08-cv-6386-bvhttdl-nhiem-vu-nam-hoc-phu-luc.txt", "--type cong-van");
    example_of[no_header.file] = "08-cv";

    // Each finding the real documents deserve (../shared/examples/more/INDEX.md), and no other.
    struct Expected {
        std::string example, rule, severity, needle;
        bool seen = false;
    };
    std::vector<Expected> expected = {
        // Bộ GD&ĐT 2345: "PHỤ LỤC 1, 2, 3" in Arabic numerals where NĐ30 uses Roman ones.
        {"01-cv", "heading-numbering", "warning", "chữ số Ả Rập"},
        // Sở TP.HCM 5155: the signer line "KT GIÁM ĐỐC" lacks its dot.
        {"02-cv", "front-matter", "warning", "KT GIÁM ĐỐC"},
        // UBND Hà Tĩnh 624: under "9." the letters run a) b) c) d) e), skipping đ).
        {"04-kh", "heading-numbering", "warning", "\"e) "},
        // Bộ VHTTDL 6386: the copy has no header block, so no date, school year or trích yếu.
        {"08-cv", "front-matter", "error", "ngày"},
        {"08-cv", "front-matter", "error", "năm học"},
        {"08-cv", "placeholder", "warning", "YYYY-MM-DD"},
        {"08-cv", "placeholder", "warning", "YYYY-YYYY"},
        {"08-cv", "placeholder", "warning", "Trích yếu"},
        // The district letter of Quận 7 and the primary school's plan: their copies end before the signature.
        {"cong-", "placeholder", "warning", "CHỨC VỤ"},
        {"cong-", "placeholder", "warning", "Họ và tên"},
        {"ke-ho", "placeholder", "warning", "CHỨC VỤ"},
        {"ke-ho", "placeholder", "warning", "Họ và tên"},
        {"ke-ho", "placeholder", "warning", "Nơi nhận"},
        // The primary school's plan has none of the sections a kế hoạch requires.
        {"ke-ho", "required-section", "error", "Mục đích, yêu cầu"},
        {"ke-ho", "required-section", "error", "\"Nội dung\""},
        {"ke-ho", "required-section", "error", "Tổ chức thực hiện"},
    };
    Run check = run_vanban("check --root " + shell_quote(root.string()) + " --format json");
    INFO(check.out);
    auto diagnostics = nlohmann::json::parse(check.out)["diagnostics"];
    for (const auto& d : diagnostics) {
        std::string example = example_of[d["file"].get<std::string>()], message = d["message"];
        auto match = std::find_if(expected.begin(), expected.end(), [&](const Expected& e) {
            return !e.seen && e.example == example && e.rule == d["rule"] && e.severity == d["severity"] && contains(message, e.needle);
        });
        CHECK_MESSAGE(match != expected.end(), "false finding: " << d["file"].get<std::string>() << ":" << d["line"] << " [" << d["rule"].get<std::string>() << "] " << message);
        if (match != expected.end()) match->seen = true;
    }
    for (const auto& e : expected) CHECK_MESSAGE(e.seen, "missed true finding: " << e.example << " [" << e.rule << "] " << e.needle);
}
