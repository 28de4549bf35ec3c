// Runs an external program (Pandoc, WeasyPrint) with arguments, extra environment, input
// on stdin and a time limit; collects its output. No shell is involved.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace vanban {

struct ProcessResult {
    bool started = false;     // false: the program could not be run (not installed?)
    bool timed_out = false;   // killed after the time limit
    int exit_code = -1;       // valid when started && !timed_out && !signalled
    int signal = 0;           // the signal that ended it, 0 if none
    std::string out, err;
    std::string start_error;  // why it could not start

    bool ok() const { return started && !timed_out && signal == 0 && exit_code == 0; }
};

struct ProcessOptions {
    std::vector<std::string> environment;  // "NAME=value" added to (or replacing in) the inherited environment
    std::string input;                     // written to the program's stdin
    std::chrono::milliseconds timeout{60000};
};

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// Looks a program up in PATH (or takes it as given when it contains a '/'); empty if not found.
std::string find_program(const std::string& name);

}  // namespace vanban
