// Which school repository a command works on when --root is not given: the nearest folder,
// from the current one upward, that holds vanban.yaml (as git finds .git).
#pragma once

#include <string>

namespace vanban {

// That folder as a path from the current folder ("." or "../.."); empty when there is none.
// The search stops at a folder, or a vanban.yaml, owned by neither the current user nor root:
// another user's /tmp/vanban.yaml must not decide what this user's commands read or write —
// unless git's safe.directory lists that folder, as it does for git itself.
std::string find_repository_root();

}  // namespace vanban
