#include "site/output_folder.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace vanban {

OutputFolder::OutputFolder(std::string target) : target_(std::move(target)) {
    fs::path t = fs::path(target_).lexically_normal();
    if (t.filename().empty()) t = t.parent_path();
    target_ = t.string();
    std::error_code ec;
    // "site -> /var/www/truong": replace the folder the link points to, and keep the link.
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
    temporary_ = target_ + ".tmp-" + std::to_string(getpid());
    fs::remove_all(temporary_, ec);
    fs::create_directories(temporary_);
    write(kMarker, "Thư mục này do vanban build tạo ra; mỗi lần build sẽ thay toàn bộ nội dung.\n");
}

OutputFolder::~OutputFolder() {
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(temporary_, ec);
    }
}

void OutputFolder::write(const std::string& relative_path, const std::string& content) {
    fs::path p = fs::path(temporary_) / relative_path;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) throw std::runtime_error("không ghi được tệp " + p.string());
}

void OutputFolder::copy_file(const std::string& source, const std::string& relative_path) {
    fs::path p = fs::path(temporary_) / relative_path;
    fs::create_directories(p.parent_path());
    std::error_code ec;
    fs::remove(p, ec);  // a new file, never a write through an existing one
    fs::copy_file(source, p);
}

std::string OutputFolder::path_of(const std::string& relative_path) {
    fs::path p = fs::path(temporary_) / relative_path;
    fs::create_directories(p.parent_path());
    return p.string();
}

void OutputFolder::commit() {
    std::error_code ec;
    std::string old = target_ + ".old-" + std::to_string(getpid());
    bool had_old = fs::exists(target_, ec);
    if (had_old) fs::rename(target_, old);
    try {
        fs::rename(temporary_, target_);
    } catch (...) {
        if (had_old) fs::rename(old, target_, ec);
        throw;
    }
    committed_ = true;
    if (had_old) fs::remove_all(old, ec);
}

}  // namespace vanban
