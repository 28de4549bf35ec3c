// Which file of the website each source becomes, and which sources cannot be published because
// their files would take the place of the site's own files or of another source's. `vanban check`
// reports those (`file-name`) and `vanban build` leaves just them out: one bad name never stops the
// school's site.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/document.h"

namespace vanban {

// The pages that are not documents, and the files vanban writes itself.
const std::vector<std::string>& site_list_pages();
const std::vector<std::string>& site_own_files();

// Every file in the site is written under a temporary name first ("x.pdf.tmp-PID-N"), so a
// name's bytes leave room for that suffix below the system's NAME_MAX (255).
constexpr size_t kMaxSiteNameBytes = 255 - 40;
// A site path leaves room below PATH_MAX (4096) for the output folder it is written in.
constexpr size_t kMaxSitePathBytes = 4096 - 1024;

// "The same document in another school year": the same file name in the same kind of folder
// ("plans/2023-2024/x.md" and "plans/2024-2025/x.md" share the key "plans/x.md"). The one rule of
// the site's comparison pages (previous_year_path) and of `vanban diff --years`.
std::string same_document_key(const std::string& path);
// A plan's counterpart of the previous school year: the path with the same_document_key in the
// folder of the year before ("plans/2023-2024/x.md" for "plans/2024-2025/x.md"); empty for other documents.
std::string previous_year_path(const Document& doc);

struct SiteLayout {
    std::set<std::string> refused;     // sources left out of the site
    std::vector<Diagnostic> problems;  // why, one per refused source
};

// `documents` sorted by path (the loader's order); `attachments` the other published files.
// Plans claim their files first, then the rest of content/, then attachments; a source is refused
// when any of its files is taken, is too long, or needs a folder where a file is (or the reverse).
SiteLayout plan_site_layout(const std::vector<Document>& documents, const std::vector<std::string>& attachments);

// A document as the layout sees it: its files are its page, a PDF and a Word file when official,
// and a comparison page when its plan of last year is among the documents.
struct LayoutSource {
    std::string path;
    bool official = false;
    std::string previous_year;  // previous_year_path()
};
// The same plan, from what the build keeps of each document (`sources` sorted by path).
SiteLayout plan_site_layout(const std::vector<LayoutSource>& sources, const std::vector<std::string>& attachments);

// The sources that could be refused whatever their front matter says: some file they might make
// (page, PDF, Word file, comparison page) is also one another source might make, or vanban's own,
// or is a folder of it, or is too long. The build writes these only once the layout is known;
// every other source's files are its own alone, so they can be written as soon as it is read.
std::set<std::string> sources_at_risk(const std::vector<std::string>& documents, const std::vector<std::string>& attachments);

}  // namespace vanban
