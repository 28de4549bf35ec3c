// The plan of the site: which documents have a page, in which section, and what the menu lists.
// Which sources the layout refuses is model/site_layout.h's word.
#pragma once

#include <string>
#include <vector>

#include "approval/approval_report.h"
#include "model/document_summary.h"

namespace vanban {

// The sections of the site, in menu order.
enum class SiteSection { Disclosure, Plans, Letters, Pages };

struct SectionInfo {
    const char* id;
    const char* label;
    const char* index;  // site path of the section's list page
};
const SectionInfo& section_info(SiteSection s);

// Công khai (type cong-khai), Kế hoạch (official, under plans/), Văn bản (other official ones and
// documents of no known type), Trang (information pages: a type that is not official).
SiteSection section_of(const DocumentSummary& doc);

// A school may keep documents off the site until they are approved. What is official is the
// trusted type policy's word: a document under approval whose type file now says otherwise (a
// change not authorised) stays off the site until it is approved.
bool held_back(const Document& doc, const ApprovalMark& mark, const ApprovalReport& approvals, const DocumentApproval* approval);

// An information page in the menu of every page.
struct MenuPage {
    std::string title, page;
    bool operator==(const MenuPage& o) const { return title == o.title && page == o.page; }
};
// The information pages among `docs` (the documents on the site, by path), in menu order (thu_tu).
std::vector<MenuPage> site_menu(const std::vector<const DocumentSummary*>& docs);

}  // namespace vanban
