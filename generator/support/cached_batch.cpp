#include "support/cached_batch.h"

#include <exception>

#include "support/cache_dir.h"
#include "support/error_text.h"
#include "support/parallel_for.h"

namespace vanban {

CachedBatchResult run_cached_batch(size_t count, unsigned jobs, const CachedBatchSteps& steps) {
    CachedBatchResult result;
    result.errors.resize(count);
    // Plain chars, not vector<bool>: each worker writes its own element.
    std::vector<char> rendered(count, 0), placed(count, 0);
    auto item = [&](size_t i) {
        try {
            std::string cached = steps.cache_file(i);
            if (!steps.usable(cached)) {
                if (std::string error = steps.render(i, cached); !error.empty()) {
                    result.errors[i] = error;
                    return;
                }
                rendered[i] = 1;
            }
            place_cached(cached, steps.output(i));
            placed[i] = 1;
        } catch (const std::exception& e) {
            result.errors[i] = describe_exception(e).vi;
        }
    };
    parallel_for(count, worker_count(jobs, count), [&](size_t i, unsigned) {
        item(i);
        if (steps.finished) steps.finished(i);
    });
    result.ok.assign(count, false);
    for (size_t i = 0; i < count; ++i) {
        result.ok[i] = placed[i] != 0;
        if (!result.errors[i].empty()) continue;
        if (rendered[i]) ++result.rendered;
        else if (placed[i]) ++result.reused;
    }
    return result;
}

}  // namespace vanban
