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
