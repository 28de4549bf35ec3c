// vanban: official school documents as code. The command line: `vanban <command> [options]`.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "support/interrupt.h"

int main(int argc, char** argv) {
    vanban::install_interrupt_handler();
    std::vector<std::string> args(argv + 1, argv + argc);
    return vanban::run_command(args, std::cout, std::cerr);
}
