// One official document as a Word file, because the district still asks for them:
// Markdown body → Pandoc JSON → vanban adds the header block, title, "Kính gửi", signature
// block and "Nơi nhận" (the same OfficialParts as the site and the PDF) as Word tables and
// paragraphs → Pandoc → .docx with a reference document laid out per Nghị định 30/2020/NĐ-CP
// (templates/docx/reference/: A4, margins, Times New Roman, styles; vanban zips it).
//
// The file is shaped like the Word files schools type, which is also what `vanban import`
// reads back: the header and the signature block are borderless two-column tables holding the
// Quốc hiệu and "Nơi nhận:"; headings are Word headings whose numbers are part of their text;
// list items are paragraphs starting with "-", "+" or their literal number.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "load/repository.h"
#include "model/document.h"
#include "support/cache_dir.h"

namespace vanban {

struct DocxTools {
    std::string pandoc = "pandoc";
    std::chrono::seconds timeout{120};  // for one document, both Pandoc runs together
};

// VANBAN_PANDOC overrides the program.
DocxTools docx_tools_from_environment();

// The main body or one appendix: vanban's own OpenXML around Markdown that Pandoc reads.
struct DocxPart {
    std::string opening_xml;  // header block and title; an appendix's NĐ30 heading on a new page
    std::string markdown;     // read by Pandoc as GFM, with the footnote definitions at its end
    std::string closing_xml;  // signature block, Nơi nhận, the superior office's approval
};

// Everything that decides the Word file's bytes, apart from Pandoc itself.
struct DocxJob {
    const Document* doc = nullptr;
    std::vector<DocxPart> parts;             // the body, then each appendix
    std::string reader;                      // "gfm" or "gfm-raw_html"
    std::string site_root;                   // the school's website, for links to other documents
    std::string source_path;                 // the document's path in the repository
    std::string repository_root;             // what Pandoc may read: its published raster images
    std::string resource_dir;                // the document's folder, for its images
    std::string source_date_epoch;
    std::vector<std::pair<std::string, std::string>> metadata;  // Word's document properties
    std::vector<std::string> local_images;
};

// Throws std::runtime_error for a page that is not an official document.
DocxJob prepare_docx(const Document& doc, const Repository& repo);

// The reference document's files (path in the package, contents), from templates/docx/reference/
// (the school's own templates/ first). Throws std::runtime_error when one is missing.
std::vector<std::pair<std::string, std::string>> reference_docx_parts(const Repository& repo);

using DocxOutcome = PrintOutcome;

// Runs Pandoc with the assembled reference document `reference_docx` and writes `output`
// (through a temporary file next to it).
DocxOutcome render_docx(const DocxJob& job, const DocxTools& tools, const std::string& reference_docx, const std::string& output);

}  // namespace vanban
