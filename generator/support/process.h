// Runs an external program (Pandoc, WeasyPrint) with arguments, extra environment, input
// on stdin and a time limit; collects its output. No shell is involved.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

struct ProcessResult {
    bool started = false;     // false: the program could not be run (not installed?)
    bool timed_out = false;   // killed after the time limit
    int exit_code = -1;       // valid when started && !timed_out && !signalled
    int signal = 0;           // the signal that ended it, 0 if none
    std::string out, err;
    std::string start_error;  // why it could not start
    bool memory_limited = false;  // it ran under a memory limit (ProcessOptions::memory_mb)

    bool ok() const { return started && !timed_out && signal == 0 && exit_code == 0; }
};

struct ProcessOptions {
    std::vector<std::string> environment;  // "NAME=value" added to (or replacing in) the inherited environment
    std::string input;                     // written to the program's stdin
    std::chrono::milliseconds timeout{60000};
    size_t memory_mb = 0;                  // the program's address space (RLIMIT_AS), 0: no limit
};

// The limits of the external programs, in one place. Each has a default here and a variable
// that changes it (tests lower them):
//   VANBAN_PANDOC_MEMORY      Pandoc's heap in MB when it reads a Word file (RTS -M): 1500
//   VANBAN_PANDOC_TIMEOUT     seconds Pandoc may take to read a Word file: 180
//   VANBAN_WEASYPRINT_MEMORY  WeasyPrint's address space in MB (RLIMIT_AS): 3000
// WeasyPrint's time is the PDF's (--pdf-timeout, 120 s a document). Pandoc gets no RLIMIT_AS:
// its runtime reserves a large address space at start, so its heap limit is the RTS's own.
struct ToolLimits {
    size_t pandoc_memory_mb = 1500;
    std::chrono::seconds pandoc_timeout{180};
    size_t weasyprint_memory_mb = 3000;
};
ToolLimits tool_limits();

// True when a program that ran under a memory limit (memory_mb) most likely stopped for lack
// of it; never for a program without one (a crash is then just a crash).
bool out_of_memory(const ProcessResult& result);

// A whole number written plainly: decimal digits only ("12abc", "-1", "+3", " 4", "0x10" are not).
std::optional<unsigned long long> parse_whole_number(std::string_view text);
// A limit from the environment variable `name`: its value when it is a whole number from 1 to
// `max`; nullopt when unset or empty. Any other value is ignored with a warning on stderr (the
// default holds): a typo in a variable must not stop a build, but must not pass unseen either.
std::optional<unsigned long long> limit_from_environment(const char* name, unsigned long long max);

// A program started by spawn_child: its process id, and the parent's ends of its stdin (pipes[0][1]),
// stdout (pipes[1][0]) and stderr (pipes[2][0]); the child's ends are closed already.
struct ChildProcess {
    pid_t pid = -1;
    int pipes[3][2] = {{-1, -1}, {-1, -1}, {-1, -1}};
    bool running() const { return pid > 0; }
};
// fork + execve of `program` (a full path) in its own process group, under RLIMIT_AS of `memory_mb`
// (0: none). Sets result.memory_limited, and result.start_error when it cannot start (pid then -1).
// The caller registers the child (register_child) and owns the three descriptors.
ChildProcess spawn_child(const std::string& program, char* const argv[], char* const envp[], size_t memory_mb,
                         ProcessResult& result);

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// Looks a program up in PATH (or takes it as given when it contains a '/'); empty if not found.
std::string find_program(const std::string& name);

}  // namespace vanban
