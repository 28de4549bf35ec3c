// file-name: sources whose files would take the place of the site's own or of another source's
// (model/site_layout.h); `vanban build` leaves exactly these out.
#include "check/checks.h"
#include "model/site_layout.h"

namespace vanban {

void check_site_paths(const std::vector<DocumentSummary>& docs, const Repository& repo, Diagnostics& out) {
    std::vector<LayoutSource> sources;
    sources.reserve(docs.size());
    for (const auto& d : docs) sources.push_back({d.path, d.official(), d.previous_year});
    SiteLayout layout = plan_site_layout(sources, repo.attachments);
    out.insert(out.end(), layout.problems.begin(), layout.problems.end());
}

}  // namespace vanban
