// What the build keeps of a document once it has been checked and its page written: the fields
// the list pages, the search index, the feeds, the sitemap and the cross-document rules need.
// The Document itself (source, AST) is freed; 10,000 plans cost 10,000 of these.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/document.h"

namespace vanban {

// A citation that carries a date, where it stands: what citation-conflict compares across documents.
struct DatedCitation {
    std::string key;        // Citation::key()
    std::string reference;  // "09/2021/TT-BGDĐT"
    Date date;
    Position at;
};

struct DocumentSummary {
    std::string path;
    std::string type_id;
    const DocumentType* type = nullptr;  // owned by the repository's DocumentTypes
    std::optional<int> number;
    std::string symbol;
    std::optional<Date> date;
    std::optional<SchoolYear> school_year;
    std::string title;       // Document::title()
    std::string category;    // danh_muc
    int menu_order = 0;      // thu_tu
    std::optional<std::string> issuing_body;  // co_quan_ban_hanh's name: issued by another agency
    Position number_at;      // where `so` is written (duplicate-number points there)
    std::string previous_year;  // previous_year_path(): the same plan last year, when it may exist
    std::vector<DatedCitation> citations;
    std::string search_words;   // folded, each once, in order of first appearance

    // Outcome of the stream.
    bool marked_draft = true;  // DỰ THẢO on paper and on the site (approval mark)
    bool on_site = false;      // has a page (not held back by approvals; refusals come later)
    std::string pdf_page, pdf_error, docx_page, docx_error;
    size_t errors = 0;         // after the cross-document rules

    bool official() const { return type && type->official; }
    bool is_draft() const { return !number.has_value(); }
    bool issued_elsewhere() const { return issuing_body.has_value(); }
};

}  // namespace vanban
