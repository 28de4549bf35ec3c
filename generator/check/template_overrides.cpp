#include "check/template_overrides.h"

#include <algorithm>
#include <filesystem>

#include "load/published_files.h"
#include "text/markup.h"

namespace fs = std::filesystem;

namespace vanban {

std::vector<std::string> template_overrides(const std::string& root, const std::string& shipped) {
    std::vector<std::string> out;
    std::error_code ec;
    // No link is followed, not even templates/ itself: a link to /usr would be walked whole.
    fs::path own = fs::path(root) / "templates";
    if (!fs::is_directory(fs::symlink_status(own, ec)) || fs::equivalent(own, shipped, ec)) return out;
    for (const auto& file : plain_files_under(root, "templates")) {
        std::error_code missing;
        if (fs::is_regular_file(fs::path(shipped) / file.substr(std::string("templates/").size()), missing)) out.push_back(file);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void write_template_overrides(const std::vector<std::string>& files, const ReportOptions& options, std::ostream& out) {
    if (options.format == ReportFormat::Json) return;
    for (const auto& file : files) {
        if (options.english)
            out << "note: " << one_line(file) << " of the school replaces the file vanban ships under the same name\n";
        else
            out << "ghi chú: " << one_line(file) << " của trường thay cho tệp cùng tên vanban cài sẵn\n";
    }
}

}  // namespace vanban
