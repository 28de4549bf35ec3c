// `vanban build`: the school's public-information website, from the loaded repository and
// the diagnostics of the checks. Pages are rendered with the Mustache templates under
// templates/site/ and written to a temporary folder that replaces the output folder only
// when everything was written.
#pragma once

#include <string>
#include <vector>

#include "approval/approval_report.h"
#include "load/repository.h"
#include "model/diagnostic.h"
#include "docx/docx_batch.h"
#include "pdf/pdf_batch.h"
#include "support/progress.h"

namespace vanban {

struct SiteOptions {
    std::string out_dir;
    bool strict = false;
    unsigned jobs = 0;  // 0: all cores
    bool pdf = true;    // a PDF beside every official document's page
    PdfBatchOptions pdf_options;
    bool docx = true;   // a Word file beside it too
    DocxBatchOptions docx_options;
    // The checks' findings on the pages (the preview, an internal mirror): badges, the list of
    // findings, why a PDF or Word file is missing, the source file. The public site has none of it.
    bool show_diagnostics = false;
    Progress* progress = nullptr;  // told of each page made, and passed on to the PDFs and Word files
};

struct SiteSummary {
    size_t pages = 0;
    size_t documents = 0;
    std::vector<std::string> notes;  // things the user should know (e.g. no sitemap without a website)
    std::vector<Diagnostic> failures;  // documents whose page could not be made (rule unreadable); the others were built
    RenderReport pdf;
    RenderReport docx;
};

// The site's templates that build_site would stop on (missing, unreadable, not valid mustache),
// as config errors, so that `check` reports them before any build.
std::vector<Diagnostic> check_site_templates(const Repository& repo);

SiteSummary build_site(const Repository& repo, const std::vector<Diagnostic>& diagnostics, const ApprovalReport& approvals,
                       const SiteOptions& options);

}  // namespace vanban
