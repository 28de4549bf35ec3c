// The school's public-information website, rendered from what the build gives it: one document's
// page at a time (with its comparison page), then the lists (home, sections, search index, feed,
// sitemap) from the summaries of the documents on the site. Pages are rendered with the Mustache
// templates under templates/site/ into an OutputFolder, which the build commits when all is written.
// The site makes no PDF, Word file or comparison itself: the build hands it their results.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "approval/approval_report.h"
#include "diff/document_diff.h"
#include "load/repository.h"
#include "model/diagnostic.h"
#include "model/document_summary.h"
#include "site/output_folder.h"
#include "site/site_plan.h"

namespace vanban {

// One document's page: the document, what the build found out about it, and what it made.
struct DocumentPage {
    const Document* doc = nullptr;
    const DocumentSummary* summary = nullptr;    // its PDF and Word pages, or why they are missing
    std::vector<const Diagnostic*> diagnostics;  // its findings, sorted (shown only with show_diagnostics)
    const DocumentApproval* approval = nullptr;  // when the school uses approvals
    // The comparison with the same plan of last year, when there is one: made by the build, asked
    // for while the page is written so that a comparison that fails gets a page saying so.
    std::function<DocumentDiff()> last_year;
};

class SiteRenderer {
public:
    // Reads and compiles every template first, so a broken one stops the build before anything is
    // written. `workers`: how many threads call write_document at once (each has its own templates).
    SiteRenderer(const Repository& repo, OutputFolder& out, bool show_diagnostics, unsigned workers);
    ~SiteRenderer();
    SiteRenderer(const SiteRenderer&) = delete;
    SiteRenderer& operator=(const SiteRenderer&) = delete;

    // The information pages every page's menu lists (site_menu()).
    void set_menu(std::vector<MenuPage> menu);
    const std::vector<MenuPage>& menu() const { return menu_; }

    // The document's page, and its comparison page when `page.last_year` is given. A page that
    // cannot be made says so instead; the failure is returned (rule unreadable).
    std::optional<Diagnostic> write_document(const DocumentPage& page, unsigned worker);
    // Home, section lists, search page and index, feed, sitemap, style sheet and script, from the
    // documents on the site (sorted by path). Returns what the user should know (no sitemap…).
    std::vector<std::string> write_lists(const std::vector<const DocumentSummary*>& docs);
    // The search index alone (part of write_lists): the preview's, when an edit changed no list.
    void write_search_index(const std::vector<const DocumentSummary*>& docs);
    // Images and attachments kept next to the documents.
    void copy_static_files(const std::vector<std::string>& files);

private:
    class Templates;
    const Repository& repo_;
    OutputFolder& out_;
    bool show_diagnostics_;
    std::map<std::string, std::string> texts_;           // the templates as written
    std::map<std::string, std::string> inlined_;         // with their partials inlined (template_partials.h)
    std::vector<std::unique_ptr<Templates>> templates_;  // one per worker
    std::vector<MenuPage> menu_;
};

// A version in a comparison, by its school year (its title when it has none).
std::string comparison_version_name(const Document& doc);

// Each folded word of the document once, in order of first appearance: its search index entry.
std::string search_words(const Document& doc);

// The site's templates that the build would stop on (missing, unreadable, not valid mustache),
// as config errors, so that `check` reports them before any build.
std::vector<Diagnostic> check_site_templates(const Repository& repo);

}  // namespace vanban
