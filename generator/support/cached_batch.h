// Making many files through a content-addressed cache on several threads, and copying each to
// its place: the loop the PDF and Word renderers share.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace vanban {

struct CachedBatchResult {
    std::vector<std::string> errors;  // per item: in Vietnamese, what failed; empty when it went well
    std::vector<bool> ok;             // per item: copied to its output
    size_t rendered = 0, reused = 0;
};

struct CachedBatchSteps {
    // Item i's cache file (throws std::exception with a Vietnamese message on a bad item).
    std::function<std::string(size_t)> cache_file;
    // Whether a cache file is whole (a killed run can leave a truncated one).
    std::function<bool(const std::string&)> usable;
    // Writes item i into the cache file; returns an error message, or "" on success.
    std::function<std::string(size_t, const std::string&)> render;
    // Where item i goes.
    std::function<std::string(size_t)> output;
    // Optional: item i is finished, well or not (for the progress line; called from any worker).
    std::function<void(size_t)> finished;
};

CachedBatchResult run_cached_batch(size_t count, unsigned jobs, const CachedBatchSteps& steps);

}  // namespace vanban
