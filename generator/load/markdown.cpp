#include "load/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
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

int markdown_options() { return CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES; }

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

// Nodes are visited in the order of the text, so one cursor counts each line once.
static Position node_position(cmark_node* node, PositionCursor& cursor) {
    return cursor.at(cmark_node_get_start_line(node), cmark_node_get_start_column(node));
}

static std::string anchor_for(const std::string& text, std::map<std::string, int>& used) {
    std::string slug = ascii_slug(text, 200);
    if (slug.empty()) slug = "muc";
    int n = ++used[slug];
    return n == 1 ? slug : slug + "-" + std::to_string(n);
}

bool parse_appendix_heading(const std::string& text, std::string& label, std::string& title) {
    std::string folded = fold_diacritics(text);
    size_t i = 0;
    while (i < folded.size() && folded[i] == ' ') ++i;
    if (folded.compare(i, 7, "phu luc") != 0) return false;
    i += 7;
    if (i < folded.size() && std::isalnum(static_cast<unsigned char>(folded[i]))) return false;  // "Phụ lụcI"
    // Folding keeps ASCII as it is, so byte offsets of the label agree with `text` once the
    // prefix is skipped in `text` by words.
    size_t at = 0;
    for (int words = 0; words < 2; ++words) {
        while (at < text.size() && text[at] == ' ') ++at;
        while (at < text.size() && text[at] != ' ') ++at;
    }
    std::string rest = text.substr(at);
    size_t p = 0;
    while (p < rest.size() && rest[p] == ' ') ++p;
    size_t label_start = p;
    auto roman = [](char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C'; };
    if (p < rest.size() && roman(rest[p])) {
        while (p < rest.size() && roman(rest[p])) ++p;
    } else {
        while (p < rest.size() && (std::isdigit(static_cast<unsigned char>(rest[p])) ||
                                   (rest[p] == '.' && p + 1 < rest.size() && std::isdigit(static_cast<unsigned char>(rest[p + 1])))))
            ++p;
    }
    // A label is a whole word: "Phụ lục Kế hoạch" has none.
    if (p < rest.size() && std::isalnum(static_cast<unsigned char>(rest[p]))) p = label_start;
    label = rest.substr(label_start, p - label_start);
    static const char* const separators[] = {"\u2014", "\u2013", ":", ".", "-"};
    while (p < rest.size() && rest[p] == ' ') ++p;
    for (const char* s : separators)
        if (rest.compare(p, std::strlen(s), s) == 0) {
            p += std::strlen(s);
            break;
        }
    while (p < rest.size() && rest[p] == ' ') ++p;
    title = rest.substr(p);
    return true;
}

// Moves every top-level node from an appendix heading on into that appendix's own AST.
// Footnote definitions stay in the body's AST, where references from anywhere resolve.
static void split_appendices(ParsedMarkdown& out, int last_line) {
    std::vector<cmark_node*> starts;
    for (cmark_node* n = cmark_node_first_child(out.ast.get()); n; n = cmark_node_next(n))
        if (cmark_node_get_type(n) == CMARK_NODE_HEADING && cmark_node_get_heading_level(n) == 1) {
            std::string label, title;
            if (parse_appendix_heading(node_plain_text(n), label, title)) starts.push_back(n);
        }
    if (starts.empty()) return;
    std::vector<int> lines;  // each appendix's first line, in order
    for (size_t k = 0; k < starts.size(); ++k) {
        Appendix a;
        std::string heading_text = node_plain_text(starts[k]);
        parse_appendix_heading(heading_text, a.label, a.title);
        a.ast.reset(cmark_node_new(CMARK_NODE_DOCUMENT));
        cmark_node* n = cmark_node_next(starts[k]);
        while (n && (k + 1 == starts.size() || n != starts[k + 1])) {
            cmark_node* next = cmark_node_next(n);
            if (cmark_node_get_type(n) != CMARK_NODE_FOOTNOTE_DEFINITION) {
                cmark_node_unlink(n);
                cmark_node_append_child(a.ast.get(), n);
            }
            n = next;
        }
        a.end_line = k + 1 < starts.size() ? cmark_node_get_start_line(starts[k + 1]) - 1 : last_line;
        a.content_line = cmark_node_get_end_line(starts[k]) + 1;
        cmark_node* first = cmark_node_first_child(a.ast.get());
        if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
            std::string text = node_plain_text(first);
            if (fold_diacritics(text).rfind("(kem theo", 0) == 0) {
                a.attached_to = text;
                a.content_line = cmark_node_get_end_line(first) + 1;
                cmark_node_free(first);
            }
        }
        lines.push_back(cmark_node_get_start_line(starts[k]));
        out.appendices.push_back(std::move(a));
    }
    // Each heading belongs to the last appendix that starts on or before its line, a numbered
    // paragraph to the last that starts before it: looked up, so many appendices stay linear.
    for (Heading& p : out.numbered_paragraphs)
        p.part = static_cast<int>(std::lower_bound(lines.begin(), lines.end(), p.at.line) - lines.begin());
    for (Heading& h : out.headings) {
        size_t k = static_cast<size_t>(std::upper_bound(lines.begin(), lines.end(), h.at.line) - lines.begin());
        h.part = static_cast<int>(k);
        if (k > 0 && h.at.line == lines[k - 1]) {
            h.opens_appendix = true;
            out.appendices[k - 1].at = h.at;
        }
    }
    for (cmark_node* s : starts) cmark_node_free(s);
}

ParsedMarkdown parse_markdown(const SourceText& source, const FrontMatter& front) {
    cmark_llist* extensions = markdown_extensions();
    cmark_parser* parser = cmark_parser_new(markdown_options());
    for (cmark_llist* e = extensions; e; e = e->next)
        cmark_parser_attach_syntax_extension(parser, static_cast<cmark_syntax_extension*>(e->data));
    // Empty lines where the front matter is, instead of a copy of the text with it blanked out.
    const std::string empty_lines(front.body_start > 0 ? static_cast<size_t>(front.end_line) : 0, '\n');
    cmark_parser_feed(parser, empty_lines.data(), empty_lines.size());
    std::string_view body = std::string_view(source.text).substr(std::min(front.body_start, source.text.size()));
    cmark_parser_feed(parser, body.data(), body.size());
    ParsedMarkdown out;
    out.ast.reset(cmark_parser_finish(parser));
    cmark_parser_free(parser);

    std::map<std::string, int> anchors;
    PositionCursor cursor(source);
    cmark_iter* iter = cmark_iter_new(out.ast.get());
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        if (event != CMARK_EVENT_ENTER) continue;
        cmark_node* node = cmark_iter_get_node(iter);
        cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_HEADING) {
            Heading h;
            h.level = cmark_node_get_heading_level(node);
            h.at = node_position(node, cursor);
            h.text = node_plain_text(node);
            h.number = parse_heading_number(h.text);
            h.anchor = anchor_for(h.text, anchors);
            out.headings.push_back(std::move(h));
        } else if (type == CMARK_NODE_PARAGRAPH && cmark_node_parent(node) == out.ast.get()) {
            Heading p;
            p.level = 0;  // placed in the outline by the numbering check
            p.at = node_position(node, cursor);
            p.text = node_plain_text(node);
            p.number = parse_heading_number(p.text);
            if (p.number.style != NumberStyle::None && p.number.style != NumberStyle::Article) out.numbered_paragraphs.push_back(std::move(p));
        } else if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
            const char* url = cmark_node_get_url(node);
            out.links.push_back({url ? url : "", node_position(node, cursor), type == CMARK_NODE_IMAGE});
        } else if (std::strcmp(cmark_node_get_type_string(node), "table") == 0) {
            Table table;
            table.at = node_position(node, cursor);
            for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
                TableRow r;
                r.at = node_position(row, cursor);
                for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell))
                    r.cells.push_back(node_plain_text(cell));
                table.rows.push_back(std::move(r));
            }
            out.tables.push_back(std::move(table));
        }
    }
    cmark_iter_free(iter);
    split_appendices(out, static_cast<int>(source.line_starts.size()));
    return out;
}

}  // namespace vanban
