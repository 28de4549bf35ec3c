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

std::string Document::body_markdown() const {
    size_t start = 0;
    if (front.end_line > 0 && static_cast<size_t>(front.end_line) < source.line_starts.size())
        start = source.line_starts[static_cast<size_t>(front.end_line)];
    else if (front.end_line > 0)
        start = source.text.size();
    return source.text.substr(start);
}

std::string source_date_epoch(const Document& doc) {
    const char* env_epoch = std::getenv("SOURCE_DATE_EPOCH");
    if (env_epoch && *env_epoch) return env_epoch;
    return doc.date ? std::to_string(doc.date->days_since_epoch() * 86400L) : "0";
}

}  // namespace vanban
