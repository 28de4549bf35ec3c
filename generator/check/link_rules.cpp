// broken-link: relative links must point at files that exist in the repository. An image must
// be a published file reached without a link (url, symlink): Pandoc and WeasyPrint would read it
// from anywhere and put its bytes in the PDF and the Word file, so build refuses it. An image
// that is not a raster image (an SVG, even one named .png) stays out of them (attachment).
#include <filesystem>
#include <optional>

#include "check/checks.h"
#include "load/published_files.h"
#include "text/unicode.h"
#include "text/url.h"

namespace fs = std::filesystem;

namespace vanban {

namespace {

// An image Pandoc and WeasyPrint must not read: the document gets no PDF and no Word file.
Diagnostic refused_image(const Document& doc, const Link& link, const char* rule, const std::string& why_vi, const std::string& why_en,
                         Message hint) {
    std::string shown = shown_prefix(link.target, 60);
    return error_at(doc, link.at, rule, {"hình \"" + shown + "\" " + why_vi + "; bản PDF và Word sẽ không được tạo",
                                         "image \"" + shown + "\" " + why_en + "; no PDF or Word file is made"},
                    std::move(hint));
}

}  // namespace

void check_links(const Document& doc, const Repository& repo, Diagnostics& out) {
    fs::path dir = fs::path(doc.path).parent_path();
    // The school's files as the session reads them (a repository made by hand has none: its root on disk).
    std::optional<DiskTree> disk;
    if (!repo.source) disk.emplace(repo.root);
    const SourceTree& tree = repo.source ? *repo.source : *disk;
    for (const Link& link : doc.links) {
        if (!url_scheme(link.target).empty()) continue;  // http:, mailto:, tel: (rule url for the others)
        std::string target = link.target.substr(0, link.target.find_first_of("#?"));
        if (target.empty()) continue;
        if (target[0] == '/') {  // a site-absolute link is the site's business; an image so is a file of the machine
            if (link.image)
                out.push_back(refused_image(doc, link, "url", "dùng đường dẫn tuyệt đối", "uses an absolute path",
                                            {"Chép hình vào cạnh văn bản và viết đường dẫn tính từ thư mục của văn bản (ví dụ anh.png).",
                                             "Copy the image next to the document and write its path from the document's folder (e.g. anh.png)."}));
            continue;
        }
        fs::path resolved = (dir / percent_decode(target)).lexically_normal();
        std::string rel = resolved.generic_string();
        bool outside = !is_inside(resolved, ".");
        bool exists = !outside && tree.exists(rel);
        if (exists && link.image && is_published(rel) && !published_file_for_url(tree, doc.path, link.target)) {
            out.push_back(refused_image(doc, link, "symlink", "đi qua liên kết tượng trưng hoặc không phải tệp thường",
                                        "goes through a symbolic link or is not a regular file",
                                        {"Thay liên kết tượng trưng bằng chính tệp hình, đặt cạnh văn bản.",
                                         "Replace the symbolic link with the image file itself, next to the document."}));
            continue;
        }
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
        if (exists && link.image && !printable_image_for_url(tree, doc.path, link.target)) {
            std::string shown = shown_prefix(rel, 80);
            out.push_back(error_at(doc, link.at, "attachment",
                                   {"tệp " + shown + " mang tên ảnh nhưng không phải ảnh PNG/JPEG/GIF/WebP; bản PDF và bản Word chỉ ghi chữ "
                                                     "thay cho hình",
                                    "the file " + shown + " is used as an image but is not a PNG/JPEG/GIF/WebP image; the PDF and the Word "
                                                          "file give the alt text instead"},
                                   {"Mở hình bằng trình xem ảnh và lưu lại (Save as) dưới dạng PNG hoặc JPEG, rồi sửa tên tệp trong văn bản.",
                                    "Open the picture in an image viewer, save it as PNG or JPEG, and fix the file name in the document."}));
            continue;
        }
        if (exists) continue;

        Message hint{"Sửa đường dẫn (tính từ thư mục của tệp này) hoặc thêm tệp còn thiếu.",
                     "Fix the path (relative to this file's folder) or add the missing file."};
        // Suggest a document with the same file name elsewhere.
        std::string name = resolved.filename().string();
        int best = 3;
        for (const auto& other : repo.document_paths) {
            std::string other_name = fs::path(other).filename().string();
            int d = edit_distance(name, other_name);
            if (d < best) {
                best = d;
                std::string suggestion = fs::path(other).lexically_relative(dir).generic_string();
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
