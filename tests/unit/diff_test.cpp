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

TEST_CASE("list items matched as items, tables cell by cell by their first cell, numbers summarised") {
    std::string old_body = "# I. CHỈ TIÊU\n\n- 100% giáo viên (26/26) dùng sổ điểm điện tử.\n- Ít nhất 60% giáo viên dùng LMS.\n- Bỏ mục này.\n\n"
                           "| Môn | Số giáo viên |\n|---|---:|\n| Toán | 04 |\n| Ngữ văn | 05 |\n| Tin học | 01 |\n";
    std::string new_body = "# I. CHỈ TIÊU\n\n- 100% giáo viên (27/27) dùng sổ điểm điện tử.\n- Ít nhất 80% giáo viên dùng LMS.\n- Mục mới hoàn toàn khác.\n\n"
                           "| Môn | Số giáo viên |\n|---|---:|\n| Toán | 05 |\n| Ngữ văn | 05 |\n| Công nghệ | 02 |\n";
    DocumentDiff d = diff_bodies(old_body, new_body);
    const SectionDiff* s = find(d, "I. CHỈ TIÊU");
    REQUIRE(s);
    int changed = 0, added = 0, removed = 0;
    for (const auto& b : s->blocks) {
        if (b.table) continue;
        changed += b.kind == BlockChange::Kind::Changed;
        added += b.kind == BlockChange::Kind::Added;
        removed += b.kind == BlockChange::Kind::Removed;
    }
    CHECK(changed == 2);
    CHECK(added == 1);
    CHECK(removed == 1);
    const BlockChange* table = nullptr;
    for (const auto& b : s->blocks)
        if (b.table) table = &b;
    REQUIRE(table);
    CHECK(table->kind == BlockChange::Kind::Changed);
    bool toan = false, new_row = false, gone_row = false;
    for (const auto& r : table->row_changes) {
        for (const auto& c : r.changes) toan |= r.row == "Toán" && c.column == "Số giáo viên" && c.old_value == "04" && c.new_value == "05";
        new_row |= r.kind == RowChange::Kind::Added && r.row == "Công nghệ" && r.cells == std::vector<std::string>{"Công nghệ", "02"};
        gone_row |= r.kind == RowChange::Kind::Removed && r.row == "Tin học";
    }
    CHECK(toan);
    CHECK(new_row);
    CHECK(gone_row);
    CHECK(table->row_changes.size() == 3);  // "Ngữ văn | 05" is the same and not shown
    auto has = [&](const std::string& context, const std::string& o, const std::string& n) {
        for (const auto& x : d.numbers)
            if (x.context == context && x.old_value == o && x.new_value == n) return true;
        return false;
    };
    CHECK(has("100% giáo viên", "26/26", "27/27"));
    CHECK(has("Ít nhất", "60% giáo viên", "80% giáo viên"));
    CHECK(has("Toán (Số giáo viên)", "04", "05"));
}

TEST_CASE("an unchanged document is unchanged, and diffing is deterministic") {
    std::string body = vanban::test::kValidBody;
    DocumentDiff d = diff_bodies(body, body);
    CHECK(d.status == "unchanged");
    CHECK(d.sections.empty());
    CHECK(d.numbers.empty());
}

namespace {

// Three appendices shaped like real ones (our own words): the same "(Kèm theo …)" line in each,
// tables whose header spans several rows, rows with the same first cell, empty report rows.
const std::string kAppendices =
    "\n# PHỤ LỤC I: DANH MỤC THIẾT BỊ\n\n(Kèm theo Kế hoạch số 12/KH-THCSTN ngày 20/9/2024)\n\n"
    "| TT | Thiết bị | Số lượng theo năm | |\n|---|---|---|---|\n| | | 2024 | 2025 |\n| 1 | Máy tính | 05 | 06 |\n"
    "| 2 | Máy chiếu | 02 | 02 |\n| Tổng cộng | | 07 | 08 |\n\nGhi chú: số liệu tính đến tháng 9.\n"
    "\n# PHỤ LỤC II: BIỂU MẪU BÁO CÁO\n\n(Kèm theo Kế hoạch số 12/KH-THCSTN ngày 20/9/2024)\n\n## A. GIÁO VIÊN\n\n"
    "| TT | Nội dung | Năm | |\n|---|---|---|---|\n| | | 2024 | 2025 |\n| 1 | | | |\n| 2 | | | |\n| … | | | |\n| Tổng cộng | | | |\n\n"
    "Ghi chú: so sánh tỷ lệ % giữa các năm.\n\n## B. HỌC SINH\n\n"
    "| TT | Nội dung | Năm | |\n|---|---|---|---|\n| | | 2024 | 2025 |\n| 1 | | | |\n| 2 | | | |\n| … | | | |\n| Tổng cộng | | | |\n\n"
    "Ghi chú: so sánh tỷ lệ % giữa các năm.\n"
    "\n# PHỤ LỤC III: PHÂN CÔNG\n\n(Kèm theo Kế hoạch số 12/KH-THCSTN ngày 20/9/2024)\n\n"
    "| TT | Việc | Người phụ trách |\n|---|---|---|\n| 1 | Kiểm kê | x |\n| 2 | Báo cáo | x |\n| x | x | x |\n";

std::string plan_with(const std::string& body, const std::string& recipients) {
    return "---\nloai: ke-hoach\nso: 12\nngay: 2024-09-20\nnam_hoc: \"2024-2025\"\ntrich_yeu: \"Thử nghiệm\"\n"
           "nguoi_ky:\n  chuc_vu: \"HIỆU TRƯỞNG\"\n  ho_ten: \"Nguyễn Văn Thử\"\nnoi_nhan:\n" +
           recipients + "---\n\n" + body;
}

DocumentDiff diff_texts(const std::string& old_text, const std::string& new_text, AlignStats* stats = nullptr) {
    static Repository repo = vanban::test::make_repository({});
    static std::vector<Document> keep;
    keep.push_back(load_document("a.md", old_text, repo.types, repo.school));
    keep.push_back(load_document("b.md", new_text, repo.types, repo.school));
    return diff_documents(&keep[keep.size() - 2], &keep.back(), "a.md", "b.md", stats);
}

// The old text read back from a word diff: what was kept and what was deleted, as spaced.
std::string read_back(const std::vector<WordChange>& words, WordChange::Op skip) {
    std::string s;
    for (const auto& w : words)
        if (w.op != skip) s += (w.space_before && !s.empty() ? " " : "") + w.text;
    return s;
}

}  // namespace

TEST_CASE("a plan against a copy of itself reports nothing, appendices with look-alike tables included") {
    std::string text = plan_with(std::string(vanban::test::kValidBody) + kAppendices, "  - \"Như trên;\"\n  - \"Lưu: VT.\"\n");
    DocumentDiff same = diff_texts(text, text);
    CHECK(same.status == "unchanged");
    CHECK(same.sections.empty());
    CHECK(same.front_matter.empty());
    CHECK(same.numbers.empty());
    // A change in the body leaves the identical appendices out of the report.
    std::string edited = text;
    edited.replace(edited.find(kAppendices), 0, "\nMột đoạn mới ở cuối phần nội dung.\n");
    DocumentDiff d = diff_texts(text, edited);
    REQUIRE(d.sections.size() == 1);
    CHECK(d.sections[0].path.find("PHỤ LỤC") == std::string::npos);
    REQUIRE(d.sections[0].blocks.size() == 1);
    CHECK(d.sections[0].blocks[0].kind == BlockChange::Kind::Added);
}

TEST_CASE("an added table is shown whole, a changed one row by row, a moved row is no change") {
    std::string table = "| TT | Thiết bị | Số lượng |\n|---|---|---:|\n| 1 | Máy tính | 05 |\n| 2 | Máy chiếu | 02 |\n";
    DocumentDiff added = diff_bodies("# I. THIẾT BỊ\n\nMua sắm trong năm.\n", "# I. THIẾT BỊ\n\nMua sắm trong năm.\n\n" + table);
    REQUIRE(added.sections.size() == 1);
    REQUIRE(added.sections[0].blocks.size() == 1);
    const BlockChange& b = added.sections[0].blocks[0];
    CHECK(b.kind == BlockChange::Kind::Added);
    CHECK(b.table);
    CHECK(b.rows == std::vector<std::vector<std::string>>{{"TT", "Thiết bị", "Số lượng"}, {"1", "Máy tính", "05"}, {"2", "Máy chiếu", "02"}});

    std::string changed = "| TT | Thiết bị | Số lượng |\n|---|---|---:|\n| 1 | Máy tính | 06 |\n| 2 | Máy chiếu | 02 |\n| 3 | Loa | 04 |\n";
    DocumentDiff d = diff_bodies("# I. THIẾT BỊ\n\n" + table, "# I. THIẾT BỊ\n\n" + changed);
    REQUIRE(d.sections.size() == 1);
    REQUIRE(d.sections[0].blocks.size() == 1);
    const auto& rows = d.sections[0].blocks[0].row_changes;
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].kind == RowChange::Kind::Changed);
    CHECK(rows[0].row == "1 – Máy tính");
    REQUIRE(rows[0].changes.size() == 1);
    CHECK(rows[0].changes[0].column == "Số lượng");
    CHECK(rows[0].changes[0].old_value == "05");
    CHECK(rows[0].changes[0].new_value == "06");
    CHECK(rows[1].kind == RowChange::Kind::Added);
    CHECK(rows[1].cells == std::vector<std::string>{"3", "Loa", "04"});
}

TEST_CASE("Nơi nhận and Kính gửi are compared item by item, under their Vietnamese names") {
    std::string body = "# I. MỤC ĐÍCH\n\nMột.\n";
    DocumentDiff d = diff_texts(plan_with(body, "  - \"Như trên;\"\n  - \"Phòng GD&ĐT;\"\n  - \"Lưu: VT.\"\n"),
                                plan_with(body, "  - \"Như trên;\"\n  - \"Phòng GD&ĐT;\"\n  - \"UBND xã Bình Minh (để báo cáo);\"\n  - \"Lưu: VT, CM.\"\n"));
    REQUIRE(d.front_matter.size() == 2);
    CHECK(d.front_matter[0].field == "noi_nhan");
    CHECK(d.front_matter[0].label == "Nơi nhận");
    // Either order is a fair reading; both items must be there, and the kept ones not.
    bool added = false, edited = false;
    for (const auto& f : d.front_matter) {
        added |= f.old_value.empty() && f.new_value == "UBND xã Bình Minh (để báo cáo);";
        edited |= f.old_value == "Lưu: VT." && f.new_value == "Lưu: VT, CM.";
    }
    CHECK(added);
    CHECK(edited);
    CHECK(d.sections.empty());
}

TEST_CASE("a number change keeps its unit and the words after it, words are spaced as written") {
    DocumentDiff d = diff_bodies("# I. CHỈ TIÊU\n\nPhấn đấu 100 % học sinh hoàn thành chương trình (đạt 26/26 lớp).\n",
                                 "# I. CHỈ TIÊU\n\nPhấn đấu 95 % học sinh hoàn thành chương trình (đạt 27/27 lớp).\n");
    REQUIRE(d.numbers.size() == 2);
    CHECK(d.numbers[0].context == "Phấn đấu");
    CHECK(d.numbers[0].old_value == "100 % học sinh");
    CHECK(d.numbers[0].new_value == "95 % học sinh");
    CHECK(d.numbers[1].old_value == "26/26 lớp");
    REQUIRE(d.sections.size() == 1);
    const auto& words = d.sections[0].blocks[0].words;
    CHECK(read_back(words, WordChange::Op::Insert) == "Phấn đấu 100 % học sinh hoàn thành chương trình (đạt 26/26 lớp).");
    CHECK(read_back(words, WordChange::Op::Delete) == "Phấn đấu 95 % học sinh hoàn thành chương trình (đạt 27/27 lớp).");
}

TEST_CASE("alignment work is bounded: linear in the items, even without anchors") {
    // Two 60,000-paragraph plans: a few paragraphs edited, added and removed.
    std::vector<uint32_t> a, b;
    for (uint32_t i = 0; i < 60000; ++i) a.push_back(i % 7000);  // repeated items: few unique anchors
    b = a;
    b.erase(b.begin() + 1000);
    b.insert(b.begin() + 30000, 999999);
    b[50000] = 888888;
    AlignStats stats;
    auto same = align_sequences(a, b, &stats);
    CHECK(stats.steps <= 100 * (a.size() + b.size()));
    CHECK(same.size() >= a.size() - 3);
    for (size_t k = 1; k < same.size(); ++k) CHECK_UNARY(same[k].first > same[k - 1].first && same[k].second > same[k - 1].second);
    // The worst case for an LCS: no item unique, no common ends, far too many cells for a table.
    std::vector<uint32_t> x, y;
    for (uint32_t i = 0; i < 60000; ++i) x.push_back(i % 2), y.push_back((i + 1) % 2);
    AlignStats worst;
    auto pairs = align_sequences(x, y, &worst);
    CHECK(worst.capped);
    CHECK(worst.steps <= 100 * (x.size() + y.size()));
    CHECK(worst.lcs_cells == 0);
    CHECK(pairs.size() >= 59000);
}

TEST_CASE("two 60,000-paragraph plans compare with bounded work and report only the edits") {
    std::string body = "# I. NỘI DUNG\n\n";
    for (int i = 0; i < 60000; ++i) body += "Giáo viên thực hiện nhiệm vụ số " + std::to_string(i % 500) + " theo kế hoạch.\n\n";
    std::string edited = body;
    edited.replace(edited.find("nhiệm vụ số 250 "), std::string("nhiệm vụ số 250").size(), "nhiệm vụ trọng tâm số 250");
    edited += "Một đoạn mới.\n";
    AlignStats stats;
    DocumentDiff d = diff_texts(vanban::test::plan(body), vanban::test::plan(edited), &stats);
    CHECK(stats.steps <= 100 * 2 * 60001);
    REQUIRE(d.sections.size() == 1);
    REQUIRE(d.sections[0].blocks.size() == 2);
    CHECK(d.sections[0].blocks[0].kind == BlockChange::Kind::Changed);
    CHECK(d.sections[0].blocks[1].new_text == "Một đoạn mới.");
}

TEST_CASE("alignment work stays linear when the anchors are out of order or every item changed (n = m = 20,000)") {
    // Unique items in reverse order: each range has one usable anchor, and without the step
    // budget every split would peel one item off a range of n (n² / 2 steps).
    std::vector<uint32_t> a, b;
    for (uint32_t i = 0; i < 20000; ++i) a.push_back(i);
    b.assign(a.rbegin(), a.rend());
    AlignStats reversed;
    auto same = align_sequences(a, b, &reversed);
    CHECK(reversed.steps <= 100 * (a.size() + b.size()));
    CHECK(reversed.lcs_cells <= 4'000'000);
    CHECK(!same.empty());
    // Nothing in common at all: no anchors, no LCS table past the cap, one window scan.
    std::vector<uint32_t> x(20000), y(20000);
    for (uint32_t i = 0; i < 20000; ++i) x[i] = i, y[i] = 100000 + i;
    AlignStats disjoint;
    CHECK(align_sequences(x, y, &disjoint).empty());
    CHECK(disjoint.steps <= 100 * (x.size() + y.size()));
    CHECK(disjoint.lcs_cells == 0);
}

TEST_CASE("a paragraph whose 20,000 numbers all changed: the words are aligned with bounded work and each number is listed once") {
    // Before, each number looked through every number already listed (quadratic: a 100,000-number
    // paragraph took 115 s); now a hash set says whether it was listed.
    std::string old_body = "# I. CHỈ TIÊU\n\n", new_body = old_body;
    for (int i = 0; i < 20000; ++i) {
        old_body += "mục " + std::to_string(i) + " ";
        new_body += "mục " + std::to_string(i + 20000) + " ";
    }
    old_body += "cuối.\n\nNăm học 2023-2024.\n\nNăm học 2023-2024.\n";
    new_body += "cuối.\n\nNăm học 2024-2025.\n\nNăm học 2024-2025.\n";
    AlignStats stats;
    DocumentDiff d = diff_texts(vanban::test::plan(old_body), vanban::test::plan(new_body), &stats);
    CHECK(stats.steps <= 100 * 2 * 40010);
    REQUIRE(d.numbers.size() == 20001);  // the school year changed twice the same way: listed once
    CHECK(d.numbers[0].context == "mục");
    CHECK(d.numbers[0].old_value == "0 mục");
    CHECK(d.numbers[0].new_value == "20000 mục");
    CHECK(d.numbers[19999].old_value == "19999 cuối");
    CHECK(d.numbers.back().old_value == "2023-2024");
}

TEST_CASE("appendices are top-level sections after the body, matched by title, compared like the body") {
    std::string body = std::string(vanban::test::kValidBody);
    std::string old_text = plan_with(body + kAppendices, "  - \"Lưu: VT.\"\n");
    std::string new_text = old_text;
    new_text.replace(new_text.find("| 1 | Máy tính | 05 | 06 |"), std::string("| 1 | Máy tính | 05 | 06 |").size(), "| 1 | Máy tính | 05 | 07 |");
    DocumentDiff d = diff_texts(old_text, new_text);
    REQUIRE(d.sections.size() == 1);
    CHECK(d.sections[0].path == "Phụ lục I: DANH MỤC THIẾT BỊ");
    REQUIRE(d.sections[0].blocks.size() == 1);
    REQUIRE(d.sections[0].blocks[0].row_changes.size() == 1);
    CHECK(d.sections[0].blocks[0].row_changes[0].row == "1 – Máy tính");
    // An appendix added before the others renumbers them; only the new one is reported whole.
    std::string added = old_text;
    added.replace(added.find("\n# PHỤ LỤC I:"), 0, "\n# PHỤ LỤC I: LỊCH HỌP\n\nHọp hằng tháng.\n");
    for (auto [from, to] : {std::pair<const char*, const char*>{"# PHỤ LỤC III:", "# PHỤ LỤC IV:"}, {"# PHỤ LỤC II:", "# PHỤ LỤC III:"}})
        added.replace(added.find(from), std::string(from).size(), to);
    added.replace(added.find("# PHỤ LỤC I: DANH MỤC"), std::string("# PHỤ LỤC I:").size(), "# PHỤ LỤC II:");
    DocumentDiff more = diff_texts(old_text, added);
    int whole = 0;
    for (const auto& s : more.sections) {
        if (s.status == "added") {
            ++whole;
            CHECK(s.path == "Phụ lục I: LỊCH HỌP");
        } else {
            CHECK(s.status == "renumbered");
            CHECK(s.blocks.empty());
        }
    }
    CHECK(whole == 1);
}
