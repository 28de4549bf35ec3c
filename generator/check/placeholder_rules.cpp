// placeholder: hints left by `vanban new` ("[[Nêu mục đích ...]]") that are still there.
#include "check/checks.h"

namespace vanban {

void check_placeholders(const Document& doc, Diagnostics& out) {
    const std::string& t = doc.source.text;
    size_t pos = 0;
    while ((pos = t.find("[[", pos)) != std::string::npos) {
        size_t end = t.find("]]", pos + 2);
        size_t newline = t.find('\n', pos);
        // A placeholder stays on one line: with no "]]" left, or none before the line ends, the
        // search goes on after that line (one pass over the text, however many "[[" it holds).
        if (end == std::string::npos) break;
        if (newline != std::string::npos && newline < end) {
            pos = newline + 1;
            continue;
        }
        std::string hint = t.substr(pos + 2, end - pos - 2);
        out.push_back(warning_at(doc, doc.source.position_of(pos), "placeholder",
                                 {"còn gợi ý chưa thay: \"" + hint + "\"", "a hint is still to be replaced: \"" + hint + "\""},
                                 {"Thay cả [[...]] bằng nội dung thật.", "Replace the whole [[...]] with the real text."}));
        pos = end + 2;
    }
}

}  // namespace vanban
