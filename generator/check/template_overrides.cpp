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
    fs::path own = fs::path(root) / "templates";
    if (!fs::is_directory(own, ec) || fs::equivalent(own, shipped, ec)) return out;
    for (auto it = fs::recursive_directory_iterator(own, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::string relative = it->path().lexically_relative(own).generic_string();
        // A linked file is not used (the loader reports it), so it overrides nothing.
        if (!is_plain_file(root, "templates/" + relative)) continue;
        std::error_code missing;
        if (fs::is_regular_file(fs::path(shipped) / relative, missing)) out.push_back("templates/" + relative);
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
