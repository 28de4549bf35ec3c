// Renders the PDFs of many documents: in parallel, and only when something that decides a
// PDF's bytes changed. Finished PDFs are kept in a cache folder (outside site/), named by a
// hash of their inputs: the document, the template and CSS, the school, vanban's version,
// the programs and the installed fonts.
#pragma once

#include <string>
#include <vector>

#include "load/repository.h"
#include "model/render_report.h"
#include "support/progress.h"
#include "pdf/pdf_renderer.h"

namespace vanban {

struct PdfRequest {
    const Document* doc = nullptr;
    std::string output;  // where the PDF goes
    PdfMarks marks;
};

struct PdfBatchOptions {
    unsigned jobs = 0;      // 0: all cores
    std::string cache_dir;  // empty: default_pdf_cache_dir()
    PdfTools tools = pdf_tools_from_environment();
    Progress* progress = nullptr;  // told of each finished file; null: nobody listens
};

RenderReport render_pdfs(const Repository& repo, const std::vector<PdfRequest>& requests, const PdfBatchOptions& options);

// $VANBAN_CACHE, else $XDG_CACHE_HOME/vanban, else ~/.cache/vanban; PDFs go in its pdf/ folder.
std::string default_pdf_cache_dir();

}  // namespace vanban
