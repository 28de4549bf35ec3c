// One run of vanban over a school's repository, by stages:
//   index     vanban.yaml, types, templates, citation words, the paths of documents and
//             attachments (load_repository_index): no document is read yet;
//   approvals the git history, read once (approval_history);
//   stream    each document in parallel: read, loaded, checked by the per-document rules, its
//             approval evaluated, its PDF/Word file made when asked, its page and comparison page
//             written; then only its DocumentSummary is kept and the Document is freed;
//   across    the cross-document rules on the summaries (duplicate numbers, citation conflicts,
//             file names of the site, approvals), and the softening of issued documents' findings;
//   site      lists, home, search index, feed, sitemap, static files;
//   commit    the output folder is swapped in (not with --strict and errors).
// Pages that show findings (--show-diagnostics, the preview) get the cross-document ones too: the
// documents concerned are read again and their pages written again, so the public build pays nothing.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "approval/approval_report.h"
#include "build/build_options.h"
#include "check/checks.h"
#include "load/repository.h"
#include "model/diagnostic.h"
#include "model/document_summary.h"

namespace vanban {

class OutputFolder;
class SiteRenderer;
struct MenuPage;

// What the PDFs or the Word files of a build gave.
struct PrintReport {
    size_t rendered = 0, reused = 0;
    std::vector<Diagnostic> failures;  // rule pdf / docx, in the order of the documents
    std::vector<bool> ok;              // per request of print_documents
};

// A document of the repository (its path) and the file its PDF or Word file goes to.
struct PrintRequest {
    std::string path;
    std::string output;
};

struct BuildResult {
    std::vector<Diagnostic> diagnostics;  // every finding, sorted
    size_t documents = 0;                 // documents read and loaded
    bool committed = false;               // the output folder was replaced
    size_t pages = 0, site_documents = 0;
    std::vector<std::string> notes;       // things the user should know (e.g. no sitemap without a website)
    std::vector<Diagnostic> page_failures;  // documents whose page could not be made (rule unreadable)
    PrintReport pdf, docx;
};

class BuildSession {
public:
    BuildSession(BuildOptions options, BuildEnvironment environment);
    ~BuildSession();
    BuildSession(const BuildSession&) = delete;
    BuildSession& operator=(const BuildSession&) = delete;

    // The first stage alone: vanban.yaml, types, templates and the paths, no document read (a
    // LoadError when the root is no repository). run() reads it when it has not been read.
    const Repository& read_index();
    // One document of the index read and loaded (nothing when it cannot be): for the commands
    // that take documents by name.
    std::optional<Document> load(const std::string& path);
    // Every document of the index read and loaded on the workers and handed to `visit`, one call
    // at a time, then freed: for the commands that look at each document once (`vanban status`,
    // `vanban new`) without holding them all. Those that cannot be read are passed over, as run() does.
    void each_document(const std::function<void(const Document&)>& visit);
    // The approval history and every official document's approval (`vanban status`), the
    // documents read one at a time (each_document); none evaluated when approvals are unavailable.
    ApprovalReport approvals();
    // Every stage.
    BuildResult run();
    // After run(), with the same index: the stages again where only `changed` documents (edited
    // ones, all in the index) are read, checked and written; the others keep their summary and
    // page, but for pages whose findings across documents came or went and the comparison pages
    // of the same plans a year later. The lists are written again only when what they show moved
    // (else the search index alone); of the attachments, only those in `changed` are copied again.
    // The output folder is written in place (the preview's); a changed vanban.yaml, template or
    // list of files needs run().
    // `read_history`: the git history is read again (false when the caller knows it did not move).
    BuildResult update(const std::vector<std::string>& changed, bool read_history = true);
    // `vanban pdf` / `vanban docx`: the PDFs (options.pdf) or Word files (options.docx) of the
    // documents asked for, each read, its approval evaluated (the history read once), printed.
    PrintReport print_documents(const std::vector<PrintRequest>& requests);
    // How many documents the last run or update read and checked.
    size_t documents_read() const { return documents_read_; }

    const Repository& index() const { return index_; }
    const BuildOptions& options() const { return options_; }

private:
    struct Slot;

    CheckOptions check_options() const;
    void analyse(Slot& slot, const Document& doc);
    void publish(Slot& slot, const Document& doc, unsigned worker, bool prints, const std::vector<const Diagnostic*>* shown);
    void print(const Document& doc, DocumentSummary& summary, const std::string& verification, const std::string& pdf_output,
               const std::string& docx_output, bool* ok);
    struct Printers {
        std::unique_ptr<PdfPrinter> pdf;
        std::unique_ptr<DocxWriter> docx;
    };
    Printers& printers();
    std::optional<Document> read(const std::string& path, Diagnostics* problems);
    std::optional<Document> last_year_of(const DocumentSummary& summary);
    BuildResult finish();
    struct ListsBefore;
    bool lists_moved(const ListsBefore& before) const;

    bool indexed_ = false;
    BuildOptions options_;
    BuildEnvironment env_;
    Repository index_;
    ApprovalReport approvals_;
    std::vector<std::unique_ptr<Slot>> slots_;  // one per document path, in path order
    std::map<std::string, std::vector<Diagnostic>> index_problems_;  // by file, for the pages
    std::set<std::string> at_risk_;  // sources_at_risk(): written once the layout is known
    std::unique_ptr<OutputFolder> out_;
    std::unique_ptr<SiteRenderer> site_;
    std::mutex approval_mutex_, report_mutex_;
    Printers printers_;
    std::once_flag printers_made_;
    PrintReport pdf_, docx_;
    std::vector<Diagnostic> page_failures_;
    std::set<std::string> across_files_;  // files with findings across documents, at the last finish()
    size_t documents_read_ = 0;
    std::unique_ptr<ListsBefore> lists_before_;  // set by update() for its finish()
};

}  // namespace vanban
