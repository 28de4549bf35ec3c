#include "diff/outline.h"

#include <cmark-gfm.h>

#include <cstring>

#include "load/markdown.h"
#include "text/numbering.h"
#include "text/unicode.h"

namespace vanban {

namespace {

void add_list(cmark_node* list, std::vector<Block>& out) {
    for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
        // An item's own text; nested lists become items of their own.
        std::string text;
        for (cmark_node* child = cmark_node_first_child(item); child; child = cmark_node_next(child)) {
            if (cmark_node_get_type(child) == CMARK_NODE_LIST) continue;
            text += (text.empty() ? "" : " ") + node_plain_text(child);
        }
        out.push_back({Block::Kind::ListItem, text, {}});
        for (cmark_node* child = cmark_node_first_child(item); child; child = cmark_node_next(child))
            if (cmark_node_get_type(child) == CMARK_NODE_LIST) add_list(child, out);
    }
}

}  // namespace

std::vector<Section> document_outline(const Document& doc) {
    std::vector<Section> sections(1);  // the opening text ("Căn cứ ...")
    // One tree's blocks under its headings; an appendix's headings sit one level below it.
    auto walk = [&](cmark_node* root, int base, int top) {
        std::vector<int> stack;  // open sections by level
        if (top >= 0) stack.push_back(top);
        for (cmark_node* node = cmark_node_first_child(root); node; node = cmark_node_next(node)) {
            cmark_node_type type = cmark_node_get_type(node);
            Section& current = sections.back();
            if (type == CMARK_NODE_HEADING) {
                // Read from the node itself: the model's heading list also holds headings nested in
                // quotes and list items, which are not sections.
                Section s;
                s.heading = node_plain_text(node);
                HeadingNumber number = parse_heading_number(s.heading);
                s.numbering = number.written;
                s.key = wording_key(number.rest);
                s.level = base + cmark_node_get_heading_level(node);
                while (!stack.empty() && sections[static_cast<size_t>(stack.back())].level >= s.level) stack.pop_back();
                s.parent = stack.empty() ? -1 : stack.back();
                const Section* parent = s.parent >= 0 ? &sections[static_cast<size_t>(s.parent)] : nullptr;
                s.path = parent ? parent->path + " › " + s.heading : s.heading;
                s.key_path = parent ? parent->key_path + "/" + s.key : s.key;
                sections.push_back(std::move(s));
                stack.push_back(static_cast<int>(sections.size() - 1));
            } else if (type == CMARK_NODE_LIST) {
                add_list(node, current.blocks);
            } else if (std::strcmp(cmark_node_get_type_string(node), "table") == 0) {
                Block table{Block::Kind::Table, "", {}};
                for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
                    std::vector<std::string> cells;
                    for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) cells.push_back(node_plain_text(cell));
                    table.rows.push_back(std::move(cells));
                }
                current.blocks.push_back(std::move(table));
            } else {
                std::string text = node_plain_text(node);
                if (type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK) text = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
                if (!text.empty()) current.blocks.push_back({Block::Kind::Paragraph, text, {}});
            }
        }
    };
    walk(doc.ast.get(), 0, -1);
    // Each appendix is a top-level section after the body, matched by its title (its number
    // may change when one is added before it), holding its own headings and blocks.
    for (const Appendix& appendix : doc.appendices) {
        Section s;
        s.numbering = appendix.label_line();
        s.heading = s.numbering + (appendix.title.empty() ? "" : ": " + appendix.title);
        s.key = appendix.title.empty() ? to_lower(s.numbering) : "phụ lục/" + wording_key(appendix.title);
        s.level = 1;
        s.path = s.heading;
        s.key_path = s.key;
        if (!appendix.attached_to.empty()) s.blocks.push_back({Block::Kind::Paragraph, appendix.attached_to, {}});
        sections.push_back(std::move(s));
        if (appendix.ast) walk(appendix.ast.get(), 1, static_cast<int>(sections.size() - 1));
    }
    if (sections.front().blocks.empty()) sections.erase(sections.begin());
    else sections.front().heading = sections.front().path = "(phần mở đầu)";
    // Fix parents after a possible erase of the opening section.
    if (!sections.empty() && sections.front().level > 0)
        for (auto& s : sections)
            if (s.parent >= 0) --s.parent;
    return sections;
}

}  // namespace vanban
