#include "load/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstring>
#include <map>
#include <mutex>

#include "text/numbering.h"
#include "text/unicode.h"

namespace vanban {

static const char* const kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter"};

cmark_llist* markdown_extensions() {
    static cmark_llist* list = [] {
        cmark_gfm_core_extensions_ensure_registered();
        cmark_llist* l = nullptr;
        for (const char* name : kExtensions)
            l = cmark_llist_append(cmark_get_default_mem_allocator(), l, cmark_find_syntax_extension(name));
        return l;
    }();
    return list;
}

static void append_plain_text(cmark_node* node, std::string& out) {
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
        switch (cmark_node_get_type(child)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
                out += cmark_node_get_literal(child);
                break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK:
                out += ' ';
                break;
            default:
                append_plain_text(child, out);
        }
    }
}

std::string node_plain_text(cmark_node* node) {
    std::string out;
    append_plain_text(node, out);
    return out;
}

static Position node_position(cmark_node* node, const SourceText& source) {
    int line = cmark_node_get_start_line(node);
    int byte_column = cmark_node_get_start_column(node);
    std::string_view text = source.line(line);
    size_t bytes = byte_column > 0 ? static_cast<size_t>(byte_column - 1) : 0;
    if (bytes > text.size()) bytes = text.size();
    return {line, count_code_points(text.substr(0, bytes)) + 1};
}

static std::string anchor_for(const std::string& text, std::map<std::string, int>& used) {
    std::string slug = ascii_slug(text, 200);
    if (slug.empty()) slug = "muc";
    int n = ++used[slug];
    return n == 1 ? slug : slug + "-" + std::to_string(n);
}

ParsedMarkdown parse_markdown(const std::string& body, const SourceText& source) {
    cmark_llist* extensions = markdown_extensions();
    cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    for (cmark_llist* e = extensions; e; e = e->next)
        cmark_parser_attach_syntax_extension(parser, static_cast<cmark_syntax_extension*>(e->data));
    cmark_parser_feed(parser, body.data(), body.size());
    ParsedMarkdown out;
    out.ast.reset(cmark_parser_finish(parser));
    cmark_parser_free(parser);

    std::map<std::string, int> anchors;
    cmark_iter* iter = cmark_iter_new(out.ast.get());
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        if (event != CMARK_EVENT_ENTER) continue;
        cmark_node* node = cmark_iter_get_node(iter);
        cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_HEADING) {
            Heading h;
            h.level = cmark_node_get_heading_level(node);
            h.at = node_position(node, source);
            h.text = node_plain_text(node);
            h.number = parse_heading_number(h.text);
            h.anchor = anchor_for(h.text, anchors);
            out.headings.push_back(std::move(h));
        } else if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
            const char* url = cmark_node_get_url(node);
            out.links.push_back({url ? url : "", node_position(node, source), type == CMARK_NODE_IMAGE});
        } else if (std::strcmp(cmark_node_get_type_string(node), "table") == 0) {
            Table table;
            table.at = node_position(node, source);
            for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
                TableRow r;
                r.at = node_position(row, source);
                for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell))
                    r.cells.push_back(node_plain_text(cell));
                table.rows.push_back(std::move(r));
            }
            out.tables.push_back(std::move(table));
        }
    }
    cmark_iter_free(iter);
    return out;
}

}  // namespace vanban
