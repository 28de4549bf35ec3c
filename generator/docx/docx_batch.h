// The Word files of many documents at once, in parallel: a DocxWriter (docx/docx_writer.h) fed
// from a pool of threads. `vanban docx` and the site's build call it.
#pragma once

#include <string>
#include <vector>

#include "docx/docx_writer.h"
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

RenderReport render_docxs(const Repository& repo, const std::vector<DocxRequest>& requests,
                          const DocxBatchOptions& options);

}  // namespace vanban
