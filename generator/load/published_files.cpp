#include "load/published_files.h"

#include <limits.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <stdexcept>

#include "text/unicode.h"
#include "text/url.h"

namespace fs = std::filesystem;

namespace vanban {

namespace {

bool hidden(const std::string& name) { return !name.empty() && (name[0] == '.' || name[0] == '_'); }

// A repository path as shown in a message: valid UTF-8, and not kilobytes long.
std::string shown(const std::string& relative) { return shown_prefix(relative, 200); }

Diagnostic finding(const std::string& relative, const char* rule, Message message, Message hint) {
    return Diagnostic{shown(relative), {1, 1}, Severity::Error, rule, std::move(message), std::move(hint)};
}

Diagnostic link_finding(const SourceTree& tree, const std::string& relative) {
    std::string where = shown(tree.link_target(relative));
    std::string name = shown(relative);
    Message hint{"Thay liên kết tượng trưng bằng chính tệp (chép tệp thật vào kho, đúng chỗ này), hoặc xóa liên kết nếu không cần.",
                 "Replace the symbolic link by the file itself (copy the real file here), or delete the link."};
    if (tree.link_loops(relative))
        return finding(relative, "symlink",
                       {name + " là liên kết tượng trưng vòng (trỏ tới " + where + ", rồi quay lại chính nó); vanban bỏ qua nó",
                        name + " is a symbolic link loop (to " + where + " and back); vanban skips it"},
                       {"Xóa liên kết vòng này; nếu cần tệp, chép chính tệp vào đây.", "Delete this link loop; if the file is needed, copy it here."});
    return finding(relative, "symlink",
                   {name + " là liên kết tượng trưng (trỏ tới " + where + "); vanban không đọc, không đi vào và không đưa lên trang web "
                                                                        "thứ gì qua liên kết",
                    name + " is a symbolic link (to " + where + "); vanban never reads, enters or publishes anything through a link"},
                   hint);
}

Diagnostic name_finding(const std::string& relative, const std::string& why_vi, const std::string& why_en, Message hint) {
    return finding(relative, "file-name", {shown(relative) + ": " + why_vi, shown(relative) + ": " + why_en}, std::move(hint));
}

// Every entry under start, depth first, without following links. `file` gets the regular
// files; links, names vanban cannot use, unreadable folders and special files are reported.
void walk(const SourceTree& tree, const std::string& start, bool skip_hidden, std::vector<Diagnostic>& problems,
          const std::function<void(const std::string&)>& file) {
    std::optional<SourceInfo> top = tree.stat(start);
    if (!top) return;
    if (top->kind == EntryKind::Link) {
        problems.push_back(link_finding(tree, start));
        return;
    }
    if (top->kind != EntryKind::Folder) return;
    std::vector<std::string> pending{start};
    while (!pending.empty()) {
        std::string dir = std::move(pending.back());
        pending.pop_back();
        std::optional<std::vector<SourceEntry>> entries = tree.list(dir);
        if (!entries) {
            problems.push_back(finding(dir, "unreadable",
                                       {"không mở được thư mục " + shown(dir) + " (không có quyền đọc?)",
                                        "cannot open the folder " + shown(dir) + " (no permission?)"},
                                       {"Cho phép đọc thư mục này (chmod) hoặc chuyển nó ra khỏi kho.",
                                        "Make this folder readable (chmod) or move it out of the repository."}));
            continue;
        }
        std::sort(entries->begin(), entries->end(),
                  [](const SourceEntry& a, const SourceEntry& b) { return a.name > b.name; });
        for (const auto& [name, kind] : *entries) {
            if (skip_hidden && hidden(name)) continue;
            std::string relative = dir + "/" + name;
            if (kind == EntryKind::Link) {
                problems.push_back(link_finding(tree, relative));
                continue;
            }
            if (find_invalid_utf8(name)) {
                problems.push_back(name_finding(relative, "tên không phải UTF-8 (có thể đặt trên máy dùng bảng mã cũ); vanban bỏ qua nó",
                                                "the name is not UTF-8 (made on a machine with a legacy code page); vanban skips it",
                                                {"Đổi tên bằng chữ Việt Unicode hoặc chữ không dấu, ví dụ ke-hoach-day-hoc.md.",
                                                 "Rename it with Unicode letters or plain ASCII, e.g. ke-hoach-day-hoc.md."}));
                continue;
            }
            // Every file is opened by its full name, which the system limits to PATH_MAX bytes.
            if (tree.root().size() + 1 + relative.size() + 1 > PATH_MAX) {
                problems.push_back(name_finding(relative, "đường dẫn quá dài (" + std::to_string(relative.size()) + " byte, tối đa " +
                                                              std::to_string(PATH_MAX) + " byte cả thư mục gốc); vanban bỏ qua nó",
                                                "the path is too long (" + std::to_string(relative.size()) + " bytes, at most " +
                                                    std::to_string(PATH_MAX) + " with the root folder); vanban skips it",
                                                {"Rút ngắn tên các thư mục và tệp.", "Shorten the folder and file names."}));
                continue;
            }
            if (kind == EntryKind::Folder) pending.push_back(relative);
            else if (kind == EntryKind::File) file(relative);
            else
                problems.push_back(finding(relative, "unreadable",
                                           {shown(relative) + " không phải tệp thường (ống, socket hay thiết bị); vanban bỏ qua nó",
                                            shown(relative) + " is not a regular file (pipe, socket or device); vanban skips it"},
                                           {"Xóa nó khỏi kho.", "Remove it from the repository."}));
        }
    }
}

bool ends_with(const std::string& s, const std::string& end) {
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

}  // namespace

PublishedFiles find_published_files(const SourceTree& tree) {
    PublishedFiles files;
    for (const char* top : {"plans", "content"})
        walk(tree, top, true, files.problems, [&](const std::string& relative) {
            (ends_with(relative, ".md") ? files.documents : files.attachments).push_back(relative);
        });
    std::sort(files.documents.begin(), files.documents.end());
    std::sort(files.attachments.begin(), files.attachments.end());
    return files;
}

PublishedFiles find_published_files(const std::string& root) { return find_published_files(DiskTree(root)); }

std::vector<Diagnostic> linked_files_under(const SourceTree& tree, const std::string& folder) {
    std::vector<Diagnostic> problems;
    walk(tree, folder, false, problems, [](const std::string&) {});
    problems.erase(std::remove_if(problems.begin(), problems.end(), [](const Diagnostic& d) { return d.rule != "symlink"; }),
                   problems.end());
    return problems;
}

std::vector<std::string> plain_files_under(const SourceTree& tree, const std::string& folder) {
    std::vector<std::string> files;
    std::vector<Diagnostic> reported_by_the_loader;
    walk(tree, folder, false, reported_by_the_loader, [&](const std::string& relative) { files.push_back(relative); });
    return files;
}

std::vector<std::string> plain_files_under(const std::string& root, const std::string& folder) {
    return plain_files_under(DiskTree(root), folder);
}

bool is_published(const std::string& path) {
    if (path.rfind("content/", 0) != 0 && path.rfind("plans/", 0) != 0) return false;
    size_t start = 0;
    while (start < path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        if (hidden(path.substr(start, end - start))) return false;
        start = end + 1;
    }
    return true;
}

bool is_plain_file(const std::string& root, const std::string& relative) {
    std::string normal = fs::path(relative).lexically_normal().generic_string();
    if (normal == ".." || normal.rfind("../", 0) == 0) return false;
    return DiskTree(root).is_plain_file(normal == "." ? std::string() : normal);
}

std::string read_repository_file(const std::string& root, const std::string& relative) {
    return DiskTree(root).read(relative);
}

bool is_inside(const fs::path& path, const fs::path& folder) {
    fs::path r = path.lexically_relative(folder);
    return !r.empty() && *r.begin() != "..";
}

std::optional<std::string> published_file_for_url(const SourceTree& tree, const std::string& doc_path,
                                                  std::string_view url) {
    if (!url_scheme(url).empty()) return std::nullopt;
    std::string path = percent_decode(url.substr(0, url.find_first_of("?#")));
    // A NUL would end the name the system is asked about before the name the program opens.
    bool control = std::any_of(path.begin(), path.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
    if (path.empty() || path[0] == '/' || control) return std::nullopt;
    fs::path base = fs::path(tree.root()).lexically_normal();
    fs::path resolved = (base / fs::path(doc_path).parent_path() / path).lexically_normal();
    if (!is_inside(resolved, base)) return std::nullopt;
    std::string relative = resolved.lexically_relative(base).generic_string();
    if (!is_published(relative) || !tree.is_plain_file(relative)) return std::nullopt;
    return relative;
}

std::optional<std::string> published_file_for_url(const std::string& root, const std::string& doc_path,
                                                  std::string_view url) {
    return published_file_for_url(DiskTree(root), doc_path, url);
}

std::string_view raster_image_kind(std::string_view head) {
    auto starts = [&](std::string_view signature, size_t at = 0) { return head.size() >= at + signature.size() && head.substr(at, signature.size()) == signature; };
    if (starts(std::string_view("\x89PNG\r\n\x1a\n", 8))) return "PNG";
    if (starts("\xff\xd8\xff")) return "JPEG";
    if (starts("GIF87a") || starts("GIF89a")) return "GIF";
    if (starts("RIFF") && starts("WEBP", 8)) return "WebP";
    return {};
}

std::optional<std::string> printable_image_for_url(const SourceTree& tree, const std::string& doc_path,
                                                   std::string_view url) {
    std::optional<std::string> file = published_file_for_url(tree, doc_path, url);
    // The first bytes only, without following a link (published_file_for_url saw none on the way).
    if (!file || raster_image_kind(tree.head(*file, 12)).empty()) return std::nullopt;
    return file;
}

std::optional<std::string> printable_image_for_url(const std::string& root, const std::string& doc_path,
                                                   std::string_view url) {
    return printable_image_for_url(DiskTree(root), doc_path, url);
}

std::string image_outside_repository(const std::string& root, const Document& doc) {
    DiskTree tree(root);
    for (const Link& link : doc.links)
        // An address with a scheme is the url rule's (and the renderers drop what it refuses).
        if (link.image && url_scheme(link.target).empty() && !published_file_for_url(tree, doc.path, link.target))
            return "hình \"" + shown_prefix(link.target, 80) + "\" (dòng " + std::to_string(link.at.line) +
                   ") không phải tệp đưa lên trang web trong content/ hay plans/ (nằm ngoài, hoặc là liên kết tượng trưng); "
                   "chép hình vào cạnh văn bản";
    return {};
}

bool carries_script(const std::string& path) {
    std::string extension = fs::path(path).extension().string();
    extension = lower_ascii(extension);
    // Everything a browser may open as a document that runs script: HTML and every XML type that
    // can hold XHTML or SVG (.xht and .xhtm are served as application/xhtml+xml).
    for (const char* risky : {".html", ".htm", ".xhtml", ".xht", ".xhtm", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".xslt", ".rdf", ".atom",
                              ".rss", ".mml", ".xul", ".wsdl", ".js", ".mjs"})
        if (extension == risky) return true;
    return false;
}

}  // namespace vanban
