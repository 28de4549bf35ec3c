// Which items of two sequences stay the same, in order (paragraphs of two plans, words of two
// paragraphs, rows of two tables), with work and memory that grow linearly with the sequences:
// common ends first, then items found exactly once on each side as anchors (patience diff),
// a longest common subsequence only inside small gaps, and a windowed scan past the caps.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vanban {

struct AlignStats {
    size_t steps = 0;      // items looked at, anchors sorted and LCS cells filled, in all
    size_t lcs_cells = 0;  // of which LCS cells
    bool capped = false;   // a gap too large for an LCS was scanned with the window instead
};

// Pairs (i, j) with a[i] == b[j], increasing in both i and j.
std::vector<std::pair<size_t, size_t>> align_sequences(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
                                                       AlignStats* stats = nullptr);

// Numbers for strings, so sequences of texts are aligned as sequences of numbers.
class Interner {
public:
    uint32_t id(const std::string& s) { return ids_.emplace(s, static_cast<uint32_t>(ids_.size())).first->second; }

private:
    std::unordered_map<std::string, uint32_t> ids_;
};

}  // namespace vanban
