// placeholder: hints left by `vanban new` ("[[Nêu mục đích ...]]") that are still there.
#include "check/checks.h"

#include <algorithm>

namespace vanban {

namespace {

// Where the paragraph holding `from` ends: the start of the next blank line (spaces only), or
// the end of the text. An editor's wrapping or a YAML folded string may split a hint over lines
// of one paragraph, never over a blank line.
size_t paragraph_end(const std::string& t, size_t from) {
    for (size_t nl = t.find('\n', from); nl != std::string::npos; nl = t.find('\n', nl + 1)) {
        size_t next = t.find_first_not_of(" \t\r", nl + 1);
        if (next == std::string::npos || t[next] == '\n') return nl + 1;
    }
    return t.size();
}

// The hint as one line: a line break and the indentation around it read as one space.
std::string hint_text(const std::string& t, size_t begin, size_t end) {
    std::string hint;
    for (size_t i = begin; i < end; ++i) {
        if (t[i] != '\n') {
            hint += t[i];
            continue;
        }
        while (!hint.empty() && (hint.back() == ' ' || hint.back() == '\t' || hint.back() == '\r')) hint.pop_back();
        while (i + 1 < end && (t[i + 1] == ' ' || t[i + 1] == '\t')) ++i;
        hint += ' ';
    }
    return hint;
}

}  // namespace

void check_placeholders(const Document& doc, Diagnostics& out) {
    const std::string& t = doc.source.text;
    PositionCursor cursor(doc.source);
    // The next "]]" and the end of the paragraph are looked up again only once passed, so a
    // paragraph of many "[[" costs its length once.
    size_t pos = 0, close = 0, para_end = 0;
    while ((pos = t.find("[[", pos)) != std::string::npos) {
        if (close < pos + 2) close = t.find("]]", pos + 2);
        if (close == std::string::npos) break;
        if (para_end <= pos) para_end = paragraph_end(t, pos);
        if (para_end < close) {
            pos = para_end;  // this paragraph's "[[" are not closed in it
            continue;
        }
        // A hint holds no "[[": the one closed is the last opened before the "]]".
        if (size_t inner = t.find("[[", pos + 1); inner != std::string::npos && inner + 2 <= close) {
            pos = inner;
            continue;
        }
        std::string hint = hint_text(t, pos + 2, close);
        out.push_back(warning_at(doc, cursor.at(pos), "placeholder",
                                 {"còn gợi ý chưa thay: \"" + hint + "\"", "a hint is still to be replaced: \"" + hint + "\""},
                                 {"Thay cả [[...]] bằng nội dung thật.", "Replace the whole [[...]] with the real text."}));
        pos = close + 2;
    }
}

}  // namespace vanban
