// The PDFs of a build, one document at a time: a PdfPrinter is made once per build with the
// repository's templates and style sheet, and print() may be called from many threads. It
// renders only when something that decides a PDF's bytes changed: finished PDFs are kept in a
// cache folder (outside site/), named by a hash of their inputs (the document's print HTML, the
// images it shows, vanban itself, the programs and the installed fonts). Rendering goes to a
// pool of WeasyPrint workers (pdf/weasyprint_worker.h), one per thread printing at a time.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "load/repository.h"
#include "pdf/pdf_renderer.h"
#include "pdf/weasyprint_worker.h"

namespace vanban {

// Where finished PDFs are kept and the programs that make them.
struct PdfSettings {
    std::string cache_dir;  // empty: default_pdf_cache_dir()
    PdfTools tools = pdf_tools_from_environment();
};

class PdfPrinter {
public:
    // Throws std::runtime_error when the cache folder cannot be made (empty cache_dir:
    // default_pdf_cache_dir()). A missing or malformed template, or a style sheet that could
    // fetch something, is every document's error, as the site is still built.
    PdfPrinter(const Repository& repo, const std::string& cache_dir, const PdfTools& tools);
    ~PdfPrinter();
    PdfPrinter(const PdfPrinter&) = delete;
    PdfPrinter& operator=(const PdfPrinter&) = delete;

    // Writes the PDF of `doc` to `output` (from the cache when it holds it). Never throws for a
    // document's problem: the outcome says what failed, in Vietnamese.
    PdfOutcome print(const Document& doc, const PdfMarks& marks, const std::string& output);

private:
    std::string render(const PrintJob& job, const std::string& target);
    std::unique_ptr<WeasyPrintWorker> take_worker();
    void give_back(std::unique_ptr<WeasyPrintWorker> worker);

    const Repository& repo_;
    PdfTools tools_;
    PrintSetup setup_;
    std::string setup_error_;
    std::string cache_, environment_;
    WorkerCommand command_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<WeasyPrintWorker>> idle_;
};

// $VANBAN_CACHE, else $XDG_CACHE_HOME/vanban, else ~/.cache/vanban; PDFs go in its pdf/ folder.
std::string default_pdf_cache_dir();

}  // namespace vanban
