#include "serve/file_watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <vector>

#include "approval/git_repository.h"

namespace fs = std::filesystem;

namespace vanban {

namespace {

// The folders whose files make the site; the root's other entries (the site's output, .git,
// anything else) are not watched.
const char* const kTreeFolders[] = {"templates", "plans", "content"};

constexpr uint32_t kFileEvents = IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB;
constexpr uint32_t kFolderFlags = IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK;

// An editor saves in steps (a temporary file written, then renamed over the old one; or several
// writes): the changes are taken once the files have been quiet this long. A file made and not
// yet closed is waited for, but not longer than the limit.
constexpr std::chrono::milliseconds kQuiet{8};
constexpr std::chrono::milliseconds kLongestSave{300};

bool is_tree_folder(const std::string& name) {
    for (const char* f : kTreeFolders)
        if (name == f) return true;
    return false;
}

// Names under plans/ and content/ that are not published ("." or "_" first: drafts kept aside,
// editors' swap and backup files); templates/ is read whole, but for the editors' hidden files.
bool ignored_name(const std::string& folder, const std::string& name) {
    if (name.empty() || name[0] == '.') return true;
    return name[0] == '_' && folder.rfind("templates", 0) != 0;
}

bool is_plain_folder(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool is_regular(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string join(const std::string& folder, const std::string& name) {
    return folder.empty() ? name : folder + "/" + name;
}

}  // namespace

FileWatcher::FileWatcher(std::string root) : root_(std::move(root)) {
    fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) throw WatchUnavailable(errno);
    try {
        add(root_, Kind::Root, "");
        for (const char* f : kTreeFolders) watch_tree(f, nullptr);
        watch_git();
    } catch (...) {
        ::close(fd_);
        throw;
    }
}

FileWatcher::~FileWatcher() { ::close(fd_); }

// -1 when the folder is gone or is a link (nothing to watch there); throws when the limit is reached.
int FileWatcher::add(const std::string& absolute, Kind kind, const std::string& relative) {
    int wd = ::inotify_add_watch(fd_, absolute.c_str(), kFileEvents | kFolderFlags);
    if (wd < 0) {
        if (errno == ENOSPC || errno == ENOMEM) throw WatchUnavailable(errno);
        return -1;
    }
    watches_[wd] = Watch{kind, relative};
    return wd;
}

// The folder `relative` and every folder under it (links never followed, unpublished ones left
// out); the files already there go to `found` (a folder that just appeared may have been filled
// before its watch was set).
void FileWatcher::watch_tree(const std::string& relative, WatchedChanges* found) {
    std::vector<std::string> pending{relative};
    while (!pending.empty()) {
        std::string folder = std::move(pending.back());
        pending.pop_back();
        std::string absolute = root_ + "/" + folder;
        if (!is_plain_folder(absolute) || add(absolute, Kind::Tree, folder) < 0) continue;
        std::error_code ec;
        for (fs::directory_iterator it(absolute, ec), end; !ec && it != end; it.increment(ec)) {
            std::string name = it->path().filename().string();
            if (ignored_name(folder, name)) continue;
            std::error_code kind_ec;
            if (it->is_directory(kind_ec) && !it->is_symlink(kind_ec)) pending.push_back(join(folder, name));
            else if (found) found->paths.insert(join(folder, name));
        }
    }
}

// HEAD and packed-refs in the git folder, and refs/ with its folders: what moves when a commit
// is made or another branch checked out. Objects, the index and the logs are left alone.
void FileWatcher::watch_git() {
    std::string work_tree = GitRepository::work_tree_around(root_);
    if (work_tree.empty() || !is_plain_folder(work_tree + "/.git")) return;
    git_dir_ = work_tree + "/.git";
    add(git_dir_, Kind::Git, "");
    std::vector<std::string> pending{"refs"};
    while (!pending.empty()) {
        std::string folder = std::move(pending.back());
        pending.pop_back();
        std::string absolute = git_dir_ + "/" + folder;
        if (!is_plain_folder(absolute) || add(absolute, Kind::GitRefs, folder) < 0) continue;
        std::error_code ec;
        for (fs::directory_iterator it(absolute, ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code kind_ec;
            if (it->is_directory(kind_ec) && !it->is_symlink(kind_ec))
                pending.push_back(folder + "/" + it->path().filename().string());
        }
    }
}

bool FileWatcher::read_events(WatchedChanges& changes, std::set<std::string>& unsettled) {
    alignas(inotify_event) char buffer[64 * 1024];
    bool any = false;
    for (;;) {
        ssize_t n = ::read(fd_, buffer, sizeof buffer);
        if (n <= 0) return any;
        any = true;
        for (char* p = buffer; p < buffer + n;) {
            const auto* e = reinterpret_cast<const inotify_event*>(p);
            p += sizeof(inotify_event) + e->len;
            if (e->mask & IN_Q_OVERFLOW) {
                changes.everything = true;
                continue;
            }
            auto it = watches_.find(e->wd);
            if (it == watches_.end()) continue;
            if (e->mask & IN_IGNORED) {
                watches_.erase(it);
                continue;
            }
            const Watch watch = it->second;
            const std::string name = e->len ? std::string(e->name) : std::string();
            const bool folder = e->mask & IN_ISDIR;
            const bool came = e->mask & (IN_CREATE | IN_MOVED_TO), went = e->mask & (IN_DELETE | IN_MOVED_FROM);
            switch (watch.kind) {
                case Kind::Git:
                    if (name == "HEAD" || name == "packed-refs") changes.history = true;
                    if (name == "refs" && folder && came) watch_git();
                    break;
                case Kind::GitRefs:
                    changes.history = true;
                    if (folder && came && is_plain_folder(git_dir_ + "/" + watch.relative + "/" + name)) {
                        std::string sub = watch.relative + "/" + name;
                        add(git_dir_ + "/" + sub, Kind::GitRefs, sub);
                    }
                    break;
                case Kind::Root:
                    if (name == "vanban.yaml") changes.paths.insert(name);
                    else if (name == ".git" && came) {
                        changes.history = true;
                        if (git_dir_.empty()) watch_git();
                    } else if (is_tree_folder(name)) {
                        changes.paths.insert(name);
                        if (folder && came) watch_tree(name, &changes);
                    }
                    break;
                case Kind::Tree: {
                    if (name.empty() || ignored_name(watch.relative, name)) break;
                    const std::string path = join(watch.relative, name);
                    changes.paths.insert(path);
                    if (folder && went) {
                        // Its watches would follow it elsewhere under stale names: dropped, set again if it comes back.
                        for (const auto& [wd, w] : watches_)
                            if (w.kind == Kind::Tree && (w.relative == path || w.relative.rfind(path + "/", 0) == 0))
                                ::inotify_rm_watch(fd_, wd);
                    } else if (folder && came) {
                        watch_tree(path, &changes);
                    } else if ((e->mask & IN_CREATE) && is_regular(root_ + "/" + path)) {
                        unsettled.insert(path);  // being written: taken once closed
                    } else if (e->mask & (IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM)) {
                        unsettled.erase(path);
                    }
                    break;
                }
            }
        }
    }
}

WatchedChanges FileWatcher::wait(std::chrono::milliseconds timeout) {
    WatchedChanges changes;
    std::set<std::string> unsettled;
    pollfd pfd{fd_, POLLIN, 0};
    if (::poll(&pfd, 1, static_cast<int>(timeout.count())) <= 0 || !read_events(changes, unsettled)) return changes;
    const auto first = std::chrono::steady_clock::now();
    for (;;) {
        const auto waited = std::chrono::steady_clock::now() - first;
        if (waited >= kLongestSave) break;
        auto quiet =
            unsettled.empty() ? kQuiet : std::chrono::duration_cast<std::chrono::milliseconds>(kLongestSave - waited);
        if (::poll(&pfd, 1, static_cast<int>(std::max<std::chrono::milliseconds::rep>(1, quiet.count()))) <= 0) break;
        read_events(changes, unsettled);
    }
    return changes;
}

}  // namespace vanban
