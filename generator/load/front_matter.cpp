#include "load/front_matter.h"

#include <algorithm>

#include "load/plain_yaml.h"
#include "text/unicode.h"

namespace vanban {

static Position character_position(const SourceText& source, int line, int byte_column) {
    std::string_view text = source.line(line);
    size_t bytes = std::min<size_t>(static_cast<size_t>(std::max(byte_column, 0)), text.size());
    return {line, count_code_points(text.substr(0, bytes)) + 1};
}

static bool is_fence(std::string_view line, bool closing) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line == "---" || (closing && line == "...");
}

FrontMatter split_front_matter(const SourceText& source) {
    FrontMatter front;
    const std::string& text = source.text;
    if (!is_fence(source.line(1), false)) return front;
    front.present = true;
    front.first_line = 2;
    int lines = static_cast<int>(source.line_starts.size());
    int end = 0;
    for (int l = 2; l <= lines; ++l)
        if (is_fence(source.line(l), true)) {
            end = l;
            break;
        }
    if (end == 0) {
        front.error = "unterminated";
        front.error_at = {1, 1};
        return front;
    }
    front.end_line = end;
    size_t yaml_start = source.line_starts[1];
    size_t yaml_end = source.line_starts[static_cast<size_t>(end - 1)];
    std::string_view yaml = std::string_view(text).substr(yaml_start, yaml_end - yaml_start);
    front.body_start = static_cast<size_t>(end) < source.line_starts.size() ? source.line_starts[static_cast<size_t>(end)] : text.size();
    if (auto plain = read_plain_yaml(yaml)) {
        front.root = std::move(plain->root);
        front.marks = std::move(plain->marks);
        front.valid = true;
        return front;
    }
    try {
        front.root = YAML::Load(std::string(yaml));
        if (front.root.IsMap()) {
            front.valid = true;
        } else if (front.root.IsNull()) {
            front.valid = true;
            front.root = YAML::Node(YAML::NodeType::Map);
        } else {
            front.error = "not-a-map";
            front.error_at = {2, 1};
        }
    } catch (const YAML::Exception& e) {
        front.error = e.msg;
        front.error_at = character_position(source, front.first_line + std::max(e.mark.line, 0), e.mark.column);
    }
    return front;
}

std::string yaml_quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\\\"") : c == '\\' ? std::string("\\\\") : std::string(1, c);
    return out + "\"";
}

Position yaml_position(const SourceText& source, const FrontMatter& front, const YAML::Node& node) {
    YAML::Mark m = node.Mark();
    for (size_t k = 0; m.line < 0 && k < front.marks.size(); ++k)
        if (front.marks[k].first.is(node)) m = front.marks[k].second;
    if (m.line < 0) return {front.first_line > 0 ? front.first_line - 1 : 1, 1};
    return character_position(source, front.first_line + m.line, m.column);
}

}  // namespace vanban
