#include "pdf/pdf_batch.h"

#include "support/parallel_for.h"

namespace vanban {

RenderReport render_pdfs(const Repository& repo, const std::vector<PdfRequest>& requests,
                         const PdfBatchOptions& options) {
    PdfPrinter printer(repo, options.cache_dir, options.tools);
    std::vector<PdfOutcome> outcomes(requests.size());
    Progress::Phase phase(options.progress, ProgressStep::Pdf, requests.size());
    parallel_for(requests.size(), worker_count(options.jobs, requests.size()), [&](size_t i, unsigned) {
        outcomes[i] = printer.print(*requests[i].doc, requests[i].marks, requests[i].output);
        phase.done(requests[i].doc->path);
    });
    CachedBatchResult result;
    for (const PdfOutcome& o : outcomes) {
        result.errors.push_back(o.error);
        result.ok.push_back(o.ok);
        if (o.ok) ++(o.rendered ? result.rendered : result.reused);
    }
    return render_report(result, requests);
}

}  // namespace vanban
