// Which files of a repository are the school's published material: everything under
// content/ and plans/ except folders and files whose names start with "." or "_" (drafts
// kept aside, editor files). The loader reads the Markdown among them; the site copies the rest.
//
// A repository is untrusted input: nothing is read outside it because of what it contains.
// So a symbolic link is never followed — a linked document, attachment, folder or template is
// reported (`symlink`) and left out, and files are opened with O_NOFOLLOW. Names vanban cannot
// publish (not UTF-8, too long) are reported (`file-name`) and left out too.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/source_tree.h"
#include "model/diagnostic.h"
#include "model/document.h"

namespace vanban {

struct PublishedFiles {
    std::vector<std::string> documents;    // the .md files, relative to the root with '/', sorted
    std::vector<std::string> attachments;  // every other file, the same way
    std::vector<Diagnostic> problems;      // what was left out, and why
};

// Walks plans/ and content/ without following links (the second: of the folder `root` on disk).
PublishedFiles find_published_files(const SourceTree& tree);
PublishedFiles find_published_files(const std::string& root);

// Symbolic links anywhere under `folder` (templates/), reported and never read.
std::vector<Diagnostic> linked_files_under(const SourceTree& tree, const std::string& folder);
// The regular files under `folder`, relative to the root with '/', none through a link (a linked
// `folder` itself gives none).
std::vector<std::string> plain_files_under(const SourceTree& tree, const std::string& folder);
std::vector<std::string> plain_files_under(const std::string& root, const std::string& folder);

// Whether a repository-relative path is one of them (the file need not exist).
bool is_published(const std::string& relative_path);

// Whether `relative` under `root` is a regular file reached without any symbolic link.
bool is_plain_file(const std::string& root, const std::string& relative);

// Reads a file of the repository without following a symbolic link anywhere on its way (DiskTree)
// and only if it is a regular file (a FIFO would block); throws std::runtime_error in Vietnamese.
std::string read_repository_file(const std::string& root, const std::string& relative);

// Whether `path` is `folder` or inside it, by the names alone (both normal; both absolute or
// both relative): "a/../../b" is not inside "a".
bool is_inside(const std::filesystem::path& path, const std::filesystem::path& folder);

// The file a relative URL in the document at `doc_path` names, relative to the root with '/',
// when it is a published file reached without any symbolic link; otherwise nullopt (a URL with a
// scheme, an empty or site-absolute path, a path out of the repository, a link on the way, a
// file not published). Pandoc and WeasyPrint open files by such URLs themselves and put their
// bytes in the PDF and the Word file: this is what they may open. `root`: a DiskTree of it.
std::optional<std::string> published_file_for_url(const SourceTree& tree, const std::string& doc_path,
                                                  std::string_view url);
std::optional<std::string> published_file_for_url(const std::string& root, const std::string& doc_path, std::string_view url);

// The raster formats a PDF or a Word file may hold, told by the file's first bytes: "PNG",
// "JPEG", "GIF" or "WebP"; empty for anything else. Only these: WeasyPrint renders an SVG (or
// anything it recognises, whatever the file's name) and then fetches and reads what it names.
std::string_view raster_image_kind(std::string_view head);

// The file an image URL of the document at `doc_path` names, relative to the root with '/',
// when it may go into a PDF or a Word file: a published plain file (published_file_for_url)
// whose bytes are a raster image (raster_image_kind); otherwise nullopt, and the PDF and the
// Word file show the image's alt text instead.
std::optional<std::string> printable_image_for_url(const SourceTree& tree, const std::string& doc_path,
                                                   std::string_view url);
std::optional<std::string> printable_image_for_url(const std::string& root, const std::string& doc_path, std::string_view url);

// Why an image of `doc` without a scheme is not such a file (in Vietnamese; `check` reports it
// first, rules broken-link, url and symlink); empty when all are fine.
std::string image_outside_repository(const std::string& root, const Document& doc);

// Attachments a browser runs as a page or script (html, htm, xhtml, shtml, svg, xml, js, mjs):
// published only when the school allows raw HTML (cho_phep_html: true).
bool carries_script(const std::string& path);

}  // namespace vanban
