#include "pdf/weasyprint_worker.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support/interrupt.h"

extern char** environ;

namespace vanban {

WorkerCommand weasyprint_worker_command(const std::string& weasyprint_program, size_t memory_mb) {
    WorkerCommand command;
    command.memory_mb = memory_mb;
    if (const char* python = std::getenv("VANBAN_PYTHON"); python && *python) {
        command.interpreter = {python};
        return command;
    }
    std::string program = find_program(weasyprint_program);
    if (program.empty()) {
        command.start_error = "không tìm thấy chương trình " + weasyprint_program;
        return command;
    }
    std::ifstream in(program, std::ios::binary);
    std::string line;
    std::getline(in, line);
    if (line.rfind("#!", 0) != 0) {
        command.start_error = program + " không phải chương trình Python (không có dòng #!)";
        return command;
    }
    // "#!/usr/bin/python3" or "#!/usr/bin/env python3": the words of the line.
    std::istringstream words(line.substr(2));
    for (std::string word; words >> word;) command.interpreter.push_back(word);
    if (command.interpreter.empty()) command.start_error = program + " có dòng #! trống";
    return command;
}

namespace {

std::string framed(const std::string& message) {
    uint32_t size = static_cast<uint32_t>(message.size());
    unsigned char head[4] = {static_cast<unsigned char>(size >> 24), static_cast<unsigned char>(size >> 16),
                             static_cast<unsigned char>(size >> 8), static_cast<unsigned char>(size)};
    return std::string(reinterpret_cast<char*>(head), 4) + message;
}

void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

}  // namespace

WeasyPrintWorker::WeasyPrintWorker(WorkerCommand command, std::string stylesheet)
    : command_(std::move(command)), stylesheet_(std::move(stylesheet)) {}

WeasyPrintWorker::~WeasyPrintWorker() { stop(); }

void WeasyPrintWorker::stop() {
    close_fd(to_worker_);
    close_fd(from_worker_);
    close_fd(worker_errors_);
    if (pid_ > 0) {
        ::kill(-pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        unregister_child(pid_);
    }
    pid_ = -1;
}

bool WeasyPrintWorker::start(ProcessResult& result) {
    // A worker that dies while it is sent a request must not take vanban down with SIGPIPE.
    static const bool ignore_sigpipe = [] { return ::signal(SIGPIPE, SIG_IGN) != SIG_ERR; }();
    (void)ignore_sigpipe;
    result.memory_limited = command_.memory_mb > 0;
    if (command_.interpreter.empty()) {
        result.start_error = command_.start_error;
        return false;
    }
    std::string program = find_program(command_.interpreter[0]);
    if (program.empty()) {
        result.start_error = "không tìm thấy chương trình " + command_.interpreter[0];
        return false;
    }
    std::vector<std::string> args = command_.interpreter;
    args.insert(args.end(), {"-c", kWeasyPrintWorkerSource});
    std::vector<char*> argp;
    for (auto& a : args) argp.push_back(a.data());
    argp.push_back(nullptr);

    // Pipes with O_CLOEXEC: another worker started meanwhile must not hold this one's pipes open.
    ChildProcess child = spawn_child(program, argp.data(), environ, command_.memory_mb, result);
    if (!child.running()) return false;
    pid_t pid = child.pid;
    int(&in)[2] = child.pipes[0];
    int(&out)[2] = child.pipes[1];
    int(&err)[2] = child.pipes[2];
    register_child(pid);
    pid_ = pid;
    to_worker_ = in[1];
    from_worker_ = out[0];
    worker_errors_ = err[0];
    for (int fd : {to_worker_, from_worker_, worker_errors_}) ::fcntl(fd, F_SETFL, O_NONBLOCK);
    result.started = true;
    return true;
}

bool WeasyPrintWorker::exchange(const std::string& message, std::chrono::steady_clock::time_point deadline,
                                ProcessResult& result) {
    std::string pending = framed(message);
    size_t written = 0;
    std::string answer;
    char buffer[65536];
    while (true) {
        if (answer.size() >= 4) {
            size_t size = (size_t(static_cast<unsigned char>(answer[0])) << 24) |
                          (size_t(static_cast<unsigned char>(answer[1])) << 16) |
                          (size_t(static_cast<unsigned char>(answer[2])) << 8) |
                          size_t(static_cast<unsigned char>(answer[3]));
            if (answer.size() >= 4 + size) {
                result.out = answer.substr(4, size);
                result.exit_code = 0;
                return true;
            }
        }
        auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0) {
            result.timed_out = true;
            return false;
        }
        if (from_worker_ < 0) break;  // the answers' pipe closed: the worker is gone
        pollfd fds[3];
        int n = 0;
        if (written < pending.size()) fds[n++] = {to_worker_, POLLOUT, 0};
        if (from_worker_ >= 0) fds[n++] = {from_worker_, POLLIN, 0};
        if (worker_errors_ >= 0) fds[n++] = {worker_errors_, POLLIN, 0};
        int ready = ::poll(fds, static_cast<nfds_t>(n), static_cast<int>(std::min<long long>(left, 1000)));
        if (ready < 0 && errno != EINTR) break;
        for (int k = 0; k < n; ++k) {
            if (fds[k].revents == 0) continue;
            if (fds[k].fd == to_worker_) {
                ssize_t w = ::write(to_worker_, pending.data() + written, pending.size() - written);
                if (w > 0) written += static_cast<size_t>(w);
                else if (w < 0 && errno != EAGAIN && errno != EINTR)
                    written = pending.size();  // broken pipe: read what it said
            } else {
                bool answers = fds[k].fd == from_worker_;
                ssize_t r = ::read(fds[k].fd, buffer, sizeof buffer);
                if (r > 0) {
                    if (answers) answer.append(buffer, static_cast<size_t>(r));
                    else result.err.append(buffer, static_cast<size_t>(r));
                } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
                    close_fd(answers ? from_worker_ : worker_errors_);
                }
            }
        }
    }
    // The worker ended without an answer: collect the rest of its stderr and how it ended.
    while (worker_errors_ >= 0) {
        pollfd fd{worker_errors_, POLLIN, 0};
        if (::poll(&fd, 1, 1000) <= 0) break;
        ssize_t r = ::read(worker_errors_, buffer, sizeof buffer);
        if (r > 0) result.err.append(buffer, static_cast<size_t>(r));
        else if (r == 0 || (errno != EAGAIN && errno != EINTR)) close_fd(worker_errors_);
    }
    int status = 0;
    close_fd(to_worker_);
    if (::waitpid(pid_, &status, 0) == pid_) {
        unregister_child(pid_);
        pid_ = -1;
        if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
        if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    }
    return false;
}

ProcessResult WeasyPrintWorker::call(const std::string& request, std::chrono::steady_clock::time_point deadline) {
    ProcessResult result;
    result.memory_limited = command_.memory_mb > 0;
    if (pid_ < 0) {
        if (!start(result)) return result;
        // The set-up: WeasyPrint imported, the style sheet parsed, once per worker.
        std::string setup =
            nlohmann::json{{"stylesheet", stylesheet_}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        if (!exchange(setup, deadline, result)) {
            stop();
            return result;
        }
        result.err.clear();
    }
    result.started = true;
    result.exit_code = -1;
    if (!exchange(request, deadline, result)) stop();
    return result;
}

}  // namespace vanban
