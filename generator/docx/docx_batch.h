// Word files of many documents, like the PDFs (pdf/pdf_batch.h): in parallel, and only when
// something that decides their bytes changed. Finished files are kept in a cache folder
// (outside site/), named by a hash of their inputs: the document, the reference document's
// sources, the school, vanban's version and Pandoc.
#pragma once

#include <string>
#include <vector>

#include "docx/docx_renderer.h"
#include "load/repository.h"
#include "model/render_report.h"
#include "support/progress.h"

namespace vanban {

struct DocxRequest {
    const Document* doc = nullptr;
    std::string output;  // where the .docx goes
};

struct DocxBatchOptions {
    unsigned jobs = 0;      // 0: all cores
    std::string cache_dir;  // empty: default_docx_cache_dir()
    DocxTools tools = docx_tools_from_environment();
    Progress* progress = nullptr;  // told of each finished file; null: nobody listens
};

RenderReport render_docxs(const Repository& repo, const std::vector<DocxRequest>& requests, const DocxBatchOptions& options);

// The docx/ folder of the cache root (support/cache_dir.h).
std::string default_docx_cache_dir();

}  // namespace vanban
