#include "load/source_tree.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <string_view>

#include "text/unicode.h"

namespace fs = std::filesystem;

namespace vanban {

namespace {

// A repository path as shown in a message: valid UTF-8, and not kilobytes long.
std::string shown(const std::string& relative) { return shown_prefix(relative, 200); }

std::string not_read(const std::string& relative) { return "không đọc được tệp " + shown(relative); }
std::string a_link(const std::string& relative) {
    return "không đọc " + shown(relative) + ": đó là liên kết tượng trưng (thay bằng chính tệp)";
}
std::string not_regular(const std::string& relative) {
    return "không đọc " + shown(relative) + ": đó không phải tệp thường";
}

std::pair<std::string, std::string> split_last(const std::string& relative) {
    size_t slash = relative.rfind('/');
    if (slash == std::string::npos) return {std::string(), relative};
    return {relative.substr(0, slash), relative.substr(slash + 1)};
}

EntryKind kind_of(mode_t mode) {
    if (S_ISREG(mode)) return EntryKind::File;
    if (S_ISDIR(mode)) return EntryKind::Folder;
    if (S_ISLNK(mode)) return EntryKind::Link;
    return EntryKind::Other;
}

// A descriptor closed at the end of its scope.
struct Fd {
    int fd = -1;
    explicit Fd(int f) : fd(f) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

// The folder `relative` under `root`, opened one name at a time with O_NOFOLLOW: -1 when a name
// is a link, not a folder, missing, "..", or the path is absolute. The root itself is the user's
// choice and may be reached through a link.
int open_folder(const std::string& root, const std::string& relative) {
    errno = ENOENT;  // for the names refused without asking the system
    if (!relative.empty() && relative[0] == '/') return -1;
    int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    size_t start = 0;
    while (fd >= 0 && start < relative.size()) {
        size_t end = relative.find('/', start);
        if (end == std::string::npos) end = relative.size();
        std::string name = relative.substr(start, end - start);
        start = end + 1;
        if (name.empty() || name == ".") continue;
        int next = name == ".." ? -1 : ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        int error = name == ".." ? ENOENT : errno;
        ::close(fd);
        fd = next;
        errno = error;
    }
    return fd;
}

// The regular file `relative`, opened without following any link; -1 with errno set otherwise
// (ELOOP for a link at its end). O_NONBLOCK: opening a FIFO must not wait for a writer.
// `root_fd`: the root opened with O_PATH, or -1 to open it here.
int open_plain(int root_fd, const std::string& root, const std::string& relative) {
    auto [parent, name] = split_last(relative);
    if (name.empty() || name == "." || name == "..") {
        errno = ENOENT;
        return -1;
    }
    // Where the kernel has openat2 (Linux 5.6), one call makes the same refusals as the walk below
    // (a link anywhere in the path, a step out of the root) for every document the build reads.
    if (!relative.empty() && relative[0] != '/' && relative.find("..") == std::string::npos) {
        Fd opened_here(root_fd < 0 ? ::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC) : -1);
        int top = root_fd < 0 ? opened_here.fd : root_fd;
        if (top < 0) return -1;
        open_how how{};
        how.flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK;
        how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
        long fd = ::syscall(SYS_openat2, top, relative.c_str(), &how, sizeof how);
        if (fd >= 0) return static_cast<int>(fd);
        // Refused or missing (or no openat2): the walk says which name is at fault, in its errno.
    }
    Fd folder(open_folder(root, parent));
    if (folder.fd < 0) return -1;
    return ::openat(folder.fd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
}

}  // namespace

DiskTree::DiskTree(std::string root)
    : SourceTree(std::move(root)), root_fd_(::open(this->root().c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)) {}

DiskTree::~DiskTree() {
    if (root_fd_ >= 0) ::close(root_fd_);
}

bool SourceTree::is_plain_file(const std::string& relative) const {
    std::optional<SourceInfo> info = stat(relative);
    return info && info->kind == EntryKind::File;
}

std::optional<std::vector<SourceEntry>> DiskTree::list(const std::string& folder) const {
    int fd = open_folder(root(), folder);
    if (fd < 0) return std::nullopt;
    DIR* dir = ::fdopendir(fd);
    if (!dir) {
        ::close(fd);
        return std::nullopt;
    }
    std::vector<SourceEntry> entries;
    for (;;) {
        errno = 0;
        dirent* entry = ::readdir(dir);
        if (!entry) break;
        std::string_view name = entry->d_name;
        if (name == "." || name == "..") continue;
        EntryKind kind = EntryKind::Other;
        switch (entry->d_type) {
            case DT_REG: kind = EntryKind::File; break;
            case DT_DIR: kind = EntryKind::Folder; break;
            case DT_LNK: kind = EntryKind::Link; break;
            case DT_UNKNOWN: {
                struct stat st {};
                if (::fstatat(::dirfd(dir), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0) kind = kind_of(st.st_mode);
                break;
            }
            default: break;
        }
        entries.push_back({std::string(name), kind});
    }
    bool failed = errno != 0;
    ::closedir(dir);
    if (failed) return std::nullopt;
    return entries;
}

std::optional<SourceInfo> DiskTree::stat(const std::string& relative) const {
    auto [parent, name] = split_last(relative);
    struct stat st {};
    if (relative.empty()) {
        Fd top(open_folder(root(), ""));
        if (top.fd < 0 || ::fstat(top.fd, &st) != 0) return std::nullopt;
    } else {
        if (name.empty() || name == "." || name == "..") return std::nullopt;
        Fd folder(open_folder(root(), parent));
        if (folder.fd < 0 || ::fstatat(folder.fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return std::nullopt;
    }
    SourceInfo info;
    info.kind = kind_of(st.st_mode);
    info.size = static_cast<uintmax_t>(st.st_size);
    info.modified_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    return info;
}

std::string DiskTree::read(const std::string& relative, uintmax_t max_size) const {
    Fd fd(open_plain(root_fd_, root(), relative));
    if (fd.fd < 0) throw std::runtime_error(errno == ELOOP ? a_link(relative) : not_read(relative));
    struct stat st {};
    if (::fstat(fd.fd, &st) != 0 || !S_ISREG(st.st_mode)) throw std::runtime_error(not_regular(relative));
    if (static_cast<uintmax_t>(st.st_size) > max_size)
        throw SourceTooLarge(shown(relative) + " quá lớn", static_cast<uintmax_t>(st.st_size));
    // Read straight into the string, sized from the file's size plus one byte. The read ends once
    // the bytes fstat counted are in (no second read to see 0); a file fstat calls empty (as some
    // kernel files are) is read in larger steps until its end.
    std::string bytes(static_cast<size_t>(st.st_size) + 1, '\0');
    size_t used = 0;
    for (;;) {
        if (used == bytes.size()) bytes.resize(bytes.size() * 2);
        ssize_t n = ::read(fd.fd, bytes.data() + used, bytes.size() - used);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw std::runtime_error(not_read(relative));
        if (n == 0) break;
        used += static_cast<size_t>(n);
        if (used == static_cast<size_t>(st.st_size)) break;
    }
    bytes.resize(used);
    return bytes;
}

std::string DiskTree::head(const std::string& relative, size_t count) const {
    Fd fd(open_plain(root_fd_, root(), relative));
    struct stat st {};
    if (fd.fd < 0 || ::fstat(fd.fd, &st) != 0 || !S_ISREG(st.st_mode)) return {};
    std::string bytes(count, '\0');
    ssize_t n;
    do n = ::read(fd.fd, bytes.data(), count);
    while (n < 0 && errno == EINTR);
    bytes.resize(n < 0 ? 0 : static_cast<size_t>(n));
    return bytes;
}

std::string DiskTree::link_target(const std::string& relative) const {
    auto [parent, name] = split_last(relative);
    Fd folder(open_folder(root(), parent));
    if (folder.fd < 0) return {};
    char target[PATH_MAX];
    ssize_t n = ::readlinkat(folder.fd, name.c_str(), target, sizeof target);
    return n < 0 ? std::string() : std::string(target, static_cast<size_t>(n));
}

bool DiskTree::link_loops(const std::string& relative) const {
    // Follows the link, only to tell a loop from the rest.
    struct stat st {};
    return ::stat((fs::path(root()) / relative).c_str(), &st) != 0 && errno == ELOOP;
}

bool DiskTree::exists(const std::string& relative) const {
    std::error_code ec;
    return fs::exists(fs::path(root()) / relative, ec);
}

void MemoryTree::add(const std::string& path, Node node) {
    node.modified_ns = ++changes_;
    for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1)) {
        Node& folder = nodes_[path.substr(0, slash)];
        folder.kind = EntryKind::Folder;
    }
    nodes_[""].kind = EntryKind::Folder;
    nodes_[path] = std::move(node);
}

void MemoryTree::add_file(const std::string& path, std::string bytes) {
    add(path, Node{EntryKind::File, std::move(bytes)});
}
void MemoryTree::add_folder(const std::string& path) { add(path, Node{EntryKind::Folder, {}}); }
void MemoryTree::add_link(const std::string& path, std::string target) {
    add(path, Node{EntryKind::Link, std::move(target)});
}
void MemoryTree::add_special(const std::string& path) { add(path, Node{EntryKind::Other, {}}); }

void MemoryTree::remove(const std::string& path) {
    nodes_.erase(path);
    const std::string prefix = path + "/";
    for (auto it = nodes_.lower_bound(prefix); it != nodes_.end() && it->first.compare(0, prefix.size(), prefix) == 0;)
        it = nodes_.erase(it);
}

const MemoryTree::Node* MemoryTree::reach(const std::string& relative) const {
    for (size_t slash = relative.find('/'); slash != std::string::npos; slash = relative.find('/', slash + 1)) {
        auto folder = nodes_.find(relative.substr(0, slash));
        if (folder == nodes_.end() || folder->second.kind != EntryKind::Folder) return nullptr;
    }
    auto it = nodes_.find(relative);
    return it == nodes_.end() ? nullptr : &it->second;
}

std::optional<std::vector<SourceEntry>> MemoryTree::list(const std::string& folder) const {
    const Node* node = reach(folder);
    if (!node || node->kind != EntryKind::Folder) return std::nullopt;
    const std::string prefix = folder.empty() ? std::string() : folder + "/";
    std::vector<SourceEntry> entries;
    for (auto it = nodes_.lower_bound(prefix); it != nodes_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
         ++it) {
        std::string name = it->first.substr(prefix.size());
        if (!name.empty() && name.find('/') == std::string::npos) entries.push_back({name, it->second.kind});
    }
    return entries;
}

std::optional<SourceInfo> MemoryTree::stat(const std::string& relative) const {
    const Node* node = reach(relative);
    if (!node) return std::nullopt;
    return SourceInfo{node->kind, node->kind == EntryKind::Folder ? 0 : node->bytes.size(), node->modified_ns};
}

std::string MemoryTree::read(const std::string& relative, uintmax_t max_size) const {
    const Node* node = reach(relative);
    if (!node) throw std::runtime_error(not_read(relative));
    if (node->kind == EntryKind::Link) throw std::runtime_error(a_link(relative));
    if (node->kind != EntryKind::File) throw std::runtime_error(not_regular(relative));
    if (node->bytes.size() > max_size) throw SourceTooLarge(shown(relative) + " quá lớn", node->bytes.size());
    return node->bytes;
}

std::string MemoryTree::head(const std::string& relative, size_t count) const {
    const Node* node = reach(relative);
    return node && node->kind == EntryKind::File ? node->bytes.substr(0, count) : std::string();
}

std::string MemoryTree::link_target(const std::string& relative) const {
    const Node* node = reach(relative);
    return node && node->kind == EntryKind::Link ? node->bytes : std::string();
}

MemoryTree::Followed MemoryTree::follow(const std::string& relative) const {
    // As the system resolves a name: name by name, a link replaced by its target (relative to
    // the link's folder), at most 40 links (ELOOP beyond). Nothing outside the tree exists.
    std::string done;
    std::string rest = relative;
    for (int links = 0;;) {
        if (rest.empty()) return reach(done) ? Followed::Found : Followed::Missing;
        size_t slash = rest.find('/');
        std::string name = rest.substr(0, slash);
        rest = slash == std::string::npos ? std::string() : rest.substr(slash + 1);
        if (name.empty() || name == ".") continue;
        if (name == "..") return Followed::Missing;  // the link rule refuses such paths before asking
        std::string next = done.empty() ? name : done + "/" + name;
        const Node* node = reach(next);
        if (!node) return Followed::Missing;
        if (node->kind != EntryKind::Link) {
            if (!rest.empty() && node->kind != EntryKind::Folder) return Followed::Missing;
            done = next;
            continue;
        }
        if (++links > 40) return Followed::Loop;
        if (!node->bytes.empty() && node->bytes[0] == '/') return Followed::Missing;
        std::string target = (fs::path(done) / node->bytes).lexically_normal().generic_string();
        if (target == ".") target.clear();
        if (target.rfind("..", 0) == 0) return Followed::Missing;
        while (!target.empty() && target.back() == '/') target.pop_back();
        rest = rest.empty() ? target : (target.empty() ? rest : target + "/" + rest);
        done.clear();
    }
}

bool MemoryTree::link_loops(const std::string& relative) const { return follow(relative) == Followed::Loop; }

bool MemoryTree::exists(const std::string& relative) const { return follow(relative) == Followed::Found; }

}  // namespace vanban
