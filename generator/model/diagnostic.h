// A problem found in the repository, in Vietnamese and English.
#pragma once

#include <string>
#include <vector>

#include "model/document.h"

namespace vanban {

enum class Severity { Error, Warning };

struct Message {
    std::string vi;
    std::string en;
    const std::string& in(bool english) const { return english ? en : vi; }
};

struct Diagnostic {
    std::string file;
    Position at;
    Severity severity = Severity::Error;
    std::string rule;  // "front-matter", "table-sum", ...
    Message message;
    Message hint;      // what to do; may be empty
};

// Sorts by file, line, column, rule and message, so output never depends on thread timing.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);
size_t count_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace vanban
