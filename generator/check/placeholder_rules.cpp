// placeholder: hints left by `vanban new` ("[[Nêu mục đích ...]]") that are still there.
#include "check/checks.h"

#include <algorithm>

namespace vanban {

void check_placeholders(const Document& doc, Diagnostics& out) {
    const std::string& t = doc.source.text;
    PositionCursor cursor(doc.source);
    // The next "]]" and the end of the line are looked up again only once passed, so a line of
    // many "[[" costs its length once.
    size_t pos = 0, close = 0, line_end = 0;
    while ((pos = t.find("[[", pos)) != std::string::npos) {
        if (close < pos + 2) close = t.find("]]", pos + 2);
        if (close == std::string::npos) break;
        if (line_end <= pos) line_end = std::min(t.find('\n', pos), t.size());
        if (line_end < close) {
            pos = line_end;  // this line's "[[" are not closed on it
            continue;
        }
        std::string hint = t.substr(pos + 2, close - pos - 2);
        out.push_back(warning_at(doc, cursor.at(pos), "placeholder",
                                 {"còn gợi ý chưa thay: \"" + hint + "\"", "a hint is still to be replaced: \"" + hint + "\""},
                                 {"Thay cả [[...]] bằng nội dung thật.", "Replace the whole [[...]] with the real text."}));
        pos = close + 2;
    }
}

}  // namespace vanban
