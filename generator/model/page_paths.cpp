#include "model/page_paths.h"

#include <cctype>


namespace vanban {

std::string output_path(const std::string& source) {
    std::string p = source;
    if (p.rfind("content/", 0) == 0) p = p.substr(std::string("content/").size());
    else if (p.rfind("plans/", 0) == 0) p = "ke-hoach/" + p.substr(std::string("plans/").size());
    if (p.size() > 3 && p.compare(p.size() - 3, 3, ".md") == 0) p = p.substr(0, p.size() - 3) + ".html";
    return p;
}

static std::string without_html(const std::string& page) { return page.substr(0, page.size() - std::string(".html").size()); }

std::string pdf_page(const std::string& page) { return without_html(page) + ".pdf"; }
std::string docx_page(const std::string& page) { return without_html(page) + ".docx"; }
std::string comparison_page(const std::string& page) { return without_html(page) + "-so-sanh.html"; }

std::string root_prefix(const std::string& page) {
    std::string out;
    for (char c : page)
        if (c == '/') out += "../";
    return out;
}

std::string url_path(const std::string& path) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (char ch : path) {
        auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string relative_url(const std::string& from, const std::string& target) {
    return root_prefix(from) + url_path(target);
}

}  // namespace vanban
