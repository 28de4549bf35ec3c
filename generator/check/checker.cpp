#include "check/checks.h"
#include "support/parallel_for.h"

namespace vanban {

std::vector<Diagnostic> check_repository(const Repository& repo, const CheckOptions& options) {
    Diagnostics all = repo.problems;
    const auto& docs = repo.documents;
    std::vector<Diagnostics> per_doc(docs.size());
    parallel_for(docs.size(), worker_count(options.jobs, docs.size()), [&](size_t i, unsigned) {
        const Document& doc = docs[i];
        Diagnostics& out = per_doc[i];
        check_encoding(doc, out);
        check_unicode_nfc(doc, out);
        check_front_matter(doc, repo, out);
        check_required_sections(doc, out);
        check_heading_numbering(doc, out);
        check_date_range(doc, options.today, out);
        check_table_sums(doc, out);
        check_links(doc, repo, out);
        check_placeholders(doc, out);
        check_governing_body(doc, repo.school, out);
    });
    for (auto& d : per_doc) all.insert(all.end(), std::make_move_iterator(d.begin()), std::make_move_iterator(d.end()));
    check_duplicate_numbers(docs, all);
    check_citations(repo, options.jobs, all);
    if (options.approvals) {
        check_approvals(repo, *options.approvals, all);
        soften_issued_findings(*options.approvals, all);
    }
    sort_diagnostics(all);
    return all;
}

}  // namespace vanban
