// Writes a whole folder or nothing: files go to a temporary sibling folder, which takes
// the place of the real one only when every file was written, in one atomic exchange.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vanban {

// Why `out` cannot be the output folder of the repository at `root`, or empty when it can: a
// path with ".." parts, the repository itself, a folder holding it, .git/, content/ or plans/,
// or a symbolic link inside the repository (its content must not send the site elsewhere).
// Said in English when `english`.
std::string output_folder_problem(const std::string& root, const std::string& out, bool english = false);

// Swaps two existing paths at once (renameat2 with RENAME_EXCHANGE): there is no moment when
// either name is missing. False when the kernel or filesystem cannot exchange (EINVAL, ENOSYS);
// throws std::runtime_error on any other failure.
bool exchange_paths(const std::string& a, const std::string& b);

class OutputFolder {
public:
    // Refuses (throws) when `target` exists, is not empty and was not made by vanban. Removes the
    // temporary folders that killed builds left beside it (see remove_abandoned_folders).
    explicit OutputFolder(std::string target);
    ~OutputFolder();  // removes the temporary folder unless commit() succeeded
    OutputFolder(const OutputFolder&) = delete;
    OutputFolder& operator=(const OutputFolder&) = delete;

    // Files are created with O_NOFOLLOW: nothing is ever written through a symbolic link.
    void write(const std::string& relative_path, const std::string& content);
    // The file made of `pieces` one after the other, written as they are (one writev, no string
    // joining them first: a page is its layout's pieces around a document's body).
    void write(const std::string& relative_path, const std::vector<std::string_view>& pieces);
    // Copies the bytes of the repository file `root`/`source` (never a link: O_NOFOLLOW).
    void copy_file(const std::string& root, const std::string& source, const std::string& relative_path);
    // Where a file at `relative_path` is being written (its folder is created), for programs
    // that write files themselves.
    std::string path_of(const std::string& relative_path);
    void commit();  // swaps the temporary folder in

    // A folder this vanban committed before, written in place from now on (the preview's later
    // rounds, where one edited document rewrites a few pages): no temporary folder, no commit.
    static std::unique_ptr<OutputFolder> in_place(const std::string& target);
    // Removes a file written before (a page that is no longer made); nothing when there is none.
    void remove(const std::string& relative_path);

    static constexpr const char* kMarker = ".vanban-site";

private:
    struct InPlace {};
    OutputFolder(std::string target, InPlace);

    // The folder of `path`, made when missing, as a descriptor (O_PATH) that its files are opened
    // from; each folder is looked for once, not for every file written into it. Safe from several
    // threads.
    int folder_of(const std::filesystem::path& path);

    std::string target_, temporary_;
    bool committed_ = false;
    std::mutex folders_lock_;
    std::unordered_map<std::string, int> folders_;  // made or found by folder_of, and their descriptors
};

// Removes "<target>.tmp-PID" and "<target>.old-PID" folders beside `target` whose process is gone
// (kill(PID, 0) fails with ESRCH) and that carry vanban's marker: nothing else is ever deleted.
// Returns how many were removed.
size_t remove_abandoned_folders(const std::string& target);

}  // namespace vanban
