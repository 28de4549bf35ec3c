// The [[…]] hints left in a document are found in one pass: a line of unclosed "[[" costs
// no more than its length, and hints on the lines after it are still found.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace vanban;

TEST_CASE("placeholders are found on their own line, after lines of unclosed double brackets") {
    std::string body = std::string(test::kValidBody) + "\nMột [[gợi ý]] và [[ mở không đóng\n" + std::string(20000, '[') + "\nDòng [[hai]].\n";
    auto repo = test::make_repository({{"plans/2024-2025/a.md", test::plan(body)}});
    auto found = test::run_rule(repo, "placeholder");
    REQUIRE(found.size() == 2);
    CHECK(found[0].message.vi == "còn gợi ý chưa thay: \"gợi ý\"");
    CHECK(found[1].message.vi == "còn gợi ý chưa thay: \"hai\"");
    CHECK(found[1].at.line == found[0].at.line + 2);
}

TEST_CASE("a hint wrapped over lines of one paragraph or a YAML string is found at its opening line") {
    std::string text = test::plan(std::string(test::kValidBody) +
                                  "\nCăn cứ [[văn bản làm căn cứ: …, ngày,\ncơ quan ban hành, trích yếu]];\n\nKhông [[mở\n\nđóng]] qua dòng trống.\n");
    std::string one = "trich_yeu: \"Thử nghiệm\"";
    text.replace(text.find(one), one.size(), "trich_yeu: \"[[Trích yếu\n  nội dung]]\"");
    auto repo = test::make_repository({{"plans/2024-2025/a.md", text}});
    auto found = test::run_rule(repo, "placeholder");
    REQUIRE(found.size() == 2);
    CHECK(found[0].at.line == 6);
    CHECK(found[0].message.vi == "còn gợi ý chưa thay: \"Trích yếu nội dung\"");
    CHECK(found[1].message.vi == "còn gợi ý chưa thay: \"văn bản làm căn cứ: …, ngày, cơ quan ban hành, trích yếu\"");
    const SourceText& source = repo.documents[0].source;
    CHECK(source.text.compare(source.line_starts[found[1].at.line - 1], 12, "Căn cứ [[") == 0);
}

TEST_CASE("a paragraph of many unclosed double brackets before a hint is scanned once") {
    std::string body = std::string(test::kValidBody) + "\n" + std::string(30000, '[') + "\n" + std::string(30000, '[') + "x]]\n";
    auto repo = test::make_repository({{"plans/2024-2025/a.md", test::plan(body)}});
    auto found = test::run_rule(repo, "placeholder");
    REQUIRE(found.size() == 1);
    CHECK(found[0].message.vi == "còn gợi ý chưa thay: \"x\"");
}
