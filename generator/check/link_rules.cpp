// broken-link: relative links must point at files that exist in the repository.
#include <filesystem>

#include "check/checks.h"
#include "load/published_files.h"
#include "text/unicode.h"

namespace fs = std::filesystem;

namespace vanban {

namespace {

bool is_external(const std::string& url) {
    if (url.empty() || url[0] == '#' || url[0] == '/') return true;  // site-absolute paths are the site's business
    size_t colon = url.find(':');
    size_t slash = url.find('/');
    return colon != std::string::npos && (slash == std::string::npos || colon < slash);  // http:, mailto:, tel:
}

std::string percent_decode(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

}  // namespace

void check_links(const Document& doc, const Repository& repo, Diagnostics& out) {
    fs::path dir = fs::path(doc.path).parent_path();
    for (const Link& link : doc.links) {
        if (is_external(link.target)) continue;
        std::string target = link.target.substr(0, link.target.find_first_of("#?"));
        if (target.empty()) continue;
        fs::path resolved = (dir / percent_decode(target)).lexically_normal();
        std::string rel = resolved.generic_string();
        bool outside = rel.rfind("..", 0) == 0;
        std::error_code ec;
        bool exists = !outside && fs::exists(fs::path(repo.root) / resolved, ec);
        if (exists && !is_published(rel)) {
            out.push_back(error_at(doc, link.at, "broken-link",
                                   {"\"" + link.target + "\" có trong kho nhưng không được đưa lên trang web",
                                    "\"" + link.target + "\" exists but is not published on the site"},
                                   {"Chỉ các tệp trong content/ và plans/ (không nằm trong thư mục bắt đầu bằng . hoặc _) "
                                    "được đưa lên trang web; chuyển tệp vào content/.",
                                    "Only files under content/ and plans/ (outside folders starting with . or _) are published; "
                                    "move the file into content/."}));
            continue;
        }
        if (exists) continue;

        Message hint{"Sửa đường dẫn (tính từ thư mục của tệp này) hoặc thêm tệp còn thiếu.",
                     "Fix the path (relative to this file's folder) or add the missing file."};
        // Suggest a document with the same file name elsewhere.
        std::string name = resolved.filename().string();
        int best = 3;
        for (const auto& other : repo.documents) {
            std::string other_name = fs::path(other.path).filename().string();
            int d = edit_distance(name, other_name);
            if (d < best) {
                best = d;
                std::string suggestion = fs::path(other.path).lexically_relative(dir).generic_string();
                hint = {"Có phải ý bạn là \"" + suggestion + "\"?", "Did you mean \"" + suggestion + "\"?"};
            }
        }
        out.push_back(error_at(doc, link.at, "broken-link",
                               {std::string(link.image ? "hình" : "liên kết") + " \"" + link.target + "\" trỏ tới tệp không tồn tại" +
                                    (outside ? " (nằm ngoài kho văn bản)" : ""),
                                std::string(link.image ? "image" : "link") + " \"" + link.target + "\" points to a file that does not exist" +
                                    (outside ? " (outside the repository)" : "")},
                               hint));
    }
}

}  // namespace vanban
