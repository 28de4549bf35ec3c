// Which school repository a command works on when --root is not given: the nearest folder,
// from the current one upward, that holds vanban.yaml (as git finds .git).
#pragma once

#include <string>
#include <vector>

namespace vanban {

struct FoundRoot {
    std::string path;     // as a path from the current folder ("." or "../.."); empty when none is usable
    std::string foreign;  // the absolute folder of the nearest vanban.yaml when refused for its owner
};

// The nearest vanban.yaml decides. It is refused (path empty, `foreign` set) when it or its
// folder is owned by neither the current user nor root: another user's /tmp/vanban.yaml must not
// decide what this user's commands read or write — unless git's safe.directory lists that
// folder, as it does for git itself (git checks the work tree's owner, not the folders between).
FoundRoot find_repository_root();

// Whether git 2.39 would call `dir` safe given the safe.directory values in order (system, then
// global configuration): "" empties the list so far, "*" trusts every folder, any other value
// trusts exactly that path ("~/" expanded with `home`), so "/srv/repo/" does not list /srv/repo.
bool safe_directory_lists(const std::vector<std::string>& values, const std::string& dir, const std::string& home);

}  // namespace vanban
