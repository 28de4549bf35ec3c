// The structural diff: alignment of sections, words, tables and numbers.
#include <doctest/doctest.h>

#include "diff/document_diff.h"
#include "test_support.h"
#include "text/unicode.h"

using namespace vanban;

namespace {

DocumentDiff diff_bodies(const std::string& old_body, const std::string& new_body) {
    static Repository repo = vanban::test::make_repository({});
    static std::vector<Document> keep;
    keep.push_back(load_document("a.md", vanban::test::plan(old_body), repo.types, repo.school));
    keep.push_back(load_document("b.md", vanban::test::plan(new_body), repo.types, repo.school));
    return diff_documents(&keep[keep.size() - 2], &keep.back(), "a.md", "b.md");
}

const SectionDiff* find(const DocumentDiff& d, const std::string& path) {
    for (const auto& s : d.sections)
        if (s.path == path) return &s;
    return nullptr;
}

}  // namespace

TEST_CASE("tokens: syllables, with what is written together kept together") {
    auto t = diff_tokens("Ít nhất 60% giáo viên (26/26), theo Thông tư 09/2024/TT-BGDĐT; e-learning.");
    CHECK(t == std::vector<std::string>{"Ít", "nhất", "60%", "giáo", "viên", "(", "26/26", ")", ",", "theo", "Thông", "tư",
                                        "09/2024/TT-BGDĐT", ";", "e-learning", "."});
}

TEST_CASE("word diff ignores wrapping and spacing, and NFD equals NFC") {
    auto same = word_diff("Tổ chức   dạy học\ntrực tuyến.", "Tổ chức dạy học trực tuyến.");
    REQUIRE(same.size() == 1);
    CHECK(same[0].op == WordChange::Op::Equal);
    std::string nfd = "To\xCC\x82\xCC\x89 chu\xCC\x9B\xCC\x81" "c";  // "Tổ chức" decomposed
    CHECK(word_diff(nfd, "Tổ chức").size() == 1);
    auto change = word_diff("Ít nhất 60% giáo viên", "Ít nhất 80% giáo viên");
    REQUIRE(change.size() == 4);
    CHECK(change[1].op == WordChange::Op::Delete);
    CHECK(change[1].text == "60%");
    CHECK(change[2].text == "80%");
}

TEST_CASE("a renumbered section is renumbered, a moved one moved, not deleted and added") {
    std::string old_body = "# I. MỤC ĐÍCH\n\n## 1. Mục đích\n\nMột.\n\n## 2. Yêu cầu\n\nHai.\n\n# II. NỘI DUNG\n\n## 1. Hạ tầng\n\nBa.\n\n"
                           "## 2. Dạy học\n\nBốn.\n\n# III. TỔ CHỨC THỰC HIỆN\n\nNăm.\n";
    std::string new_body = "# I. MỤC ĐÍCH\n\n## 1. Mục đích\n\nMột.\n\n# II. NỘI DUNG\n\n## 1. Dạy học\n\nBốn.\n\n## 2. Hạ tầng\n\nBa.\n\n"
                           "## 3. Yêu cầu\n\nHai.\n\n# III. TỔ CHỨC THỰC HIỆN\n\nNăm.\n";
    DocumentDiff d = diff_bodies(old_body, new_body);
    const SectionDiff* renumbered = find(d, "II. NỘI DUNG › 1. Dạy học");
    REQUIRE(renumbered);
    CHECK(renumbered->status == "renumbered");
    CHECK(renumbered->old_path == "II. NỘI DUNG › 2. Dạy học");
    const SectionDiff* moved = find(d, "II. NỘI DUNG › 3. Yêu cầu");
    REQUIRE(moved);
    CHECK(moved->status == "moved");
    CHECK(moved->old_path == "I. MỤC ĐÍCH › 2. Yêu cầu");
    for (const auto& s : d.sections) CHECK(s.status != "removed");
    for (const auto& s : d.sections) CHECK(s.status != "added");
}

TEST_CASE("a section split in two: the part that keeps the content is matched, the new part added") {
    std::string para = "Giáo viên xây dựng bài giảng điện tử, cập nhật học liệu số và sử dụng hệ thống quản lý học tập hằng tuần.";
    DocumentDiff d = diff_bodies("# I. NỘI DUNG\n\n## 1. Dạy học và học liệu\n\n" + para + "\n\nMỗi tổ thẩm định học liệu.\n",
                                 "# I. NỘI DUNG\n\n## 1. Dạy học\n\n" + para + "\n\n## 2. Học liệu\n\nMỗi tổ thẩm định học liệu.\n");
    const SectionDiff* kept = find(d, "I. NỘI DUNG › 1. Dạy học");
    REQUIRE(kept);
    CHECK(kept->status == "changed");
    CHECK(kept->old_path == "I. NỘI DUNG › 1. Dạy học và học liệu");
    const SectionDiff* added = find(d, "I. NỘI DUNG › 2. Học liệu");
    REQUIRE(added);
    CHECK(added->status == "added");
}

TEST_CASE("list items matched as items; tables cell by cell by their first cell; numbers summarised") {
    std::string old_body = "# I. CHỈ TIÊU\n\n- 100% giáo viên (26/26) dùng sổ điểm điện tử.\n- Ít nhất 60% giáo viên dùng LMS.\n- Bỏ mục này.\n\n"
                           "| Môn | Số giáo viên |\n|---|---:|\n| Toán | 04 |\n| Ngữ văn | 05 |\n| Tin học | 01 |\n";
    std::string new_body = "# I. CHỈ TIÊU\n\n- 100% giáo viên (27/27) dùng sổ điểm điện tử.\n- Ít nhất 80% giáo viên dùng LMS.\n- Mục mới hoàn toàn khác.\n\n"
                           "| Môn | Số giáo viên |\n|---|---:|\n| Toán | 05 |\n| Ngữ văn | 05 |\n| Công nghệ | 02 |\n";
    DocumentDiff d = diff_bodies(old_body, new_body);
    const SectionDiff* s = find(d, "I. CHỈ TIÊU");
    REQUIRE(s);
    int changed = 0, added = 0, removed = 0;
    for (const auto& b : s->blocks) {
        changed += b.kind == BlockChange::Kind::Changed;
        added += b.kind == BlockChange::Kind::Added;
        removed += b.kind == BlockChange::Kind::Removed;
    }
    CHECK(changed == 2);
    CHECK(added == 1);
    CHECK(removed == 1);
    bool toan = false, new_row = false, gone_row = false;
    for (const auto& c : s->cells) {
        toan |= c.row == "Toán" && c.column == "Số giáo viên" && c.old_value == "04" && c.new_value == "05";
        new_row |= c.row == "Công nghệ" && c.column.empty() && c.old_value.empty();
        gone_row |= c.row == "Tin học" && c.column.empty() && c.new_value.empty();
    }
    CHECK(toan);
    CHECK(new_row);
    CHECK(gone_row);
    auto has = [&](const std::string& context, const std::string& o, const std::string& n) {
        for (const auto& x : d.numbers)
            if (x.context == context && x.old_value == o && x.new_value == n) return true;
        return false;
    };
    CHECK(has("100% giáo viên", "26/26", "27/27"));
    CHECK(has("Ít nhất", "60%", "80%"));
    CHECK(has("Toán (Số giáo viên)", "04", "05"));
}

TEST_CASE("an unchanged document is unchanged, and diffing is deterministic") {
    std::string body = vanban::test::kValidBody;
    DocumentDiff d = diff_bodies(body, body);
    CHECK(d.status == "unchanged");
    CHECK(d.sections.empty());
    CHECK(d.numbers.empty());
}
