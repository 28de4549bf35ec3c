#include "text/markup.h"

#include <cstdio>

namespace vanban {

namespace {

// Control characters other than tab and line ends: not allowed in XML 1.0, invisible in a
// terminal. One of them in a title would make feed.xml or Word's document.xml unreadable.
bool is_control(char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F;
}

}  // namespace

std::string escape_markup(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default:
                if (!is_control(c)) out += c;
        }
    }
    return out;
}

size_t find_control_character(const std::string& text) {
    for (size_t i = 0; i < text.size(); ++i)
        if (is_control(text[i])) return i;
    return std::string::npos;
}

std::string one_line(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (is_control(c)) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned>(static_cast<unsigned char>(c)));
            out += hex;
        } else out += c;
    }
    return out;
}

std::string guard_log_lines(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        std::string shown;
        for (size_t i = 0; i < line.size(); ++i) {
            char c = line[i];
            // vanban's own colours: ESC [ digits m.
            if (c == '\x1b' && i + 1 < line.size() && line[i + 1] == '[') {
                size_t m = line.find_first_not_of("0123456789;", i + 2);
                if (m != std::string::npos && line[m] == 'm') {
                    shown.append(line, i, m - i + 1);
                    i = m;
                    continue;
                }
            }
            if (c == '\r' || is_control(c)) shown += one_line(std::string(1, c));
            else shown += c;
        }
        size_t first = shown.find_first_not_of(' ');
        if (first != std::string::npos && shown.compare(first, 2, "::") == 0) shown.insert(first, "> ");
        out += shown;
        if (end < text.size()) out += '\n';
        start = end + 1;
    }
    return out;
}

}  // namespace vanban
