#include "load/published_files.h"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace vanban {

static bool hidden(const std::string& name) { return !name.empty() && (name[0] == '.' || name[0] == '_'); }

std::vector<std::string> published_files(const std::string& root) {
    std::vector<std::string> paths;
    for (const char* top : {"plans", "content"}) {
        fs::path dir = fs::path(root) / top;
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) continue;
        for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (hidden(it->path().filename().string())) {
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file()) paths.push_back(fs::relative(it->path(), root).generic_string());
        }
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

bool is_published(const std::string& path) {
    if (path.rfind("content/", 0) != 0 && path.rfind("plans/", 0) != 0) return false;
    size_t start = 0;
    while (start < path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        if (hidden(path.substr(start, end - start))) return false;
        start = end + 1;
    }
    return true;
}

}  // namespace vanban
