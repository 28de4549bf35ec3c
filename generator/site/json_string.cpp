#include "site/json_string.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstring>

namespace vanban {

namespace {

// The length of the well-formed UTF-8 sequence that starts at `s[i]` (Unicode Table 3-7, the
// sequences nlohmann's decoder accepts), or 0.
size_t utf8_sequence(std::string_view s, size_t i) {
    auto byte = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
    auto in = [](unsigned c, unsigned lo, unsigned hi) { return c >= lo && c <= hi; };
    unsigned c = byte(0);
    if (in(c, 0xC2, 0xDF)) return in(byte(1), 0x80, 0xBF) ? 2 : 0;
    if (in(c, 0xE0, 0xEF)) {
        unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        return in(byte(1), lo, hi) && in(byte(2), 0x80, 0xBF) ? 3 : 0;
    }
    if (in(c, 0xF0, 0xF4)) {
        unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        return in(byte(1), lo, hi) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF) ? 4 : 0;
    }
    return 0;
}

// Whether none of the eight bytes at `p` needs a look: each ASCII, not a control character, not
// '"' nor '\\' (the index is mostly folded, ASCII words: they are passed over eight at a time).
// "Some byte below n" and "some byte zero" as one subtraction: exact, since a borrow between bytes
// starts only at a byte that is below n (or zero) itself.
bool plain_ascii8(const char* p) {
    constexpr uint64_t ones = 0x0101010101010101, highs = 0x8080808080808080;
    uint64_t w;
    std::memcpy(&w, p, 8);
    auto has_zero = [&](uint64_t v) { return (v - ones) & ~v & highs; };
    uint64_t below_space = (w - 0x20 * ones) & ~w & highs;
    return !((w & highs) | below_space | has_zero(w ^ ('"' * ones)) | has_zero(w ^ ('\\' * ones)));
}

}  // namespace

// Written by hand because nlohmann has no way to dump a string into an existing buffer: it needs
// a json value (a copy of the text) and a new string, and passes each byte through its UTF-8
// decoder and a 512-byte buffer. The search index of 10,000 plans (16 MB, written when all else is
// done) took about 80 ms of CPU that way, 30 ms here (perf). Text that is not valid UTF-8 is rare
// and is left to nlohmann, which alone decides how its bytes are replaced.
void append_json_string(std::string_view text, std::string& out) {
    const size_t start = out.size();
    out += '"';
    size_t copied = 0;  // text before it is in `out`
    for (size_t i = 0; i < text.size();) {
        if (i + 8 <= text.size() && plain_ascii8(text.data() + i)) {
            i += 8;
            continue;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            size_t n = utf8_sequence(text, i);
            if (n == 0) {
                out.resize(start);
                out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
                return;
            }
            i += n;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        out.append(text, copied, i - copied);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\f': out += "\\f"; break;
            case '\r': out += "\\r"; break;
            default: {
                const char* hex = "0123456789abcdef";
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
            }
        }
        copied = ++i;
    }
    out.append(text, copied, std::string_view::npos);
    out += '"';
}

}  // namespace vanban
