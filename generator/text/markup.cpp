#include "text/markup.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace vanban {

namespace {

// The bytes a control character can start with: C0 controls but tab and line ends, DEL, and the
// lead bytes C2 and E2 of the longer ones. Every document is scanned for control characters and
// most of its bytes are letters: one table load rejects them before any bounds check.
constexpr std::array<bool, 256> kControlLead = [] {
    std::array<bool, 256> lead{};
    for (int b = 0; b < 0x20; ++b) lead[static_cast<size_t>(b)] = b != '\t' && b != '\n' && b != '\r';
    lead[0x7F] = lead[0xC2] = lead[0xE2] = true;
    return lead;
}();

// The length in bytes of the control character (see markup.h) starting at `i`, 0 when there is
// none. Matched on UTF-8 bytes: C1 controls are C2 80–C2 9F, U+2028–U+202E are E2 80 A8–AE,
// U+2066–U+2069 are E2 81 A6–A9; every Vietnamese letter and combining mark lies elsewhere.
inline size_t control_length(const std::string& s, size_t i) {
    unsigned char u = static_cast<unsigned char>(s[i]);
    if (!kControlLead[u]) return 0;
    if (u < 0x80) return 1;
    unsigned char v = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    if (u == 0xC2 && v >= 0x80 && v <= 0x9F) return 2;
    unsigned char w = i + 2 < s.size() ? static_cast<unsigned char>(s[i + 2]) : 0;
    if (u == 0xE2 && ((v == 0x80 && w >= 0xA8 && w <= 0xAE) || (v == 0x81 && w >= 0xA6 && w <= 0xA9))) return 3;
    return 0;
}

// The code point of the control character of `len` bytes at `i`.
unsigned control_code_point(const std::string& s, size_t i, size_t len) {
    auto b = [&](size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(s[i + k])); };
    if (len == 1) return b(0);
    if (len == 2) return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
}

// Appends the control character (or line end) of `len` bytes at `i` as \n, \r, \x1b or \u202e.
void append_escaped(std::string& out, const std::string& s, size_t i, size_t len) {
    if (s[i] == '\n') out += "\\n";
    else if (s[i] == '\r') out += "\\r";
    else {
        char code[8];
        unsigned cp = control_code_point(s, i, len);
        std::snprintf(code, sizeof code, cp < 0x80 ? "\\x%02x" : "\\u%04x", cp);
        out += code;
    }
}

}  // namespace

std::string escape_markup(const std::string& s) {
    // Bytes that need work: the control leads and the four escaped characters. Runs of other
    // bytes are appended whole instead of one push per byte (pages are mostly such runs).
    static constexpr std::array<bool, 256> special = [] {
        std::array<bool, 256> t = kControlLead;
        t['&'] = t['<'] = t['>'] = t['"'] = true;
        return t;
    }();
    std::string out;
    out.reserve(s.size());
    const auto* b = reinterpret_cast<const unsigned char*>(s.data());
    size_t run = 0;  // where the bytes not yet appended start
    for (size_t i = 0, n = s.size(); i < n; ++i) {
        if (!special[b[i]]) continue;
        size_t len = control_length(s, i);
        const char* entity = nullptr;
        switch (s[i]) {
            case '&': entity = "&amp;"; break;
            case '<': entity = "&lt;"; break;
            case '>': entity = "&gt;"; break;
            case '"': entity = "&quot;"; break;
            default: break;
        }
        if (!len && !entity) continue;  // a C2 or E2 lead of an ordinary character
        out.append(s, run, i - run);
        if (len) i += len - 1;
        else out += entity;
        run = i + 1;
    }
    out.append(s, run, std::string::npos);
    return out;
}

size_t find_control_character(const std::string& text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    // Eight bytes at a time: a chunk with no byte below 0x20 and no 7F, C2 or E2 holds no control
    // lead and is skipped whole (every document is scanned; few chunks hold a candidate).
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    auto has_zero = [&](uint64_t x) { return (x - ones) & ~x & highs; };
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t chunk;
        std::memcpy(&chunk, s + i, 8);
        uint64_t below_space = (chunk - 0x20 * ones) & ~chunk & highs;
        if (!below_space && !has_zero(chunk ^ (0x7F * ones)) && !has_zero(chunk ^ (0xC2 * ones)) && !has_zero(chunk ^ (0xE2 * ones)))
            continue;
        for (size_t k = i; k < i + 8; ++k)
            if (kControlLead[s[k]] && control_length(text, k)) return k;
    }
    for (; i < n; ++i)
        if (kControlLead[s[i]] && control_length(text, i)) return i;
    return std::string::npos;
}

size_t find_line_breaking_character(const std::string& text) {
    for (size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\t' || text[i] == '\n' || text[i] == '\r' || control_length(text, i)) return i;
    return std::string::npos;
}

std::string code_point_name(const std::string& text, size_t at) {
    unsigned char lead = static_cast<unsigned char>(text[at]);
    size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    unsigned cp = len == 1 ? lead : len == 2 ? lead & 0x1F : len == 3 ? lead & 0x0F : lead & 0x07;
    for (size_t k = 1; k < len && at + k < text.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[at + k]) & 0x3F);
    char code[12];
    std::snprintf(code, sizeof code, "U+%04X", cp);
    return code;
}

std::string one_line(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        size_t len = text[i] == '\n' || text[i] == '\r' ? 1 : control_length(text, i);
        if (len) {
            append_escaped(out, text, i, len);
            i += len - 1;
        } else out += text[i];
    }
    return out;
}

std::string escape_lines(const std::string& text) {
    std::string out;
    size_t start = 0;
    for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) out += one_line(text.substr(start, end - start)) + '\n';
    return out + one_line(text.substr(start));
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
            size_t len = c == '\r' ? 1 : control_length(line, i);
            if (len) {
                append_escaped(shown, line, i, len);
                i += len - 1;
            } else shown += c;
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
