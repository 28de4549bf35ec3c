// What a build session is asked to do (BuildOptions) and what it works with (BuildEnvironment):
// the one place where `check`, `build`, `pdf`, `docx` and `serve` put their settings.
#pragma once

#include <memory>
#include <string>

#include "docx/docx_writer.h"
#include "load/source_tree.h"
#include "pdf/pdf_printer.h"
#include "support/progress.h"
#include "text/dates.h"

namespace vanban {

struct BuildOptions {
    std::string root;
    // The school's files: null reads the folder `root` on disk (a DiskTree); the preview and the
    // tests may hand in another tree (a MemoryTree), whose root() then names the repository.
    std::shared_ptr<const SourceTree> source;
    std::string out_dir;  // the site's folder; empty: no site is made (vanban check)
    unsigned jobs = 0;    // 0: all cores
    Date today = today_in_vietnam();
    bool english = false;
    bool strict = false;  // errors: nothing is committed, the output folder stays as it was
    bool pdf = false;     // a PDF beside every official document's page
    bool docx = false;    // and a Word file
    // The checks' findings on the pages (the preview, an internal mirror): badges, the list of
    // findings, why a PDF or Word file is missing, the source file. The public site has none of it.
    bool show_diagnostics = false;
};

struct BuildEnvironment {
    PdfSettings pdf;    // WeasyPrint, its time limit, the PDF cache
    DocxSettings docx;  // Pandoc, its time limit, the Word cache
    Progress* progress = nullptr;  // told of each document done; null: nobody listens
};

}  // namespace vanban
