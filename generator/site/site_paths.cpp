#include "site/site_paths.h"


namespace vanban {

std::string output_path(const std::string& source) {
    std::string p = source;
    if (p.rfind("content/", 0) == 0) p = p.substr(std::string("content/").size());
    else if (p.rfind("plans/", 0) == 0) p = "ke-hoach/" + p.substr(std::string("plans/").size());
    if (p.size() > 3 && p.compare(p.size() - 3, 3, ".md") == 0) p = p.substr(0, p.size() - 3) + ".html";
    return p;
}

std::string root_prefix(const std::string& page) {
    std::string out;
    for (char c : page)
        if (c == '/') out += "../";
    return out;
}

std::string relative_url(const std::string& from, const std::string& target) {
    return root_prefix(from) + target;
}

}  // namespace vanban
