// Which school repository a command works on when --root is not given: the nearest folder,
// from the current one upward, that holds vanban.yaml (as git finds .git).
#pragma once

#include <string>

namespace vanban {

// That folder as a path from the current folder ("." or "../.."); empty when there is none.
std::string find_repository_root();

}  // namespace vanban
