#include "check/checks.h"
#include "support/error_text.h"
#include "support/interrupt.h"
#include "support/parallel_for.h"

#include <map>
#include <set>
#include <string>

namespace vanban {

namespace {

// Another agency's document is kept as it was issued: the school cannot correct its text, so
// what the rules find in that text is reported as a warning, never as an error to fix. One pass
// over the findings, whatever the number of such documents.
void soften_issued_text(const std::vector<Document>& docs, Diagnostics& found) {
    static const std::set<std::string> text_rules = {"required-section", "section-order", "heading-numbering", "table-sum",
                                                     "date-range",       "citation-type", "citation-conflict"};
    std::map<std::string, const IssuingBody*> issuers;
    for (const auto& doc : docs)
        if (doc.issued_elsewhere()) issuers[doc.path] = &*doc.issuing_body;
    if (issuers.empty()) return;
    for (Diagnostic& d : found) {
        if (d.severity != Severity::Error || !text_rules.count(d.rule)) continue;
        auto it = issuers.find(d.file);
        if (it == issuers.end()) continue;
        demote_to_warning(d, {"văn bản của " + it->second->name + " (giữ nguyên bản đã ban hành): ",
                              "document of " + it->second->name + " (kept as issued): "});
    }
}

void check_document(const Document& doc, const Repository& repo, const CheckOptions& options, Diagnostics& out) {
    check_encoding(doc, out);
    check_unicode_nfc(doc, out);
    check_front_matter(doc, repo, out);
    check_required_sections(doc, out);
    check_heading_numbering(doc, out);
    check_appendices(doc, out);
    check_date_range(doc, options.today, out);
    check_table_sums(doc, out);
    check_links(doc, repo, out);
    check_urls(doc, repo.school.allow_raw_html, out);
    check_placeholders(doc, out);
    check_governing_body(doc, repo.school, out);
}

}  // namespace

void demote_to_warning(Diagnostic& d, const Message& why) {
    d.severity = Severity::Warning;
    d.message.vi = why.vi + d.message.vi;
    d.message.en = why.en + d.message.en;
}

std::vector<Diagnostic> check_repository(const Repository& repo, const CheckOptions& options) {
    Diagnostics all = repo.problems;
    const auto& docs = repo.documents;
    std::vector<Diagnostics> per_doc(docs.size());
    parallel_for(docs.size(), worker_count(options.jobs, docs.size()), [&](size_t i, unsigned) {
        // A rule that fails on one document reports it there; the other documents are checked.
        try {
            check_document(docs[i], repo, options, per_doc[i]);
        } catch (const Interrupted&) {
            throw;
        } catch (const std::exception& e) {
            per_doc[i].push_back(unreadable(docs[i].path, {"không kiểm tra hết được văn bản", "the document could not be checked fully"}, e));
        }
    });
    for (auto& d : per_doc) all.insert(all.end(), std::make_move_iterator(d.begin()), std::make_move_iterator(d.end()));
    check_duplicate_numbers(docs, all);
    check_citations(repo, options.jobs, all);
    check_site_paths(repo, all);
    soften_issued_text(docs, all);
    if (options.approvals) {
        check_approvals(repo, *options.approvals, all);
        soften_issued_findings(*options.approvals, all);
    }
    sort_diagnostics(all);
    return all;
}

}  // namespace vanban
