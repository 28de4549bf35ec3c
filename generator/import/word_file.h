// Reading a Word file safely: .doc, .odt and .rtf go through LibreOffice first (when installed),
// a .docx whose entries would expand to an absurd size (a zip bomb) is refused before
// Pandoc opens it, and Pandoc runs with a memory limit and a time limit.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>

namespace vanban {

// The defaults of Pandoc's limits come from tool_limits() (support/process.h), which also reads
// their VANBAN_… variables; the zip limits are here.
struct WordFileLimits {
    std::uint64_t max_expanded_bytes = 512ull << 20;  // all entries of the .docx together, uncompressed
    std::uint64_t max_ratio = 200;                    // uncompressed / compressed, for a file of more than 10 MB expanded
    std::string pandoc_heap = "1500m";                // Pandoc's RTS -M
    std::chrono::milliseconds timeout{180000};
};

struct WordFileResult {
    bool ok = false;
    std::string json;   // Pandoc's AST
    std::string error;  // in Vietnamese, what to do
    // Word's custom document properties (File → Properties → Custom): name → text. Pandoc 2.17
    // writes them but does not read them back, so vanban reads docProps/custom.xml itself.
    std::map<std::string, std::string> properties;
};

WordFileResult read_word_file(const std::string& path, const std::string& pandoc, const WordFileLimits& limits = {});

}  // namespace vanban
