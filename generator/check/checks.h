// The rules of `vanban check`. Each rule reads the model and appends diagnostics; no rule
// writes files. Per-document rules take one document; the others look across documents.
#pragma once

#include <vector>

#include "load/repository.h"
#include "model/diagnostic.h"
#include "model/document.h"
#include "text/dates.h"

namespace vanban {

struct ApprovalReport;

struct CheckOptions {
    Date today = today_in_vietnam();
    unsigned jobs = 0;  // 0: all cores
    const ApprovalReport* approvals = nullptr;  // from history, when the school uses approvals
};

// Runs every rule on every document; the result is sorted.
std::vector<Diagnostic> check_repository(const Repository& repo, const CheckOptions& options);

using Diagnostics = std::vector<Diagnostic>;

// Per document.
void check_encoding(const Document& doc, Diagnostics& out);                      // encoding
void check_unicode_nfc(const Document& doc, Diagnostics& out);                   // unicode-nfc
void check_front_matter(const Document& doc, const Repository& repo, Diagnostics& out);  // front-matter, unknown-type
void check_required_sections(const Document& doc, Diagnostics& out);             // required-section, section-order
void check_heading_numbering(const Document& doc, Diagnostics& out);             // heading-numbering
void check_appendices(const Document& doc, Diagnostics& out);                    // appendix, heading-numbering (labels)
void check_date_range(const Document& doc, const Date& today, Diagnostics& out); // date-range
void check_table_sums(const Document& doc, Diagnostics& out);                    // table-sum
void check_links(const Document& doc, const Repository& repo, Diagnostics& out); // broken-link
void check_urls(const Document& doc, bool raw_html, Diagnostics& out);           // url
void check_placeholders(const Document& doc, Diagnostics& out);                  // placeholder
void check_governing_body(const Document& doc, const School& school, Diagnostics& out);  // governing-body

// Across documents.
void check_duplicate_numbers(const std::vector<Document>& docs, Diagnostics& out);  // duplicate-number
void check_citations(const Repository& repo, unsigned jobs, Diagnostics& out);  // citation-conflict, citation-type
void check_site_paths(const Repository& repo, Diagnostics& out);  // file-name (model/site_layout.h)
void check_approvals(const Repository& repo, const ApprovalReport& approvals, Diagnostics& out);  // approval
// The errors of a document recorded as issued ("đã ban hành") become warnings that say so.
void soften_issued_findings(const ApprovalReport& approvals, Diagnostics& out);

// Helpers shared by the rules.
Diagnostic error_at(const Document& doc, Position at, const char* rule, Message message, Message hint = {});
Diagnostic warning_at(const Document& doc, Position at, const char* rule, Message message, Message hint = {});
// An error the school cannot correct (the text of an issued document) reported as a warning
// saying why: `why` is put before the message.
void demote_to_warning(Diagnostic& d, const Message& why);
// Where to point for a front-matter key: its line, or the opening "---" when it is absent.
Position field_position(const Document& doc, const char* key);

}  // namespace vanban
