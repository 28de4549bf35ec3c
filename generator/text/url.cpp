#include "text/url.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace vanban {

namespace {

void append_utf8(std::string& out, uint32_t c) {
    if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// Character references as an HTML attribute value is decoded: numeric ones (the ';' is
// optional for them in browsers) and the named ones that can spell a scheme's punctuation.
// An unknown named reference stays as written, so its '&' keeps the scheme from matching.
std::string decode_references(std::string_view s) {
    static const struct { const char* name; uint32_t code; } named[] = {
        {"colon;", ':'}, {"tab;", '\t'}, {"newline;", '\n'}, {"amp;", '&'}, {"sol;", '/'},  {"num;", '#'},
        {"quest;", '?'}, {"period;", '.'}, {"plus;", '+'},  {"hyphen;", '-'}, {"dash;", '-'}};
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        if (i + 1 < s.size() && s[i + 1] == '#') {
            size_t j = i + 2;
            bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
            if (hex) ++j;
            size_t start = j;
            uint32_t code = 0;
            while (j < s.size() && (hex ? std::isxdigit(static_cast<unsigned char>(s[j])) : std::isdigit(static_cast<unsigned char>(s[j])))) {
                int digit = std::isdigit(static_cast<unsigned char>(s[j])) ? s[j] - '0' : (std::tolower(static_cast<unsigned char>(s[j])) - 'a' + 10);
                code = std::min<uint32_t>(code * (hex ? 16 : 10) + static_cast<uint32_t>(digit), 0x110000);
                ++j;
            }
            if (j > start) {
                append_utf8(out, code);
                i = j < s.size() && s[j] == ';' ? j : j - 1;
                continue;
            }
        } else {
            bool matched = false;
            for (const auto& n : named) {
                size_t len = std::char_traits<char>::length(n.name);
                if (i + 1 + len > s.size()) continue;
                bool same = true;
                for (size_t k = 0; k < len && same; ++k)
                    same = std::tolower(static_cast<unsigned char>(s[i + 1 + k])) == n.name[k];
                if (!same) continue;
                append_utf8(out, n.code);
                i += len;
                matched = true;
                break;
            }
            if (matched) continue;
        }
        out += s[i];
    }
    return out;
}

// What a browser's URL parser sees: references decoded, leading spaces and control
// characters gone, tabs and newlines removed wherever they are.
std::string normalized(std::string_view url) {
    std::string decoded = decode_references(url);
    std::string out;
    size_t i = 0;
    while (i < decoded.size() && static_cast<unsigned char>(decoded[i]) <= 0x20) ++i;
    for (; i < decoded.size(); ++i)
        if (decoded[i] != '\t' && decoded[i] != '\n' && decoded[i] != '\r') out += decoded[i];
    return out;
}

// The position of the colon ending a scheme, if the URL has one (a colon before any / ? #).
size_t scheme_end(const std::string& url) {
    size_t p = url.find_first_of(":/?#");
    return p != std::string::npos && url[p] == ':' ? p : std::string::npos;
}

std::string lower_ascii(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

std::string url_scheme(std::string_view url) {
    std::string n = normalized(url);
    size_t colon = scheme_end(n);
    return colon == std::string::npos ? std::string() : lower_ascii(n.substr(0, colon));
}

bool url_allowed(std::string_view url) {
    std::string n = normalized(url);
    size_t colon = scheme_end(n);
    if (colon == std::string::npos) return true;  // relative
    std::string scheme = lower_ascii(n.substr(0, colon));
    return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel";
}

bool is_web_address(std::string_view url) {
    for (char c : url)
        if (static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`' || c == '\'') return false;
    std::string lower = lower_ascii(std::string(url));
    for (std::string_view prefix : {"http://", "https://"})
        if (lower.compare(0, prefix.size(), prefix) == 0) return lower.size() > prefix.size() && lower[prefix.size()] != '/';
    return false;
}

std::string drop_disallowed_urls(std::string_view html) {
    static const char* const url_attributes[] = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "data", "cite"};
    std::string out;
    out.reserve(html.size());
    size_t i = 0;
    while (i < html.size()) {
        size_t lt = html.find('<', i);
        if (lt == std::string_view::npos || lt + 1 >= html.size() || !std::isalpha(static_cast<unsigned char>(html[lt + 1]))) {
            size_t end = lt == std::string_view::npos ? html.size() : lt + 1;
            out.append(html.substr(i, end - i));
            i = end;
            continue;
        }
        out.append(html.substr(i, lt - i));
        // The tag name, then attributes up to the closing '>' (quotes may hold a '>').
        size_t p = lt + 1;
        while (p < html.size() && !std::isspace(static_cast<unsigned char>(html[p])) && html[p] != '>' && html[p] != '/') ++p;
        out.append(html.substr(lt, p - lt));
        while (p < html.size() && html[p] != '>') {
            size_t attribute_start = p;
            while (p < html.size() && (std::isspace(static_cast<unsigned char>(html[p])) || html[p] == '/')) ++p;
            size_t name_start = p;
            while (p < html.size() && !std::isspace(static_cast<unsigned char>(html[p])) && html[p] != '=' && html[p] != '>' && html[p] != '/') ++p;
            std::string name = lower_ascii(std::string(html.substr(name_start, p - name_start)));
            size_t q = p;
            while (q < html.size() && std::isspace(static_cast<unsigned char>(html[q]))) ++q;
            std::string_view value;
            if (q < html.size() && html[q] == '=') {
                ++q;
                while (q < html.size() && std::isspace(static_cast<unsigned char>(html[q]))) ++q;
                if (q < html.size() && (html[q] == '"' || html[q] == '\'')) {
                    char quote = html[q];
                    size_t close = html.find(quote, q + 1);
                    if (close == std::string_view::npos) close = html.size() - 1;
                    value = html.substr(q + 1, close - q - 1);
                    q = close + 1;
                } else {
                    size_t start = q;
                    while (q < html.size() && !std::isspace(static_cast<unsigned char>(html[q])) && html[q] != '>') ++q;
                    value = html.substr(start, q - start);
                }
                p = q;
            }
            if (p == attribute_start) {  // a stray character: keep it and move on
                out += html[p++];
                continue;
            }
            bool is_url = std::find_if(std::begin(url_attributes), std::end(url_attributes),
                                       [&](const char* a) { return name == a; }) != std::end(url_attributes);
            if (!is_url || url_allowed(value)) out.append(html.substr(attribute_start, p - attribute_start));
        }
        if (p < html.size()) out += '>';
        i = p + 1;
    }
    return out;
}

}  // namespace vanban
