#include "site/site_builder.h"

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_set>

#include "load/source_reader.h"
#include "model/official_parts.h"
#include "diff/diff_report.h"
#include "diff/document_diff.h"
#include "site/feeds.h"
#include "html/body_html.h"
#include "site/output_folder.h"
#include "model/page_paths.h"
#include "model/site_layout.h"
#include "support/error_text.h"
#include "support/interrupt.h"
#include "support/parallel_for.h"
#include "text/unicode.h"
#include "text/url.h"

namespace fs = std::filesystem;
using kainjow::mustache::data;
using kainjow::mustache::mustache;

namespace vanban {

namespace {

// The sections of the site, in menu order.
enum class Section { Disclosure, Plans, Letters, Pages };

struct SectionInfo {
    const char* id;
    const char* label;
    const char* index;  // site path of the section's list page
};

const SectionInfo& section_info(Section s) {
    static const SectionInfo info[] = {
        {"cong-khai", "Công khai", "cong-khai/index.html"},
        {"ke-hoach", "Kế hoạch", "ke-hoach/index.html"},
        {"van-ban", "Văn bản", "van-ban/index.html"},
        {"trang", "Trang", ""},
    };
    return info[static_cast<int>(s)];
}

const char* const kTemplates[] = {"layout", "trang-chu", "danh-sach", "van-ban", "trang", "tim-kiem", "muc-van-ban", "chan-doan"};

// What the site knows about one document.
struct Entry {
    const Document* doc = nullptr;
    Section section = Section::Pages;
    std::string page;  // site path
    std::vector<const Diagnostic*> diagnostics;
    size_t errors = 0;
    std::string search_words;  // folded words for the search index
    const DocumentApproval* approval = nullptr;  // when the school uses approvals
    ApprovalMark mark;
    const Document* last_year = nullptr;  // the same plan of the previous school year
    std::string pdf_page;      // site path of its PDF, when there is one
    std::string pdf_error;     // why its PDF could not be made
    std::string docx_page;     // site path of its Word file, when there is one
    std::string docx_error;    // why its Word file could not be made
};

class SiteBuilder {
public:
    SiteBuilder(const Repository& repo, const std::vector<Diagnostic>& diagnostics, const ApprovalReport& approvals, OutputFolder& out)
        : repo_(repo), out_(out) {
        std::map<std::string, std::vector<const Diagnostic*>> by_file;
        for (const auto& d : diagnostics) by_file[d.file].push_back(&d);
        // A source whose files would take the place of another's is left out (vanban check says why).
        SiteLayout layout = plan_site_layout(repo.documents, repo.attachments);
        for (const auto& doc : repo.documents) {
            if (layout.refused.count(doc.path)) continue;
            ApprovalMark mark = approval_mark(doc, approvals);
            // A school may keep documents off the site until they are approved. What is official
            // is the trusted type policy's word: a document under approval whose type file now says
            // otherwise (a change not authorised) stays off the site until it is approved.
            bool official = doc.type && doc.type->official, governed = under_approval(doc, approvals);
            bool hide = hide_unapproved(approvals);
            if (mark.draft && (hide ? official || governed : governed && !official)) continue;
            Entry e;
            e.mark = mark;
            e.approval = approvals.find(doc.path);
            e.doc = &doc;
            e.section = classify(doc);
            e.page = output_path(doc.path);
            e.diagnostics = by_file[doc.path];
            for (const auto* d : e.diagnostics) e.errors += d->severity == Severity::Error;
            // A plan's counterpart of the previous school year: same file name in the year before.
            if (std::string previous = previous_year_path(doc); !previous.empty()) e.last_year = repo.find(previous);
            entries_.push_back(std::move(e));
        }
        for (const auto& e : entries_) by_source_[e.doc->path] = &e;
        for (const auto& f : repo.attachments)
            if (!layout.refused.count(f)) static_files_.push_back(f);
        // Read and compile every template before anything is written, so a broken one stops the build at once.
        for (const char* name : kTemplates) {
            std::string relative = std::string("site/") + name + ".mustache";
            texts_[name] = read_file(find_template(relative));
            mustache m(texts_[name]);
            if (!m.is_valid()) throw std::runtime_error("mẫu templates/" + relative + " không hợp lệ: " + mustache_error_message(m.error_message()));
        }
    }

    SiteSummary build(const SiteOptions& options) {
        SiteSummary summary;
        unsigned jobs = options.jobs;
        show_diagnostics_ = options.show_diagnostics;
        PdfBatchOptions pdf_options = options.pdf_options;
        DocxBatchOptions docx_options = options.docx_options;
        pdf_options.progress = docx_options.progress = options.progress;
        if (options.pdf) summary.pdf = render_pdfs(pdf_options);
        if (options.docx) summary.docx = render_docxs(docx_options);
        unsigned workers = worker_count(jobs, entries_.size());
        std::vector<Renderer> renderers(workers, Renderer{&texts_, {}});
        std::vector<std::optional<Diagnostic>> failures(entries_.size());
        // One document whose page cannot be made gets a page saying so, and the error; the others are built.
        auto guarded_html = [&](size_t i, const Message& doing, auto make) -> std::string {
            try {
                return make();
            } catch (const Interrupted&) {
                throw;
            } catch (const std::exception& ex) {
                failures[i] = unreadable(entries_[i].doc->path, doing, ex);
                // The reason names files and rules: for the school (stderr, the preview), not the public.
                if (!show_diagnostics_) return "<p>Nội dung này chưa hiển thị được.</p>\n";
                return "<p>" + escape_markup(doing.vi + ": " + failures[i]->message.vi) + "</p>\n";
            }
        };
        Progress::Phase pages(options.progress, ProgressStep::Pages, entries_.size());
        parallel_for(entries_.size(), workers, [&](size_t i, unsigned worker) {
            Entry& e = entries_[i];
            std::string body = guarded_html(i, {"không tạo được trang của văn bản", "the document's page could not be made"},
                                            [&] { return render_document(renderers[worker], e); });
            write_page(renderers[worker], e.page, page_title(e), body, section_of(e));
            if (e.last_year) {
                // In the site's layout, with its header and menu, like every other page.
                std::string page = comparison_page(e.page), title = "So sánh với năm học trước: " + e.doc->title();
                std::string html = guarded_html(i, {"không so sánh được với năm học trước", "the comparison with last year could not be made"}, [&] {
                    std::ostringstream html;
                    html << "<h1>" << escape_markup(title) << "</h1>\n<p><a href=\"" << relative_url(page, e.page) << "\">Xem văn bản năm học "
                         << escape_markup(e.doc->school_year->text()) << "</a></p>\n";
                    // Named by their school years: the source files' paths are not for the public.
                    write_diff_html_body({diff_documents(e.last_year, e.doc, version_name(*e.last_year), version_name(*e.doc))}, html);
                    return html.str();
                });
                write_page(renderers[worker], page, title + " — " + repo_.school.name, html, section_of(e));
            }
            e.search_words = search_words(*e.doc);
            pages.done(e.doc->path);
        });
        summary.documents = entries_.size();
        for (auto& f : failures)
            if (f) summary.failures.push_back(std::move(*f));
        Renderer& r = renderers[0];
        write_page(r, "index.html", repo_.school.name, render_home(r), "");
        for (Section s : {Section::Disclosure, Section::Plans, Section::Letters})
            write_page(r, section_info(s).index, std::string(section_info(s).label) + " — " + repo_.school.name, render_section(r, s),
                       section_info(s).id);
        write_page(r, "tim-kiem.html", "Tìm kiếm — " + repo_.school.name, render_search(r), "tim-kiem");
        out_.write("search-index.js", search_index());
        out_.write("feed.xml", atom_feed(repo_.school, feed_items()));
        if (!repo_.school.website.empty())
            out_.write("sitemap.xml", sitemap(repo_.school, sitemap_pages()));
        else
            summary.notes.push_back("vanban.yaml không có truong.website nên không tạo sitemap.xml (sitemap cần địa chỉ đầy đủ)");
        for (const char* asset : {"style.css", "search.js"}) out_.write(asset, read_file(find_template(std::string("site/") + asset)));
        copy_static_files();
        summary.pages = entries_.size() + site_list_pages().size();
        return summary;
    }

private:
    // PDFs first: each page says whether its PDF is there.
    RenderReport render_pdfs(PdfBatchOptions options) {
        std::vector<PdfRequest> requests;
        std::vector<Entry*> owners;
        for (auto& e : entries_)
            if (e.doc->type && e.doc->type->official) {
                std::string page = pdf_page(e.page);
                std::string url = repo_.school.website.empty() ? std::string() : repo_.school.website + "/" + url_path(e.page);
                requests.push_back({e.doc, out_.path_of(page), {e.mark.draft, e.mark.verification, url}});
                owners.push_back(&e);
                e.pdf_page = page;
            }
        RenderReport report = vanban::render_pdfs(repo_, requests, options);
        for (size_t i = 0; i < owners.size(); ++i)
            if (!report.ok[i]) owners[i]->pdf_page.clear();
        for (const auto& f : report.failures)
            for (Entry* e : owners)
                if (e->doc == f.doc) e->pdf_error = f.error;
        return report;
    }

    // Word files too, for the district: each page links to its own.
    RenderReport render_docxs(DocxBatchOptions options) {
        std::vector<DocxRequest> requests;
        std::vector<Entry*> owners;
        for (auto& e : entries_)
            if (e.doc->type && e.doc->type->official) {
                e.docx_page = docx_page(e.page);
                requests.push_back({e.doc, out_.path_of(e.docx_page)});
                owners.push_back(&e);
            }
        RenderReport report = vanban::render_docxs(repo_, requests, options);
        for (size_t i = 0; i < owners.size(); ++i)
            if (!report.ok[i]) owners[i]->docx_page.clear();
        for (const auto& f : report.failures)
            for (Entry* e : owners)
                if (e->doc == f.doc) e->docx_error = f.error;
        return report;
    }

    static Section classify(const Document& doc) {
        if (!doc.type || !doc.type->official) return doc.type ? Section::Pages : Section::Letters;
        if (doc.type->id == "cong-khai") return Section::Disclosure;
        if (doc.path.rfind("plans/", 0) == 0) return Section::Plans;
        return Section::Letters;
    }

    std::string section_of(const Entry& e) const { return e.section == Section::Pages ? e.page : section_info(e.section).id; }

    std::string find_template(const std::string& relative) const {
        std::string path = repo_.templates.find(relative);
        if (path.empty()) throw std::runtime_error("thiếu mẫu templates/" + relative);
        return path;
    }

    // Compiled templates are not safe to share between threads: each worker has its own.
    struct Renderer {
        const std::map<std::string, std::string>* texts;
        std::map<std::string, mustache> compiled;

        std::string render(const std::string& name, const data& d) {
            auto it = compiled.find(name);
            if (it == compiled.end()) it = compiled.emplace(name, mustache(texts->at(name))).first;
            // Partials ({{> name}}) are other templates of the same folder.
            data with_partials = d;
            for (const char* partial : {"muc-van-ban", "chan-doan"}) {
                const std::string& text = texts->at(partial);
                with_partials.set(partial, kainjow::mustache::partial([&text] { return text; }));
            }
            std::string html = it->second.render(with_partials);
            if (!it->second.is_valid()) throw std::runtime_error("lỗi khi dùng mẫu " + name + ": " + mustache_error_message(it->second.error_message()));
            return html;
        }
    };

    static std::string page_title(const Entry& e) {
        const Document& d = *e.doc;
        if (!d.type || !d.type->official) return d.title();
        return d.type->name + " " + d.title();
    }

    data nav(const std::string& page, const std::string& active) const {
        data items{data::type::list};
        auto add = [&](const std::string& label, const std::string& target, const std::string& id) {
            data item;
            item.set("label", label);
            item.set("url", relative_url(page, target));
            item.set("active", id == active);
            items << item;
        };
        add("Trang chủ", "index.html", "");
        for (Section s : {Section::Disclosure, Section::Plans, Section::Letters})
            add(section_info(s).label, section_info(s).index, section_info(s).id);
        std::vector<const Entry*> pages;
        for (const auto& e : entries_)
            if (e.section == Section::Pages) pages.push_back(&e);
        std::stable_sort(pages.begin(), pages.end(), [](const Entry* a, const Entry* b) { return a->doc->menu_order < b->doc->menu_order; });
        for (const Entry* e : pages) add(e->doc->title(), e->page, e->page);
        return items;
    }

    void write_page(Renderer& r, const std::string& page, const std::string& title, const std::string& content,
                    const std::string& active) {
        data d;
        d.set("title", title);
        d.set("content", content);
        d.set("root", root_prefix(page));
        d.set("nav", nav(page, active));
        d.set("school", school_data());
        out_.write(page, r.render("layout", d));
    }

    data school_data() const {
        const School& s = repo_.school;
        data d;
        d.set("ten", s.name);
        d.set("ten_in_hoa", to_upper(s.name));
        // An empty string still opens a Mustache section: a field left out is not set at all, so
        // the templates' {{#school.email}}…{{/school.email}} leave no empty row or "mailto:".
        auto optional = [&d](const char* key, const std::string& value) {
            if (!value.empty()) d.set(key, value);
        };
        d.set("co_quan_chu_quan", s.header_body(std::nullopt).name);  // the school's present body
        const SchoolLevel* level = find_school_level(s.level);
        d.set("cap_hoc", level ? std::string(level->name) : s.level);
        optional("dia_chi", s.address);
        optional("dien_thoai", s.phone);
        optional("email", s.email);
        optional("website", s.website);
        return d;
    }

    // "Số: 30/KH-THCSBM · 05/9/2024"
    data document_summary(const Entry& e, const std::string& from) const {
        const Document& d = *e.doc;
        data item;
        item.set("url", relative_url(from, e.page));
        item.set("tieu_de", d.title());
        item.set("loai", d.type ? d.type->name : d.type_id);
        item.set("ky_hieu", d.symbol);
        item.set("co_ky_hieu", d.type && d.type->official && !d.is_draft());
        if (d.issuing_body) item.set("co_quan", d.issuing_body->name);
        if (d.date) {
            item.set("ngay", d.date->short_vi());
            item.set("ngay_iso", d.date->iso());
        }
        item.set("du_thao", d.type && d.type->official && e.mark.draft);
        if (show_diagnostics_) {
            item.set("co_loi", e.errors > 0);
            item.set("so_loi", std::to_string(e.errors));
        }
        return item;
    }

    std::string resolve_link(const Entry& e, const std::string& target) const {
        if (target.empty() || target[0] == '#' || target[0] == '/' || !url_scheme(target).empty())
            return {};
        size_t cut = target.find_first_of("#?");
        std::string path = target.substr(0, cut);
        std::string rest = cut == std::string::npos ? "" : target.substr(cut);
        std::string source = (fs::path(e.doc->path).parent_path() / path).lexically_normal().generic_string();
        auto it = by_source_.find(source);
        if (it != by_source_.end()) return relative_url(e.page, it->second->page) + rest;
        if (source.rfind("..", 0) == 0) return {};
        return relative_url(e.page, output_path(source)) + rest;
    }

    // What only the school sees: the checks' findings, why a PDF or Word file is missing, the source file.
    static void set_diagnostics(data& d, const Entry& e) {
        d.set("nguon", e.doc->path);
        if (!e.pdf_error.empty()) d.set("loi_pdf", e.pdf_error);
        if (!e.docx_error.empty()) d.set("loi_docx", e.docx_error);
        if (e.diagnostics.empty()) return;
        data list{data::type::list};
        for (const auto* diag : e.diagnostics) {
            data item;
            item.set("dong", std::to_string(diag->at.line));
            item.set("muc_do", diag->severity == Severity::Error ? "lỗi" : "cảnh báo");
            item.set("loi", diag->severity == Severity::Error);
            item.set("quy_tac", diag->rule);
            item.set("thong_bao", diag->message.vi);
            list << item;
        }
        d.set("chan_doan", list);
        d.set("co_chan_doan", true);
        d.set("co_loi", e.errors > 0);
        d.set("so_loi", std::to_string(e.errors));
    }

    // A version in a comparison, by its school year (its title when it has none).
    static std::string version_name(const Document& d) { return d.school_year ? "Năm học " + d.school_year->text() : d.title(); }

    std::string render_document(Renderer& r, const Entry& e) {
        const Document& doc = *e.doc;
        const School& school = repo_.school;
        data d;
        d.set("root", root_prefix(e.page));
        auto resolve = [&](const std::string& t) { return resolve_link(e, t); };
        d.set("body", render_body_html(doc, 0, school.allow_raw_html, resolve));
        d.set("school", school_data());
        d.set("tieu_de", doc.title());
        if (!e.pdf_page.empty()) d.set("pdf", relative_url(e.page, e.pdf_page));
        if (!e.docx_page.empty()) d.set("docx", relative_url(e.page, e.docx_page));
        if (e.last_year) d.set("so_sanh", relative_url(e.page, comparison_page(e.page)));
        if (show_diagnostics_) set_diagnostics(d, e);
        if (!doc.type || !doc.type->official) return r.render("trang", d);

        const DocumentType& type = *doc.type;
        OfficialParts parts = official_parts(doc, school);
        d.set("cong_van", parts.letter);
        d.set("ten_loai", parts.type_name);
        d.set("so_ky_hieu", parts.number_line);
        d.set("du_thao", e.mark.draft);
        // The public sees an approved or issued document's verification (roles, dates, commits;
        // no e-mail addresses), and of any other only its DỰ THẢO mark; the school sees it all.
        bool in_force = e.approval && (e.approval->state == ApprovalState::Approved || e.approval->state == ApprovalState::Issued);
        if (e.approval && (show_diagnostics_ || in_force)) {
            d.set("trang_thai", std::string(state_name(e.approval->state)));
            d.set("trang_thai_ma", std::string(state_id(e.approval->state)));
            data list{data::type::list};
            std::vector<Approval> shown = e.approval->current;
            if (e.approval->issued) shown = {*e.approval->issued};  // who recorded it as issued
            for (const auto& ap : shown) {
                data item;
                item.set("vai_tro", ap.role);
                if (show_diagnostics_) item.set("nguoi_ky", ap.principal);
                item.set("ngay", ap_date(ap.time));
                item.set("commit", ap.commit.substr(0, 10));
                list << item;
            }
            d.set("phe_duyet", list);
            std::string missing;
            for (const auto& r : e.approval->missing_roles) missing += (missing.empty() ? "" : ", ") + r;
            if (!missing.empty() && show_diagnostics_) d.set("con_thieu", missing);
        }
        d.set("trich_yeu", parts.subject);
        d.set("dia_danh_ngay", parts.place_and_date);
        d.set("chu_quan", parts.governing_body);
        d.set("co_quan", parts.issuer);
        d.set("nam_hoc", doc.school_year ? doc.school_year->text() : std::string());
        d.set("ngay_iso", doc.date ? doc.date->iso() : std::string());
        if (!parts.addressees.empty()) {
            data list{data::type::list};
            for (const auto& a : parts.addressees) list << data("ten", a);
            d.set("kinh_gui", list);
            d.set("mot_noi_gui", parts.addressees.size() == 1);
            d.set("nhieu_noi_gui", parts.addressees.size() > 1);
        }
        d.set("quyen_han", text_list(parts.authority));
        d.set("chuc_vu", parts.position);
        d.set("ho_ten", parts.signer);
        data recipients{data::type::list};
        for (const auto& r : parts.recipients) recipients << data("ten", r);
        d.set("noi_nhan", recipients);
        if (parts.other_agency) d.set("co_quan_khac", doc.issuing_body->name);
        if (const auto& s = parts.superior_approval) {
            data block;
            block.set("tieu_de", s->heading);
            block.set("ngay", s->date_line);
            block.set("quyen_han", text_list(s->authority));
            block.set("chuc_vu", s->position);
            block.set("ho_ten", s->signer);
            d.set("duyet_cap_tren", block);
        }
        data appendices{data::type::list};
        std::vector<std::string> appendix_anchor(parts.appendices.size() + 1);  // by part, looked up once
        for (const auto& h : doc.headings)
            if (h.opens_appendix && h.part >= 1 && static_cast<size_t>(h.part) < appendix_anchor.size()) appendix_anchor[static_cast<size_t>(h.part)] = h.anchor;
        for (size_t k = 0; k < parts.appendices.size(); ++k) {
            const AppendixHeading& a = parts.appendices[k];
            data item;
            item.set("nhan", a.label_line);
            item.set("tieu_de", a.title);
            item.set("kem_theo", a.attached_to);
            item.set("noi_dung", render_body_html(doc, static_cast<int>(k) + 1, school.allow_raw_html, resolve));
            if (!appendix_anchor[k + 1].empty()) item.set("anchor", appendix_anchor[k + 1]);
            appendices << item;
        }
        d.set("phu_luc", appendices);
        if (e.section == Section::Disclosure)
            for (const auto& c : type.categories)
                if (c.id == doc.category) d.set("danh_muc", c.name);
        d.set("muc_luc", table_of_contents(doc));
        d.set("co_muc_luc", doc.headings.size() >= 4);
        return r.render("van-ban", d);
    }

    // Lines for a template's {{#name}}{{.}}{{/name}}.
    static data text_list(const std::vector<std::string>& lines) {
        data list{data::type::list};
        for (const auto& l : lines) list << data(l);
        return list;
    }

    static std::string ap_date(int64_t t) { return vietnam_time(t, "%d/%m/%Y"); }

    static data table_of_contents(const Document& doc) {
        data list{data::type::list};
        for (const auto& h : doc.headings)
            if (h.level <= 2) {
                data item;
                item.set("text", h.text);
                item.set("anchor", h.anchor);
                item.set("cap2", h.level == 2);
                list << item;
            }
        return list;
    }

    // Newest first; documents without a date last; the same day in Vietnamese alphabetical order
    // of the title, then by path, so the order never changes.
    static bool newer(const Entry* a, const Entry* b) {
        const auto& da = a->doc->date;
        const auto& db = b->doc->date;
        if (da.has_value() != db.has_value()) return da.has_value();
        if (da && *da != *db) return *db < *da;
        if (int c = compare_vietnamese(a->doc->title(), b->doc->title())) return c < 0;
        return a->doc->path < b->doc->path;
    }

    std::string render_home(Renderer& r) {
        data d;
        d.set("school", school_data());
        d.set("root", "");
        std::vector<const Entry*> latest;
        for (const auto& e : entries_)
            if (e.section != Section::Pages) latest.push_back(&e);
        std::sort(latest.begin(), latest.end(), newer);
        if (latest.size() > 10) latest.resize(10);
        data list{data::type::list};
        for (const Entry* e : latest) list << document_summary(*e, "index.html");
        d.set("moi_nhat", list);
        data sections{data::type::list};
        for (Section s : {Section::Disclosure, Section::Plans, Section::Letters}) {
            size_t count = std::count_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.section == s; });
            data item;
            item.set("ten", section_info(s).label);
            item.set("url", section_info(s).index);
            item.set("so_van_ban", std::to_string(count));
            sections << item;
        }
        d.set("muc", sections);
        return r.render("trang-chu", d);
    }

    std::string render_section(Renderer& r, Section s) {
        const std::string page = section_info(s).index;
        // School years, newest first.
        // School years newest first; documents without one ("" sorts last) at the end.
        std::map<std::string, std::vector<const Entry*>, std::greater<>> by_year;
        for (const auto& e : entries_)
            if (e.section == s) by_year[e.doc->school_year ? e.doc->school_year->text() : std::string()].push_back(&e);
        data years{data::type::list};
        for (auto& [year, list] : by_year) {
            data y;
            y.set("nam_hoc", year.empty() ? std::string("chưa rõ") : year);
            if (s == Section::Disclosure) {
                // Grouped by the categories of Thông tư 09/2024/TT-BGDĐT, in the order the type lists them.
                data groups{data::type::list};
                const DocumentType* type = repo_.types.find("cong-khai");
                std::vector<std::pair<std::string, std::string>> categories;
                if (type)
                    for (const auto& c : type->categories) categories.emplace_back(c.id, c.name);
                categories.emplace_back("", "Khác");
                for (const auto& [id, name] : categories) {
                    std::vector<const Entry*> in;
                    for (const Entry* e : list)
                        if (e->doc->category == id ||
                            (id.empty() && std::none_of(categories.begin(), categories.end(),
                                                        [&](const auto& c) { return !c.first.empty() && c.first == e->doc->category; })))
                            in.push_back(e);
                    if (in.empty()) continue;
                    std::sort(in.begin(), in.end(), newer);
                    data g;
                    g.set("ten", name);
                    data docs{data::type::list};
                    for (const Entry* e : in) docs << document_summary(*e, page);
                    g.set("van_ban", docs);
                    groups << g;
                }
                y.set("nhom", groups);
            } else {
                std::sort(list.begin(), list.end(), newer);
                data docs{data::type::list};
                for (const Entry* e : list) docs << document_summary(*e, page);
                y.set("van_ban", docs);
            }
            years << y;
        }
        data d;
        d.set("ten", section_info(s).label);
        d.set("cong_khai", s == Section::Disclosure);
        d.set("nam", years);
        d.set("trong", by_year.empty());
        return r.render("danh-sach", d);
    }

    std::string render_search(Renderer& r) {
        data d;
        d.set("root", "");
        return r.render("tim-kiem", d);
    }

    // Each folded word of the document once, in order of first appearance.
    static std::string search_words(const Document& d) {
        size_t body_start = d.front.end_line > 0 && static_cast<size_t>(d.front.end_line) < d.source.line_starts.size()
                                ? d.source.line_starts[static_cast<size_t>(d.front.end_line)]
                                : 0;
        std::string folded = fold_diacritics(d.title() + " " + d.source.text.substr(body_start));
        std::unordered_set<std::string_view> seen;
        std::string words;
        for (std::string_view w : word_spans(folded))
            if (seen.insert(w).second) {
                if (!words.empty()) words += ' ';
                words.append(w);
            }
        return words;
    }

    // A script, not JSON, so the search also works when the site is opened from disk (file://),
    // where browsers refuse to fetch() files.
    std::string search_index() const {
        nlohmann::ordered_json items = nlohmann::ordered_json::array();
        for (const auto& e : entries_) {
            const Document& d = *e.doc;
            nlohmann::ordered_json item;
            item["t"] = d.title();
            item["u"] = url_path(e.page);
            item["l"] = d.type ? d.type->name : d.type_id;
            item["n"] = d.date ? d.date->short_vi() : "";
            item["k"] = fold_diacritics(d.title());
            item["w"] = e.search_words;
            items.push_back(std::move(item));
        }
        return "window.VANBAN_SEARCH = " + items.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + ";\n";
    }

    std::vector<FeedItem> feed_items() const {
        std::vector<const Entry*> docs;
        for (const auto& e : entries_)
            if (e.section != Section::Pages && e.doc->date) docs.push_back(&e);
        std::sort(docs.begin(), docs.end(), newer);
        if (docs.size() > 20) docs.resize(20);
        std::vector<FeedItem> items;
        for (const Entry* e : docs) {
            const Document& d = *e->doc;
            std::string summary = (d.type ? d.type->name : "") + (d.issuing_body ? " của " + d.issuing_body->name : "") +
                                  (d.is_draft() ? " (dự thảo)" : " số " + d.symbol) + ", " + official_date_vi(*d.date);
            items.push_back({page_title(*e), e->page, summary, *d.date});
        }
        return items;
    }

    std::vector<SitemapPage> sitemap_pages() const {
        std::vector<SitemapPage> pages;
        for (const auto& e : entries_) pages.push_back({e.page, e.doc->date});
        for (const auto& page : site_list_pages()) pages.push_back({page, std::nullopt});
        return pages;
    }

    // Images and attachments kept next to the documents go to the site too.
    void copy_static_files() {
        for (const auto& f : static_files_) out_.copy_file(repo_.root, f, output_path(f));
    }

    const Repository& repo_;
    OutputFolder& out_;
    std::vector<Entry> entries_;
    std::map<std::string, const Entry*> by_source_;
    std::map<std::string, std::string> texts_;
    std::vector<std::string> static_files_;  // images and attachments to copy
    bool show_diagnostics_ = false;
};

}  // namespace

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
            mustache m(read_file(path));
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
            if (css_fetches(read_file(css)))
                problem(shown, "mẫu " + shown + " có url(), @import hay dấu \\ (có thể tải tệp từ mạng hoặc ngoài kho); bản PDF không tạo được",
                        "the style sheet " + shown + " has url(), @import or a \\ (it could fetch files); no PDF can be made");
        } catch (const std::exception& e) {
            Message why = describe_exception(e);
            problem(shown, "không đọc được mẫu " + shown + ": " + why.vi, "cannot read the template " + shown + ": " + why.en);
        }
    }
    return problems;
}

SiteSummary build_site(const Repository& repo, const std::vector<Diagnostic>& diagnostics, const ApprovalReport& approvals,
                       const SiteOptions& options) {
    OutputFolder out(options.out_dir);
    SiteSummary summary = SiteBuilder(repo, diagnostics, approvals, out).build(options);
    out.commit();
    return summary;
}

}  // namespace vanban
