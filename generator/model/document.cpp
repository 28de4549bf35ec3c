#include "model/document.h"

#include <algorithm>
#include <cstdlib>

#include <cmark-gfm.h>

namespace vanban {

void CmarkNodeDeleter::operator()(cmark_node* node) const {
    if (node) cmark_node_free(node);
}

Position SourceText::position_of(size_t offset) const {
    auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
    int line = static_cast<int>(it - line_starts.begin());
    size_t start = line_starts[static_cast<size_t>(line - 1)];
    int column = 1;
    for (size_t i = start; i < offset && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    return {line, column};
}

std::string_view SourceText::line(int number) const {
    if (number < 1 || static_cast<size_t>(number) > line_starts.size()) return {};
    size_t start = line_starts[static_cast<size_t>(number - 1)];
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    return std::string_view(text).substr(start, end - start);
}

std::string Document::title() const {
    if (type && !type->official) return page_title.empty() ? slug() : page_title;
    if (!subject.empty()) return subject;
    return slug();
}

std::string Document::slug() const {
    size_t slash = path.rfind('/');
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    if (name.size() > 3 && name.compare(name.size() - 3, 3, ".md") == 0) name.resize(name.size() - 3);
    return name;
}

static std::string source_lines(const Document& doc, int first, int last, const std::string& notes) {
    const SourceText& src = doc.source;
    int lines = static_cast<int>(src.line_starts.size());
    std::vector<bool> note_line(static_cast<size_t>(lines) + 2, false);
    for (cmark_node* n = cmark_node_first_child(doc.ast.get()); n; n = cmark_node_next(n))
        if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION)
            for (int l = cmark_node_get_start_line(n); l <= cmark_node_get_end_line(n) && l <= lines; ++l) note_line[static_cast<size_t>(l)] = true;
    std::string out;
    for (int l = std::max(first, 1); l <= std::min(last, lines); ++l)
        if (!note_line[static_cast<size_t>(l)]) out.append(src.line(l)).append("\n");
    return out + "\n" + notes;
}

static std::string footnote_definitions(const Document& doc) {
    std::string out;
    for (cmark_node* n = cmark_node_first_child(doc.ast.get()); n; n = cmark_node_next(n))
        if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION)
            for (int l = cmark_node_get_start_line(n); l <= cmark_node_get_end_line(n); ++l) out.append(doc.source.line(l)).append("\n");
    return out;
}

std::string part_source(const Document& doc, int part) {
    std::string notes = footnote_definitions(doc);
    if (part > 0) {
        const Appendix& a = doc.appendices.at(static_cast<size_t>(part - 1));
        return source_lines(doc, a.content_line, a.end_line, notes);
    }
    int body_end = doc.appendices.empty() ? static_cast<int>(doc.source.line_starts.size()) : doc.appendices.front().at.line - 1;
    return source_lines(doc, doc.front.end_line + 1, body_end, notes);
}

std::string source_date_epoch(const Document& doc) {
    const char* env_epoch = std::getenv("SOURCE_DATE_EPOCH");
    if (env_epoch && *env_epoch) return env_epoch;
    return doc.date ? std::to_string(doc.date->days_since_epoch() * 86400L) : "0";
}

}  // namespace vanban
