// What `vanban import` writes: text from a Word file, however it begins or whatever it holds,
// reads back from the Markdown as the same text in the same kind of block.
#include <doctest/doctest.h>

#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "import/markdown_writer.h"
#include "load/markdown.h"

using namespace vanban;

namespace {

struct Parsed {
    std::string first_block;  // cmark's name of the first block
    int blocks = 0;
    std::string text;         // plain text of the first block
};

Parsed parse(const std::string& markdown) {
    cmark_parser* parser = cmark_parser_new(markdown_options());
    for (cmark_llist* e = markdown_extensions(); e; e = e->next)
        cmark_parser_attach_syntax_extension(parser, static_cast<cmark_syntax_extension*>(e->data));
    cmark_parser_feed(parser, markdown.data(), markdown.size());
    cmark_node* root = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    Parsed p;
    for (cmark_node* n = cmark_node_first_child(root); n; n = cmark_node_next(n)) ++p.blocks;
    if (cmark_node* first = cmark_node_first_child(root)) {
        p.first_block = cmark_node_get_type_string(first);
        p.text = node_plain_text(first);
    }
    cmark_node_free(root);
    return p;
}

}  // namespace

TEST_CASE("a paragraph from Word stays one paragraph with its own text") {
    for (const std::string text : {"~~~ chú thích của bảng", "```", "---", "===", "***", "___", "# Không phải đề mục", "- không phải mục",
                                   "+ không phải mục", "-5 độ C", "1. Không phải danh sách", "3) Không phải danh sách",
                                   "<script>alert(1)</script>", "| a | b |", "*không nghiêng*", "[không phải](liên kết)", "`không phải mã`",
                                   "đường dẫn C:\\thu-muc\\tep", "> không phải trích dẫn", "Giá 100 000 đồng [^1]"}) {
        CAPTURE(text);
        Parsed p = parse(escape_markdown(text) + "\n");
        CHECK(p.blocks == 1);
        CHECK(p.first_block == "paragraph");
        CHECK(p.text == text);
    }
}

TEST_CASE("inside a heading the text is escaped but may start with its number") {
    Parsed p = parse("## " + escape_markdown("1. Mục tiêu *chung* ~~~", false) + "\n");
    CHECK(p.first_block == "heading");
    CHECK(p.text == "1. Mục tiêu *chung* ~~~");
}
