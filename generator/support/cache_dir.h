// Where vanban keeps what it can compute again (PDFs, Word files, signature checks): outside
// the repository and the site. $VANBAN_CACHE, else $XDG_CACHE_HOME/vanban, else ~/.cache/vanban.
#pragma once

#include <string>

namespace vanban {

std::string cache_root();

// Copies a cached file to where it is wanted. A copy, never a hard link: whatever later
// writes to the output must not reach the cache.
void place_cached(const std::string& cached, const std::string& output);

// What printing one document (a PDF, a Word file) came to.
struct PrintOutcome {
    bool ok = false;
    bool rendered = false;  // made now, not taken from the cache
    std::string error;      // in Vietnamese: what failed and what to do
};

// `output` from the cache file `cached`, made first by `make(cached)` (an error text, empty when
// it worked) unless `whole(cached)` finds a good one there.
template <typename Whole, typename Make>
PrintOutcome print_through_cache(const std::string& cached, const std::string& output, Whole whole, Make make) {
    PrintOutcome outcome;
    if (!whole(cached)) {
        outcome.error = make(cached);
        if (!outcome.error.empty()) return outcome;
        outcome.rendered = true;
    }
    place_cached(cached, output);
    outcome.ok = true;
    return outcome;
}

// Whether a cached file looks whole (a crash can leave an empty or cut file): it begins with `head`
// and `tail_mark` stands within its last `tail_window` bytes.
bool cached_file_whole(const std::string& path, const std::string& head, const std::string& tail_mark, size_t tail_window);

// Makes the cache folder `cache` (`what` names it in the error: "PDF") and removes the temporary
// files ("….tmp-…") that killed runs left in it; an hour is far longer than any render.
void open_cache_dir(const std::string& cache, const std::string& what);

// The identity of a file without reading it: path, size and modification time. Enough to
// notice an upgraded program or a font installed or removed.
std::string stat_identity(const std::string& path);

// vanban itself, by the hash of its own executable (computed once): what it writes into a PDF or
// Word file changes with its code, not only with its version number, so a fix (such as a link it
// no longer lets through) never meets an old cached file made before it.
const std::string& program_identity();

}  // namespace vanban
