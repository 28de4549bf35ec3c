#include "load/plain_yaml.h"

#include <cctype>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "text/unicode.h"

namespace vanban {

namespace {

struct Line {
    std::string_view text;  // without its line break
    int number;             // 0-based, as YAML marks count
    size_t indent;          // leading spaces
    std::string_view content() const { return text.substr(indent); }
};

// Bytes that would make YAML read the text otherwise than a line at a time: tabs, carriage
// returns and other control characters, a byte-order mark, NEL, the line and paragraph separators.
bool has_unusual_bytes(std::string_view yaml) {
    for (size_t i = 0; i < yaml.size(); ++i) {
        const auto c = static_cast<unsigned char>(yaml[i]);
        if ((c < 0x20 && c != '\n') || c == 0x7F) return true;
        if (c == 0xEF && yaml.compare(i, 3, "\xEF\xBB\xBF") == 0) return true;
        if (c == 0xC2 && i + 1 < yaml.size() && static_cast<unsigned char>(yaml[i + 1]) == 0x85) return true;
        if (c == 0xE2 && (yaml.compare(i, 3, "\xE2\x80\xA8") == 0 || yaml.compare(i, 3, "\xE2\x80\xA9") == 0)) return true;
    }
    return find_invalid_utf8(yaml).has_value();
}

class Reader {
public:
    explicit Reader(std::string_view yaml) {
        int number = 0;
        for (size_t start = 0; start < yaml.size(); ++number) {
            size_t end = yaml.find('\n', start);
            if (end == std::string_view::npos) end = yaml.size();
            std::string_view text = yaml.substr(start, end - start);
            size_t indent = text.find_first_not_of(' ');
            // Blank lines and comment lines say nothing: only lines with content are kept.
            if (indent != std::string_view::npos && text[indent] != '#') lines_.push_back({text, number, indent});
            start = end + 1;
        }
    }

    std::optional<PlainYaml> read() {
        if (lines_.empty() || lines_[0].indent != 0) return std::nullopt;
        PlainYaml out;
        if (!map_at(0, true, out.root)) return std::nullopt;
        if (next_ != lines_.size()) return std::nullopt;
        out.marks = std::move(marks_);
        return out;
    }

private:
    // A block mapping whose keys stand at `indent`; its values are scalars, and, at the top level,
    // also a nested mapping of scalars or a list of scalars.
    bool map_at(size_t indent, bool top, YAML::Node& map) {
        map = YAML::Node(YAML::NodeType::Map);
        mark(map, lines_[next_], indent);
        std::set<std::string_view> keys;
        while (next_ < lines_.size() && lines_[next_].indent == indent) {
            const Line& line = lines_[next_];
            std::string_view content = line.content();
            size_t colon = key_length(content);
            if (colon == 0 || !keys.insert(content.substr(0, colon)).second) return false;
            YAML::Node key(std::string(content.substr(0, colon)));
            mark(key, line, indent);
            size_t value_at = content.find_first_not_of(' ', colon + 1);
            ++next_;
            YAML::Node value;
            if (value_at != std::string_view::npos) {
                if (!scalar(line, indent + value_at, value)) return false;
            } else if (!top || !nested(indent, value)) {
                return false;  // an empty value (null) or a block this reader does not take
            }
            map.force_insert(key, value);
        }
        return next_ == lines_.size() || lines_[next_].indent < indent;
    }

    // The block under a top-level key: a list of scalars, or a mapping of scalars indented more.
    bool nested(size_t parent_indent, YAML::Node& value) {
        if (next_ == lines_.size()) return false;
        const Line& first = lines_[next_];
        std::string_view content = first.content();
        if (content == "-" || content.substr(0, 2) == "- ") return first.indent >= parent_indent && list_at(first.indent, value);
        return first.indent > parent_indent && map_at(first.indent, false, value);
    }

    bool list_at(size_t indent, YAML::Node& list) {
        list = YAML::Node(YAML::NodeType::Sequence);
        mark(list, lines_[next_], indent);
        while (next_ < lines_.size() && lines_[next_].indent == indent) {
            const Line& line = lines_[next_];
            std::string_view content = line.content();
            // At the top level's own indent the next key ends the list; anything else is not plain.
            if (content.substr(0, 2) != "- ") return indent == 0 && content[0] != '-';
            size_t item_at = content.find_first_not_of(' ', 2);
            if (item_at == std::string_view::npos) return false;
            YAML::Node item;
            if (!scalar(line, indent + item_at, item)) return false;
            list.push_back(item);
            ++next_;
        }
        return next_ == lines_.size() || lines_[next_].indent < indent;
    }

    // A scalar that ends its line: a double-quoted one without escapes, or a plain one that
    // cannot be read as anything but a string.
    bool scalar(const Line& line, size_t at, YAML::Node& node) {
        std::string_view rest = line.text.substr(at);
        std::string_view value;
        if (rest[0] == '"') {
            size_t close = rest.find('"', 1);
            if (close == std::string_view::npos || rest.substr(1, close - 1).find('\\') != std::string_view::npos) return false;
            if (rest.find_first_not_of(' ', close + 1) != std::string_view::npos) return false;
            value = rest.substr(1, close - 1);
        } else {
            if (std::strchr("-?:,[]{}#&*!|>'\"%@`", rest[0])) return false;  // an indicator, not text
            value = rest.substr(0, rest.find_last_not_of(' ') + 1);
            if (value.find(": ") != std::string_view::npos || value.find(" #") != std::string_view::npos || value.back() == ':')
                return false;
            if (value == "~" || value == "null" || value == "Null" || value == "NULL") return false;
        }
        node = YAML::Node(std::string(value));
        mark(node, line, at);
        return true;
    }

    // The length of a plain key ("so", "nguoi_ky") followed by ':' and a space or the line's end; 0 if none.
    static size_t key_length(std::string_view content) {
        size_t n = 0;
        while (n < content.size() && (std::isalnum(static_cast<unsigned char>(content[n])) || content[n] == '_')) ++n;
        if (n == 0 || !(std::isalpha(static_cast<unsigned char>(content[0])) || content[0] == '_')) return 0;
        if (n == content.size() || content[n] != ':') return 0;
        std::string_view key = content.substr(0, n);
        if (key == "null" || key == "Null" || key == "NULL") return 0;  // a null key, not the text
        return n + 1 == content.size() || content[n + 1] == ' ' ? n : 0;
    }

    void mark(const YAML::Node& node, const Line& line, size_t column) {
        YAML::Mark m;
        m.line = line.number;
        m.column = static_cast<int>(column);
        marks_.emplace_back(node, m);
    }

    std::vector<Line> lines_;
    size_t next_ = 0;
    YamlMarks marks_;
};

}  // namespace

std::optional<PlainYaml> read_plain_yaml(std::string_view yaml) {
    if (has_unusual_bytes(yaml)) return std::nullopt;
    return Reader(yaml).read();
}

}  // namespace vanban
