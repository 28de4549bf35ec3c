#include "model/site_layout.h"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "model/page_paths.h"

namespace fs = std::filesystem;

namespace vanban {

const std::vector<std::string>& site_list_pages() {
    static const std::vector<std::string> pages = {"index.html", "cong-khai/index.html", "ke-hoach/index.html", "van-ban/index.html",
                                                   "tim-kiem.html"};
    return pages;
}

const std::vector<std::string>& site_own_files() {
    static const std::vector<std::string> files = [] {
        std::vector<std::string> all = site_list_pages();
        // The marker that says vanban made the folder (site/output_folder.h), the assets, the feeds.
        for (const char* f : {".vanban-site", "style.css", "search.js", "search-index.js", "feed.xml", "sitemap.xml"}) all.push_back(f);
        return all;
    }();
    return files;
}

std::string same_document_key(const std::string& path) {
    fs::path p(path);
    return (p.parent_path().parent_path() / p.filename()).generic_string();
}

std::string previous_year_path(const Document& doc) {
    if (!doc.type || !doc.type->official || doc.type->id == "cong-khai" || !doc.school_year || doc.path.rfind("plans/", 0) != 0) return {};
    fs::path p(doc.path);
    std::string previous = SchoolYear{doc.school_year->first_year - 1}.text();
    return (p.parent_path().parent_path() / previous / p.filename()).generic_string();
}

namespace {

// Who makes a file of the site: a source (empty for vanban itself), and which of its files it is.
// The source is a view of a path the caller keeps for the whole plan.
struct Owner {
    std::string_view source;
    const char* what_vi;  // "bản PDF của "
    const char* what_en;  // "the PDF of "
};

struct Refusal {
    Message why;
    Message hint;
};

// The files and folders claimed so far. Keyed by views: of the claimed pages, kept here, and of
// their folders' prefixes; a lookup copies nothing.
class Claims {
public:
    Claims() {
        for (const auto& f : site_own_files()) take(f, {{}, "", ""});
    }

    // Why `page` cannot be one of `source`'s files, if it cannot.
    std::optional<Refusal> conflict(std::string_view source_view, std::string_view page_view) const {
        // The messages' strings are made only for a refusal.
        auto source = [&] { return std::string(source_view); };
        auto page = [&] { return std::string(page_view); };
        size_t start = 0;
        while (start <= page_view.size()) {
            size_t end = std::min(page_view.find('/', start), page_view.size());
            size_t bytes = end - start;
            if (bytes > kMaxSiteNameBytes)
                return Refusal{{source() + " ra tệp " + page().substr(start, 60) + "… trên trang web, tên dài " +
                                    std::to_string(bytes) + " byte (tối đa " + std::to_string(kMaxSiteNameBytes) +
                                    " byte); tệp này không được đưa lên trang web",
                                source() + " becomes " + page().substr(start, 60) + "… on the site, a name of " +
                                    std::to_string(bytes) + " bytes (at most " + std::to_string(kMaxSiteNameBytes) +
                                    "); it is not published"},
                               {"Đặt tên tệp (hoặc thư mục) ngắn hơn.", "Give the file (or folder) a shorter name."}};
            if (end == page_view.size()) break;
            if (auto it = files_.find(page_view.substr(0, end)); it != files_.end())
                return collision(
                    source(), page(),
                    "cần thư mục " + page().substr(0, end) + "/ nhưng đó là tệp của " + owner_vi(it->second),
                    "needs the folder " + page().substr(0, end) + "/ where " + owner_en(it->second) + " has a file",
                    it->second);
            start = end + 1;
        }
        if (page_view.size() > kMaxSitePathBytes)
            return Refusal{
                {source() + " ra đường dẫn dài " + std::to_string(page_view.size()) + " byte trên trang web (tối đa " +
                     std::to_string(kMaxSitePathBytes) + "); tệp này không được đưa lên trang web",
                 source() + " becomes a path of " + std::to_string(page_view.size()) + " bytes on the site (at most " +
                     std::to_string(kMaxSitePathBytes) + "); it is not published"},
                {"Rút ngắn tên các thư mục và tệp.", "Shorten the folder and file names."}};
        if (auto it = files_.find(page_view); it != files_.end())
            return collision(source(), page(), "trùng với " + owner_vi(it->second),
                             "the same as " + owner_en(it->second), it->second);
        if (auto it = folders_.find(page_view); it != folders_.end())
            return collision(source(), page(), "trùng với thư mục chứa các tệp của " + owner_vi(it->second),
                             "the folder of " + owner_en(it->second) + "'s files", it->second);
        return std::nullopt;
    }

    void take(std::string page, const Owner& owner) {
        std::string_view kept = pages_.emplace_back(std::move(page));
        files_.emplace(kept, owner);
        for (size_t slash = kept.find('/'); slash != std::string_view::npos; slash = kept.find('/', slash + 1))
            folders_.emplace(kept.substr(0, slash), owner);
    }

private:
    static std::string owner_vi(const Owner& o) {
        return o.source.empty() ? "vanban (tệp riêng của trang web)" : o.what_vi + std::string(o.source);
    }
    static std::string owner_en(const Owner& o) {
        return o.source.empty() ? "vanban (the site's own file)" : o.what_en + std::string(o.source);
    }

    static Refusal collision(const std::string& source, const std::string& page, const std::string& vi, const std::string& en,
                             const Owner& owner) {
        Message hint = owner.source.empty()
                           ? Message{"Các tên index.html, tim-kiem.html, style.css, search.js, search-index.js, feed.xml, sitemap.xml (và "
                                     "index.html trong cong-khai/, ke-hoach/, van-ban/) là của vanban; đổi tên tệp này.",
                                     "index.html, tim-kiem.html, style.css, search.js, search-index.js, feed.xml, sitemap.xml (and index.html "
                                     "in cong-khai/, ke-hoach/, van-ban/) are vanban's own; rename this file."}
                           : Message{"Đổi tên hoặc chuyển một trong hai tệp để mỗi tệp ra một trang riêng.",
                                     "Rename or move one of the two files so each has a page of its own."};
        return Refusal{{source + " ra " + page + " trên trang web, " + vi + "; tệp này không được đưa lên trang web",
                        source + " becomes " + page + " on the site, " + en + "; it is not published"},
                       hint};
    }

    std::deque<std::string> pages_;                        // every page taken: the keys below view them
    std::unordered_map<std::string_view, Owner> files_;    // site path → who makes it
    std::unordered_map<std::string_view, Owner> folders_;  // site folder → the first with a file in it
};

}  // namespace

SiteLayout plan_site_layout(const std::vector<LayoutSource>& sources, const std::vector<std::string>& attachments) {
    SiteLayout layout;
    Claims claims;
    auto exists = [&](const std::string& path) {
        auto it = std::lower_bound(sources.begin(), sources.end(), path, [](const LayoutSource& d, const std::string& p) { return d.path < p; });
        return it != sources.end() && it->path == path;
    };
    auto place = [&](const std::string& source, std::vector<std::pair<std::string, Owner>> pages) {
        for (const auto& [page, owner] : pages)
            if (auto refusal = claims.conflict(source, page)) {
                layout.refused.insert(source);
                layout.problems.push_back({source, {1, 1}, Severity::Error, "file-name", refusal->why, refusal->hint});
                return;
            }
        for (auto& [page, owner] : pages) claims.take(std::move(page), owner);
    };
    auto place_document = [&](const LayoutSource& doc) {
        const std::string page = output_path(doc.path);
        std::vector<std::pair<std::string, Owner>> pages{{page, {doc.path, "trang của ", "the page of "}}};
        if (doc.official) {
            pages.push_back({pdf_page(page), {doc.path, "bản PDF của ", "the PDF of "}});
            pages.push_back({docx_page(page), {doc.path, "bản Word của ", "the Word file of "}});
        }
        if (!doc.previous_year.empty() && exists(doc.previous_year))
            pages.push_back({comparison_page(page), {doc.path, "trang so sánh với năm học trước của ", "the comparison page of "}});
        place(doc.path, std::move(pages));
    };
    // The official plans first: a page elsewhere that happens to land on a plan's is the one left out.
    for (const auto& doc : sources)
        if (doc.path.rfind("plans/", 0) == 0) place_document(doc);
    for (const auto& doc : sources)
        if (doc.path.rfind("plans/", 0) != 0) place_document(doc);
    for (const auto& file : attachments) place(file, {{output_path(file), {file, "", ""}}});
    return layout;
}

SiteLayout plan_site_layout(const std::vector<Document>& documents, const std::vector<std::string>& attachments) {
    std::vector<LayoutSource> sources;
    sources.reserve(documents.size());
    for (const auto& doc : documents) sources.push_back({doc.path, doc.type && doc.type->official, previous_year_path(doc)});
    return plan_site_layout(sources, attachments);
}

namespace {

// Who might make a file or folder: only whether anyone but a given source might is asked, so the
// first owner and whether there is another are kept, not every owner (a folder such as
// ke-hoach/2024-2025 has thousands, and a set of them was most of the time before a build).
class Owners {
public:
    void add(std::string_view source) {
        if (!first_) first_ = source;
        else if (*first_ != source) several_ = true;
    }
    bool other_than(std::string_view source) const { return several_ || (first_ && *first_ != source); }

private:
    std::optional<std::string_view> first_;
    bool several_ = false;
};

}  // namespace

std::set<std::string> sources_at_risk(const std::vector<std::string>& documents, const std::vector<std::string>& attachments) {
    // Every file a source might make ("" for vanban's own), made once: the maps below are keyed by
    // views of these strings and of their folders' prefixes, so that nothing is copied per lookup.
    struct Claim {
        std::string_view source;
        std::string file;
    };
    std::vector<Claim> claims;
    claims.reserve(site_own_files().size() + 4 * documents.size() + attachments.size());
    for (const auto& f : site_own_files()) claims.push_back({std::string_view(), f});
    for (const auto& path : documents) {
        std::string page = output_path(path);
        claims.push_back({path, pdf_page(page)});
        claims.push_back({path, docx_page(page)});
        claims.push_back({path, comparison_page(page)});
        claims.push_back({path, std::move(page)});
    }
    for (const auto& path : attachments) claims.push_back({path, output_path(path)});

    std::unordered_map<std::string_view, Owners> files, folders;
    files.reserve(claims.size());
    std::set<std::string> risky;
    for (const Claim& c : claims) {
        std::string_view file = c.file;
        files[file].add(c.source);
        size_t start = 0;
        for (size_t slash = file.find('/'); slash != std::string_view::npos; slash = file.find('/', slash + 1)) {
            folders[file.substr(0, slash)].add(c.source);
            if (slash - start > kMaxSiteNameBytes) risky.emplace(c.source);
            start = slash + 1;
        }
        if (file.size() - start > kMaxSiteNameBytes || file.size() > kMaxSitePathBytes) risky.emplace(c.source);
    }
    for (const Claim& c : claims) {
        std::string_view file = c.file;
        if (files[file].other_than(c.source)) risky.emplace(c.source);
        if (auto it = folders.find(file); it != folders.end() && it->second.other_than(c.source))
            risky.emplace(c.source);
        for (size_t slash = file.find('/'); slash != std::string_view::npos; slash = file.find('/', slash + 1))
            if (auto it = files.find(file.substr(0, slash)); it != files.end() && it->second.other_than(c.source))
                risky.emplace(c.source);
    }
    risky.erase("");
    return risky;
}

}  // namespace vanban
