#include "check/checks.h"
#include "approval/approval_report.h"
#include "model/site_layout.h"
#include "support/error_text.h"
#include "support/interrupt.h"
#include "support/parallel_for.h"

#include <map>
#include <set>
#include <string>

namespace vanban {

namespace {

void run_document_rules(const Document& doc, const Repository& repo, const CheckOptions& options, DocumentFindings& out) {
    Diagnostics& d = out.diagnostics;
    check_encoding(doc, d);
    check_unicode_nfc(doc, d);
    check_front_matter(doc, repo, d);
    check_required_sections(doc, d);
    check_heading_numbering(doc, d);
    check_appendices(doc, d);
    check_date_range(doc, options.today, d);
    check_table_sums(doc, d);
    check_links(doc, repo, d);
    check_urls(doc, repo.school.allow_raw_html, d);
    check_placeholders(doc, d);
    check_governing_body(doc, repo.school, d);
    out.citations = check_citation_types(doc, repo.citations, d);
}

// Another agency's document is kept as it was issued: the school cannot correct its text, so
// what the rules find in that text is reported as a warning, never as an error to fix.
bool text_rule(const std::string& rule) {
    static const std::set<std::string> rules = {"required-section", "section-order", "heading-numbering", "table-sum",
                                                "date-range",       "citation-type", "citation-conflict"};
    return rules.count(rule) > 0;
}

void soften(Diagnostic& d, const DocumentSummary& doc, const DocumentApproval* approval) {
    if (d.severity != Severity::Error) return;
    if (doc.issued_elsewhere() && text_rule(d.rule))
        demote_to_warning(d, {"văn bản của " + *doc.issuing_body + " (giữ nguyên bản đã ban hành): ",
                              "document of " + *doc.issuing_body + " (kept as issued): "});
    // The errors of a document recorded as issued ("đã ban hành") become warnings that say so.
    else if (approval && approval->state == ApprovalState::Issued)
        demote_to_warning(d, {"văn bản đã ban hành: ", "issued document: "});
}

}  // namespace

void demote_to_warning(Diagnostic& d, const Message& why) {
    d.severity = Severity::Warning;
    d.message.vi = why.vi + d.message.vi;
    d.message.en = why.en + d.message.en;
}

DocumentFindings check_document(const Document& doc, const Repository& repo, const CheckOptions& options) {
    DocumentFindings found;
    try {
        run_document_rules(doc, repo, options, found);
    } catch (const Interrupted&) {
        throw;
    } catch (const std::exception& e) {
        found.diagnostics.push_back(unreadable(doc.path, {"không kiểm tra hết được văn bản", "the document could not be checked fully"}, e));
    }
    return found;
}

DocumentSummary summarize(const Document& doc) {
    DocumentSummary s;
    s.path = doc.path;
    s.type_id = doc.type_id;
    s.type = doc.type;
    s.number = doc.number;
    s.symbol = doc.symbol;
    s.date = doc.date;
    s.school_year = doc.school_year;
    s.title = doc.title();
    s.category = doc.category;
    s.menu_order = doc.menu_order;
    if (doc.issuing_body) s.issuing_body = doc.issuing_body->name;
    s.number_at = field_position(doc, "so");
    s.previous_year = previous_year_path(doc);
    s.marked_draft = doc.is_draft();
    return s;
}

void check_across_documents(const std::vector<DocumentSummary>& docs, const Repository& repo, const CheckOptions& options,
                            Diagnostics& out) {
    check_duplicate_numbers(docs, out);
    check_citation_conflicts(docs, out);
    check_site_paths(docs, repo, out);
    if (options.approvals) check_approvals(docs, repo, *options.approvals, out);
}

void soften_document_findings(const DocumentSummary& doc, const DocumentApproval* approval, Diagnostics& out) {
    for (Diagnostic& d : out)
        if (d.file == doc.path) soften(d, doc, approval);
}

void soften_findings(const std::vector<DocumentSummary>& docs, const CheckOptions& options, Diagnostics& out) {
    std::map<std::string, const DocumentSummary*> by_path;
    for (const auto& doc : docs)
        if (doc.issued_elsewhere() || (options.approvals && options.approvals->find(doc.path))) by_path[doc.path] = &doc;
    if (by_path.empty()) return;
    for (Diagnostic& d : out)
        if (auto it = by_path.find(d.file); it != by_path.end())
            soften(d, *it->second, options.approvals && options.approvals->available ? options.approvals->find(d.file) : nullptr);
}

std::vector<Diagnostic> check_repository(const Repository& repo, const CheckOptions& options) {
    Diagnostics all = repo.problems;
    const auto& docs = repo.documents;
    std::vector<DocumentFindings> per_doc(docs.size());
    parallel_for(docs.size(), worker_count(options.jobs, docs.size()),
                 [&](size_t i, unsigned) { per_doc[i] = check_document(docs[i], repo, options); });
    std::vector<DocumentSummary> summaries;
    summaries.reserve(docs.size());
    for (size_t i = 0; i < docs.size(); ++i) {
        auto& d = per_doc[i].diagnostics;
        all.insert(all.end(), std::make_move_iterator(d.begin()), std::make_move_iterator(d.end()));
        summaries.push_back(summarize(docs[i]));
        summaries.back().citations = std::move(per_doc[i].citations);
    }
    check_across_documents(summaries, repo, options, all);
    soften_findings(summaries, options, all);
    sort_diagnostics(all);
    return all;
}

}  // namespace vanban
