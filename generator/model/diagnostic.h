// A problem found in the repository, in Vietnamese and English.
#pragma once

#include <exception>
#include <string>
#include <vector>

#include "model/document.h"
#include "support/message.h"

namespace vanban {

enum class Severity { Error, Warning };

struct Diagnostic {
    std::string file;
    Position at;
    Severity severity = Severity::Error;
    std::string rule;  // "front-matter", "table-sum", ...
    Message message;
    Message hint;  // what to do; may be empty
};

// Sorts by file, line, column, rule and message, so output never depends on thread timing.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);
size_t count_errors(const std::vector<Diagnostic>& diagnostics);

// One document that a step (reading, checking, building a page…) could not finish: an error
// of rule unreadable on `file`, "<doing>: <what happened>", so that the other documents go on.
Diagnostic unreadable(const std::string& file, const Message& doing, const std::exception& e, Position at = {1, 1});

}  // namespace vanban
