// Runs the real vanban binary and captures what it prints, for end-to-end tests.
#pragma once

#include <signal.h>
#include <sys/wait.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace vanban::e2e {

struct Run {
    int exit_code = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};

inline std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs a shell command line (for poppler's tools); stdout only.
inline std::string run_command(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return out;
    std::array<char, 4096> buffer;
    size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
    ::pclose(pipe);
    return out;
}

// `environment` is prepended to the command: "VANBAN_WEASYPRINT=/x ". The CI variables of the
// test run itself (CI, GITHUB_ACTIONS, …) are not passed on (they change how approvals are
// judged) unless given here.
inline Run run_vanban(const std::string& args, const std::string& environment = "") {
    static int counter = 0;
    std::string err_file = (std::filesystem::temp_directory_path() / ("vanban-e2e-" + std::to_string(::getpid()) + "-" +
                                                                       std::to_string(counter++) + ".err")).string();
    std::string command = "env -u CI -u GITHUB_ACTIONS -u GITLAB_CI -u TF_BUILD -u JENKINS_URL -u BUILDKITE -u CIRCLECI -u TRAVIS "
                          "-u TEAMCITY_VERSION " +
                          environment + shell_quote(VANBAN_BINARY) + " " + args + " 2>" + shell_quote(err_file);
    Run run;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return run;
    std::array<char, 4096> buffer;
    size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
    int status = ::pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.err = slurp(err_file);
    std::filesystem::remove(err_file);
    return run;
}

// Temporary files or folders ("….tmp-PID…") left anywhere under `dir`: a clean exit leaves none.
inline std::vector<std::string> leftover_temporaries(const std::filesystem::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) out.push_back(e.path().string());
    return out;
}

inline std::string fixture(const std::string& name) { return std::string(VANBAN_TEST_DATA) + "/fixtures/" + name; }

// A fresh, empty temporary folder removed at the end of the test.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        static int counter = 0;
        path = std::filesystem::temp_directory_path() /
               ("vanban-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::string str() const { return path.string(); }
    // A copy of a fixture repository inside this folder, for tests that change it.
    std::filesystem::path copy_of(const std::string& name) const {
        std::filesystem::path root = path / "repo";
        std::filesystem::copy(fixture(name), root, std::filesystem::copy_options::recursive);
        return root;
    }
};

// `vanban serve --port 0` on a copy of the clean fixture, changed first by `prepare` if given,
// and stopped (SIGINT, then waited for) at the end. `port` stays 0 if it did not start.
struct Served {
    TempDir tmp;
    std::filesystem::path root;
    std::string pid, log;
    int port = 0;
    // `prepare` changes the repository before serving; `environment` ("NAME=value ") is set for vanban.
    explicit Served(const std::function<void(const std::filesystem::path&)>& prepare = nullptr, const std::string& environment = "") {
        root = tmp.copy_of("clean");
        if (prepare) prepare(root);
        log = tmp.str() + "/serve.log";
        pid = run_command("env " + environment + shell_quote(VANBAN_BINARY) + " serve --port 0 --root " + shell_quote(root.string()) + " > " + shell_quote(log) +
                          " 2>&1 & echo $!");
        while (!pid.empty() && pid.back() == '\n') pid.pop_back();
        for (int i = 0; i < 200 && port == 0; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            std::string text = slurp(log);
            size_t at = text.find("http://127.0.0.1:");
            if (at != std::string::npos) port = std::stoi(text.substr(at + 17));
        }
    }
    ~Served() {
        if (pid.empty()) return;
        ::kill(std::stoi(pid), SIGINT);
        for (int i = 0; i < 100 && ::kill(std::stoi(pid), 0) == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    Served(const Served&) = delete;
    Served& operator=(const Served&) = delete;
};

}  // namespace vanban::e2e
