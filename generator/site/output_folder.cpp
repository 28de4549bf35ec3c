#include "site/output_folder.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "load/published_files.h"

namespace fs = std::filesystem;

namespace vanban {

namespace {

fs::path without_trailing_slash(fs::path p) {
    p = p.lexically_normal();
    if (p.filename().empty() && p.has_parent_path()) p = p.parent_path();
    return p;
}

// Writes a new file at `path`, which must not be a link (O_NOFOLLOW). It is opened by its name in
// `folder`, the descriptor of its folder: the kernel does not walk the whole path for every page.
class NewFile {
public:
    NewFile(int folder, const fs::path& path) : path_(path) {
        fd_ = ::openat(folder, path.filename().c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd_ < 0) throw std::runtime_error("không ghi được tệp " + path.string());
    }
    ~NewFile() {
        if (fd_ >= 0) ::close(fd_);
    }
    // Bytes from several places, in order, with as few writev calls as the kernel allows.
    void write(const std::vector<std::string_view>& pieces) {
        std::vector<iovec> parts;
        parts.reserve(pieces.size());
        for (std::string_view p : pieces)
            if (!p.empty()) parts.push_back({const_cast<char*>(p.data()), p.size()});
        size_t at = 0;  // the first part not written whole
        while (at < parts.size()) {
            ssize_t n = ::writev(fd_, &parts[at], static_cast<int>(std::min<size_t>(parts.size() - at, IOV_MAX)));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) throw std::runtime_error("không ghi được tệp " + path_.string());
            for (size_t done = static_cast<size_t>(n); done > 0;) {
                if (done < parts[at].iov_len) {
                    parts[at].iov_base = static_cast<char*>(parts[at].iov_base) + done;
                    parts[at].iov_len -= done;
                    break;
                }
                done -= parts[at++].iov_len;
            }
        }
    }
    void close() {
        int fd = fd_;
        fd_ = -1;
        if (::close(fd) != 0) throw std::runtime_error("không ghi được tệp " + path_.string());
    }

private:
    fs::path path_;
    int fd_ = -1;
};

}  // namespace

std::string output_folder_problem(const std::string& root, const std::string& out, bool english) {
    // "--out ../www" or "a/../b": where that lands depends on links on the way; the user writes the place itself.
    for (const auto& part : fs::path(out))
        if (part == "..")
            return "--out " + out + (english ? " has a \"..\" part; write the target folder's path itself (e.g. /srv/www/school)"
                                             : " có thành phần \"..\"; ghi thẳng đường dẫn của thư mục đích (ví dụ /srv/www/truong)");
    std::error_code ec;
    fs::path root_path = without_trailing_slash(fs::absolute(root, ec));
    fs::path out_path = without_trailing_slash(fs::absolute(out, ec));
    // An output inside the repository goes through folders that are the repository's content: a
    // link among them (a committed "site -> /home/…") would send the site's files anywhere.
    if (is_inside(out_path, root_path)) {
        fs::path p = root_path;
        for (const auto& part : out_path.lexically_relative(root_path)) {
            if (part == ".") continue;
            p /= part;
            if (fs::is_symlink(p, ec))
                return p.string() + (english ? " is a symbolic link inside the repository; vanban writes the site through no link of the "
                                               "repository (remove the link, or name the target folder with --out)"
                                             : " là liên kết tượng trưng nằm trong kho; vanban không ghi trang web qua liên kết của kho "
                                               "(xóa liên kết, hoặc chỉ thẳng thư mục đích bằng --out)");
        }
    }
    // The user's own links outside the repository are followed: the real places are compared.
    fs::path real_root = fs::weakly_canonical(root_path, ec);
    if (ec) real_root = root_path;
    fs::path real_out = fs::weakly_canonical(out_path, ec);
    if (ec) real_out = out_path;
    if (is_inside(real_root, real_out))
        return out + (english ? " is the repository's root or holds it; the site needs a folder of its own (default: site/ in the repository)"
                              : " là thư mục gốc của kho hoặc chứa kho; trang web cần một thư mục riêng (mặc định site/ trong kho)");
    for (const char* folder : {".git", ".vanban", "content", "plans", "templates"})
        if (is_inside(real_out, real_root / folder))
            return out + (english ? " is inside the repository's " + std::string(folder) + "/; choose another folder (default: site/ in the repository)"
                                  : " nằm trong " + std::string(folder) + "/ của kho; chọn thư mục khác (mặc định site/ trong kho)");
    return {};
}

bool exchange_paths(const std::string& a, const std::string& b) {
    if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) return true;
    // Kernels before 3.15 (ENOSYS) and some filesystems (EINVAL: older NFS, some FUSE and overlay
    // setups) cannot exchange; the caller then falls back to two renames.
    if (errno == EINVAL || errno == ENOSYS) return false;
    throw std::runtime_error("không đổi chỗ được " + a + " và " + b + " (" + std::strerror(errno) + ")");
}

size_t remove_abandoned_folders(const std::string& target) {
    fs::path t = without_trailing_slash(target);
    fs::path parent = t.parent_path().empty() ? fs::path(".") : t.parent_path();
    std::string name = t.filename().string();
    size_t removed = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(parent, ec)) {
        std::string candidate = entry.path().filename().string();
        std::string digits;
        for (const char* kind : {".tmp-", ".old-"})
            if (candidate.rfind(name + kind, 0) == 0) digits = candidate.substr(name.size() + 5);
        if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
        pid_t pid = static_cast<pid_t>(std::stol(digits));
        std::error_code status_ec;
        if (pid == ::getpid() || !entry.is_directory(status_ec) || entry.is_symlink(status_ec)) continue;
        if (!fs::is_regular_file(fs::symlink_status(entry.path() / OutputFolder::kMarker, status_ec))) continue;
        if (::kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive (or not ours to signal): kept
        fs::remove_all(entry.path(), status_ec);
        removed += !status_ec;
    }
    return removed;
}

OutputFolder::OutputFolder(std::string target) : target_(std::move(target)) {
    fs::path t = without_trailing_slash(target_);
    target_ = t.string();
    std::error_code ec;
    // "site -> /var/www/truong" given by the user: replace the folder the link points to, and keep the link.
    if (fs::is_symlink(t, ec)) {
        t = fs::canonical(t, ec);
        if (ec) throw std::runtime_error(target_ + " là liên kết tới một thư mục không tồn tại");
        target_ = t.string();
    }
    if (fs::exists(t, ec)) {
        if (!fs::is_directory(t, ec)) throw std::runtime_error(target_ + " đã có và không phải thư mục");
        if (!fs::is_empty(t, ec) && !fs::exists(t / kMarker, ec))
            throw std::runtime_error("thư mục " + target_ +
                                     " đã có nội dung không do vanban tạo; vanban không ghi đè lên nó (chọn --out khác)");
    }
    fs::create_directories(t.parent_path().empty() ? fs::path(".") : t.parent_path(), ec);
    remove_abandoned_folders(target_);
    temporary_ = target_ + ".tmp-" + std::to_string(getpid());
    fs::remove_all(temporary_, ec);
    fs::create_directories(temporary_);
    write(kMarker, "Thư mục này do vanban build tạo ra; mỗi lần build sẽ thay toàn bộ nội dung.\n");
}

OutputFolder::OutputFolder(std::string target, InPlace) : target_(std::move(target)), temporary_(target_), committed_(true) {
    std::error_code ec;
    if (!fs::is_regular_file(fs::symlink_status(fs::path(target_) / kMarker, ec)))
        throw std::runtime_error("thư mục " + target_ + " không do vanban tạo; vanban không ghi vào nó");
}

std::unique_ptr<OutputFolder> OutputFolder::in_place(const std::string& target) {
    return std::unique_ptr<OutputFolder>(new OutputFolder(target, InPlace{}));
}

void OutputFolder::remove(const std::string& relative_path) {
    std::error_code ec;
    fs::remove(fs::path(temporary_) / relative_path, ec);
}

OutputFolder::~OutputFolder() {
    for (const auto& [folder, fd] : folders_) ::close(fd);
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(temporary_, ec);
    }
}

int OutputFolder::folder_of(const fs::path& path) {
    const std::string folder = path.parent_path().native();
    {
        std::lock_guard<std::mutex> lock(folders_lock_);
        if (auto found = folders_.find(folder); found != folders_.end()) return found->second;
    }
    fs::create_directories(folder);
    int fd = ::open(folder.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error("không mở được thư mục " + folder + " (" + std::strerror(errno) + ")");
    std::lock_guard<std::mutex> lock(folders_lock_);
    auto [kept, inserted] = folders_.emplace(folder, fd);
    if (!inserted) ::close(fd);  // another thread made it meanwhile
    return kept->second;
}

void OutputFolder::write(const std::string& relative_path, const std::string& content) {
    write(relative_path, std::vector<std::string_view>{content});
}

void OutputFolder::write(const std::string& relative_path, const std::vector<std::string_view>& pieces) {
    fs::path p = fs::path(temporary_) / relative_path;
    NewFile out(folder_of(p), p);
    out.write(pieces);
    out.close();
}

void OutputFolder::copy_file(const std::string& root, const std::string& source, const std::string& relative_path) {
    fs::path from = fs::path(root) / source;
    int in = ::open(from.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    struct stat st{};
    if (in < 0 || ::fstat(in, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (in >= 0) ::close(in);
        throw std::runtime_error("không chép được " + source + " (không phải tệp thường, hay là liên kết tượng trưng)");
    }
    fs::path p = fs::path(temporary_) / relative_path;
    int folder = folder_of(p);
    std::error_code ec;
    fs::remove(p, ec);  // a new file, never a write through an existing one
    try {
        NewFile out(folder, p);
        char buffer[65536];
        for (;;) {
            ssize_t n = ::read(in, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) throw std::runtime_error("không đọc được " + source);
            if (n == 0) break;
            out.write({std::string_view(buffer, static_cast<size_t>(n))});
        }
        out.close();
    } catch (...) {
        ::close(in);
        throw;
    }
    ::close(in);
}

std::string OutputFolder::path_of(const std::string& relative_path) {
    fs::path p = fs::path(temporary_) / relative_path;
    folder_of(p);
    return p.string();
}

void OutputFolder::commit() {
    if (temporary_ == target_) return;  // written in place: nothing to swap
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(target_, ec))) {
        fs::rename(temporary_, target_);
        committed_ = true;
        return;
    }
    if (exchange_paths(temporary_, target_)) {
        committed_ = true;
        fs::remove_all(temporary_, ec);  // now the previous site
        return;
    }
    // No exchange on this filesystem: two renames, with a moment when target_ is missing. A kill
    // in that moment leaves the old site in ".old-PID" (with its marker), removed by the next build.
    std::string old = target_ + ".old-" + std::to_string(getpid());
    fs::rename(target_, old);
    try {
        fs::rename(temporary_, target_);
    } catch (...) {
        fs::rename(old, target_, ec);
        throw;
    }
    committed_ = true;
    fs::remove_all(old, ec);
}

}  // namespace vanban
