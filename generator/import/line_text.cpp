#include "import/line_text.h"

#include <cctype>
#include <utility>
#include <vector>

namespace vanban {

namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) s.replace(p, from.size(), to);
    return s;
}

}  // namespace

std::string trim(const std::string& s) {
    size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

std::string dashes_to_hyphens(const std::string& s) { return replace_all(replace_all(s, "\u2013", "-"), "\u2014", "-"); }

bool typed_bullet(const std::string& text, std::string& rest, int& depth) {
    // The bullet characters Word documents use, as typed or pasted.
    static const std::vector<std::pair<std::string, int>> marks = {{"- ", 0},      {"\u2013 ", 0}, {"\u00B7 ", 0}, {"\u2022 ", 0},
                                                                   {"\uF0B7 ", 0}, {"+ ", 1},      {"* ", 0}};
    for (const auto& [m, d] : marks)
        if (starts_with(text, m)) {
            rest = trim(text.substr(m.size()));
            depth = d;
            return true;
        }
    if (starts_with(text, "-") && text.size() > 1 && text[1] != '-' && !std::isdigit(static_cast<unsigned char>(text[1]))) {
        rest = trim(text.substr(1));
        depth = 0;
        return true;
    }
    return false;
}

}  // namespace vanban
