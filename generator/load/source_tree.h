// The school's files as vanban reads them: a folder on disk (DiskTree) or files held in memory
// (MemoryTree: tests written as one block of text, a preview's unsaved state). The loader reads
// vanban.yaml, the school's templates/ and every document and attachment only through one of these.
//
// Paths are relative to the root, with '/'; "" is the root itself. A repository is untrusted input:
// no method follows a symbolic link to list, stat or read (a link is reported as a link), and no
// path leaves the root ("..", an absolute path). What lies outside the repository (vanban's own
// templates, git history, the output folder) is not read through a tree.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace vanban {

enum class EntryKind { File, Folder, Link, Other };  // Other: a pipe, socket or device

struct SourceEntry {
    std::string name;
    EntryKind kind = EntryKind::Other;
};

struct SourceInfo {
    EntryKind kind = EntryKind::Other;
    uintmax_t size = 0;
    int64_t modified_ns = 0;  // the last change, in nanoseconds since 1970: what the preview watches
};

// A file over the size a caller accepts: read() does not read it.
struct SourceTooLarge : std::runtime_error {
    SourceTooLarge(const std::string& what, uintmax_t size) : std::runtime_error(what), size(size) {}
    uintmax_t size;
};

class SourceTree {
public:
    virtual ~SourceTree() = default;
    // The repository's folder as messages and tools name it (a MemoryTree's is a name only).
    const std::string& root() const { return root_; }
    // The entries of `folder`, in no order; nullopt when it cannot be listed (nothing there, not a
    // folder, a link on the way or at the end, no permission).
    virtual std::optional<std::vector<SourceEntry>> list(const std::string& folder) const = 0;
    // What is at `relative`, a link at its end described, not followed; nullopt when nothing is
    // there or the way to it goes through a link or a file.
    virtual std::optional<SourceInfo> stat(const std::string& relative) const = 0;
    // The bytes of the regular file at `relative`, reached without any link; throws
    // std::runtime_error in Vietnamese for a link, a special file, a missing or unreadable one, and
    // SourceTooLarge for a file over `max_size` bytes (before reading it).
    virtual std::string read(const std::string& relative, uintmax_t max_size = UINTMAX_MAX) const = 0;
    // At most the first `count` bytes of that file; empty when it cannot be read.
    virtual std::string head(const std::string& relative, size_t count) const = 0;
    // Where the link at `relative` points, for a message; empty when unknown.
    virtual std::string link_target(const std::string& relative) const = 0;
    // Whether following the link at `relative` comes back to a link already seen.
    virtual bool link_loops(const std::string& relative) const = 0;
    // Whether `relative` names a file or folder, as `test -e` answers (a link counts when its
    // target is there): the link rule's question. Nothing is read.
    virtual bool exists(const std::string& relative) const = 0;

    // Whether `relative` is a regular file reached without any link.
    bool is_plain_file(const std::string& relative) const;

protected:
    explicit SourceTree(std::string root) : root_(std::move(root)) {}

private:
    std::string root_;
};

// The folder `root` on disk. Every name is opened from the root one folder at a time with
// O_NOFOLLOW (openat), so a link anywhere on the way is refused, not followed.
class DiskTree : public SourceTree {
public:
    explicit DiskTree(std::string root);
    ~DiskTree() override;
    DiskTree(const DiskTree&) = delete;
    DiskTree& operator=(const DiskTree&) = delete;
    std::optional<std::vector<SourceEntry>> list(const std::string& folder) const override;
    std::optional<SourceInfo> stat(const std::string& relative) const override;
    std::string read(const std::string& relative, uintmax_t max_size = UINTMAX_MAX) const override;
    std::string head(const std::string& relative, size_t count) const override;
    std::string link_target(const std::string& relative) const override;
    bool link_loops(const std::string& relative) const override;
    bool exists(const std::string& relative) const override;

private:
    // The root, opened once (O_PATH) when it exists: each file is then one openat2 from it, not a
    // walk of the root's own path again for every document. -1: the root is opened for each call.
    int root_fd_;
};

// Files, folders and links held in memory; a file's folders exist with it.
class MemoryTree : public SourceTree {
public:
    // `root`: the name its paths are shown under (no folder of that name is read).
    explicit MemoryTree(std::string root) : SourceTree(std::move(root)) {}
    void add_file(const std::string& path, std::string bytes);
    void add_folder(const std::string& path);
    void add_link(const std::string& path, std::string target);
    void add_special(const std::string& path);  // as a pipe on disk: listed, never read
    void remove(const std::string& path);       // and everything under it

    std::optional<std::vector<SourceEntry>> list(const std::string& folder) const override;
    std::optional<SourceInfo> stat(const std::string& relative) const override;
    std::string read(const std::string& relative, uintmax_t max_size = UINTMAX_MAX) const override;
    std::string head(const std::string& relative, size_t count) const override;
    std::string link_target(const std::string& relative) const override;
    bool link_loops(const std::string& relative) const override;
    bool exists(const std::string& relative) const override;

private:
    struct Node {
        EntryKind kind = EntryKind::Folder;
        std::string bytes;  // a file's contents, a link's target
        int64_t modified_ns = 0;
    };
    const Node* reach(const std::string& relative) const;  // through folders only
    enum class Followed { Found, Missing, Loop };
    Followed follow(const std::string& relative) const;  // links followed, in memory only
    void add(const std::string& path, Node node);

    std::map<std::string, Node> nodes_;  // by path; "" is the root folder
    int64_t changes_ = 0;                // a MemoryTree's clock: each change is one nanosecond later
};

}  // namespace vanban
