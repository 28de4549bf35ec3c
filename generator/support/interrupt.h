// Ctrl-C and SIGTERM: the programs vanban started are stopped at once, and the work in
// progress ends by an exception, so temporary folders and files are removed on the way out.
#pragma once

#include <stdexcept>
#include <sys/types.h>

namespace vanban {

struct Interrupted : std::runtime_error {
    Interrupted() : std::runtime_error("đã dừng theo yêu cầu (Ctrl-C)") {}
};

void install_interrupt_handler();
bool interrupted();
void throw_if_interrupted();

// Process groups of running children, killed when an interrupt arrives.
void register_child(pid_t process_group);
void unregister_child(pid_t process_group);

}  // namespace vanban
