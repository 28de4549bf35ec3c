#include "docx/docx_batch.h"

#include "support/parallel_for.h"

namespace vanban {

RenderReport render_docxs(const Repository& repo, const std::vector<DocxRequest>& requests,
                          const DocxBatchOptions& options) {
    DocxWriter writer(repo, options.cache_dir, options.tools);
    std::vector<DocxOutcome> outcomes(requests.size());
    Progress::Phase phase(options.progress, ProgressStep::Docx, requests.size());
    parallel_for(requests.size(), worker_count(options.jobs, requests.size()), [&](size_t i, unsigned) {
        outcomes[i] = writer.write(*requests[i].doc, requests[i].output);
        phase.done(requests[i].doc->path);
    });
    CachedBatchResult result;
    for (const DocxOutcome& o : outcomes) {
        result.errors.push_back(o.error);
        result.ok.push_back(o.ok);
        if (o.ok) ++(o.rendered ? result.rendered : result.reused);
    }
    return render_report(result, requests);
}

}  // namespace vanban
