// The import's own proof: every word and number of the Word file (read from Pandoc's AST,
// independently of the import's reader) is looked for in the written Markdown (front
// matter values and body). What the printed template brings back (Quốc hiệu, "Số:", the
// type word of the title…) counts as carried; anything else missing is listed by place.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace vanban {

struct FidelityReport {
    struct Missing {
        int paragraph = 0;               // 1-based, in reading order of the Word file
        std::string near;                // the start of that paragraph
        std::vector<std::string> words;  // words and numbers not found in the Markdown
    };
    size_t words = 0;    // words and numbers in the Word file
    size_t carried = 0;  // of which found in the Markdown
    std::vector<Missing> missing;

    bool complete() const { return carried == words; }
};

FidelityReport check_fidelity(const nlohmann::json& pandoc_ast, const std::string& markdown,
                              const std::vector<std::string>& template_text);

// Vietnamese summary lines for `vanban import`.
std::string describe(const FidelityReport& report);

}  // namespace vanban
