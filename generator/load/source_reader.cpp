#include "load/source_reader.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "text/unicode.h"

namespace vanban {

SourceText read_source(std::string raw) {
    SourceText s;
    std::string_view bytes = raw;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        s.had_bom = true;
        bytes.remove_prefix(3);
    }
    std::string text;
    text.reserve(bytes.size());
    int line = 1;
    for (size_t i = 0; i < bytes.size(); ++i) {
        char c = bytes[i];
        if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') {
            if (s.crlf_lines++ == 0) s.first_crlf_line = line;
            continue;  // the '\n' follows
        }
        if (c == '\n') {
            if (i == 0 || bytes[i - 1] != '\r') {
                if (s.lf_lines++ == 0) s.first_lf_line = line;
            }
            ++line;
        }
        text += c;
    }
    if (find_invalid_utf8(text)) text = repair_utf8(text);
    s.text = to_nfc(text);
    s.raw = std::move(raw);
    s.line_starts.push_back(0);
    for (size_t i = 0; i < s.text.size(); ++i)
        if (s.text[i] == '\n') s.line_starts.push_back(i + 1);
    return s;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("không đọc được tệp " + path);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace vanban
