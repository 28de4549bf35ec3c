#include "model/document.h"

#include <algorithm>
#include <cstdlib>

#include <cmark-gfm.h>

namespace vanban {

void CmarkNodeDeleter::operator()(cmark_node* node) const {
    if (node) cmark_node_free(node);
}

Position SourceText::position_of(size_t offset) const { return PositionCursor(*this).at(offset); }

std::string_view SourceText::line(int number) const {
    if (number < 1 || static_cast<size_t>(number) > line_starts.size()) return {};
    size_t start = line_starts[static_cast<size_t>(number - 1)];
    // The next line's start, not a search for the newline: callers ask for one line per node.
    size_t end = static_cast<size_t>(number) < line_starts.size() ? line_starts[static_cast<size_t>(number)] - 1 : text.size();
    return std::string_view(text).substr(start, end - start);
}

Position PositionCursor::at(size_t offset) {
    const auto& starts = source_.line_starts;
    if (starts.empty()) return {1, 1};
    offset = std::min(offset, source_.text.size());
    auto it = std::upper_bound(starts.begin(), starts.end(), offset);
    return advance(static_cast<int>(it - starts.begin()), offset);
}

Position PositionCursor::at(int line, int byte_column) {
    if (line < 1 || static_cast<size_t>(line) > source_.line_starts.size()) return {line, 1};
    std::string_view text = source_.line(line);
    size_t bytes = byte_column > 0 ? std::min(static_cast<size_t>(byte_column - 1), text.size()) : 0;
    return advance(line, source_.line_starts[static_cast<size_t>(line - 1)] + bytes);
}

Position PositionCursor::advance(int line, size_t offset) {
    if (line != line_ || offset < offset_) {
        line_ = line;
        offset_ = source_.line_starts[static_cast<size_t>(line - 1)];
        column_ = 1;
    }
    const std::string& text = source_.text;
    counted_ += offset - offset_;
    for (; offset_ < offset; ++offset_)
        if ((static_cast<unsigned char>(text[offset_]) & 0xC0) != 0x80) ++column_;
    return {line, column_};
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
