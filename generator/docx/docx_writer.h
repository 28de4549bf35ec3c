// The Word files of a build, one document at a time, like the PDFs (pdf/pdf_printer.h): a
// DocxWriter is made once per build with the repository's reference document, and write() may
// be called from many threads. Finished files are kept in a cache folder (outside site/), named
// by a hash of their inputs: the document, the reference document's sources, the school,
// vanban's version and Pandoc.
#pragma once

#include <string>

#include "docx/docx_renderer.h"
#include "load/repository.h"

namespace vanban {

// Where finished Word files are kept and the programs that make them.
struct DocxSettings {
    std::string cache_dir;  // empty: default_docx_cache_dir()
    DocxTools tools = docx_tools_from_environment();
};

class DocxWriter {
public:
    // Throws std::runtime_error when the cache folder cannot be made (empty cache_dir:
    // default_docx_cache_dir()) or a file of the reference document is missing.
    DocxWriter(const Repository& repo, const std::string& cache_dir, const DocxTools& tools);

    // Writes the Word file of `doc` to `output` (from the cache when it holds it). Never throws
    // for a document's problem: the outcome says what failed, in Vietnamese.
    DocxOutcome write(const Document& doc, const std::string& output) const;

private:
    const Repository& repo_;
    DocxTools tools_;
    std::string cache_, reference_, environment_;
};

// The docx/ folder of the cache root (support/cache_dir.h).
std::string default_docx_cache_dir();

}  // namespace vanban
