// The search index entry of a document: its folded words, each once, in order of first appearance.
#include <doctest/doctest.h>

#include "load/document_loader.h"
#include "site/site_builder.h"
#include "test_support.h"
#include "text/unicode.h"

using namespace vanban;

TEST_CASE("append_folded adds the folded text after what is there") {
    std::string out = "đã có ";
    append_folded("Chuyển ĐỔI số", out);
    CHECK(out == "đã có chuyen doi so");
    CHECK(fold_diacritics("Kế hoạch") == "ke hoach");
}

TEST_CASE("search words: the title first, then the body, each word once, the front matter left out") {
    Repository repo = vanban::test::make_repository({});
    Document doc = load_document("a.md", vanban::test::plan("# I. MỤC ĐÍCH\n\nThử nghiệm KẾ hoạch, kế hoạch; mục đích.\n"),
                                 repo.types, repo.school);
    CHECK(search_words(doc) == "thu nghiem i muc dich ke hoach");
}

TEST_CASE("search words: thousands of distinct words are each kept once, in order") {
    // More words than the first table holds: it grows, and no word is lost or doubled.
    std::string body, expected = "thu nghiem";
    for (int round = 0; round < 2; ++round)
        for (int i = 0; i < 3000; ++i) {
            std::string word = "tu" + std::to_string(i);
            body += word + (i % 10 == 9 ? "\n" : " ");
            if (round == 0) expected += " " + word;
        }
    Repository repo = vanban::test::make_repository({});
    Document doc = load_document("a.md", vanban::test::plan(body), repo.types, repo.school);
    CHECK(search_words(doc) == expected);
}
