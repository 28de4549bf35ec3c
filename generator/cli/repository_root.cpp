#include "cli/repository_root.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

namespace vanban {

namespace {

// Owned by this user or by root, as git's safe.directory reasoning trusts.
bool trusted_owner(const std::filesystem::path& p) {
    struct stat st;
    if (::lstat(p.c_str(), &st) != 0) return false;
    return st.st_uid == ::geteuid() || st.st_uid == 0;
}

}  // namespace

std::string find_repository_root() {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path here = fs::current_path(ec);
    if (ec) return "";
    for (fs::path dir = here;; dir = dir.parent_path()) {
        if (!trusted_owner(dir)) return "";
        if (fs::is_regular_file(dir / "vanban.yaml", ec)) {
            if (!trusted_owner(dir / "vanban.yaml")) return "";
            return dir == here ? "." : dir.lexically_relative(here).string();
        }
        if (dir == dir.parent_path()) return "";
    }
}

}  // namespace vanban
