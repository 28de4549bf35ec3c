// What rendering a batch of documents (PDFs, Word files) gave, for the site and the CLI.
#pragma once

#include <string>
#include <vector>

#include "model/document.h"
#include "support/cached_batch.h"

namespace vanban {

struct RenderFailure {
    const Document* doc;
    std::string error;  // in Vietnamese: what failed and what to do
};

struct RenderReport {
    size_t rendered = 0, reused = 0;
    std::vector<RenderFailure> failures;  // in request order
    std::vector<bool> ok;                 // per request
};

// The report of a cached batch whose item i was `requests[i].doc`.
template <class Request>
RenderReport render_report(const CachedBatchResult& result, const std::vector<Request>& requests) {
    RenderReport report;
    report.ok = result.ok;
    report.rendered = result.rendered;
    report.reused = result.reused;
    for (size_t i = 0; i < requests.size(); ++i)
        if (!result.errors[i].empty()) report.failures.push_back({requests[i].doc, result.errors[i]});
    return report;
}

}  // namespace vanban
