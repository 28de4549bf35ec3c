// Turns a Word document (read by Pandoc into its JSON AST) into a vanban document, in three
// phases: import/word_reader.h (what Word gave), import/recognize.h (what it is) and
// import/markdown_writer.h (the Markdown); import/fidelity.h then proves nothing was lost.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "import/fidelity.h"
#include "import/recognize.h"
#include "load/repository.h"

namespace vanban {

struct ImportedDocument {
    std::string type;                                         // loai
    std::string school_year;
    std::string subject;                                      // trich_yeu: names the file (import/document_place.h)
    std::string markdown;                                     // front matter + body
    std::vector<std::pair<std::string, std::string>> found;   // what was recognised: field → value
    std::vector<std::string> missing;                         // fields that must be filled in by hand
    std::vector<std::string> notes;                           // choices the user should know about
    FidelityReport fidelity;                                  // words and numbers carried over
};

// `pandoc_json` is the output of `pandoc -f docx -t json`; `properties` the file's custom
// document properties (model/word_properties.h).
ImportedDocument import_pandoc_json(const std::string& pandoc_json, const Repository& repo, const ImportOptions& options,
                                    const std::map<std::string, std::string>& properties = {});

}  // namespace vanban
