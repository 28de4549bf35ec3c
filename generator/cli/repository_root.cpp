#include "cli/repository_root.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "support/process.h"

namespace vanban {

namespace fs = std::filesystem;

namespace {

bool owned_by_user_or_root(const fs::path& p) {
    struct stat st;
    if (::lstat(p.c_str(), &st) != 0) return false;
    return st.st_uid == ::geteuid() || st.st_uid == 0;
}

// The folders git's safe.directory trusts although another user owns them (a CI checkout made by
// the runner's user, read in a container as root). Read only when such a folder is met.
bool listed_as_safe(const fs::path& dir) {
    ProcessResult r = run_process({"git", "config", "--get-all", "safe.directory"});
    if (!r.started || r.exit_code != 0) return false;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        if (line == "*") return true;
        fs::path listed = fs::path(line).lexically_normal();
        if (listed == dir || listed / "" == dir / "") return true;
        // "/srv/repos/*": every folder under it (git 2.46).
        if (line.size() > 2 && line.compare(line.size() - 2, 2, "/*") == 0 && dir.string().rfind(line.substr(0, line.size() - 1), 0) == 0)
            return true;
    }
    return false;
}

}  // namespace

std::string find_repository_root() {
    std::error_code ec;
    fs::path here = fs::current_path(ec);
    if (ec) return "";
    for (fs::path dir = here;; dir = dir.parent_path()) {
        bool own_folder = owned_by_user_or_root(dir);
        bool has_config = fs::is_regular_file(dir / "vanban.yaml", ec);
        if (!own_folder || (has_config && !owned_by_user_or_root(dir / "vanban.yaml"))) {
            if (!listed_as_safe(dir)) return "";
        }
        if (has_config) return dir == here ? "." : dir.lexically_relative(here).string();
        if (dir == dir.parent_path()) return "";
    }
}

}  // namespace vanban
