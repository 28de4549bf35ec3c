// One official document as a PDF: Markdown → Pandoc (vanban's template and CSS under
// templates/pdf/) → HTML → WeasyPrint → PDF. Each appendix is rendered the same way from
// templates/pdf/phu-luc.html and joined after the body with poppler's pdfunite, because
// NĐ30 numbers an appendix's pages on their own and WeasyPrint 57 cannot restart the page
// counter inside one document (no page groups).
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
// - cost: 0.73 s per plan against 0.32 s (plus a second pass for the numbers); PDFs are
//   cached by content and rendered in parallel, so a rebuild renders only what changed.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "load/repository.h"
#include "model/document.h"

namespace vanban {

struct PdfTools {
    std::string pandoc = "pandoc";
    std::string weasyprint = "weasyprint";
    std::string pdfunite = "pdfunite";  // only for documents with appendices
    std::chrono::seconds timeout{120};  // for one document, both programs together
};

// The tools from the environment: VANBAN_PANDOC, VANBAN_WEASYPRINT override the programs.
PdfTools pdf_tools_from_environment();

// What the approvals add to the paper: the DỰ THẢO mark, or a verification line and a QR
// code leading to the document's page on the school website.
struct PdfMarks {
    bool draft = true;
    std::string verification;
    std::string page_url;  // absolute; empty when the school has no website in vanban.yaml
};

// One part: the body with its header and signature, or one appendix. Pandoc reads its Markdown
// into its JSON tree, vanban drops the raw HTML nodes from it unless the school allows raw HTML
// (Pandoc 2.17's gfm reader ignores "-raw_html"), and Pandoc writes the tree as HTML.
struct PdfPart {
    std::vector<std::string> pandoc_arguments;  // JSON → HTML, without the program
    std::string markdown;                       // on Pandoc's stdin
};

// Everything that decides the PDF's bytes, apart from the programs themselves.
struct PdfJob {
    const Document* doc = nullptr;
    std::vector<std::string> pandoc_arguments;  // JSON → HTML for the body, without the program
    std::string markdown;                       // the body, on Pandoc's stdin
    bool allow_raw_html = false;                // vanban.yaml cho_phep_html
    std::vector<PdfPart> appendices;            // in order, each on pages numbered from 1
    std::string source_date_epoch;
    std::string base_url;                       // the document's folder, for its images
    std::string repository_root;                // what WeasyPrint may read: its published plain files
    std::string stylesheet;                     // templates/pdf/van-ban.css, given to WeasyPrint
    std::vector<std::string> local_images;      // image files the body shows
};

// Prepares the Pandoc call for a document (template variables from the front matter and
// vanban.yaml). Throws std::runtime_error when a template is missing.
PdfJob prepare_pdf(const Document& doc, const Repository& repo, const PdfMarks& marks);

struct PdfOutcome {
    bool ok = false;
    std::string error;  // in Vietnamese: what failed and what to do
};

// Runs the job and writes `output` (through a temporary file next to it).
PdfOutcome render_pdf(const PdfJob& job, const PdfTools& tools, const std::string& output);

}  // namespace vanban
