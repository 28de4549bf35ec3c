#include "support/cache_dir.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "support/content_hash.h"
#include "support/error_text.h"

namespace fs = std::filesystem;

namespace vanban {

std::string cache_root() {
    if (const char* v = std::getenv("VANBAN_CACHE"); v && *v) return v;
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return (fs::path(x) / "vanban").string();
    if (const char* h = std::getenv("HOME"); h && *h) return (fs::path(h) / ".cache" / "vanban").string();
    return (fs::temp_directory_path() / "vanban-cache").string();
}

void place_cached(const std::string& cached, const std::string& output) {
    std::error_code ec;
    fs::create_directories(fs::path(output).parent_path(), ec);
    fs::remove(output, ec);
    fs::copy_file(cached, output);
}

bool cached_file_whole(const std::string& path, const std::string& head, const std::string& tail_mark, size_t tail_window) {
    std::ifstream in(path, std::ios::binary);
    std::string start(head.size(), '\0');
    in.read(start.data(), static_cast<std::streamsize>(start.size()));
    if (!in || start != head) return false;
    in.seekg(0, std::ios::end);
    std::streamoff size = in.tellg();
    std::streamoff window = std::min<std::streamoff>(size, static_cast<std::streamoff>(tail_window));
    in.seekg(size - window);
    std::string tail(static_cast<size_t>(window), '\0');
    in.read(tail.data(), window);
    return in && tail.find(tail_mark) != std::string::npos;
}

void open_cache_dir(const std::string& cache, const std::string& what) {
    std::error_code ec;
    fs::create_directories(cache, ec);
    if (ec)
        throw std::runtime_error("không tạo được thư mục bộ nhớ đệm " + what + (what.empty() ? "" : " ") + cache + ": " +
                                 system_error_message(ec, "").vi);
    auto limit = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (const auto& e : fs::directory_iterator(cache, ec))
        if (e.path().filename().string().find(".tmp-") != std::string::npos && e.last_write_time(ec) < limit) fs::remove(e.path(), ec);
}

std::string stat_identity(const std::string& path) {
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) return path + ":missing";
    return path + ":" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

const std::string& program_identity() {
    static const std::string id = [] {
        return "vanban " VANBAN_VERSION " " + ContentHash().add_file("/proc/self/exe").hex();
    }();
    return id;
}

}  // namespace vanban
