// Writes diagnostics for people (text), programs (JSON) and GitHub Actions (annotations).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace vanban {

enum class ReportFormat { Text, Json, Github };

struct ReportOptions {
    ReportFormat format = ReportFormat::Text;
    bool english = false;
    size_t documents = 0;  // for the closing summary line of the text format
    bool chosen = false;   // the documents were named on the command line: "trong 2 văn bản đã chọn"
    bool summary = true;   // the closing line; off where the caller writes its own
};

void write_report(const std::vector<Diagnostic>& diagnostics, const ReportOptions& options, std::ostream& out);

}  // namespace vanban
