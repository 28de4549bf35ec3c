// The machine-readable views of the site: an Atom feed of new documents and sitemap.xml.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/school.h"
#include "text/dates.h"

namespace vanban {

struct FeedItem {
    std::string title;
    std::string page;  // site path
    std::string summary;
    Date date;
};

// Items newest first. Without a website in vanban.yaml, ids are URNs and links relative.
std::string atom_feed(const School& school, const std::vector<FeedItem>& items);

struct SitemapPage {
    std::string page;  // site path
    std::optional<Date> modified;
};

// Needs the school's website: a sitemap lists absolute URLs.
std::string sitemap(const School& school, std::vector<SitemapPage> pages);

}  // namespace vanban
