// file-name: sources whose files would take the place of the site's own or of another source's
// (model/site_layout.h); `vanban build` leaves exactly these out.
#include "check/checks.h"
#include "model/site_layout.h"

namespace vanban {

void check_site_paths(const Repository& repo, Diagnostics& out) {
    SiteLayout layout = plan_site_layout(repo.documents, repo.attachments);
    out.insert(out.end(), layout.problems.begin(), layout.problems.end());
}

}  // namespace vanban
