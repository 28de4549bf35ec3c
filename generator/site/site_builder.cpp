#include "site/site_builder.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <future>
#include <map>
#include <optional>
#include <sstream>

#include "diff/diff_report.h"
#include "html/body_html.h"
#include "load/source_reader.h"
#include "model/official_parts.h"
#include "model/page_paths.h"
#include "model/site_layout.h"
#include "site/feeds.h"
#include "site/json_string.h"
#include "site/mustache_escape.h"
#include "site/page_shell.h"
#include "site/template_partials.h"
#include "support/error_text.h"
#include "support/interrupt.h"
#include "text/unicode.h"
#include "text/url.h"

namespace fs = std::filesystem;
using kainjow::mustache::data;
using kainjow::mustache::mustache;

namespace vanban {

namespace {

// kainjow's data copies every value it is given: set() copies it twice (into a data, then into the
// object), << once. A page's data holds the document's body, and a list page a thousand entries, so
// values are moved in instead: through operator[], and into a list through its vector (kainjow gives
// it only const, but the vector is the list's own, not a const object).
void put(data& object, const std::string& key, data value) { object[key] = std::move(value); }

void push(data& list, data item) { const_cast<kainjow::mustache::list&>(list.list_value()).push_back(std::move(item)); }

// A list with room for `size` items: kainjow's data has no noexcept move, so a vector that grows
// copies every item it holds, and all the item holds, instead of moving them.
data list_of_size(size_t size) {
    data list{data::type::list};
    const_cast<kainjow::mustache::list&>(list.list_value()).reserve(size);
    return list;
}

const char* const kTemplates[] = {"layout", "trang-chu", "danh-sach", "van-ban", "trang", "tim-kiem", "muc-van-ban", "chan-doan"};
// The templates that others include ({{> muc-van-ban}}).
const char* const kPartials[] = {"muc-van-ban", "chan-doan"};

std::string find_template(const Repository& repo, const std::string& relative) {
    std::string path = repo.templates.find(relative);
    if (path.empty()) throw std::runtime_error("thiếu mẫu templates/" + relative);
    return path;
}

// The page's <title>: the type's name before an official document's title.
std::string page_title(const DocumentSummary& d) {
    if (!d.official()) return d.title;
    return d.type->name + " " + d.title;
}

// Newest first; documents without a date last; the same day in Vietnamese alphabetical order
// of the title, then by path, so the order never changes.
bool newer(const DocumentSummary* a, const DocumentSummary* b) {
    const auto& da = a->date;
    const auto& db = b->date;
    if (da.has_value() != db.has_value()) return da.has_value();
    if (da && *da != *db) return *db < *da;
    if (int c = compare_vietnamese(a->title, b->title)) return c < 0;
    return a->path < b->path;
}

// The link of a document's Markdown to another file of the repository, as a link of the site.
std::string resolve_link(const std::string& from_source, const std::string& from_page, const std::string& target) {
    if (target.empty() || target[0] == '#' || target[0] == '/' || !url_scheme(target).empty())
        return {};
    size_t cut = target.find_first_of("#?");
    std::string path = target.substr(0, cut);
    std::string rest = cut == std::string::npos ? "" : target.substr(cut);
    std::string source = (fs::path(from_source).parent_path() / path).lexically_normal().generic_string();
    if (source.rfind("..", 0) == 0) return {};
    return relative_url(from_page, output_path(source)) + rest;
}

// The mustache data of the pages: one document, a list entry, the school, the menu.
class PageData {
public:
    PageData(const Repository& repo, bool show_diagnostics, const std::vector<MenuPage>& menu)
        : repo_(repo), show_diagnostics_(show_diagnostics), menu_(menu) {}

    data school_data() const {
        const School& s = repo_.school;
        data d;
        put(d, "ten", s.name);
        put(d, "ten_in_hoa", to_upper(s.name));
        // An empty string still opens a Mustache section: a field left out is not set at all, so
        // the templates' {{#school.email}}…{{/school.email}} leave no empty row or "mailto:".
        auto optional = [&d](const char* key, const std::string& value) {
            if (!value.empty()) put(d, key, value);
        };
        put(d, "co_quan_chu_quan", s.header_body(std::nullopt).name);  // the school's present body
        const SchoolLevel* level = find_school_level(s.level);
        put(d, "cap_hoc", level ? std::string(level->name) : s.level);
        optional("dia_chi", s.address);
        optional("dien_thoai", s.phone);
        optional("email", s.email);
        optional("website", s.website);
        return d;
    }

    data nav(const std::string& page, const std::string& active) const {
        data items = list_of_size(4 + menu_.size());
        auto add = [&](const std::string& label, const std::string& target, const std::string& id) {
            data item;
            put(item, "label", label);
            put(item, "url", relative_url(page, target));
            put(item, "active", id == active);
            push(items, std::move(item));
        };
        add("Trang chủ", "index.html", "");
        for (SiteSection s : {SiteSection::Disclosure, SiteSection::Plans, SiteSection::Letters})
            add(section_info(s).label, section_info(s).index, section_info(s).id);
        for (const MenuPage& m : menu_) add(m.title, m.page, m.page);
        return items;
    }

    // "Số: 30/KH-THCSBM · 05/9/2024"
    data list_item(const DocumentSummary& d, const std::string& from) const {
        data item;
        put(item, "url", relative_url(from, output_path(d.path)));
        put(item, "tieu_de", d.title);
        put(item, "loai", d.type ? d.type->name : d.type_id);
        put(item, "ky_hieu", d.symbol);
        put(item, "co_ky_hieu", d.official() && !d.is_draft());
        if (d.issuing_body) put(item, "co_quan", *d.issuing_body);
        if (d.date) {
            put(item, "ngay", d.date->short_vi());
            put(item, "ngay_iso", d.date->iso());
        }
        put(item, "du_thao", d.official() && d.marked_draft);
        if (show_diagnostics_) {
            put(item, "co_loi", d.errors > 0);
            put(item, "so_loi", std::to_string(d.errors));
        }
        return item;
    }

    // What only the school sees: the checks' findings, why a PDF or Word file is missing, the source file.
    static void set_diagnostics(data& d, const DocumentPage& p) {
        put(d, "nguon", p.doc->path);
        if (!p.summary->pdf_error.empty()) put(d, "loi_pdf", p.summary->pdf_error);
        if (!p.summary->docx_error.empty()) put(d, "loi_docx", p.summary->docx_error);
        if (p.diagnostics.empty()) return;
        size_t errors = 0;
        data list = list_of_size(p.diagnostics.size());
        for (const auto* diag : p.diagnostics) {
            errors += diag->severity == Severity::Error;
            data item;
            put(item, "dong", std::to_string(diag->at.line));
            put(item, "muc_do", diag->severity == Severity::Error ? "lỗi" : "cảnh báo");
            put(item, "loi", diag->severity == Severity::Error);
            put(item, "quy_tac", diag->rule);
            put(item, "thong_bao", diag->message.vi);
            push(list, std::move(item));
        }
        put(d, "chan_doan", std::move(list));
        put(d, "co_chan_doan", true);
        put(d, "co_loi", errors > 0);
        put(d, "so_loi", std::to_string(errors));
    }

    // The data of the template van-ban (an official document) or trang (any other page), but for
    // its "body": the document's HTML is left in `body` (Templates::render_around_body puts it in).
    data document(const DocumentPage& p, const std::string& page, std::string& body) const {
        const Document& doc = *p.doc;
        const School& school = repo_.school;
        data d;
        put(d, "root", root_prefix(page));
        auto resolve = [&](const std::string& t) { return resolve_link(doc.path, page, t); };
        body = render_body_html(doc, 0, school.allow_raw_html, resolve);
        put(d, "school", school_data());
        put(d, "tieu_de", doc.title());
        if (!p.summary->pdf_page.empty()) put(d, "pdf", relative_url(page, p.summary->pdf_page));
        if (!p.summary->docx_page.empty()) put(d, "docx", relative_url(page, p.summary->docx_page));
        if (p.last_year) put(d, "so_sanh", relative_url(page, comparison_page(page)));
        if (show_diagnostics_) set_diagnostics(d, p);
        if (!doc.type || !doc.type->official) return d;

        const DocumentType& type = *doc.type;
        OfficialParts parts = official_parts(doc, school);
        put(d, "cong_van", parts.letter);
        put(d, "ten_loai", parts.type_name);
        put(d, "so_ky_hieu", parts.number_line);
        put(d, "du_thao", p.summary->marked_draft);
        // The public sees an approved or issued document's verification (roles, dates, commits;
        // no e-mail addresses), and of any other only its DỰ THẢO mark; the school sees it all.
        bool in_force = p.approval && (p.approval->state == ApprovalState::Approved || p.approval->state == ApprovalState::Issued);
        if (p.approval && (show_diagnostics_ || in_force)) {
            put(d, "trang_thai", std::string(state_name(p.approval->state)));
            put(d, "trang_thai_ma", std::string(state_id(p.approval->state)));
            std::vector<Approval> shown = p.approval->current;
            if (p.approval->issued) shown = {*p.approval->issued};  // who recorded it as issued
            data list = list_of_size(shown.size());
            for (const auto& ap : shown) {
                data item;
                put(item, "vai_tro", ap.role);
                if (show_diagnostics_) put(item, "nguoi_ky", ap.principal);
                put(item, "ngay", ap_date(ap.time));
                put(item, "commit", ap.commit.substr(0, 10));
                push(list, std::move(item));
            }
            put(d, "phe_duyet", std::move(list));
            std::string missing;
            for (const auto& r : p.approval->missing_roles) missing += (missing.empty() ? "" : ", ") + r;
            if (!missing.empty() && show_diagnostics_) put(d, "con_thieu", missing);
        }
        put(d, "trich_yeu", parts.subject);
        put(d, "dia_danh_ngay", parts.place_and_date);
        put(d, "chu_quan", parts.governing_body);
        put(d, "co_quan", parts.issuer);
        put(d, "nam_hoc", doc.school_year ? doc.school_year->text() : std::string());
        put(d, "ngay_iso", doc.date ? doc.date->iso() : std::string());
        if (!parts.addressees.empty()) {
            data list = list_of_size(parts.addressees.size());
            for (const auto& a : parts.addressees) push(list, data("ten", a));
            put(d, "kinh_gui", std::move(list));
            put(d, "mot_noi_gui", parts.addressees.size() == 1);
            put(d, "nhieu_noi_gui", parts.addressees.size() > 1);
        }
        put(d, "quyen_han", text_list(parts.authority));
        put(d, "chuc_vu", parts.position);
        put(d, "ho_ten", parts.signer);
        data recipients = list_of_size(parts.recipients.size());
        for (const auto& r : parts.recipients) push(recipients, data("ten", r));
        put(d, "noi_nhan", std::move(recipients));
        if (parts.other_agency) put(d, "co_quan_khac", doc.issuing_body->name);
        if (const auto& s = parts.superior_approval) {
            data block;
            put(block, "tieu_de", s->heading);
            put(block, "ngay", s->date_line);
            put(block, "quyen_han", text_list(s->authority));
            put(block, "chuc_vu", s->position);
            put(block, "ho_ten", s->signer);
            put(d, "duyet_cap_tren", std::move(block));
        }
        data appendices = list_of_size(parts.appendices.size());
        std::vector<std::string> appendix_anchor(parts.appendices.size() + 1);  // by part, looked up once
        for (const auto& h : doc.headings)
            if (h.opens_appendix && h.part >= 1 && static_cast<size_t>(h.part) < appendix_anchor.size()) appendix_anchor[static_cast<size_t>(h.part)] = h.anchor;
        for (size_t k = 0; k < parts.appendices.size(); ++k) {
            const AppendixHeading& a = parts.appendices[k];
            data item;
            put(item, "nhan", a.label_line);
            put(item, "tieu_de", a.title);
            put(item, "kem_theo", a.attached_to);
            put(item, "noi_dung", render_body_html(doc, static_cast<int>(k) + 1, school.allow_raw_html, resolve));
            if (!appendix_anchor[k + 1].empty()) put(item, "anchor", appendix_anchor[k + 1]);
            push(appendices, std::move(item));
        }
        put(d, "phu_luc", std::move(appendices));
        if (section_of(*p.summary) == SiteSection::Disclosure)
            for (const auto& c : type.categories)
                if (c.id == doc.category) put(d, "danh_muc", c.name);
        put(d, "muc_luc", table_of_contents(doc));
        put(d, "co_muc_luc", doc.headings.size() >= 4);
        return d;
    }

    // Lines for a template's {{#name}}{{.}}{{/name}}.
    static data text_list(const std::vector<std::string>& lines) {
        data list = list_of_size(lines.size());
        for (const auto& l : lines) push(list, data(l));
        return list;
    }

    static std::string ap_date(int64_t t) { return vietnam_time(t, "%d/%m/%Y"); }

    static data table_of_contents(const Document& doc) {
        data list = list_of_size(std::count_if(doc.headings.begin(), doc.headings.end(), [](const Heading& h) { return h.level <= 2; }));
        for (const auto& h : doc.headings)
            if (h.level <= 2) {
                data item;
                put(item, "text", h.text);
                put(item, "anchor", h.anchor);
                put(item, "cap2", h.level == 2);
                push(list, std::move(item));
            }
        return list;
    }

private:
    const Repository& repo_;
    bool show_diagnostics_;
    const std::vector<MenuPage>& menu_;
};

// A script, not JSON, so the search also works when the site is opened from disk (file://),
// where browsers refuse to fetch() files. An object of strings per document, written straight
// into the script (what nlohmann's ordered_json would dump, without building one per document).
std::string search_index(const std::vector<const DocumentSummary*>& docs) {
    size_t bytes = 32;
    for (const DocumentSummary* d : docs) bytes += d->search_words.size() + 2 * d->title.size() + 160;
    std::string out;
    out.reserve(bytes);
    out += "window.VANBAN_SEARCH = [";
    for (size_t i = 0; i < docs.size(); ++i) {
        const DocumentSummary* d = docs[i];
        out += i > 0 ? ",{\"t\":" : "{\"t\":";
        append_json_string(d->title, out);
        out += ",\"u\":";
        append_json_string(url_path(output_path(d->path)), out);
        out += ",\"l\":";
        append_json_string(d->type ? d->type->name : d->type_id, out);
        out += ",\"n\":";
        append_json_string(d->date ? d->date->short_vi() : "", out);
        out += ",\"k\":";
        append_json_string(fold_diacritics(d->title), out);
        out += ",\"w\":";
        append_json_string(d->search_words, out);
        out += '}';
    }
    out += "];\n";
    return out;
}

std::vector<FeedItem> feed_items(const std::vector<const DocumentSummary*>& all) {
    std::vector<const DocumentSummary*> docs;
    for (const DocumentSummary* d : all)
        if (section_of(*d) != SiteSection::Pages && d->date) docs.push_back(d);
    std::sort(docs.begin(), docs.end(), newer);
    if (docs.size() > 20) docs.resize(20);
    std::vector<FeedItem> items;
    for (const DocumentSummary* d : docs) {
        std::string summary = (d->type ? d->type->name : "") + (d->issuing_body ? " của " + *d->issuing_body : "") +
                              (d->is_draft() ? " (dự thảo)" : " số " + d->symbol) + ", " + official_date_vi(*d->date);
        items.push_back({page_title(*d), output_path(d->path), summary, *d->date});
    }
    return items;
}

std::vector<SitemapPage> sitemap_pages(const std::vector<const DocumentSummary*>& docs) {
    std::vector<SitemapPage> pages;
    for (const DocumentSummary* d : docs) pages.push_back({output_path(d->path), d->date});
    for (const auto& page : site_list_pages()) pages.push_back({page, std::nullopt});
    return pages;
}

// Any page in the site's layout (header, menu, footer) around its content.
data layout_data(const PageData& data_of, const std::string& page, const std::string& title, const std::string& content,
                 const std::string& active) {
    data d;
    put(d, "title", title);
    put(d, "content", content);
    put(d, "root", root_prefix(page));
    put(d, "nav", data_of.nav(page, active));
    put(d, "school", data_of.school_data());
    return d;
}

}  // namespace

// Compiled templates are not safe to share between threads: each worker has its own.
class SiteRenderer::Templates {
public:
    Templates(const std::map<std::string, std::string>& texts, const std::map<std::string, std::string>& inlined)
        : texts_(texts), inlined_(inlined) {}

    // `d` by value: the partials join the page's own data, which is not copied again.
    std::string render(const std::string& name, data d) { return render_data(name, d); }

    // The template `name` (van-ban, trang) around a document's `body`, added to `content`. The data
    // `d` holds no body: a marker stands for it, and the page rendered with the marker is cut there
    // and the body put in, so that the body (a document's largest text) is not copied into the data,
    // out of it, into kainjow's line and into the page. A template that uses the body otherwise than
    // as text ({{{body}}}, {{body}}), and a body kainjow would judge otherwise than the marker (empty,
    // or only spaces and tabs), are rendered with the body itself as before.
    void render_around_body(const std::string& name, data d, const std::string& body, Pieces& content) {
        if (shown(body)) {
            put(d, "body", kBodyMark);
            if (std::optional<PageShell> shell =
                    PageShell::cut(render_data(name, d), {Fill::Body, Fill::EscapedBody})) {
                std::string_view escaped;
                shell->expand(content.own(std::move(shell->html)), content, [&](Fill f) {
                    if (f == Fill::Body) {
                        content.add(body);
                    } else {
                        if (escaped.empty()) escaped = content.own(mustache_escape(body));
                        content.add(escaped);
                    }
                });
                return;
            }
        }
        put(d, "body", body);
        content.add(content.own(render_data(name, d)));
    }

    // A page in the site's layout, added to `page`. The layout of every page with the same path to
    // the site's root and the same menu entry lit differs only by its title and content, so it is
    // rendered once per such shape with markers for those two and each page fills the markers in
    // (the layout was a third of the time spent in kainjow). `layout_of(title, content)` makes the
    // layout's data. A layout that uses the two otherwise than as text ({{title}}, {{{content}}}, in
    // any number), and a value kainjow would judge otherwise than the marker (empty, or only spaces
    // and tabs, on a line it might drop), are rendered page by page as before.
    template <typename LayoutOf>
    void render_layout(const std::string& shape, const LayoutOf& layout_of, const std::string& title, const Pieces& content, Pieces& page) {
        if (shown(title) && content.shown()) {
            auto it = shells_.find(shape);
            if (it == shells_.end())
                it = shells_
                         .emplace(shape, PageShell::cut(
                                             render("layout", layout_of(kTitleMark, kContentMark)),
                                             {Fill::Title, Fill::EscapedTitle, Fill::Content, Fill::EscapedContent}))
                         .first;
            if (it->second) {
                std::string_view escaped_title, escaped_content;
                it->second->expand(it->second->html, page, [&](Fill f) {
                    if (f == Fill::Title) {
                        page.add(title);
                    } else if (f == Fill::EscapedTitle) {
                        if (escaped_title.empty()) escaped_title = page.own(mustache_escape(title));
                        page.add(escaped_title);
                    } else if (f == Fill::Content) {
                        for (std::string_view v : content.views()) page.add(v);
                    } else {
                        if (escaped_content.empty()) escaped_content = page.own(mustache_escape(content.joined()));
                        page.add(escaped_content);
                    }
                });
                return;
            }
        }
        page.add(page.own(render("layout", layout_of(title, content.joined()))));
    }

    // Another menu: the shapes rendered so far are not the site's any more.
    void forget_shapes() { shells_.clear(); }

private:
    struct Compiled {
        mustache page;
        size_t last_size;
    };

    std::string render_data(const std::string& name, data& d) {
        auto it = compiled_.find(name);
        if (it == compiled_.end()) {
            it = compiled_.emplace(name, Compiled{mustache(inlined_.at(name)), 0}).first;
            it->second.page.set_custom_escape(mustache_escape);  // kainjow's bytes, faster; its partials inherit it
        }
        // Partials ({{> name}}) are other templates of the same folder. Those inlined at load are
        // still in the data: a tag left to kainjow finds them there, and a template that names them
        // otherwise ({{#chan-doan}}) sees the same data as before.
        for (const char* partial : kPartials) {
            const std::string& text = texts_.at(partial);
            put(d, partial, kainjow::mustache::partial([&text] { return text; }));
        }
        // Appended to one string, line by line, rather than through a string stream; as large as
        // the template's last page, so that it seldom grows.
        std::string html;
        html.reserve(it->second.last_size);
        it->second.page.render(d, [&html](const std::string& line) { html += line; });
        if (!it->second.page.is_valid())
            throw std::runtime_error("lỗi khi dùng mẫu " + name + ": " +
                                     mustache_error_message(it->second.page.error_message()));
        it->second.last_size = html.size();
        return html;
    }

    std::map<std::string, std::optional<PageShell>> shells_;
    const std::map<std::string, std::string>& texts_;    // as written: the partials kainjow renders
    const std::map<std::string, std::string>& inlined_;  // with their partials inlined: what is compiled
    std::map<std::string, Compiled> compiled_;
};

SiteRenderer::SiteRenderer(const Repository& repo, OutputFolder& out, bool show_diagnostics, unsigned workers)
    : repo_(repo), out_(out), show_diagnostics_(show_diagnostics) {
    for (const char* name : kTemplates) {
        std::string relative = std::string("site/") + name + ".mustache";
        texts_[name] = repo.templates.read(find_template(repo, relative));
        mustache m(texts_[name]);
        if (!m.is_valid()) throw std::runtime_error("mẫu templates/" + relative + " không hợp lệ: " + mustache_error_message(m.error_message()));
    }
    std::map<std::string, std::string> partials;
    for (const char* partial : kPartials) partials[partial] = texts_[partial];
    for (const auto& [name, text] : texts_) inlined_[name] = inline_partials(text, partials);
    for (unsigned i = 0; i < std::max(1u, workers); ++i)
        templates_.push_back(std::make_unique<Templates>(texts_, inlined_));
}

SiteRenderer::~SiteRenderer() = default;

void SiteRenderer::set_menu(std::vector<MenuPage> menu) {
    menu_ = std::move(menu);
    for (auto& t : templates_) t->forget_shapes();
}

std::optional<Diagnostic> SiteRenderer::write_document(const DocumentPage& p, unsigned worker) {
    Templates& t = *templates_.at(worker);
    PageData data_of(repo_, show_diagnostics_, menu_);
    const Document& doc = *p.doc;
    const std::string page = output_path(doc.path);
    SiteSection section = section_of(*p.summary);
    const std::string active = section == SiteSection::Pages ? page : section_info(section).id;
    std::optional<Diagnostic> failure;
    // One document whose page cannot be made gets a page saying so, and the error; the others are built.
    auto guarded_html = [&](const Message& doing, Pieces& html, auto make) {
        try {
            make();
        } catch (const Interrupted&) {
            throw;
        } catch (const std::exception& ex) {
            failure = unreadable(doc.path, doing, ex);
            html.clear();
            // The reason names files and rules: for the school (stderr, the preview), not the public.
            if (show_diagnostics_)
                html.add(html.own("<p>" + escape_markup(doing.vi + ": " + failure->message.vi) + "</p>\n"));
            else
                html.add("<p>Nội dung này chưa hiển thị được.</p>\n");
        }
    };
    auto write_page = [&](const std::string& at, const std::string& title, const Pieces& content) {
        auto layout_of = [&](const std::string& shown_title, const std::string& html) { return layout_data(data_of, at, shown_title, html, active); };
        Pieces html;
        t.render_layout(root_prefix(at) + '\n' + active, layout_of, title, content, html);
        out_.write(at, html.views());
    };
    std::string body;  // the document's HTML, written from here into its page
    Pieces article;
    guarded_html({"không tạo được trang của văn bản", "the document's page could not be made"}, article, [&] {
        t.render_around_body(doc.type && doc.type->official ? "van-ban" : "trang", data_of.document(p, page, body), body, article);
    });
    write_page(page, page_title(*p.summary), article);
    if (p.last_year) {
        // In the site's layout, with its header and menu, like every other page.
        std::string comparison = comparison_page(page), title = "So sánh với năm học trước: " + doc.title();
        Pieces html;
        guarded_html({"không so sánh được với năm học trước", "the comparison with last year could not be made"}, html, [&] {
            std::ostringstream out;
            out << "<h1>" << escape_markup(title) << "</h1>\n<p><a href=\"" << relative_url(comparison, page) << "\">Xem văn bản năm học "
                << escape_markup(doc.school_year->text()) << "</a></p>\n";
            write_diff_html_body({p.last_year()}, out);
            html.add(html.own(out.str()));
        });
        write_page(comparison, title + " — " + repo_.school.name, html);
    }
    return failure;
}

std::vector<std::string> SiteRenderer::write_lists(const std::vector<const DocumentSummary*>& docs) {
    // The search index (the largest file, 16 MB at 10,000 plans) is written beside the lists when
    // the build has a second worker: the lists come at the end of the build, with nothing else to run.
    std::future<void> index;
    if (templates_.size() > 1) index = std::async(std::launch::async, [this, &docs] { write_search_index(docs); });
    else write_search_index(docs);
    Templates& t = *templates_.at(0);
    PageData data_of(repo_, show_diagnostics_, menu_);
    const std::string& school = repo_.school.name;
    auto write_page = [&](const std::string& page, const std::string& title, std::string content, const std::string& active) {
        auto layout_of = [&](const std::string& shown_title, const std::string& html) { return layout_data(data_of, page, shown_title, html, active); };
        Pieces inside(std::move(content)), html;
        t.render_layout(root_prefix(page) + '\n' + active, layout_of, title, inside, html);
        out_.write(page, html.views());
    };
    // Home: the ten latest documents and the sections.
    {
        data d;
        put(d, "school", data_of.school_data());
        put(d, "root", "");
        std::vector<const DocumentSummary*> latest;
        for (const DocumentSummary* e : docs)
            if (section_of(*e) != SiteSection::Pages) latest.push_back(e);
        std::sort(latest.begin(), latest.end(), newer);
        if (latest.size() > 10) latest.resize(10);
        data list = list_of_size(latest.size());
        for (const DocumentSummary* e : latest) push(list, data_of.list_item(*e, "index.html"));
        put(d, "moi_nhat", std::move(list));
        data sections = list_of_size(3);
        for (SiteSection s : {SiteSection::Disclosure, SiteSection::Plans, SiteSection::Letters}) {
            size_t count = std::count_if(docs.begin(), docs.end(), [&](const DocumentSummary* e) { return section_of(*e) == s; });
            data item;
            put(item, "ten", section_info(s).label);
            put(item, "url", section_info(s).index);
            put(item, "so_van_ban", std::to_string(count));
            push(sections, std::move(item));
        }
        put(d, "muc", std::move(sections));
        write_page("index.html", school, t.render("trang-chu", std::move(d)), "");
    }
    for (SiteSection s : {SiteSection::Disclosure, SiteSection::Plans, SiteSection::Letters}) {
        const std::string page = section_info(s).index;
        // School years newest first; documents without one ("" sorts last) at the end.
        std::map<std::string, std::vector<const DocumentSummary*>, std::greater<>> by_year;
        for (const DocumentSummary* e : docs)
            if (section_of(*e) == s) by_year[e->school_year ? e->school_year->text() : std::string()].push_back(e);
        data years = list_of_size(by_year.size());
        for (auto& [year, list] : by_year) {
            data y;
            put(y, "nam_hoc", year.empty() ? std::string("chưa rõ") : year);
            if (s == SiteSection::Disclosure) {
                // Grouped by the categories of Thông tư 09/2024/TT-BGDĐT, in the order the type lists them.
                const DocumentType* type = repo_.types.find("cong-khai");
                std::vector<std::pair<std::string, std::string>> categories;
                if (type)
                    for (const auto& c : type->categories) categories.emplace_back(c.id, c.name);
                categories.emplace_back("", "Khác");
                data groups = list_of_size(categories.size());
                for (const auto& [id, name] : categories) {
                    std::vector<const DocumentSummary*> in;
                    for (const DocumentSummary* e : list)
                        if (e->category == id ||
                            (id.empty() && std::none_of(categories.begin(), categories.end(),
                                                        [&](const auto& c) { return !c.first.empty() && c.first == e->category; })))
                            in.push_back(e);
                    if (in.empty()) continue;
                    std::sort(in.begin(), in.end(), newer);
                    data g;
                    put(g, "ten", name);
                    data listed = list_of_size(in.size());
                    for (const DocumentSummary* e : in) push(listed, data_of.list_item(*e, page));
                    put(g, "van_ban", std::move(listed));
                    push(groups, std::move(g));
                }
                put(y, "nhom", std::move(groups));
            } else {
                std::sort(list.begin(), list.end(), newer);
                data listed = list_of_size(list.size());
                for (const DocumentSummary* e : list) push(listed, data_of.list_item(*e, page));
                put(y, "van_ban", std::move(listed));
            }
            push(years, std::move(y));
        }
        data d;
        put(d, "ten", section_info(s).label);
        put(d, "cong_khai", s == SiteSection::Disclosure);
        put(d, "nam", std::move(years));
        put(d, "trong", by_year.empty());
        write_page(page, std::string(section_info(s).label) + " — " + school, t.render("danh-sach", std::move(d)), section_info(s).id);
    }
    {
        data d;
        put(d, "root", "");
        write_page("tim-kiem.html", "Tìm kiếm — " + school, t.render("tim-kiem", std::move(d)), "tim-kiem");
    }
    out_.write("feed.xml", atom_feed(repo_.school, feed_items(docs)));
    std::vector<std::string> notes;
    if (!repo_.school.website.empty())
        out_.write("sitemap.xml", sitemap(repo_.school, sitemap_pages(docs)));
    else
        notes.push_back("vanban.yaml không có truong.website nên không tạo sitemap.xml (sitemap cần địa chỉ đầy đủ)");
    for (const char* asset : {"style.css", "search.js"})
        out_.write(asset, repo_.templates.read(find_template(repo_, std::string("site/") + asset)));
    if (index.valid()) index.get();
    return notes;
}

void SiteRenderer::write_search_index(const std::vector<const DocumentSummary*>& docs) {
    out_.write("search-index.js", search_index(docs));
}

void SiteRenderer::copy_static_files(const std::vector<std::string>& files) {
    for (const auto& f : files) out_.copy_file(repo_.root, f, output_path(f));
}

std::string comparison_version_name(const Document& d) { return d.school_year ? "Năm học " + d.school_year->text() : d.title(); }

std::string search_words(const Document& d) {
    return unique_folded_words({d.title(), std::string_view(d.source.text).substr(d.front.body_start)});
}

std::vector<Diagnostic> check_site_templates(const Repository& repo) {
    std::vector<Diagnostic> problems;
    auto problem = [&](const std::string& file, const std::string& vi, const std::string& en) {
        problems.push_back(Diagnostic{file, {1, 1}, Severity::Error, "config", {vi, en},
                                      {"Sửa mẫu (so với mẫu cùng tên trong templates/site/ của vanban), hoặc xóa nó để dùng mẫu của vanban.",
                                       "Fix the template (compare with vanban's own in templates/site/), or remove it to use vanban's."}});
    };
    for (const char* name : kTemplates) {
        std::string relative = std::string("site/") + name + ".mustache";
        std::string path = repo.templates.find(relative);
        if (path.empty()) {
            problem("templates/" + relative, "thiếu mẫu templates/" + relative + "; trang web không tạo được",
                    "the template templates/" + relative + " is missing; the site cannot be built");
            continue;
        }
        std::string shown = fs::relative(path, repo.root).generic_string();
        if (shown.empty() || shown.rfind("..", 0) == 0) shown = "templates/" + relative;
        try {
            mustache m(repo.templates.read(path));
            if (!m.is_valid())
                problem(shown, "mẫu " + shown + " không hợp lệ: " + mustache_error_message(m.error_message()) + "; trang web không tạo được",
                        "the template " + shown + " is not valid; the site cannot be built");
        } catch (const std::exception& e) {
            Message why = describe_exception(e);
            problem(shown, "không đọc được mẫu " + shown + ": " + why.vi, "cannot read the template " + shown + ": " + why.en);
        }
    }
    // The PDF's style sheet is refused when it would make WeasyPrint fetch (pdf/pdf_renderer):
    // check says so before build does.
    if (std::string css = repo.templates.find("pdf/van-ban.css"); !css.empty()) {
        std::string shown = fs::relative(css, repo.root).generic_string();
        if (shown.empty() || shown.rfind("..", 0) == 0) shown = "templates/pdf/van-ban.css";
        try {
            if (css_fetches(repo.templates.read(css)))
                problem(shown, "mẫu " + shown + " có url(), @import hay dấu \\ (có thể tải tệp từ mạng hoặc ngoài kho); bản PDF không tạo được",
                        "the style sheet " + shown + " has url(), @import or a \\ (it could fetch files); no PDF can be made");
        } catch (const std::exception& e) {
            Message why = describe_exception(e);
            problem(shown, "không đọc được mẫu " + shown + ": " + why.vi, "cannot read the template " + shown + ": " + why.en);
        }
    }
    return problems;
}

}  // namespace vanban
