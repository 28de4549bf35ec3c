// Read-only access to the repository's git history through libgit2: every commit HEAD
// reaches, their parents, messages and signatures, and the blobs of files at each commit
// (and, for `vanban init`, the creation of a new empty repository).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/diagnostic.h"

struct git_repository;
struct git_commit;

namespace vanban {

struct CommitInfo {
    std::string id;       // 40 hex digits
    int64_t time = 0;     // committer time, seconds since 1970
    std::string summary;  // first line of the message
    std::vector<std::pair<std::string, std::string>> trailers;  // "Phe-duyet" → path
    std::string author;   // "Name <email>"
    std::vector<std::string> parents;
};

struct CommitSignature {
    std::string signature;    // armoured, "-----BEGIN SSH SIGNATURE-----..." or PGP
    std::string signed_data;  // the commit without its signature header: what was signed
};

class GitRepository {
public:
    // Opens the repository containing `path`; empty when there is none or when git refuses to
    // open it (it belongs to another user and is not a safe.directory), and then `why`, when
    // given, says which, with the command that fixes the second.
    static std::unique_ptr<GitRepository> open(const std::string& path, Message* why = nullptr);
    // The top folder of the git work tree holding `path` (whoever owns it); empty when none.
    static std::string work_tree_around(const std::string& path);
    // A new empty repository at `path` whose first branch is `branch`; the error, or empty.
    static std::string create(const std::string& path, const std::string& branch);
    ~GitRepository();
    GitRepository(const GitRepository&) = delete;
    GitRepository& operator=(const GitRepository&) = delete;

    std::string workdir() const;
    bool shallow() const;
    // Every commit HEAD reaches, through all parents, parents before children (HEAD last);
    // empty for a repository without commits.
    std::vector<CommitInfo> history() const;
    // Whether `commit_id` has `ancestor_id` among its ancestors (not itself).
    bool descends_from(const std::string& commit_id, const std::string& ancestor_id) const;
    std::optional<CommitSignature> signature(const std::string& commit_id) const;
    // The blob id of `path` (relative to the work tree) in a commit; empty if absent.
    std::string blob_id(const std::string& commit_id, const std::string& path) const;
    std::string blob_content(const std::string& blob_id) const;
    // The content of "REV:path" (e.g. "HEAD~3:plans/x.md"), read without a checkout.
    std::optional<std::string> read_revision(const std::string& spec) const;
    // The files directly inside `directory` in a commit: (name, blob id), sorted by name.
    // Symbolic links are left out: a link is never a key or type file.
    std::vector<std::pair<std::string, std::string>> directory_blobs(const std::string& commit_id, const std::string& directory) const;
    // The same, blob ids only.
    std::vector<std::string> directory_blob_ids(const std::string& commit_id, const std::string& directory) const;
    // The blob id git would give these bytes.
    static std::string hash_blob(const std::string& bytes);
    // The path of the repository root relative to the work tree root: "" when the same.
    std::string prefix_of(const std::string& directory) const;

private:
    explicit GitRepository(git_repository* repo) : repo_(repo) {}
    git_repository* repo_;
};

}  // namespace vanban
