#include "html/body_html.h"

#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "load/markdown.h"
#include "text/url.h"

namespace vanban {

namespace {

std::string unescape_attribute(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s.compare(i, 5, "&amp;") == 0) {
            out += '&';
            i += 4;
        } else {
            out += s[i];
        }
    }
    return out;
}

// The value of attribute `name` (with its `="`) in a tag cmark-gfm wrote; nullopt when absent.
std::optional<std::string> attribute_value(std::string_view tag, std::string_view name) {
    size_t at = tag.find(name);
    if (at == std::string_view::npos) return std::nullopt;
    size_t start = at + name.size();
    size_t end = tag.find('"', start);
    if (end == std::string_view::npos) return std::nullopt;
    return std::string(tag.substr(start, end - start));
}

// What a refused image leaves in the text: its alt text (escaped as cmark-gfm wrote it), then
// its address when the address may be shown.
std::string image_as_words(std::string_view tag, bool in_link) {
    std::string alt = attribute_value(tag, " alt=\"").value_or("");
    std::string src = unescape_attribute(attribute_value(tag, " src=\"").value_or(""));
    if (url_scheme(src).empty() || !url_allowed(src)) return alt;
    std::string address = escape_markup(src);
    if (!in_link) address = "<a href=\"" + address + "\">" + address + "</a>";
    return alt.empty() ? address : alt + " (" + address + ")";
}

// The memory cmark-gfm renders with. It writes the HTML into one buffer that it grows by half when
// full, each growth a copy of all written so far (a dozen a page); given at least 32 KB and then
// twice as much each time, a page's body fits at once or grows in place. Out of memory, it aborts
// as cmark-gfm's own allocator does.
void* render_calloc(size_t count, size_t size) {
    void* p = std::calloc(count, size);
    if (!p) std::abort();
    return p;
}

void* render_realloc(void* p, size_t size) {
    size_t room = 32768;
    while (room < size) room *= 2;
    void* grown = std::realloc(p, room);
    if (!grown) std::abort();
    return grown;
}

cmark_mem render_memory{render_calloc, render_realloc, std::free};

}  // namespace

std::string render_body_html(const Document& doc, int part, bool allow_raw_html, const LinkResolver& resolve) {
    return render_body_html(doc, part, allow_raw_html, resolve, nullptr);
}

std::string render_body_html(const Document& doc, int part, bool allow_raw_html, const LinkResolver& resolve,
                             const ImageFilter& printable) {
    int options = markdown_options() | (allow_raw_html ? CMARK_OPT_UNSAFE : 0);
    cmark_node* tree = part == 0 ? doc.ast.get() : doc.appendices.at(static_cast<size_t>(part - 1)).ast.get();
    std::unique_ptr<char, decltype(&std::free)> raw(cmark_render_html_with_mem(tree, options, markdown_extensions(), &render_memory),
                                                    &std::free);
    const std::string_view html(raw.get());
    // The headings rendered here, in order; an appendix's own heading is drawn by the page. The
    // headings are in the order of the text, so their parts only grow: this part's are found by
    // bisection, not by a scan of every heading for every appendix.
    std::vector<const Heading*> headings;
    auto first = std::lower_bound(doc.headings.begin(), doc.headings.end(), part,
                                  [](const Heading& h, int p) { return h.part < p; });
    auto last = std::upper_bound(first, doc.headings.end(), part, [](int p, const Heading& h) { return p < h.part; });
    for (auto h = first; h != last; ++h)
        if (!h->opens_appendix) headings.push_back(&*h);

    std::string out;
    // Room for what is added (ids, table wrappers, longer links): a body that outgrew its string
    // would be copied whole once more.
    out.reserve(html.size() + html.size() / 8 + 256);
    size_t heading = 0;
    int links_open = 0;  // an image's address inside a link is text, not a second link
    // Most tags stay as cmark-gfm wrote them: the HTML is copied in runs up to the tags that change,
    // not tag by tag. html[copied, lt) is what the next changed tag appends first.
    size_t copied = 0;
    auto copy_to = [&](size_t to) {
        out.append(html.data() + copied, to - copied);
        copied = to;
    };
    size_t i = 0;
    while (i < html.size()) {
        size_t lt = html.find('<', i);
        if (lt == std::string_view::npos) break;
        size_t gt = html.find('>', lt);
        if (gt == std::string_view::npos) gt = html.size() - 1;
        std::string_view tag = html.substr(lt, gt - lt + 1);
        i = gt + 1;
        // Headings come out in document order, as the model recorded them.
        if (tag.size() == 4 && tag[1] == 'h' && tag[2] >= '1' && tag[2] <= '6') {
            if (heading >= headings.size()) continue;
            copy_to(lt + 3);
            out.append(" id=\"").append(headings[heading++]->anchor).append("\"");
        } else if (tag == "<table>") {
            copy_to(lt);
            out.append("<div class=\"bang\">");
        } else if (tag == "</table>") {
            copy_to(i);
            out.append("</div>");
        } else if (printable && tag.rfind("<img ", 0) == 0 &&
                   !printable(unescape_attribute(attribute_value(tag, " src=\"").value_or("")))) {
            copy_to(lt);
            out += image_as_words(tag, links_open > 0);
            copied = i;
        } else if (tag.rfind("<a ", 0) == 0 || tag.rfind("<img ", 0) == 0) {
            if (tag[1] == 'a') ++links_open;
            std::string_view attribute = tag[1] == 'a' ? "href=\"" : "src=\"";
            size_t at = tag.find(attribute);
            if (at == std::string_view::npos) continue;
            size_t start = at + attribute.size();
            size_t end = tag.find('"', start);
            std::string value(tag.substr(start, end - start));
            std::string replaced = resolve ? resolve(unescape_attribute(value)) : std::string();
            std::string written = replaced.empty() ? value : escape_markup(replaced);
            // What follows the attribute's value stays as written (copied from there on).
            std::string_view rest;
            if (!allow_raw_html && !url_allowed(normalized_url(written))) {
                // The attribute goes, with the space before it, as drop_disallowed_urls would take it.
                copy_to(lt + at - 1);
                rest = tag.substr(end + 1);
            } else {
                copy_to(lt + start);
                out += written;
                rest = tag.substr(end);
            }
            copied = i - rest.size();
        } else if (tag == "</a>" && links_open > 0) {
            --links_open;
        }
    }
    copy_to(html.size());
    // cmark-gfm's safe mode blanks some schemes, not all, and none with cho_phep_html. Without raw
    // HTML the only addresses are the href and src cmark-gfm writes, judged above as they were
    // written: the whole page is filtered again only when raw HTML may hold others.
    if (!allow_raw_html) return out;
    return drop_disallowed_urls(out);
}

}  // namespace vanban
