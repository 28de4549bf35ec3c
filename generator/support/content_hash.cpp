#include "support/content_hash.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <vector>

namespace vanban {

ContentHash& ContentHash::add_file(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);  // a FIFO must not hold the build
    struct stat st{};
    if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0) ::close(fd);
        return add(std::string());
    }
    uint64_t n = static_cast<uint64_t>(st.st_size);
    XXH3_128bits_update(state_, &n, sizeof n);
    std::vector<char> buffer(1 << 20);
    for (uint64_t left = n; left > 0;) {
        ssize_t got = ::read(fd, buffer.data(), static_cast<size_t>(std::min<uint64_t>(left, buffer.size())));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        XXH3_128bits_update(state_, buffer.data(), static_cast<size_t>(got));
        left -= static_cast<uint64_t>(got);
    }
    ::close(fd);
    return *this;
}

ContentHash& ContentHash::add_files(const std::vector<std::string>& paths) {
    for (const auto& path : paths) add(path).add_file(path);
    return *this;
}

}  // namespace vanban
