#include "diff/sequence_align.h"

#include <algorithm>

namespace vanban {

namespace {

// An LCS table is used for a gap of at most this many cells (8 MB of 16-bit counts); a larger
// gap without anchors is scanned with a window.
constexpr size_t kMaxLcsCells = 4'000'000;
// Steps allowed per item of both sequences before every gap left is scanned with the window.
constexpr size_t kStepsPerItem = 64;
constexpr size_t kStepsFloor = 1'000'000;
// How far ahead in the new sequence the windowed scan looks for an old item.
constexpr size_t kWindow = 32;

struct Range {
    size_t a0, a1, b0, b1;
};

class Aligner {
public:
    Aligner(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b, AlignStats& stats)
        : a_(a), b_(b), stats_(stats), budget_(kStepsPerItem * (a.size() + b.size()) + kStepsFloor) {}

    std::vector<std::pair<size_t, size_t>> run() {
        // A work list instead of recursion: a long run of gaps must not exhaust the stack.
        std::vector<Range> todo{{0, a_.size(), 0, b_.size()}};
        while (!todo.empty()) {
            Range r = todo.back();
            todo.pop_back();
            split(r, todo);
        }
        std::sort(matches_.begin(), matches_.end());
        return std::move(matches_);
    }

private:
    void match(size_t i, size_t j) { matches_.emplace_back(i, j); }

    void split(Range r, std::vector<Range>& todo) {
        while (r.a0 < r.a1 && r.b0 < r.b1 && a_[r.a0] == b_[r.b0]) match(r.a0++, r.b0++), ++stats_.steps;
        while (r.a0 < r.a1 && r.b0 < r.b1 && a_[r.a1 - 1] == b_[r.b1 - 1]) match(--r.a1, --r.b1), ++stats_.steps;
        size_t n = r.a1 - r.a0, m = r.b1 - r.b0;
        if (n == 0 || m == 0) return;
        if (stats_.steps > budget_) return window(r);
        if (anchors(r, todo)) return;
        if (n * m <= kMaxLcsCells && stats_.steps + n * m <= budget_) return lcs(r);
        window(r);
    }

    // Items found once in each side of the range, kept where they keep their order (the
    // longest increasing run of their places, found by patience sorting), split the range.
    bool anchors(const Range& r, std::vector<Range>& todo) {
        struct Seen {
            uint32_t in_a = 0, in_b = 0;
            size_t at_a = 0, at_b = 0;
        };
        std::unordered_map<uint32_t, Seen> seen;
        seen.reserve(r.a1 - r.a0);
        for (size_t i = r.a0; i < r.a1; ++i) {
            Seen& s = seen[a_[i]];
            ++s.in_a, s.at_a = i;
        }
        for (size_t j = r.b0; j < r.b1; ++j) {
            auto it = seen.find(b_[j]);
            if (it != seen.end()) ++it->second.in_b, it->second.at_b = j;
        }
        stats_.steps += (r.a1 - r.a0) + (r.b1 - r.b0);
        std::vector<std::pair<size_t, size_t>> unique;  // (i, j) in the order of i
        for (size_t i = r.a0; i < r.a1; ++i) {
            const Seen& s = seen[a_[i]];
            if (s.in_a == 1 && s.in_b == 1) unique.emplace_back(i, s.at_b);
        }
        if (unique.empty()) return false;
        std::vector<size_t> tails;                    // index into `unique` of the smallest tail of each length
        std::vector<long> previous(unique.size(), -1);
        for (size_t k = 0; k < unique.size(); ++k) {
            auto at = std::lower_bound(tails.begin(), tails.end(), unique[k].second,
                                       [&](size_t t, size_t j) { return unique[t].second < j; });
            if (at != tails.begin()) previous[k] = static_cast<long>(*(at - 1));
            if (at == tails.end()) tails.push_back(k);
            else *at = k;
        }
        stats_.steps += unique.size() * 2;
        std::vector<std::pair<size_t, size_t>> chain;
        for (long k = static_cast<long>(tails.back()); k >= 0; k = previous[static_cast<size_t>(k)]) chain.push_back(unique[static_cast<size_t>(k)]);
        std::reverse(chain.begin(), chain.end());
        size_t a0 = r.a0, b0 = r.b0;
        for (const auto& [i, j] : chain) {
            match(i, j);
            todo.push_back({a0, i, b0, j});
            a0 = i + 1, b0 = j + 1;
        }
        todo.push_back({a0, r.a1, b0, r.b1});
        return true;
    }

    void lcs(const Range& r) {
        size_t n = r.a1 - r.a0, m = r.b1 - r.b0;
        // n * m <= kMaxLcsCells, so the shorter side, and any common length, fits in 16 bits.
        std::vector<uint16_t> t((n + 1) * (m + 1), 0);
        auto at = [&](size_t i, size_t j) -> uint16_t& { return t[i * (m + 1) + j]; };
        for (size_t i = n; i-- > 0;)
            for (size_t j = m; j-- > 0;)
                at(i, j) = a_[r.a0 + i] == b_[r.b0 + j] ? static_cast<uint16_t>(at(i + 1, j + 1) + 1) : std::max(at(i + 1, j), at(i, j + 1));
        stats_.steps += n * m;
        stats_.lcs_cells += n * m;
        for (size_t i = 0, j = 0; i < n && j < m;) {
            if (a_[r.a0 + i] == b_[r.b0 + j]) match(r.a0 + i++, r.b0 + j++);
            else if (at(i + 1, j) >= at(i, j + 1)) ++i;
            else ++j;
        }
    }

    // Past the caps: each old item is matched with its next equal within a short window ahead.
    void window(const Range& r) {
        stats_.capped = true;
        size_t j = r.b0;
        for (size_t i = r.a0; i < r.a1 && j < r.b1; ++i) {
            size_t end = std::min(r.b1, j + kWindow);
            for (size_t k = j; k < end; ++k) {
                ++stats_.steps;
                if (a_[i] == b_[k]) {
                    match(i, k);
                    j = k + 1;
                    break;
                }
            }
        }
    }

    const std::vector<uint32_t>& a_;
    const std::vector<uint32_t>& b_;
    AlignStats& stats_;
    size_t budget_;
    std::vector<std::pair<size_t, size_t>> matches_;
};

}  // namespace

std::vector<std::pair<size_t, size_t>> align_sequences(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b, AlignStats* stats) {
    AlignStats local;
    return Aligner(a, b, stats ? *stats : local).run();
}

}  // namespace vanban
