// Positions of nodes, links, citations and placeholders are counted in one pass over each
// line: a line with 100,000 links used to count from the line start for every link (six
// minutes for `vanban check`).
#include <doctest/doctest.h>

#include "load/source_reader.h"
#include "test_support.h"

using namespace vanban;

namespace {

// "[Điều 0](https://vi.example/0) [Điều 1](…) …" on one line, and where each link starts.
std::string link_line(int n, std::vector<size_t>* starts = nullptr) {
    std::string line;
    for (int i = 0; i < n; ++i) {
        if (i) line += ' ';
        if (starts) starts->push_back(line.size());
        line += "[Điều " + std::to_string(i) + "](https://vi.example/" + std::to_string(i) + ")";
    }
    return line;
}

}  // namespace

TEST_CASE("a position cursor counts each byte of a line once for places in order, and agrees with position_of") {
    std::vector<size_t> starts;
    SourceText source = read_source("Mở đầu\n" + link_line(100000, &starts) + "\ncuối\n");
    size_t line_start = source.line_starts[1];
    PositionCursor cursor(source);
    Position last{};
    for (size_t s : starts) last = cursor.at(line_start + s);
    CHECK(cursor.bytes_counted() <= source.line(2).size());
    CHECK(last.line == 2);
    CHECK(last.column == source.position_of(line_start + starts.back()).column);
    // Each link is 2 characters shorter than its bytes ("Đ" and "ề" take 2 and 3 bytes).
    CHECK(last.column == static_cast<int>(starts.back()) - 3 * 99999 + 1);
    // cmark's line and byte column give the same place.
    CHECK(cursor.at(2, static_cast<int>(starts[5]) + 1).column == source.position_of(line_start + starts[5]).column);
    // Going back, or to another line, recounts from that line's start and stays right.
    CHECK(cursor.at(line_start + starts[1]).column == 1 + static_cast<int>(starts[1]) - 3);
    Position end = cursor.at(source.line_starts[2] + 2);
    CHECK(end.line == 3);
    CHECK(end.column == 3);
    CHECK(cursor.at(0).column == 1);
    CHECK(cursor.at(source.text.size() + 10).line == 4);  // past the end: the last (empty) line
}

TEST_CASE("a document with 100,000 links on one line: every link has its place, with linear work") {
    Repository repo = vanban::test::make_repository({});
    std::vector<size_t> starts;
    Document doc = load_document("a.md", vanban::test::plan("# I. MỤC ĐÍCH, YÊU CẦU\n\n" + link_line(100000, &starts) + "\n"),
                                 repo.types, repo.school);
    REQUIRE(doc.links.size() == 100000);
    const Position& first = doc.links.front().at;
    const Position& last = doc.links.back().at;
    CHECK(last.line == first.line);
    CHECK(first.column == 1);
    CHECK(last.column == static_cast<int>(starts.back()) - 3 * 99999 + 1);
    CHECK(doc.links.back().target == "https://vi.example/99999");
}

TEST_CASE("placeholders: 100,000 on one line are each reported at their column, and an opening left unclosed on its line is not") {
    std::string line;
    for (int i = 0; i < 100000; ++i) line += "[[Nêu ý " + std::to_string(i) + "]] ";
    Repository repo = vanban::test::make_repository(
        {{"plans/2024-2025/a.md", vanban::test::plan("# I. MỤC ĐÍCH, YÊU CẦU\n\n" + line + "\n\nMở [[ không đóng\n\nrồi ]] ở dòng sau.\n")}});
    std::vector<Diagnostic> found = vanban::test::run_rule(repo, "placeholder");
    REQUIRE(found.size() == 100000);
    CHECK(found[0].at.column == 1);
    CHECK(found[1].at.column == 1 + static_cast<int>(std::string("[[Nêu ý 0]] ").size()) - 2);  // "ê" and "ý" take 2 bytes each
    CHECK(found.back().message.vi == "còn gợi ý chưa thay: \"Nêu ý 99999\"");
}
