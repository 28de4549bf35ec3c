#include "site/site_plan.h"

#include <algorithm>

#include "model/page_paths.h"

namespace vanban {

const SectionInfo& section_info(SiteSection s) {
    static const SectionInfo info[] = {
        {"cong-khai", "Công khai", "cong-khai/index.html"},
        {"ke-hoach", "Kế hoạch", "ke-hoach/index.html"},
        {"van-ban", "Văn bản", "van-ban/index.html"},
        {"trang", "Trang", ""},
    };
    return info[static_cast<int>(s)];
}

SiteSection section_of(const DocumentSummary& doc) {
    if (!doc.official()) return doc.type ? SiteSection::Pages : SiteSection::Letters;
    if (doc.type->id == "cong-khai") return SiteSection::Disclosure;
    if (doc.path.rfind("plans/", 0) == 0) return SiteSection::Plans;
    return SiteSection::Letters;
}

bool held_back(const Document& doc, const ApprovalMark& mark, const ApprovalReport& approvals, const DocumentApproval* approval) {
    bool official = doc.type && doc.type->official, governed = under_approval(doc, approvals, approval);
    bool hide = hide_unapproved(approvals);
    return mark.draft && (hide ? official || governed : governed && !official);
}

std::vector<MenuPage> site_menu(const std::vector<const DocumentSummary*>& docs) {
    std::vector<const DocumentSummary*> pages;
    for (const DocumentSummary* d : docs)
        if (section_of(*d) == SiteSection::Pages) pages.push_back(d);
    std::stable_sort(pages.begin(), pages.end(), [](const DocumentSummary* a, const DocumentSummary* b) { return a->menu_order < b->menu_order; });
    std::vector<MenuPage> menu;
    for (const DocumentSummary* d : pages) menu.push_back({d->title, output_path(d->path)});
    return menu;
}

}  // namespace vanban
