#include "cli/repository_root.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
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

// Only the system and global configuration, as git reads safe.directory: the foreign
// repository's own .git/config must not be able to vouch for itself.
bool listed_as_safe(const fs::path& dir) {
    std::vector<std::string> values;
    for (const char* scope : {"--system", "--global"}) {
        if (scope == std::string("--system") && std::getenv("GIT_CONFIG_NOSYSTEM")) continue;  // as git
        ProcessResult r = run_process({"git", "config", scope, "--get-all", "safe.directory"});
        if (!r.started || r.exit_code != 0) continue;
        std::istringstream lines(r.out);
        for (std::string line; std::getline(lines, line);) values.push_back(line);
    }
    const char* home = std::getenv("HOME");
    return safe_directory_lists(values, dir.string(), home ? home : "");
}

}  // namespace

bool safe_directory_lists(const std::vector<std::string>& values, const std::string& dir, const std::string& home) {
    bool safe = false;
    for (const std::string& v : values) {
        if (v.empty())
            safe = false;
        else if (v == "*")
            safe = true;
        else if (v.rfind("~/", 0) == 0 ? home + v.substr(1) == dir : v == dir)
            safe = true;
    }
    return safe;
}

FoundRoot find_repository_root() {
    std::error_code ec;
    fs::path here = fs::current_path(ec);
    if (ec) return {};
    for (fs::path dir = here;; dir = dir.parent_path()) {
        if (fs::is_regular_file(dir / "vanban.yaml", ec)) {
            bool own = owned_by_user_or_root(dir) && owned_by_user_or_root(dir / "vanban.yaml");
            if (!own && !listed_as_safe(dir)) return {"", dir.string()};
            return {dir == here ? "." : dir.lexically_relative(here).string(), ""};
        }
        if (dir == dir.parent_path()) return {};
    }
}

}  // namespace vanban
