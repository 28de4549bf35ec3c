// The PDFs of many documents at once, in parallel: a PdfPrinter (pdf/pdf_printer.h) fed from
// a pool of threads. `vanban pdf` and the site's build call it.
#pragma once

#include <string>
#include <vector>

#include "load/repository.h"
#include "model/render_report.h"
#include "pdf/pdf_printer.h"
#include "support/progress.h"

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

RenderReport render_pdfs(const Repository& repo, const std::vector<PdfRequest>& requests,
                         const PdfBatchOptions& options);

}  // namespace vanban
