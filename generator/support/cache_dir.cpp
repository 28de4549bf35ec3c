#include "support/cache_dir.h"

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace vanban {

std::string cache_root() {
    if (const char* v = std::getenv("VANBAN_CACHE"); v && *v) return v;
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return (fs::path(x) / "vanban").string();
    if (const char* h = std::getenv("HOME"); h && *h) return (fs::path(h) / ".cache" / "vanban").string();
    return (fs::temp_directory_path() / "vanban-cache").string();
}

}  // namespace vanban
