// One official document as a PDF: the document's AST → HTML by the site's renderer
// (html/body_html.h) inside vanban's Mustache templates (templates/pdf/van-ban.html for the
// body with its header and signature, phu-luc.html for each appendix) → a WeasyPrint worker
// (pdf/weasyprint_worker.h) → one PDF/A-2b file. Each appendix is laid out on its own, because
// NĐ30 numbers an appendix's pages from 1 and WeasyPrint 57 cannot restart the page counter
// inside one document (no page groups); the worker joins the parts.
//
// Why WeasyPrint and not Debian's wkhtmltopdf (measured on a 6-page generated plan, 2 cores):
// - wkhtmltopdf 0.12.6 in Debian is built on an unpatched Qt: it scales the page to its own
//   viewport, so 14 pt in the CSS came out as 10.9 pt on paper (4 pages instead of 6), and
//   it ignores --zoom, --disable-smart-shrinking and the header/footer options, so page
//   numbers would need a second render stamped on with a PDF library;
// - it ignores break-after: avoid, so a heading can end a page;
// - WeasyPrint (Debian 57.2) implements CSS paged media: exact sizes and margins, page numbers
//   in the top margin from page 2 (@page :first), headings kept with what follows, table rows
//   kept whole, repeated table headers, subset fonts embedded, PDF metadata from <meta>, and
//   reproducible output under SOURCE_DATE_EPOCH;
// - cost: 0.73 s per plan against 0.32 s as a program of its own; a long-lived worker pays
//   WeasyPrint's start once per job, and PDFs are cached by content.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "load/repository.h"
#include "model/document.h"
#include "support/cache_dir.h"

namespace vanban {

struct PdfTools {
    std::string weasyprint = "weasyprint";  // its Python runs the worker (pdf/weasyprint_worker.h)
    std::chrono::seconds timeout{120};      // for one document
};

// The tools from the environment: VANBAN_WEASYPRINT overrides the program.
PdfTools pdf_tools_from_environment();

// What the approvals add to the paper: the DỰ THẢO mark, or a verification line and a QR
// code leading to the document's page on the school website.
struct PdfMarks {
    bool draft = true;
    std::string verification;
    std::string page_url;  // absolute; empty when the school has no website in vanban.yaml
};

using PdfOutcome = PrintOutcome;

// The templates and style sheet of a repository (the school's own templates/ first), read once.
// Throws std::runtime_error when one is missing or malformed, or when the style sheet could
// make WeasyPrint fetch something.
struct PrintSetup {
    std::string document_template, appendix_template, stylesheet;
    static PrintSetup load(const Repository& repo);
};

// Everything that decides the PDF's bytes, apart from the programs themselves.
struct PrintJob {
    std::vector<std::string> parts;  // HTML: the body, then each appendix
    std::string base_url;            // the document's folder, for its images
    std::vector<std::string> files;  // what WeasyPrint may open: the printable images, absolute paths
    std::string source_date_epoch;
};

// Throws std::runtime_error for a page that is not an official document.
PrintJob prepare_print(const Document& doc, const Repository& repo, const PrintSetup& setup, const PdfMarks& marks);

}  // namespace vanban
