#include "support/process.h"

#include "support/interrupt.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <limits>
#include <map>

extern char** environ;

namespace vanban {

std::string find_program(const std::string& name) {
    auto executable = [](const std::string& p) {
        struct stat st{};
        return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(p.c_str(), X_OK) == 0;
    };
    if (name.find('/') != std::string::npos) return executable(name) ? name : std::string();
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
    size_t start = 0;
    while (start <= dirs.size()) {
        size_t end = dirs.find(':', start);
        if (end == std::string::npos) end = dirs.size();
        std::string candidate = dirs.substr(start, end - start) + "/" + name;
        if (end > start && executable(candidate)) return candidate;
        start = end + 1;
    }
    return {};
}

ChildProcess spawn_child(const std::string& program, char* const argv[], char* const envp[], size_t memory_mb,
                         ProcessResult& result) {
    ChildProcess child;
    int pipes[4][2];
    for (int i = 0; i < 4; ++i)
        if (::pipe2(pipes[i], O_CLOEXEC) != 0) {
            result.start_error = std::strerror(errno);
            for (int j = 0; j < i; ++j) {  // the ones already open
                ::close(pipes[j][0]);
                ::close(pipes[j][1]);
            }
            return child;
        }
    int(&in_pipe)[2] = pipes[0];
    int(&out_pipe)[2] = pipes[1];
    int(&err_pipe)[2] = pipes[2];
    int(&exec_pipe)[2] = pipes[3];
    // fork and exec rather than posix_spawn, which cannot set a resource limit in the child.
    // Between the two only system calls: the parent has other threads.
    rlimit memory{};
    // In bytes; a value too large for rlim_t (a huge variable) means no limit rather than a wrapped one.
    const size_t max_mb = static_cast<size_t>(std::numeric_limits<rlim_t>::max() >> 20);
    memory.rlim_cur = memory.rlim_max = memory_mb >= max_mb ? RLIM_INFINITY : static_cast<rlim_t>(memory_mb) << 20;
    result.memory_limited = memory_mb > 0 && memory_mb < max_mb;
    // A pipe may have landed on 0-2 when vanban was started with them closed: dup2(fd, fd)
    // keeps O_CLOEXEC, so the flag is cleared instead.
    auto onto = [](int fd, int target) {
        if (fd == target) ::fcntl(fd, F_SETFD, 0);
        else ::dup2(fd, target);
    };
    pid_t pid = ::fork();
    if (pid == 0) {
        ::setpgid(0, 0);  // its own process group, so a time-out stops it and everything it started
        onto(in_pipe[0], 0);
        onto(out_pipe[1], 1);
        onto(err_pipe[1], 2);
        if (result.memory_limited) ::setrlimit(RLIMIT_AS, &memory);
        ::signal(SIGPIPE, SIG_DFL);
        ::execve(program.c_str(), argv, envp);
        int error = errno;
        ssize_t ignored = ::write(exec_pipe[1], &error, sizeof error);
        (void)ignored;
        ::_exit(127);
    }
    int spawn_error = pid < 0 ? errno : 0;
    ::close(exec_pipe[1]);
    if (pid > 0) {
        int error = 0;  // the exec's error, if it failed; nothing when the pipe closes on exec
        ssize_t n;
        while ((n = ::read(exec_pipe[0], &error, sizeof error)) < 0 && errno == EINTR) {
        }
        if (n == static_cast<ssize_t>(sizeof error)) {
            spawn_error = error;
            ::waitpid(pid, nullptr, 0);
        }
    }
    ::close(exec_pipe[0]);
    ::close(in_pipe[0]);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    if (spawn_error != 0) {
        ::close(in_pipe[1]);
        ::close(out_pipe[0]);
        ::close(err_pipe[0]);
        result.start_error = std::strerror(spawn_error);
        return child;
    }
    child.pid = pid;
    for (int i = 0; i < 3; ++i) std::copy(pipes[i], pipes[i] + 2, child.pipes[i]);
    return child;
}

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
    // A program that exits before reading all its input must not take vanban down with SIGPIPE.
    static const bool ignore_sigpipe = [] { return ::signal(SIGPIPE, SIG_IGN) != SIG_ERR; }();
    (void)ignore_sigpipe;
    ProcessResult result;
    std::string program = argv.empty() ? std::string() : find_program(argv[0]);
    if (program.empty()) {
        result.start_error = argv.empty() ? "no program" : "không tìm thấy chương trình " + argv[0];
        return result;
    }

    // The environment: inherited, with the options' variables replacing same-named ones.
    std::map<std::string, std::string> env;
    for (char** e = environ; *e; ++e) {
        std::string entry = *e;
        env[entry.substr(0, entry.find('='))] = entry;
    }
    for (const auto& entry : options.environment) env[entry.substr(0, entry.find('='))] = entry;
    std::vector<char*> envp;
    for (auto& [name, entry] : env) envp.push_back(entry.data());
    envp.push_back(nullptr);
    std::vector<std::string> args = argv;
    std::vector<char*> argp;
    for (auto& a : args) argp.push_back(a.data());
    argp.push_back(nullptr);

    ChildProcess child = spawn_child(program, argp.data(), envp.data(), options.memory_mb, result);
    if (!child.running()) return result;
    int(&in_pipe)[2] = child.pipes[0];
    int(&out_pipe)[2] = child.pipes[1];
    int(&err_pipe)[2] = child.pipes[2];
    pid_t pid = child.pid;
    result.started = true;
    register_child(pid);

    ::fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
    size_t written = 0;
    int in_fd = options.input.empty() ? -1 : in_pipe[1];
    if (in_fd < 0) ::close(in_pipe[1]);
    int out_fd = out_pipe[0], err_fd = err_pipe[0];
    auto deadline = std::chrono::steady_clock::now() + options.timeout;
    char buffer[65536];
    while (out_fd >= 0 || err_fd >= 0 || in_fd >= 0) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0) {
            result.timed_out = true;
            break;
        }
        pollfd fds[3];
        int n = 0;
        if (in_fd >= 0) fds[n++] = {in_fd, POLLOUT, 0};
        if (out_fd >= 0) fds[n++] = {out_fd, POLLIN, 0};
        if (err_fd >= 0) fds[n++] = {err_fd, POLLIN, 0};
        int ready = ::poll(fds, static_cast<nfds_t>(n), static_cast<int>(std::min<long long>(left, 1000)));
        if (ready < 0 && errno != EINTR) break;
        for (int k = 0; k < n; ++k) {
            if (fds[k].revents == 0) continue;
            if (fds[k].fd == in_fd) {
                ssize_t w = ::write(in_fd, options.input.data() + written, options.input.size() - written);
                if (w > 0) written += static_cast<size_t>(w);
                if (w < 0 && errno != EAGAIN) written = options.input.size();
                if (written >= options.input.size()) {
                    ::close(in_fd);
                    in_fd = -1;
                }
            } else {
                int& fd = fds[k].fd == out_fd ? out_fd : err_fd;
                std::string& sink = fds[k].fd == out_fd ? result.out : result.err;
                ssize_t r = ::read(fd, buffer, sizeof buffer);
                if (r > 0) {
                    sink.append(buffer, static_cast<size_t>(r));
                } else if (r == 0 || errno != EAGAIN) {
                    ::close(fd);
                    fd = -1;
                }
            }
        }
    }
    for (int fd : {in_fd, out_fd, err_fd})
        if (fd >= 0) ::close(fd);
    int status = 0;
    if (result.timed_out) {
        ::kill(-pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        unregister_child(pid);
        return result;
    }
    // Output closed: the program is ending; wait for it within what is left of the time limit.
    while (true) {
        pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (std::chrono::steady_clock::now() >= deadline) {
            result.timed_out = true;
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            unregister_child(pid);
            return result;
        }
        ::usleep(2000);
    }
    unregister_child(pid);
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    return result;
}

ToolLimits tool_limits() {
    ToolLimits limits;
    // Memory up to 16 TB, time up to a day: beyond is a typo (ignored with a warning).
    if (auto mb = limit_from_environment("VANBAN_PANDOC_MEMORY", 16ull << 20)) limits.pandoc_memory_mb = static_cast<size_t>(*mb);
    if (auto mb = limit_from_environment("VANBAN_WEASYPRINT_MEMORY", 16ull << 20)) limits.weasyprint_memory_mb = static_cast<size_t>(*mb);
    if (auto seconds = limit_from_environment("VANBAN_PANDOC_TIMEOUT", 86400)) limits.pandoc_timeout = std::chrono::seconds(*seconds);
    return limits;
}

std::optional<unsigned long long> parse_whole_number(std::string_view text) {
    if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
    unsigned long long n = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return n;
}

std::optional<unsigned long long> limit_from_environment(const char* name, unsigned long long max) {
    const char* v = std::getenv(name);
    if (!v || !*v) return std::nullopt;
    auto n = parse_whole_number(v);
    if (n && *n >= 1 && *n <= max) return n;
    std::cerr << "vanban: bỏ qua " << name << "=\"" << v << "\": cần một số nguyên từ 1 đến " << max << "; dùng giá trị mặc định\n";
    return std::nullopt;
}

bool out_of_memory(const ProcessResult& r) {
    if (!r.memory_limited || !r.started || r.timed_out || r.ok()) return false;
    for (const char* said : {"MemoryError", "Cannot allocate memory", "std::bad_alloc", "out of memory", "Heap exhausted"})
        if (r.err.find(said) != std::string::npos) return true;
    // A C library that fails an allocation often aborts or crashes instead of saying so.
    return r.signal == SIGABRT || r.signal == SIGSEGV || r.signal == SIGBUS;
}

}  // namespace vanban
