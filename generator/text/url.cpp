#include "text/url.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "text/unicode.h"

namespace vanban {

namespace {

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

}  // namespace

std::string normalized_url(std::string_view url) {
    std::string decoded = decode_references(url);
    std::string out;
    size_t i = 0;
    while (i < decoded.size() && static_cast<unsigned char>(decoded[i]) <= 0x20) ++i;
    for (; i < decoded.size(); ++i)
        if (decoded[i] != '\t' && decoded[i] != '\n' && decoded[i] != '\r') out += decoded[i];
    return out;
}

namespace {

// The position of the colon ending a scheme, if the URL has one (a colon before any / ? #).
size_t scheme_end(const std::string& url) {
    size_t p = url.find_first_of(":/?#");
    return p != std::string::npos && url[p] == ':' ? p : std::string::npos;
}

}  // namespace

std::string url_scheme(std::string_view url) {
    std::string n = normalized_url(url);
    size_t colon = scheme_end(n);
    return colon == std::string::npos ? std::string() : lower_ascii(std::string_view(n).substr(0, colon));
}

bool url_allowed(std::string_view url) {
    std::string n = normalized_url(url);
    size_t colon = scheme_end(n);
    if (colon == std::string::npos) return true;  // relative
    std::string scheme = lower_ascii(std::string_view(n).substr(0, colon));
    return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel";
}

bool is_web_address(std::string_view url) {
    for (char c : url)
        if (static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`' || c == '\'') return false;
    std::string lower = lower_ascii(url);
    for (std::string_view prefix : {"http://", "https://"})
        if (lower.compare(0, prefix.size(), prefix) == 0) return lower.size() > prefix.size() && lower[prefix.size()] != '/';
    return false;
}

std::string percent_decode(std::string_view s) {
    auto hex = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (c | 0x20) - 'a' + 10; };
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

bool css_fetches(std::string_view css) {
    std::string lower = lower_ascii(css);
    for (const char* risky : {"url(", "@import", "image(", "image-set(", "src(", "\\"})
        if (lower.find(risky) != std::string::npos) return true;
    return false;
}

namespace {

// Every URL attribute of `html` whose URL (references decoded) `keep` refuses is removed, the
// element and its text staying; `keep` also learns whether a printing program would open it. With `for_print`, also what only a program that fetches and
// embeds needs refused: srcset, rel (rel="attachment" embeds the file) and CSS that fetches.
template <typename Keep>
std::string filter_urls(std::string_view html, const Keep& keep, bool for_print) {
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
        std::string tag = lower_ascii(html.substr(lt + 1, p - lt - 1));
        out.append(html.substr(lt, p - lt));
        while (p < html.size() && html[p] != '>') {
            size_t attribute_start = p;
            while (p < html.size() && (std::isspace(static_cast<unsigned char>(html[p])) || html[p] == '/')) ++p;
            size_t name_start = p;
            while (p < html.size() && !std::isspace(static_cast<unsigned char>(html[p])) && html[p] != '=' && html[p] != '>' && html[p] != '/') ++p;
            std::string name = lower_ascii(html.substr(name_start, p - name_start));
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
            bool fetched = !(tag == "a" && (name == "href" || name == "xlink:href"));
            bool dropped = is_url ? !keep(normalized_url(value), fetched)
                                  : for_print && (name == "srcset" || name == "rel" || (name == "style" && css_fetches(value)));
            if (!dropped) out.append(html.substr(attribute_start, p - attribute_start));
        }
        if (p < html.size()) out += '>';
        i = p + 1;
        // A style sheet's text is not markup: it is kept or dropped whole.
        if (for_print && tag == "style" && i < html.size()) {
            size_t close = lower_ascii(html.substr(i)).find("</style");
            if (close == std::string::npos) close = html.size() - i;
            if (css_fetches(html.substr(i, close))) i += close;
        }
    }
    return out;
}

}  // namespace

std::string drop_disallowed_urls(std::string_view html) {
    return filter_urls(html, [](const std::string& url, bool) { return url_allowed(url); }, false);
}

std::string keep_fetchable_urls(std::string_view html, const std::function<bool(const std::string& url, bool fetched)>& keep) {
    return filter_urls(html, keep, true);
}

}  // namespace vanban
