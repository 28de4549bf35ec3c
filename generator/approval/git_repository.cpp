#include "approval/git_repository.h"

#include <git2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <stdexcept>

namespace fs = std::filesystem;

namespace vanban {

namespace {

struct Library {
    Library() { git_libgit2_init(); }
    ~Library() { git_libgit2_shutdown(); }
};

void ensure_library() { static Library library; }

std::string hex(const git_oid* oid) {
    char buf[GIT_OID_HEXSZ + 1];
    git_oid_tostr(buf, sizeof buf, oid);
    return buf;
}

template <typename T, void (*Free)(T*)>
struct Owned {
    T* p = nullptr;
    ~Owned() {
        if (p) Free(p);
    }
};

// A folder as the shell reads it: quoted unless plainly safe.
std::string shell_word(const std::string& s) {
    if (!s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+") == std::string::npos) return s;
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Why `path` could not be opened. Since git 2.35.2 (libgit2 1.5 likewise) a repository owned by
// another user is refused unless listed in safe.directory: on CI the checkout belongs to the
// runner's user, not the container's root. libgit2 1.5.1 reports that refusal as GIT_EOWNER only
// when some safe.directory is configured; with none at all it fails with GIT_ENOTFOUND ("config
// value 'safe.directory' was not found"), so the owner of the work tree found is what decides.
Message not_opened(const std::string& path, int error) {
    git_buf found = GIT_BUF_INIT;
    bool discovered = git_repository_discover(&found, path.c_str(), 0, nullptr) == 0;
    fs::path git_dir = discovered ? fs::path(found.ptr).lexically_normal() : fs::path();
    git_buf_dispose(&found);
    if (git_dir.filename().empty()) git_dir = git_dir.parent_path();
    std::string tree = git_dir.filename() == ".git" ? git_dir.parent_path().string() : git_dir.string();
    struct stat info {};
    bool foreign = discovered && ::stat(tree.c_str(), &info) == 0 && info.st_uid != ::geteuid();
    if (!discovered || (error != GIT_EOWNER && !foreign))
        return {path + " không nằm trong một kho git", path + " is not inside a git repository"};
    // The fix names the work tree, as git's own message does.
    std::string fix = "git config --global --add safe.directory " + shell_word(tree);
    return {"git từ chối mở kho " + tree + " vì kho thuộc về người dùng khác (không phải người đang chạy vanban); nếu tin kho này, chạy: " + fix,
            "git refuses to open the repository " + tree + ": it belongs to another user than the one running vanban; if you trust it, run: " +
                fix};
}

}  // namespace

std::unique_ptr<GitRepository> GitRepository::open(const std::string& path, Message* why) {
    ensure_library();
    git_repository* repo = nullptr;
    int opened = git_repository_open_ext(&repo, path.c_str(), 0, nullptr);
    if (opened == 0 && git_repository_is_bare(repo)) {
        git_repository_free(repo);
        opened = GIT_ENOTFOUND;
    }
    if (opened != 0) {
        if (why)
            *why = not_opened(path, opened);
        return nullptr;
    }
    return std::unique_ptr<GitRepository>(new GitRepository(repo));
}

std::string GitRepository::work_tree_around(const std::string& path) {
    ensure_library();
    git_buf found = GIT_BUF_INIT;
    std::string work_tree;
    if (git_repository_discover(&found, path.c_str(), 0, nullptr) == 0) {
        // `found` is the .git folder; its parent is the work tree (a bare repository has none).
        fs::path git_dir = fs::path(std::string(found.ptr, found.size)).lexically_normal();
        if (!git_dir.has_filename()) git_dir = git_dir.parent_path();
        if (git_dir.filename() == ".git") work_tree = git_dir.parent_path().string();
    }
    git_buf_dispose(&found);
    return work_tree;
}

std::string GitRepository::create(const std::string& path, const std::string& branch) {
    ensure_library();
    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
    options.initial_head = branch.c_str();
    git_repository* repo = nullptr;
    if (git_repository_init_ext(&repo, path.c_str(), &options) != 0) {
        const git_error* e = git_error_last();
        return e && e->message ? e->message : "libgit2";
    }
    git_repository_free(repo);
    return {};
}

GitRepository::~GitRepository() { git_repository_free(repo_); }

std::string GitRepository::workdir() const { return git_repository_workdir(repo_); }

bool GitRepository::shallow() const { return git_repository_is_shallow(repo_) == 1; }

std::string GitRepository::prefix_of(const std::string& directory) const {
    std::error_code ec;
    fs::path rel = fs::relative(fs::weakly_canonical(directory, ec), fs::weakly_canonical(workdir(), ec), ec);
    std::string r = rel.generic_string();
    return r == "." ? std::string() : r + "/";
}

std::vector<CommitInfo> GitRepository::history() const {
    std::vector<CommitInfo> out;
    Owned<git_revwalk, git_revwalk_free> walk;
    if (git_revwalk_new(&walk.p, repo_) != 0) return out;
    if (git_revwalk_push_head(walk.p) != 0) return out;  // no commits yet
    git_revwalk_sorting(walk.p, GIT_SORT_NONE);
    git_oid oid;
    while (git_revwalk_next(&oid, walk.p) == 0) {
        Owned<git_commit, git_commit_free> commit;
        if (git_commit_lookup(&commit.p, repo_, &oid) != 0) continue;
        CommitInfo info;
        info.id = hex(&oid);
        info.time = git_commit_time(commit.p);
        const char* summary = git_commit_summary(commit.p);
        info.summary = summary ? summary : "";
        const git_signature* author = git_commit_author(commit.p);
        info.author = std::string(author->name) + " <" + author->email + ">";
        for (unsigned i = 0; i < git_commit_parentcount(commit.p); ++i) info.parents.push_back(hex(git_commit_parent_id(commit.p, i)));
        const char* message = git_commit_message(commit.p);
        // Only approval and trust-list commits matter; most messages have no trailers at all.
        if (message && std::string_view(message).find(": ") != std::string_view::npos) {
            git_message_trailer_array trailers{};
            if (git_message_trailers(&trailers, message) == 0) {
                for (size_t i = 0; i < trailers.count; ++i) info.trailers.emplace_back(trailers.trailers[i].key, trailers.trailers[i].value);
                git_message_trailer_array_free(&trailers);
            }
        }
        out.push_back(std::move(info));
    }
    // Parents strictly before children, HEAD last, whatever order the walk gave: the trust fold
    // depends on it (a depth-first walk from HEAD, each commit after all its parents).
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < out.size(); ++i) index[out[i].id] = i;
    git_oid head;
    if (git_reference_name_to_id(&head, repo_, "HEAD") != 0 || !index.count(hex(&head))) return {};
    std::vector<CommitInfo> ordered;
    std::vector<char> state(out.size(), 0);  // 0 new, 1 on the stack, 2 placed
    std::vector<std::pair<size_t, size_t>> stack = {{index[hex(&head)], 0}};
    state[stack.back().first] = 1;
    while (!stack.empty()) {
        auto& [at, next] = stack.back();
        if (next < out[at].parents.size()) {
            auto it = index.find(out[at].parents[next++]);
            if (it != index.end() && state[it->second] == 0) {
                state[it->second] = 1;
                stack.emplace_back(it->second, 0);
            }
            continue;
        }
        state[at] = 2;
        ordered.push_back(std::move(out[at]));
        stack.pop_back();
    }
    return ordered;
}

bool GitRepository::descends_from(const std::string& commit_id, const std::string& ancestor_id) const {
    git_oid commit, ancestor;
    if (git_oid_fromstr(&commit, commit_id.c_str()) != 0 || git_oid_fromstr(&ancestor, ancestor_id.c_str()) != 0) return false;
    return git_graph_descendant_of(repo_, &commit, &ancestor) == 1;
}

std::optional<CommitSignature> GitRepository::signature(const std::string& commit_id) const {
    git_oid oid;
    if (git_oid_fromstr(&oid, commit_id.c_str()) != 0) return std::nullopt;
    git_buf sig = GIT_BUF_INIT, data = GIT_BUF_INIT;
    int rc = git_commit_extract_signature(&sig, &data, repo_, &oid, nullptr);
    std::optional<CommitSignature> out;
    if (rc == 0) out = CommitSignature{std::string(sig.ptr, sig.size), std::string(data.ptr, data.size)};
    git_buf_dispose(&sig);
    git_buf_dispose(&data);
    return out;
}

std::string GitRepository::blob_id(const std::string& commit_id, const std::string& path) const {
    git_oid oid;
    if (git_oid_fromstr(&oid, commit_id.c_str()) != 0) return {};
    Owned<git_commit, git_commit_free> commit;
    if (git_commit_lookup(&commit.p, repo_, &oid) != 0) return {};
    Owned<git_tree, git_tree_free> tree;
    if (git_commit_tree(&tree.p, commit.p) != 0) return {};
    Owned<git_tree_entry, git_tree_entry_free> entry;
    if (git_tree_entry_bypath(&entry.p, tree.p, path.c_str()) != 0) return {};
    if (git_tree_entry_type(entry.p) != GIT_OBJECT_BLOB) return {};
    return hex(git_tree_entry_id(entry.p));
}

std::vector<std::pair<std::string, std::string>> GitRepository::directory_blobs(const std::string& commit_id,
                                                                                const std::string& directory) const {
    std::vector<std::pair<std::string, std::string>> out;
    git_oid oid;
    if (git_oid_fromstr(&oid, commit_id.c_str()) != 0) return out;
    Owned<git_commit, git_commit_free> commit;
    if (git_commit_lookup(&commit.p, repo_, &oid) != 0) return out;
    Owned<git_tree, git_tree_free> root;
    if (git_commit_tree(&root.p, commit.p) != 0) return out;
    Owned<git_tree_entry, git_tree_entry_free> entry;
    if (git_tree_entry_bypath(&entry.p, root.p, directory.c_str()) != 0 || git_tree_entry_type(entry.p) != GIT_OBJECT_TREE) return out;
    Owned<git_tree, git_tree_free> tree;
    if (git_tree_lookup(&tree.p, repo_, git_tree_entry_id(entry.p)) != 0) return out;
    for (size_t i = 0; i < git_tree_entrycount(tree.p); ++i) {
        const git_tree_entry* e = git_tree_entry_byindex(tree.p, i);
        if (git_tree_entry_type(e) == GIT_OBJECT_BLOB && git_tree_entry_filemode(e) != GIT_FILEMODE_LINK)
            out.emplace_back(git_tree_entry_name(e), hex(git_tree_entry_id(e)));
    }
    return out;
}

std::vector<std::string> GitRepository::directory_blob_ids(const std::string& commit_id, const std::string& directory) const {
    std::vector<std::string> out;
    for (auto& [name, id] : directory_blobs(commit_id, directory)) out.push_back(std::move(id));
    return out;
}

std::string GitRepository::blob_content(const std::string& blob_id) const {
    git_oid oid;
    if (blob_id.empty() || git_oid_fromstr(&oid, blob_id.c_str()) != 0) return {};
    Owned<git_blob, git_blob_free> blob;
    if (git_blob_lookup(&blob.p, repo_, &oid) != 0) return {};
    return std::string(static_cast<const char*>(git_blob_rawcontent(blob.p)), static_cast<size_t>(git_blob_rawsize(blob.p)));
}

std::optional<std::string> GitRepository::read_revision(const std::string& spec) const {
    Owned<git_object, git_object_free> object;
    if (git_revparse_single(&object.p, repo_, spec.c_str()) != 0) return std::nullopt;
    if (git_object_type(object.p) != GIT_OBJECT_BLOB) return std::nullopt;
    auto* blob = reinterpret_cast<git_blob*>(object.p);
    return std::string(static_cast<const char*>(git_blob_rawcontent(blob)), static_cast<size_t>(git_blob_rawsize(blob)));
}

std::string GitRepository::hash_blob(const std::string& bytes) {
    ensure_library();
    git_oid oid;
    git_odb_hash(&oid, bytes.data(), bytes.size(), GIT_OBJECT_BLOB);
    return hex(&oid);
}

}  // namespace vanban
