// cli/help.h: the nearest command or option to a mistyped one.
#include <doctest/doctest.h>

#include "cli/help.h"

using namespace vanban;

TEST_CASE("nearest: one slip in a short name, two in a longer one, nothing for another word") {
    std::vector<std::string> commands = {"check", "build", "pdf", "docx", "serve", "import"};
    CHECK(nearest("chek", commands) == "check");
    CHECK(nearest("biuld", commands) == "build");
    CHECK(nearest("servr", commands) == "serve");
    CHECK(nearest("kiemtra", commands).empty());
    CHECK(nearest("check", commands).empty());  // nothing was mistyped
    CHECK(nearest("--stric", {"--strict", "--out", "--no-pdf"}) == "--strict");
    CHECK(nearest("--fromat", {"--format", "--root"}) == "--format");
}

TEST_CASE("english_requested: --lang en in either spelling, before parsing") {
    CHECK(english_requested({"check", "--lang", "en"}));
    CHECK(english_requested({"--lang=en"}));
    CHECK_FALSE(english_requested({"--lang", "vi"}));
    CHECK_FALSE(english_requested({"--lang"}));
}
