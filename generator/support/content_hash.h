// A 128-bit hash (xxHash3) of a sequence of strings, as 32 hex digits: the names of cached
// files (PDFs, Word files) are the hash of everything that decides their bytes.
#pragma once

#include <xxhash.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace vanban {

class ContentHash {
public:
    ContentHash() : state_(XXH3_createState()) { XXH3_128bits_reset(state_); }
    ~ContentHash() { XXH3_freeState(state_); }
    ContentHash(const ContentHash&) = delete;
    ContentHash& operator=(const ContentHash&) = delete;
    ContentHash& add(const std::string& s) {
        // Length first, so ("ab", "c") and ("a", "bc") differ.
        uint64_t n = s.size();
        XXH3_128bits_update(state_, &n, sizeof n);
        XXH3_128bits_update(state_, s.data(), s.size());
        return *this;
    }
    // A file's content as add() takes a string (its length, then its bytes), read a piece at a time;
    // one that cannot be read as empty. vanban's own executable, with its debugging information, is
    // a hundred megabytes: read whole into a string it was most of a PDF command's own time.
    ContentHash& add_file(const std::string& path);
    // Files by name and content (an absent one as empty): the images a document shows.
    ContentHash& add_files(const std::vector<std::string>& paths);
    std::string hex() const {
        XXH128_hash_t h = XXH3_128bits_digest(state_);
        char out[33];
        std::snprintf(out, sizeof out, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                      static_cast<unsigned long long>(h.low64));
        return out;
    }

private:
    XXH3_state_t* state_;
};

}  // namespace vanban
