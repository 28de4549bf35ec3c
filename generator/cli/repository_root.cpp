#include "cli/repository_root.h"

#include <filesystem>

namespace vanban {

std::string find_repository_root() {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path here = fs::current_path(ec);
    if (ec) return "";
    for (fs::path dir = here;; dir = dir.parent_path()) {
        if (fs::is_regular_file(dir / "vanban.yaml", ec)) return dir == here ? "." : dir.lexically_relative(here).string();
        if (dir == dir.parent_path()) return "";
    }
}

}  // namespace vanban
