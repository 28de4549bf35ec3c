// url: links and images whose scheme a browser would run or open locally (javascript:,
// data:, vbscript:, file:…). The renderers drop them; check says where they are. Also (a
// warning) an image on the web in a document that has a PDF and a Word file.
#include <cmark-gfm.h>

#include <algorithm>

#include "check/checks.h"
#include "text/unicode.h"
#include "text/url.h"

namespace vanban {

namespace {

// With cho_phep_html the school's own HTML reaches the page: an attribute there (href, src,
// action…) whose scheme is refused is dropped by the renderers, and reported here at its line.
void check_raw_html(const Document& doc, cmark_node* tree, Diagnostics& out) {
    if (!tree) return;
    cmark_iter* iter = cmark_iter_new(tree);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        cmark_node* node = cmark_iter_get_node(iter);
        cmark_node_type type = cmark_node_get_type(node);
        if (event != CMARK_EVENT_ENTER || (type != CMARK_NODE_HTML_BLOCK && type != CMARK_NODE_HTML_INLINE)) continue;
        const char* literal = cmark_node_get_literal(node);
        if (!literal || drop_disallowed_urls(literal) == literal) continue;
        out.push_back(error_at(doc, {std::max(1, cmark_node_get_start_line(node)), 1}, "url",
                               {"mã HTML \"" + shown_prefix(literal, 60) + "\" có địa chỉ với giao thức không được phép; trang web và PDF sẽ bỏ địa chỉ này",
                                "the HTML \"" + shown_prefix(literal, 60) + "\" holds an address whose scheme is not allowed; the site and PDF drop it"},
                               {"Chỉ dùng địa chỉ http://, https://, mailto:, tel: hoặc đường dẫn tới tệp trong kho.",
                                "Use only http://, https://, mailto:, tel: addresses or paths to files in the repository."}));
    }
    cmark_iter_free(iter);
}

}  // namespace

void check_urls(const Document& doc, bool raw_html, Diagnostics& out) {
    if (raw_html) {
        check_raw_html(doc, doc.ast.get(), out);
        for (const auto& appendix : doc.appendices) check_raw_html(doc, appendix.ast.get(), out);
    }
    bool printed = doc.type && doc.type->official;  // has a PDF and a Word file
    for (const Link& link : doc.links) {
        if (link.image && printed && !url_scheme(link.target).empty() && url_allowed(link.target)) {
            // Pandoc and WeasyPrint would fetch it (from internal addresses too): the printed copies
            // carry the address instead (docx/print_images.h, and the print HTML in pdf/).
            std::string shown = shown_prefix(link.target, 80);
            out.push_back(warning_at(doc, link.at, "url",
                                     {"ảnh trên mạng (" + shown + ") chỉ hiện trên trang web; bản PDF và bản Word ghi địa chỉ thay cho ảnh",
                                      "the web image (" + shown + ") shows only on the website; the PDF and the Word file give its address instead"},
                                     {"Lưu ảnh vào kho, cạnh văn bản (ví dụ anh-truong.png), rồi viết ![…](anh-truong.png).",
                                      "Save the picture into the repository next to the document (e.g. anh-truong.png) and write ![…](anh-truong.png)."}));
            continue;
        }
        if (url_allowed(link.target)) continue;
        std::string scheme = url_scheme(link.target);
        std::string what_vi = link.image ? "hình" : "liên kết";
        std::string what_en = link.image ? "image" : "link";
        out.push_back(error_at(doc, link.at, "url",
                               {what_vi + " \"" + shown_prefix(link.target, 60) + "\" dùng giao thức \"" + shown_prefix(scheme, 60) +
                                    ":\" không được phép; trang web, PDF và bản Word sẽ bỏ " + what_vi + " này (giữ lại chữ)",
                                what_en + " \"" + shown_prefix(link.target, 60) + "\" uses the scheme \"" + shown_prefix(scheme, 60) +
                                    ":\", which is not allowed; the site, PDF and Word file drop it (keeping the text)"},
                               {"Chỉ dùng địa chỉ http://, https://, mailto:, tel: hoặc đường dẫn tới tệp trong kho (ví dụ ../2023-2024/ke-hoach.md).",
                                "Use only http://, https://, mailto:, tel: addresses or paths to files in the repository."}));
    }
}

}  // namespace vanban
