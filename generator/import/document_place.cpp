#include "import/document_place.h"

#include <algorithm>
#include <filesystem>

#include "model/page_paths.h"
#include "model/site_layout.h"
#include "text/unicode.h"

namespace fs = std::filesystem;

namespace vanban {

std::string document_folder(const DocumentType* type, const std::string& school_year) {
    if (type && !type->official) return "content";
    std::string year = school_year.empty() ? kUnknownSchoolYearFolder : school_year;
    if (!type || type->id == "ke-hoach" || type->id == "phan-cong") return "plans/" + year;
    if (type->id == "cong-khai") return "content/cong-khai/" + year;
    return "content/van-ban/" + year;
}

std::string document_base_name(const DocumentType* type, const std::string& title) {
    std::string id = type ? type->id : "van-ban";
    std::string base = ascii_slug(type && !type->official ? title : id + " " + title);
    return base.empty() ? id : base;
}

namespace {

// The page, the PDF or the Word file of `relative` would be one the site writes for itself.
bool site_needs_name(const std::string& relative) {
    std::string page = output_path(relative);
    const auto& own = site_own_files();
    for (const std::string& p : {page, pdf_page(page), docx_page(page)})
        if (std::find(own.begin(), own.end(), p) != own.end()) return true;
    return false;
}

}  // namespace

std::string document_place(const std::string& root, const DocumentType* type, const std::string& school_year,
                           const std::string& title, const PlaceOptions& options) {
    std::string folder = document_folder(type, school_year);
    std::string base = document_base_name(type, title);
    auto taken = [&](const std::string& relative) {
        if (site_needs_name(relative) || options.claimed.count(relative)) return true;
        std::error_code ec;
        return !options.replace && fs::exists(fs::symlink_status(fs::path(root) / relative, ec));
    };
    std::string relative = folder + "/" + base + ".md";
    for (int n = 2; taken(relative); ++n) relative = folder + "/" + base + "-" + std::to_string(n) + ".md";
    return relative;
}

}  // namespace vanban
