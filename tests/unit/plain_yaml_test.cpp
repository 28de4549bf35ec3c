// load/plain_yaml against YAML::Load, which it stands in for: on every front matter in the
// repository and its fixtures, on hand-written edge cases and on many mutated ones, whatever the
// plain reader accepts must be what yaml-cpp gives — types, scalars, order, and the mark of
// every node and key.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "load/plain_yaml.h"

using namespace vanban;
namespace fs = std::filesystem;

namespace {

YAML::Mark mark_of(const YAML::Node& node, const YamlMarks& marks) {
    for (const auto& [n, m] : marks)
        if (n.is(node)) return m;
    return YAML::Mark::null_mark();
}

// Empty when `plain` is `loaded` node for node and mark for mark; else the first difference.
std::string difference(const YAML::Node& loaded, const YAML::Node& plain, const YamlMarks& marks, const std::string& at) {
    if (loaded.Type() != plain.Type()) return at + ": type " + std::to_string(loaded.Type()) + " / " + std::to_string(plain.Type());
    YAML::Mark m = mark_of(plain, marks);
    if (m.line != loaded.Mark().line || m.column != loaded.Mark().column)
        return at + ": mark " + std::to_string(loaded.Mark().line) + ":" + std::to_string(loaded.Mark().column) + " / " +
               std::to_string(m.line) + ":" + std::to_string(m.column);
    if (loaded.IsScalar() && loaded.Scalar() != plain.Scalar()) return at + ": \"" + loaded.Scalar() + "\" / \"" + plain.Scalar() + "\"";
    if (loaded.size() != plain.size()) return at + ": size";
    if (loaded.IsMap()) {
        auto p = plain.begin();
        for (auto l = loaded.begin(); l != loaded.end(); ++l, ++p) {
            std::string key = l->first.IsScalar() ? l->first.Scalar() : "?";
            std::string d = difference(l->first, p->first, marks, at + "/key " + key);
            if (d.empty()) d = difference(l->second, p->second, marks, at + "/" + key);
            if (!d.empty()) return d;
        }
    }
    if (loaded.IsSequence())
        for (size_t k = 0; k < loaded.size(); ++k)
            if (std::string d = difference(loaded[k], plain[k], marks, at + "[" + std::to_string(k) + "]"); !d.empty()) return d;
    return {};
}

// Whether the plain reader agrees with yaml-cpp on `yaml` (or declines it); `accepted` counts its reads.
std::string judge(const std::string& yaml, int& accepted) {
    std::optional<PlainYaml> plain = read_plain_yaml(yaml);
    if (!plain) return {};
    ++accepted;
    YAML::Node loaded;
    try {
        loaded = YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
        return "accepted what yaml-cpp refuses: " + e.msg;
    }
    return difference(loaded, plain->root, plain->marks, "");
}

std::string front_matter_of(const std::string& text) {
    if (text.rfind("---\n", 0) != 0) return {};
    size_t end = text.find("\n---\n", 3);
    return end == std::string::npos ? std::string() : text.substr(4, end - 3);
}

std::vector<std::string> repository_front_matters() {
    std::vector<std::string> out;
    fs::path root = fs::path(VANBAN_TEST_DATA).parent_path();
    for (const char* folder : {"content", "plans", "templates", "tests/fixtures"})
        for (auto it = fs::recursive_directory_iterator(root / folder); it != fs::recursive_directory_iterator(); ++it) {
            if (!it->is_regular_file() || it->path().extension() != ".md") continue;
            std::ifstream in(it->path(), std::ios::binary);
            std::stringstream text;
            text << in.rdbuf();
            if (std::string yaml = front_matter_of(text.str()); !yaml.empty()) out.push_back(yaml);
        }
    return out;
}

const std::vector<std::string>& edge_cases() {
    static const std::vector<std::string> cases = {
        "loai: ke-hoach\nso: 12\n",
        "loai: ke-hoach\nso: 12",
        "trich_yeu: \"Kế hoạch: năm học 2024-2025\"\nnam_hoc: \"2024-2025\"\n",
        "nguoi_ky:\n  chuc_vu: \"HIỆU TRƯỞNG\"\n  ho_ten: Nguyễn Văn An\nso: 3\n",
        "noi_nhan:\n  - \"Phòng GD&ĐT (để báo cáo);\"\n  - Lưu: VT.\n",
        "noi_nhan:\n  - \"Phòng GD&ĐT;\"\n  - \"Lưu VT.\"\nso: 4\n",
        "noi_nhan:\n- a\n- b\nso: 4\n",
        "noi_nhan:\n    - a\n    - b\n",
        "a: b\n\n# comment\n  # indented comment\nc: d\n",
        "a: b # comment\n", "a: \"b\" # comment\n", "a: b#c\n", "a: b:c\n", "a: b:\n", "a: 'b'\n", "a: \"b\\\"c\"\n",
        "a: \"b\n  c\"\n", "a: b\n  c\n", "a: b\n c: d\n", "a:\n", "a:\nb: c\n", "a: ~\n", "a: null\n", "a: NULL\n",
        "null: a\n", "a: &x b\nc: *x\n", "a: !!str 12\n", "a: [1, 2]\n", "a: {b: c}\n", "a: |\n  b\n", "a: >\n  b\n",
        "a: -1\n", "a: - b\n", "a: ?b\n", "a: %b\n", "a: @b\n", "a: `b`\n", "a: b, c [d] {e}\n", "a: b  c   \n",
        "a:  b\n", "a: \"\"\n", "a: \" \"\n", "a: b\na: c\n", "a: b\n  - c\n", "- a\n- b\n", "a\n", "  a: b\n",
        "a:\n  b:\n    c: d\n", "a:\n  b: c\n  - d\n", "a:\n  - b\n  c: d\n", "a:\n  -\n  - b\n", "a:\n  - - b\n",
        "a:\n  - b: c\n", "a:\n  b: c\n d: e\n", "a:\n  b: c\n    d: e\n", "a: b\r\n", "a:\tb\n", "a: b\xC2\x85" "c: d\n",
        "a: \xEF\xBB\xBF" "b\n", "a: b\xE2\x80\xA8" "c\n", "a: \xFF\n", "2024: a\n", "_a: b\n", "a-b: c\n", "a b: c\n",
        "a: b \n", "a: \"b\"  \n", "a: \"b\"c\n", "a:b\n", "a :b\n", "a : b\n", "a: #b\n", "---\n", "...\n", "a: b\n---\nc: d\n",
        "a: 'it''s'\n", "a: \"Tab\tinside\"\n", "a: x\n\n\n", "\n\na: x\n", "a: Ạ Ắ Ằ\nb: đ\n",
    };
    return cases;
}

}  // namespace

TEST_CASE("the plain YAML reader gives what yaml-cpp gives on the repository's front matter and edge cases") {
    int accepted = 0;
    std::vector<std::string> inputs = repository_front_matters();
    CHECK(inputs.size() > 30);
    for (const auto& yaml : inputs) {
        INFO(yaml);
        CHECK(judge(yaml, accepted) == "");
    }
    // Most of vanban's own front matter is plain: the reader is used, not only declined.
    CHECK(accepted * 10 > static_cast<int>(inputs.size()) * 8);
    for (const auto& yaml : edge_cases()) {
        INFO(yaml);
        CHECK(judge(yaml, accepted) == "");
    }
}

TEST_CASE("the plain YAML reader reads the plain shapes, with their marks") {
    std::optional<PlainYaml> p = read_plain_yaml("loai: ke-hoach\nnguoi_ky:\n  ho_ten: \"Lê B\"\nnoi_nhan:\n- x\n");
    REQUIRE(p);
    CHECK(p->root["loai"].Scalar() == "ke-hoach");
    CHECK(p->root["nguoi_ky"]["ho_ten"].Scalar() == "Lê B");
    CHECK(p->root["noi_nhan"][0].Scalar() == "x");
    YAML::Mark name = mark_of(p->root["nguoi_ky"]["ho_ten"], p->marks);
    CHECK(name.line == 2);
    CHECK(name.column == 10);
    // Declined, for yaml-cpp to read: a null, an anchor, a comment after a value.
    for (const char* yaml : {"a: ~\n", "a: &x b\n", "a: b # c\n", "a:\n"}) CHECK_FALSE(read_plain_yaml(yaml));
}

TEST_CASE("the plain YAML reader agrees with yaml-cpp on mutated front matter") {
    const std::vector<std::string> pieces = {":", ": ", " #", "#", "\"", "'", "\\", "-", "- ", "  ", " ", "\t", ",", "[", "]",
                                             "{", "}", "~", "null", "&a", "*a", "!", "|", ">", "?", "%", "@", "`", "\n",
                                             "\n  ", "\n- ", "\n  - ", "key: ", "\nkey: ", "\r", "ạ", "Đ", "x", "0"};
    std::vector<std::string> bases = repository_front_matters();
    for (const auto& e : edge_cases()) bases.push_back(e);
    std::mt19937 random(20261202);
    int accepted = 0, failures = 0;
    for (int round = 0; round < 30000 && failures < 5; ++round) {
        std::string yaml = bases[random() % bases.size()];
        for (int edits = 1 + static_cast<int>(random() % 3); edits > 0 && !yaml.empty(); --edits) {
            size_t at = random() % (yaml.size() + 1);
            if (random() % 4 == 0 && at < yaml.size()) yaml.erase(at, 1 + random() % 3);
            else yaml.insert(at, pieces[random() % pieces.size()]);
        }
        std::string d = judge(yaml, accepted);
        if (!d.empty()) {
            ++failures;
            FAIL_CHECK(d << "\n--- input:\n" << yaml);
        }
    }
    CHECK(failures == 0);
    CHECK(accepted > 3000);  // enough of the mutations stay plain to test the reads, not only the refusals
}
