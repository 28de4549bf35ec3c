#include "site/feeds.h"

#include <algorithm>

#include "html/body_html.h"
#include "model/page_paths.h"
#include "text/url.h"

namespace vanban {

// The website is the base of every link: one that is not an http(s) address (the loader
// reports it as url) is left out, as if there were none.
static std::string absolute_url(const School& school, const std::string& page) {
    std::string base = school.website;
    return base.empty() ? url_path(page) : base + "/" + url_path(page);
}

std::string atom_feed(const School& school, const std::vector<FeedItem>& items) {
    std::string updated = items.empty() ? "2000-01-01" : items.front().date.iso();
    std::string id_base = school.website.empty() ? "urn:vanban:" + school.abbreviation + ":" : school.website + "/";
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n";
    out += "  <title>" + escape_markup("Văn bản mới — " + school.name) + "</title>\n";
    out += "  <id>" + escape_markup(id_base) + "</id>\n";
    out += "  <updated>" + updated + "T00:00:00Z</updated>\n";
    out += "  <author><name>" + escape_markup(school.name) + "</name></author>\n";
    out += "  <link rel=\"alternate\" href=\"" + escape_markup(absolute_url(school, "index.html")) + "\"/>\n";
    for (const auto& item : items) {
        out += "  <entry>\n";
        out += "    <title>" + escape_markup(item.title) + "</title>\n";
        out += "    <id>" + escape_markup(id_base + url_path(item.page)) + "</id>\n";
        out += "    <link rel=\"alternate\" href=\"" + escape_markup(absolute_url(school, item.page)) + "\"/>\n";
        out += "    <updated>" + item.date.iso() + "T00:00:00Z</updated>\n";
        out += "    <summary>" + escape_markup(item.summary) + "</summary>\n";
        out += "  </entry>\n";
    }
    out += "</feed>\n";
    return out;
}

std::string sitemap(const School& school, std::vector<SitemapPage> pages) {
    std::sort(pages.begin(), pages.end(), [](const SitemapPage& a, const SitemapPage& b) { return a.page < b.page; });
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const auto& p : pages) {
        out += "  <url><loc>" + escape_markup(absolute_url(school, p.page)) + "</loc>";
        if (p.modified) out += "<lastmod>" + p.modified->iso() + "</lastmod>";
        out += "</url>\n";
    }
    out += "</urlset>\n";
    return out;
}

}  // namespace vanban
