#include "load/source_reader.h"

#include <algorithm>
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
    int line = 1;
    if (bytes.find('\r') == std::string_view::npos) {
        text.assign(bytes);
        s.lf_lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
        if (s.lf_lines > 0) s.first_lf_line = 1;
    } else {
        text.reserve(bytes.size());
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
    }
    s.valid_utf8 = !find_invalid_utf8(text);
    if (!s.valid_utf8) text = repair_utf8(text);
    s.was_nfc = is_nfc(text);
    s.text = s.was_nfc ? std::move(text) : to_nfc(text);
    // The raw bytes only matter to the encoding checks when they differ from the text.
    if (!s.valid_utf8 || !s.was_nfc) s.raw = std::move(raw);
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
