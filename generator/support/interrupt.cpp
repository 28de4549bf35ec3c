#include "support/interrupt.h"

#include <signal.h>

#include <atomic>

namespace vanban {

namespace {

std::atomic<bool> g_interrupted{false};
// A fixed table, so the signal handler only reads atomics and calls kill().
constexpr int kMaxChildren = 256;
std::atomic<pid_t> g_children[kMaxChildren];

void on_signal(int) {
    g_interrupted = true;
    for (auto& child : g_children)
        if (pid_t pid = child.load()) ::kill(-pid, SIGKILL);
}

}  // namespace

void install_interrupt_handler() {
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

bool interrupted() { return g_interrupted; }

void throw_if_interrupted() {
    if (g_interrupted) throw Interrupted();
}

void register_child(pid_t process_group) {
    for (auto& child : g_children) {
        pid_t empty = 0;
        if (child.compare_exchange_strong(empty, process_group)) break;
    }
    if (g_interrupted) ::kill(-process_group, SIGKILL);
}

void unregister_child(pid_t process_group) {
    for (auto& child : g_children) {
        pid_t expected = process_group;
        if (child.compare_exchange_strong(expected, 0)) break;
    }
}

}  // namespace vanban
