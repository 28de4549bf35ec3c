// Where a new document goes, for `vanban new` and `vanban import` alike: the folder by type and
// school year, the file name from the type and the title, and a free name when that one is taken
// (an existing file, never overwritten unless asked; a name the site needs for itself; a file
// the same run has just written).
#pragma once

#include <set>
#include <string>

#include "model/document_type.h"

namespace vanban {

// The folder name of a document whose school year is not known yet (an import that found none).
inline constexpr const char* kUnknownSchoolYearFolder = "chua-ro-nam-hoc";

// plans/<year> for plans and assignments, and for a document whose type is not known yet;
// content/cong-khai/<year> for disclosures; content/van-ban/<year> for the other official
// types; content/ for pages. An empty year is kUnknownSchoolYearFolder.
std::string document_folder(const DocumentType* type, const std::string& school_year);

// The file name without ".md": an official document's type id and title in ASCII
// ("ke-hoach-phong-chong-duoi-nuoc"), a page's title alone; the type id (or "van-ban" for a
// document of no known type) when the title gives nothing.
std::string document_base_name(const DocumentType* type, const std::string& title);

struct PlaceOptions {
    bool replace = false;           // an existing file may be replaced (import --force)
    std::set<std::string> claimed;  // repository-relative paths this run has written: never replaced
};

// The repository-relative path of the new document: <folder>/<base>.md, or <base>-2.md, -3…
// when that one is taken. A name whose page, PDF or Word file would be one of the site's own
// files is taken even with `replace`.
std::string document_place(const std::string& root, const DocumentType* type, const std::string& school_year,
                           const std::string& title, const PlaceOptions& options = {});

}  // namespace vanban
