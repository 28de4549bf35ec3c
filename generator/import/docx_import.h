// Turns a Word document (read by Pandoc into its JSON AST) into a vanban document: the
// header block, title, "Kính gửi", signature block and "Nơi nhận" become front matter;
// numbered titles become headings, bullets lists, Word tables GFM tables; Word's
// leftovers (bookmarks, empty paragraphs, line breaks inside sentences, tab runs) go.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "load/repository.h"

namespace vanban {

struct ImportOptions {
    std::string type;         // --type: overrides what the title says
    std::string school_year;  // --year: overrides what the text says
};

struct ImportedDocument {
    std::string type;                                         // loai
    std::string school_year;
    std::string markdown;                                     // front matter + body
    std::vector<std::pair<std::string, std::string>> found;   // what was recognised: field → value
    std::vector<std::string> missing;                         // fields that must be filled in by hand
    std::string slug;
};

// `pandoc_json` is the output of `pandoc -f docx -t json`.
ImportedDocument import_pandoc_json(const std::string& pandoc_json, const Repository& repo, const ImportOptions& options);

}  // namespace vanban
