#include "build/build_session.h"

#include <algorithm>
#include <future>
#include <tuple>
#include <utility>

#include "diff/document_diff.h"
#include "model/page_paths.h"
#include "model/site_layout.h"
#include "site/output_folder.h"
#include "site/site_builder.h"
#include "support/parallel_for.h"
#include "text/url.h"

namespace vanban {

// What the session keeps of one document path between the stages.
struct BuildSession::Slot {
    std::string path;
    bool loaded = false;
    DocumentSummary summary;
    Diagnostics diagnostics;  // its own findings (softened), or why it could not be read
    std::optional<DocumentApproval> approval;
    std::string verification;  // the approval line printed on its PDF
    bool published = false;    // its page was written in the stream
};

// What the lists showed before an update(): finish() writes them again only when it moved.
struct BuildSession::ListsBefore {
    std::map<std::string, std::optional<DocumentSummary>> edited;  // nothing: it could not be read
    std::vector<size_t> errors;                                    // per slot
    std::vector<std::string> attachments;                          // edited: the only ones copied again
};

BuildSession::BuildSession(BuildOptions options, BuildEnvironment environment)
    : options_(std::move(options)), env_(std::move(environment)) {}

BuildSession::~BuildSession() = default;

CheckOptions BuildSession::check_options() const {
    CheckOptions o;
    o.today = options_.today;
    o.jobs = options_.jobs;
    o.approvals = &approvals_;
    return o;
}

std::optional<Document> BuildSession::read(const std::string& path, Diagnostics* problems) {
    auto loaded = load_one(*index_.source, path, index_.types, index_.school);
    if (auto* doc = std::get_if<Document>(&loaded)) return std::move(*doc);
    if (problems) problems->push_back(std::move(std::get<Diagnostic>(loaded)));
    return std::nullopt;
}

// Per-document rules, approval, summary: everything but the writing.
void BuildSession::analyse(Slot& slot, const Document& doc) {
    CheckOptions check = check_options();
    DocumentFindings found = check_document(doc, index_, check);
    slot.loaded = true;
    slot.summary = summarize(doc);
    slot.summary.citations = std::move(found.citations);
    if (approvals_.available) {
        // One git handle for the whole history: evaluations take turns.
        std::lock_guard<std::mutex> lock(approval_mutex_);
        slot.approval = evaluate_approval(approvals_, doc, index_.root);
    }
    const DocumentApproval* approval = slot.approval ? &*slot.approval : nullptr;
    ApprovalMark mark = approval_mark(doc, approvals_, approval);
    slot.summary.marked_draft = mark.draft;
    slot.verification = std::move(mark.verification);
    slot.summary.on_site = !held_back(doc, mark, approvals_, approval);
    soften_document_findings(slot.summary, approval, found.diagnostics);
    slot.diagnostics = std::move(found.diagnostics);
}

// The PDF and the Word file of one document (an empty output: not that one): the build's one
// call of the printers, made once per session (WeasyPrint workers and the Word reference document
// live as long as it does). `ok`, when given, is false if one failed.
void BuildSession::print(const Document& doc, DocumentSummary& summary, const std::string& verification, const std::string& pdf_output,
                         const std::string& docx_output, bool* ok) {
    const std::string page = output_path(doc.path);
    auto tally = [&](const auto& outcome, PrintReport& report, std::string& error, const char* rule) {
        if (!outcome.ok && ok) *ok = false;
        std::lock_guard<std::mutex> lock(report_mutex_);
        if (outcome.ok) ++(outcome.rendered ? report.rendered : report.reused);
        else {
            error = outcome.error;
            report.failures.push_back(Diagnostic{doc.path, {1, 1}, Severity::Error, rule, {outcome.error, outcome.error}, {}});
        }
        return outcome.ok;
    };
    if (!pdf_output.empty()) {
        std::string url = index_.school.website.empty() ? std::string() : index_.school.website + "/" + url_path(page);
        PdfOutcome made = printers().pdf->print(doc, {summary.marked_draft, verification, url}, pdf_output);
        if (tally(made, pdf_, summary.pdf_error, "pdf")) summary.pdf_page = pdf_page(page);
    }
    if (!docx_output.empty()) {
        DocxOutcome made = printers().docx->write(doc, docx_output);
        if (tally(made, docx_, summary.docx_error, "docx")) summary.docx_page = docx_page(page);
    }
}

// Made on first use, by one thread: a session that prints nothing starts no WeasyPrint.
BuildSession::Printers& BuildSession::printers() {
    std::call_once(printers_made_, [this] {
        if (options_.pdf) printers_.pdf = std::make_unique<PdfPrinter>(index_, env_.pdf.cache_dir, env_.pdf.tools);
        if (options_.docx) printers_.docx = std::make_unique<DocxWriter>(index_, env_.docx.cache_dir, env_.docx.tools);
    });
    return printers_;
}

PrintReport BuildSession::print_documents(const std::vector<PrintRequest>& requests) {
    read_index();
    if (options_.pdf) approvals_ = approval_history(index_);  // the marks of the PDFs; a Word file has none
    std::vector<char> ok(requests.size(), 1);
    {
        Progress::Phase progress(env_.progress, options_.pdf ? ProgressStep::Pdf : ProgressStep::Docx, requests.size());
        parallel_for(requests.size(), worker_count(options_.jobs, requests.size()), [&](size_t i, unsigned) {
            Slot slot;
            slot.path = requests[i].path;
            std::optional<Document> doc = read(slot.path, nullptr);
            if (!doc) throw std::runtime_error("không đọc được " + slot.path);
            if (approvals_.available) {
                std::lock_guard<std::mutex> lock(approval_mutex_);
                slot.approval = evaluate_approval(approvals_, *doc, index_.root);
            }
            ApprovalMark mark = approval_mark(*doc, approvals_, slot.approval ? &*slot.approval : nullptr);
            slot.summary.marked_draft = mark.draft;
            bool done = true;
            print(*doc, slot.summary, mark.verification, options_.pdf ? requests[i].output : std::string(),
                  options_.docx ? requests[i].output : std::string(), &done);
            ok[i] = done;
            progress.done(slot.path);
        });
    }
    PrintReport report = std::exchange(options_.pdf ? pdf_ : docx_, {});
    report.ok.assign(ok.begin(), ok.end());
    // In the order asked for, as the outputs are listed.
    std::map<std::string, size_t> order;
    for (size_t i = 0; i < requests.size(); ++i) order.emplace(requests[i].path, i);
    std::stable_sort(report.failures.begin(), report.failures.end(),
                     [&](const Diagnostic& a, const Diagnostic& b) { return order[a.file] < order[b.file]; });
    return report;
}

// "The same plan last year", read again for its comparison page: a second read of one small file,
// so that no document is kept for another's sake.
std::optional<Document> BuildSession::last_year_of(const DocumentSummary& summary) {
    const auto& paths = index_.document_paths;
    if (summary.previous_year.empty() || !std::binary_search(paths.begin(), paths.end(), summary.previous_year)) return std::nullopt;
    return read(summary.previous_year, nullptr);
}

void BuildSession::publish(Slot& slot, const Document& doc, unsigned worker, bool prints, const std::vector<const Diagnostic*>* shown) {
    DocumentSummary& summary = slot.summary;
    if (prints && summary.official() && (options_.pdf || options_.docx)) {
        const std::string at = output_path(doc.path);
        print(doc, summary, slot.verification, options_.pdf ? out_->path_of(pdf_page(at)) : std::string(),
              options_.docx ? out_->path_of(docx_page(at)) : std::string(), nullptr);
    }
    DocumentPage page;
    page.doc = &doc;
    page.summary = &summary;
    page.approval = slot.approval ? &*slot.approval : nullptr;
    std::vector<const Diagnostic*> own;
    if (options_.show_diagnostics && !shown) {
        // Its findings as `check` sorts them: the index's first, then the document's own.
        if (auto it = index_problems_.find(doc.path); it != index_problems_.end())
            for (const auto& d : it->second) own.push_back(&d);
        for (const auto& d : slot.diagnostics) own.push_back(&d);
        std::stable_sort(own.begin(), own.end(), [](const Diagnostic* a, const Diagnostic* b) {
            return std::tie(a->file, a->at.line, a->at.column, a->rule, a->message.vi) <
                   std::tie(b->file, b->at.line, b->at.column, b->rule, b->message.vi);
        });
        shown = &own;
    }
    if (shown) page.diagnostics = *shown;
    std::optional<Document> last = last_year_of(summary);
    if (last) {
        page.last_year = [&] {
            return diff_documents(&*last, &doc, comparison_version_name(*last), comparison_version_name(doc));
        };
    }
    summary.search_words = search_words(doc);
    summary.search_words.shrink_to_fit();  // kept until the end: no spare capacity per document
    if (auto failure = site_->write_document(page, worker)) {
        std::lock_guard<std::mutex> lock(report_mutex_);
        page_failures_.push_back(std::move(*failure));
    }
    slot.published = true;
}

const Repository& BuildSession::read_index() {
    if (!indexed_)
        index_ = load_repository_index(options_.source ? options_.source : std::make_shared<DiskTree>(options_.root));
    indexed_ = true;
    return index_;
}

std::optional<Document> BuildSession::load(const std::string& path) {
    const auto& paths = read_index().document_paths;
    if (!std::binary_search(paths.begin(), paths.end(), path)) return std::nullopt;
    return read(path, nullptr);
}

void BuildSession::each_document(const std::function<void(const Document&)>& visit) {
    const auto& paths = read_index().document_paths;
    std::mutex visiting;
    parallel_for(paths.size(), worker_count(options_.jobs, paths.size()), [&](size_t i, unsigned) {
        std::optional<Document> doc = read(paths[i], nullptr);
        if (!doc) return;
        std::lock_guard<std::mutex> lock(visiting);
        visit(*doc);
    });
}

ApprovalReport BuildSession::approvals() {
    ApprovalReport report = approval_history(read_index());
    if (!report.available) return report;
    // One call at a time: the one git handle of the history is not shared between threads.
    each_document([&](const Document& doc) {
        if (auto a = evaluate_approval(report, doc, index_.root)) report.documents[doc.path] = std::move(*a);
    });
    return report;
}

BuildResult BuildSession::run() {
    read_index();
    approvals_ = approval_history(index_);
    const bool site = !options_.out_dir.empty();
    const auto& paths = index_.document_paths;
    documents_read_ = paths.size();
    slots_.clear();
    for (const auto& p : paths) {
        slots_.push_back(std::make_unique<Slot>());
        slots_.back()->path = p;
    }
    const unsigned workers = worker_count(options_.jobs, paths.size());
    if (site) {
        out_ = std::make_unique<OutputFolder>(options_.out_dir);
        site_ = std::make_unique<SiteRenderer>(index_, *out_, options_.show_diagnostics, workers);
        at_risk_ = sources_at_risk(paths, index_.attachments);
        for (const auto& d : index_.problems) index_problems_[d.file].push_back(d);
    }
    Progress::Phase progress(env_.progress, site ? ProgressStep::Pages : ProgressStep::Check, paths.size());

    // The menu of every page lists the information pages, which are outside plans/ as a rule:
    // those documents are checked first, the menu made of them, and their pages written last.
    std::vector<size_t> outside, plans;
    for (size_t i = 0; i < paths.size(); ++i) (site && paths[i].rfind("plans/", 0) != 0 ? outside : plans).push_back(i);
    auto stream = [&](const std::vector<size_t>& items, auto&& step) {
        parallel_for(items.size(), worker_count(options_.jobs, items.size()), [&](size_t k, unsigned worker) { step(*slots_[items[k]], worker); });
    };
    auto writable = [&](const Slot& s) { return site && s.loaded && s.summary.on_site && !at_risk_.count(s.path); };
    stream(outside, [&](Slot& s, unsigned) {
        if (auto doc = read(s.path, &s.diagnostics)) analyse(s, *doc);
        if (!writable(s)) progress.done(s.path);
    });
    auto on_site_now = [&] {
        std::vector<const DocumentSummary*> docs;
        for (const auto& s : slots_)
            if (s->loaded && s->summary.on_site) docs.push_back(&s->summary);
        return docs;
    };
    if (site) site_->set_menu(site_menu(on_site_now()));
    stream(plans, [&](Slot& s, unsigned worker) {
        if (auto doc = read(s.path, &s.diagnostics)) {
            analyse(s, *doc);
            if (writable(s)) publish(s, *doc, worker, true, nullptr);
        }
        progress.done(s.path);
    });
    stream(outside, [&](Slot& s, unsigned worker) {
        if (!writable(s)) return;
        if (auto doc = read(s.path, nullptr)) publish(s, *doc, worker, true, nullptr);
        progress.done(s.path);
    });

    return finish();
}

BuildResult BuildSession::update(const std::vector<std::string>& changed, bool read_history) {
    // The history again (the ledger once) when it may have moved; the documents not edited keep their evaluation.
    if (read_history) {
        auto evaluated = std::move(approvals_.documents);
        approvals_ = approval_history(index_);
        if (approvals_.available) approvals_.documents = std::move(evaluated);
    }
    documents_read_ = 0;
    const bool site = !options_.out_dir.empty();
    std::vector<Slot*> edited;
    auto before = std::make_unique<ListsBefore>();
    for (const auto& path : changed) {
        auto it = std::lower_bound(slots_.begin(), slots_.end(), path, [](const std::unique_ptr<Slot>& s, const std::string& p) { return s->path < p; });
        if (it != slots_.end() && (*it)->path == path) {
            edited.push_back(it->get());
            before->edited[path] = (*it)->loaded ? std::optional<DocumentSummary>((*it)->summary) : std::nullopt;
        } else if (std::binary_search(index_.attachments.begin(), index_.attachments.end(), path)) {
            before->attachments.push_back(path);
        } else {
            throw std::logic_error("update() of a path the index does not have: " + path);
        }
    }
    for (auto& s : slots_) {
        before->errors.push_back(s->summary.errors);
        // The comparison page of the same plan a year later shows the edited one too: written again.
        if (s->loaded && before->edited.count(s->summary.previous_year)) s->published = false;
    }
    lists_before_ = std::move(before);
    if (site) {
        out_ = OutputFolder::in_place(options_.out_dir);
        std::vector<MenuPage> menu = site_->menu();
        site_ = std::make_unique<SiteRenderer>(index_, *out_, options_.show_diagnostics, worker_count(options_.jobs, slots_.size()));
        site_->set_menu(std::move(menu));
    }
    parallel_for(edited.size(), worker_count(options_.jobs, edited.size()), [&](size_t k, unsigned) {
        Slot& s = *edited[k];
        if (site) {
            // Its files as they were: the page, the comparison page; what it is now is written after.
            std::string page = output_path(s.path);
            out_->remove(page);
            out_->remove(comparison_page(page));
        }
        approvals_.documents.erase(s.path);
        std::string path = s.path;
        s = Slot{};
        s.path = path;
        if (auto doc = read(s.path, &s.diagnostics)) analyse(s, *doc);
    });
    documents_read_ = edited.size();
    return finish();
}

namespace {

// Whether a document is shown alike by the lists, the feed and the sitemap with both summaries:
// every field they show (all but the search words, citations and positions).
bool listed_alike(const DocumentSummary& a, const DocumentSummary& b) {
    auto shown = [](const DocumentSummary& d) {
        return std::make_tuple(std::tie(d.type_id, d.type, d.number, d.symbol, d.date, d.title, d.category, d.menu_order),
                               std::tie(d.issuing_body, d.previous_year, d.marked_draft, d.on_site, d.errors),
                               std::tie(d.pdf_page, d.pdf_error, d.docx_page, d.docx_error),
                               d.school_year ? d.school_year->first_year : -1);
    };
    return shown(a) == shown(b);
}

}  // namespace

// After an update's cross-document rules: whether an edited document is listed otherwise, or
// another's count of errors moved (a number now duplicated).
bool BuildSession::lists_moved(const ListsBefore& before) const {
    for (size_t i = 0; i < slots_.size(); ++i) {
        const Slot& s = *slots_[i];
        auto it = before.edited.find(s.path);
        if (it == before.edited.end()) {
            if (s.summary.errors != before.errors[i]) return true;
        } else if (it->second.has_value() != s.loaded || (s.loaded && !listed_alike(*it->second, s.summary))) {
            return true;
        }
    }
    return false;
}

BuildResult BuildSession::finish() {
    const bool site = !options_.out_dir.empty();
    std::unique_ptr<ListsBefore> before = std::move(lists_before_);
    // Across documents, on the summaries.
    CheckOptions check = check_options();
    // The layout refuses sources whose files would take another's place; it reads only paths and
    // types, so it is planned on a second thread while the rules across documents run.
    std::future<SiteLayout> planned;
    if (site) {
        std::vector<LayoutSource> sources;
        for (const auto& s : slots_)
            if (s->loaded) sources.push_back({s->path, s->summary.official(), s->summary.previous_year});
        auto plan = [sources = std::move(sources), this] { return plan_site_layout(sources, index_.attachments); };
        planned = std::async(options_.jobs == 1 ? std::launch::deferred : std::launch::async, std::move(plan));
    }
    std::vector<DocumentSummary> summaries;
    std::vector<Slot*> owner;
    BuildResult result;
    result.diagnostics = index_.problems;
    for (auto& s : slots_) {
        result.diagnostics.insert(result.diagnostics.end(), s->diagnostics.begin(), s->diagnostics.end());
        if (!s->loaded) continue;
        summaries.push_back(std::move(s->summary));
        owner.push_back(s.get());
        if (s->approval) approvals_.documents[s->path] = std::move(*s->approval);
    }
    result.documents = summaries.size();
    Diagnostics across;
    check_across_documents(summaries, index_, check, across);
    result.diagnostics.insert(result.diagnostics.end(), across.begin(), across.end());
    soften_findings(summaries, check, result.diagnostics);
    sort_diagnostics(result.diagnostics);
    std::map<std::string, size_t> errors;
    for (const auto& d : result.diagnostics) errors[d.file] += d.severity == Severity::Error;
    for (size_t k = 0; k < summaries.size(); ++k) {
        summaries[k].errors = errors[summaries[k].path];
        owner[k]->summary = std::move(summaries[k]);
        owner[k]->approval.reset();
    }
    if (!site) return result;

    SiteLayout layout = planned.get();
    std::vector<const DocumentSummary*> on_site;
    for (const auto& s : slots_)
        if (s->loaded && s->summary.on_site && !layout.refused.count(s->path)) on_site.push_back(&s->summary);
    std::vector<MenuPage> menu = site_menu(on_site);
    // Pages to write now: those held back until the layout was known; all of them if the menu turned
    // out other than the one they were written with; with findings shown, those with findings across documents.
    std::set<std::string> again;
    for (const auto& d : across) again.insert(d.file);
    // A finding across documents that went away (the duplicate number of a document just
    // renumbered) leaves its page too.
    again.insert(across_files_.begin(), across_files_.end());
    across_files_.clear();
    for (const auto& d : across) across_files_.insert(d.file);
    std::map<std::string, std::vector<const Diagnostic*>> by_file;
    if (options_.show_diagnostics)
        for (const auto& d : result.diagnostics) by_file[d.file].push_back(&d);
    const bool menu_changed = !(menu == site_->menu());
    site_->set_menu(menu);
    std::vector<size_t> rewrite;
    for (size_t i = 0; i < slots_.size(); ++i) {
        const Slot& s = *slots_[i];
        if (!s.loaded || !s.summary.on_site || layout.refused.count(s.path)) continue;
        if (!s.published || menu_changed || (options_.show_diagnostics && again.count(s.path))) rewrite.push_back(i);
    }
    parallel_for(rewrite.size(), worker_count(options_.jobs, rewrite.size()), [&](size_t k, unsigned worker) {
        Slot& s = *slots_[rewrite[k]];
        const DocumentApproval* approval = approvals_.find(s.path);
        if (approval) s.approval = *approval;
        if (auto doc = read(s.path, nullptr)) {
            auto it = by_file.find(s.path);
            static const std::vector<const Diagnostic*> none;
            publish(s, *doc, worker, !s.published, options_.show_diagnostics ? (it == by_file.end() ? &none : &it->second) : nullptr);
        }
        s.approval.reset();
    });

    std::vector<std::string> statics;
    for (const auto& f : before ? before->attachments : index_.attachments)
        if (!layout.refused.count(f)) statics.push_back(f);
    if (!before || menu_changed || lists_moved(*before)) result.notes = site_->write_lists(on_site);
    else site_->write_search_index(on_site);
    site_->copy_static_files(statics);
    result.site_documents = on_site.size();
    result.pages = on_site.size() + site_list_pages().size();
    result.page_failures = std::exchange(page_failures_, {});
    std::sort(result.page_failures.begin(), result.page_failures.end(),
              [](const Diagnostic& a, const Diagnostic& b) { return a.file < b.file; });
    result.pdf = std::exchange(pdf_, {});
    result.docx = std::exchange(docx_, {});
    for (auto* report : {&result.pdf, &result.docx})
        std::sort(report->failures.begin(), report->failures.end(), [](const Diagnostic& a, const Diagnostic& b) { return a.file < b.file; });
    if (options_.strict && count_errors(result.diagnostics) > 0) return result;
    out_->commit();
    result.committed = true;
    return result;
}

}  // namespace vanban
