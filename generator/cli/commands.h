// The subcommands of vanban and their options (Boost.Program_options).
// Exit codes: 0 success, 1 problems found in the documents, 2 usage or I/O failure.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace vanban {

int run_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace vanban
