// The rules of `vanban check`. Each rule reads the model and appends diagnostics; no rule
// writes files. Per-document rules take one document; the others look across documents.
#pragma once

#include <vector>

#include "load/repository.h"
#include "model/diagnostic.h"
#include "model/document.h"
#include "model/document_summary.h"
#include "text/dates.h"

namespace vanban {

struct ApprovalReport;

struct CheckOptions {
    Date today = today_in_vietnam();
    unsigned jobs = 0;  // 0: all cores
    const ApprovalReport* approvals = nullptr;  // from history, when the school uses approvals
};

using Diagnostics = std::vector<Diagnostic>;

// Runs every rule on every document of a loaded repository; the result is sorted. The build
// streams instead: check_document on each document, then check_across_documents on the summaries.
std::vector<Diagnostic> check_repository(const Repository& repo, const CheckOptions& options);

// Every rule that reads one document (with the repository's index and the file system): its
// findings, and the dated citations it holds for citation-conflict. A rule that fails reports
// it on the document (unreadable); the other documents are checked.
struct DocumentFindings {
    Diagnostics diagnostics;
    std::vector<DatedCitation> citations;
};
DocumentFindings check_document(const Document& doc, const Repository& repo, const CheckOptions& options);

// The fields of `doc` the lists and the cross-document rules need (the outcome of the stream,
// citations and search words are the caller's).
DocumentSummary summarize(const Document& doc);

// The rules across documents, on the summaries (sorted by path): duplicate numbers, citation
// conflicts, file names of the site, approvals. Appended to `out`, not sorted, not softened.
void check_across_documents(const std::vector<DocumentSummary>& docs, const Repository& repo, const CheckOptions& options,
                            Diagnostics& out);
// Errors that the school cannot correct become warnings saying why: those in the text of a
// document issued by another agency, and every error of a document recorded as issued.
// Applying it twice changes nothing.
void soften_findings(const std::vector<DocumentSummary>& docs, const CheckOptions& options, Diagnostics& out);

// Per document.
void check_encoding(const Document& doc, Diagnostics& out);                      // encoding
void check_unicode_nfc(const Document& doc, Diagnostics& out);                   // unicode-nfc
void check_front_matter(const Document& doc, const Repository& repo, Diagnostics& out);  // front-matter, unknown-type
void check_required_sections(const Document& doc, Diagnostics& out);             // required-section, section-order
void check_heading_numbering(const Document& doc, Diagnostics& out);             // heading-numbering
void check_appendices(const Document& doc, Diagnostics& out);                    // appendix, heading-numbering (labels)
void check_date_range(const Document& doc, const Date& today, Diagnostics& out); // date-range
void check_table_sums(const Document& doc, Diagnostics& out);                    // table-sum
void check_links(const Document& doc, const Repository& repo, Diagnostics& out); // broken-link (index paths suffice)
void check_urls(const Document& doc, bool raw_html, Diagnostics& out);           // url
void check_placeholders(const Document& doc, Diagnostics& out);                  // placeholder
void check_governing_body(const Document& doc, const School& school, Diagnostics& out);  // governing-body

// citation-type on one document; returns its dated citations for citation-conflict.
std::vector<DatedCitation> check_citation_types(const Document& doc, const CitationScanner& citations, Diagnostics& out);

// Across documents, on the summaries.
void check_duplicate_numbers(const std::vector<DocumentSummary>& docs, Diagnostics& out);  // duplicate-number
void check_citation_conflicts(const std::vector<DocumentSummary>& docs, Diagnostics& out);  // citation-conflict
void check_site_paths(const std::vector<DocumentSummary>& docs, const Repository& repo, Diagnostics& out);  // file-name (model/site_layout.h)
void check_approvals(const std::vector<DocumentSummary>& docs, const Repository& repo, const ApprovalReport& approvals,
                     Diagnostics& out);  // approval
// soften_findings for the findings of one document, given its approval (null when none).
struct DocumentApproval;
void soften_document_findings(const DocumentSummary& doc, const DocumentApproval* approval, Diagnostics& out);

// Helpers shared by the rules.
Diagnostic error_at(const Document& doc, Position at, const char* rule, Message message, Message hint = {});
Diagnostic warning_at(const Document& doc, Position at, const char* rule, Message message, Message hint = {});
// An error the school cannot correct (the text of an issued document) reported as a warning
// saying why: `why` is put before the message.
void demote_to_warning(Diagnostic& d, const Message& why);
// A table row's label that makes it a total of the rows above it (table-sum): "Tổng", "Tổng số:",
// "Cộng", "Tổng cộng (người)", but not "Tổng phụ trách Đội" or "Cộng tác viên".
bool is_total_label(const std::string& label);

// Where to point for a front-matter key: its line, or the opening "---" when it is absent.
Position field_position(const Document& doc, const char* key);

}  // namespace vanban
