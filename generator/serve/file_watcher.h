// The preview's eyes: inotify watches on the folders of a repository that can change the site
// (the root's own entries, templates/, plans/, content/) and on the git history's HEAD and refs.
// The site's output folder and .git's other files are never watched, so writing them changes nothing.
#pragma once

#include <chrono>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

namespace vanban {

// inotify cannot be used (errno): ENOSPC when the limit of watches (fs.inotify.max_user_watches)
// is reached, EMFILE when that of inotify instances is.
struct WatchUnavailable : std::runtime_error {
    explicit WatchUnavailable(int e) : std::runtime_error("inotify unavailable"), error(e) {}
    int error;
};

// What the watcher saw since it was last asked.
struct WatchedChanges {
    // Names relative to the root with '/': files written, made, removed or renamed, and folders
    // that came or went (a folder stands for everything that was inside it).
    std::set<std::string> paths;
    bool everything = false;  // the kernel dropped events (its queue overflowed): anything may have changed
    bool history = false;     // the git history moved (a commit, a checkout): HEAD, packed-refs or refs/

    bool empty() const { return paths.empty() && !everything && !history; }
};

class FileWatcher {
public:
    // Throws WatchUnavailable when inotify cannot watch every folder.
    explicit FileWatcher(std::string root);
    ~FileWatcher();
    FileWatcher(const FileWatcher&) = delete;
    FileWatcher& operator=(const FileWatcher&) = delete;

    // Waits at most `timeout` for a change. Once one comes, it waits until the files are quiet
    // (an editor saves in steps: a temporary file renamed over the old, or several writes) and
    // returns all of it; empty when nothing came. A folder that appears is watched at once, and
    // the files already in it are reported. Throws WatchUnavailable when a new folder cannot be
    // watched (the limit reached while serving).
    WatchedChanges wait(std::chrono::milliseconds timeout);
    // Whether the git history is watched: false when the repository has no .git folder of its own
    // (no git, a linked work tree): its changes are then not seen.
    bool watches_history() const { return !git_dir_.empty(); }

private:
    enum class Kind { Root, Tree, Git, GitRefs };
    void watch_tree(const std::string& relative, WatchedChanges* found);
    void watch_git();
    int add(const std::string& absolute, Kind kind, const std::string& relative);
    // Reads the pending events; false when there were none.
    bool read_events(WatchedChanges& changes, std::set<std::string>& unsettled);

    struct Watch {
        Kind kind;
        std::string relative;  // the folder relative to the root ("" for the root itself)
    };
    std::string root_, git_dir_;
    int fd_ = -1;
    std::map<int, Watch> watches_;
};

}  // namespace vanban
