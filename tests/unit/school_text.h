// A school's repository written as one block of text, built in process (as Hugo's tests write
// sites in txtar and ninja's run on a virtual disk): no binary, no fixture folder.
//
//   -- vanban.yaml --
//   truong: ...
//   -- plans/2024-2025/ke-hoach.md --
//   ---
//   loai: ke-hoach
//   -- plans/2024-2025/lien-ket.md -> ../../vanban.yaml --   (a symbolic link)
//   -- content/trong/ --                                     (an empty folder)
//
// Lines before the first `-- name --` are a comment. The files go into a MemoryTree; the output
// folder is a scratch folder on disk.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "build/build_session.h"
#include "load/source_tree.h"
#include "test_support.h"

namespace vanban::test {

inline std::shared_ptr<MemoryTree> memory_tree(const std::string& text,
                                               const std::string& root = "/vanban-memory/school") {
    auto tree = std::make_shared<MemoryTree>(root);
    std::string name, body;
    bool open = false;
    auto close = [&] {
        if (!open) return;
        if (size_t arrow = name.find(" -> "); arrow != std::string::npos)
            tree->add_link(name.substr(0, arrow), name.substr(arrow + 4));
        else if (!name.empty() && name.back() == '/') tree->add_folder(name.substr(0, name.size() - 1));
        else tree->add_file(name, body);
        body.clear();
    };
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.size() > 6 && line.compare(0, 3, "-- ") == 0 && line.compare(line.size() - 3, 3, " --") == 0) {
            close();
            name = line.substr(3, line.size() - 6);
            open = true;
        } else if (open) {
            body += line + "\n";
        }
    }
    close();
    return tree;
}

// The school of tests/fixtures/clean, as the first file of a block.
inline const char* kSchoolYaml =
    "-- vanban.yaml --\n"
    "truong:\n"
    "  ten: \"Trường THCS Thử Nghiệm\"\n"
    "  viet_tat: \"THCSTN\"\n"
    "  co_quan_chu_quan: \"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THỬ\"\n"
    "  dia_danh: \"Thử\"\n"
    "  cap_hoc: THCS\n"
    "  website: \"https://thu.example.edu.vn\"\n";

// A clean kế hoạch numbered `number`, with `citing` as its "Căn cứ" line and `aim` as the text of
// its first section.
inline std::string plan_text(int number,
                             const std::string& citing =
                                 "Căn cứ Thông tư số 32/2020/TT-BGDĐT ngày 15/9/2020 của Bộ "
                                 "Giáo dục và Đào tạo ban hành Điều lệ trường trung học cơ sở;",
                             const std::string& aim = "Tổ chức dạy học hiệu quả.") {
    return "---\nloai: ke-hoach\nso: " + std::to_string(number) +
           "\nngay: 2024-09-20\nnam_hoc: \"2024-2025\"\ntrich_yeu: \"Tổ chức dạy học năm học 2024-2025\"\n"
           "nguoi_ky:\n  chuc_vu: \"HIỆU TRƯỞNG\"\n  ho_ten: \"Lê Thị Thử\"\nnoi_nhan:\n  - \"Lưu: VT.\"\n---\n\n" +
           citing + "\n\n# I. MỤC ĐÍCH, YÊU CẦU\n\n## 1. Mục đích\n\n" + aim +
           "\n\n## 2. Yêu cầu\n\nĐúng kế hoạch.\n\n# II. NỘI DUNG\n\n## 1. Đội ngũ\n\nĐủ giáo viên.\n\n"
           "## 2. Lịch\n\nTheo năm học.\n\n# III. TỔ CHỨC THỰC HIỆN\n\nTrên đây là kế hoạch./.\n";
}

// One session run in process over a MemoryTree: its findings and the site it wrote.
struct SchoolRun {
    Scratch scratch;
    std::shared_ptr<MemoryTree> tree;
    BuildResult result;

    explicit SchoolRun(std::shared_ptr<MemoryTree> source) : tree(std::move(source)) {
        ::setenv("VANBAN_TEMPLATES", templates_dir().c_str(), 1);
    }
    std::filesystem::path site() const { return scratch.path / "site"; }
    BuildOptions options(bool with_site = true, bool strict = false) const {
        BuildOptions o;
        o.source = tree;
        o.jobs = 2;
        o.today = Date{2026, 11, 23};
        o.strict = strict;
        if (with_site) o.out_dir = site().string();
        return o;
    }
    // Builds the site (or only checks); the result stays in `result`.
    const BuildResult& run(bool with_site = true, bool strict = false) {
        BuildSession session(options(with_site, strict), {});
        result = session.run();
        return result;
    }
    // The findings of one rule, as "file:line rule".
    std::vector<std::string> findings(const std::string& rule) const {
        std::vector<std::string> out;
        for (const auto& d : result.diagnostics)
            if (d.rule == rule) out.push_back(d.file + ":" + std::to_string(d.at.line) + " " + d.rule);
        return out;
    }
    const Diagnostic* first(const std::string& rule) const {
        for (const auto& d : result.diagnostics)
            if (d.rule == rule) return &d;
        return nullptr;
    }
    // A file of the site written; empty when there is none.
    std::string page(const std::string& relative) const {
        std::ifstream in(site() / relative, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }
};

// Runs a repository written as one block of text; `with_site`: the site is written too.
inline std::unique_ptr<SchoolRun> run_school(const std::string& text, bool with_site = true, bool strict = false) {
    auto run = std::make_unique<SchoolRun>(memory_tree(text));
    run->run(with_site, strict);
    return run;
}

// The files of a folder on disk copied into a MemoryTree (links as links), to compare the two.
inline std::shared_ptr<MemoryTree> memory_copy(const std::filesystem::path& folder, const std::string& root) {
    auto tree = std::make_shared<MemoryTree>(root);
    for (auto it = std::filesystem::recursive_directory_iterator(folder);
         it != std::filesystem::recursive_directory_iterator(); ++it) {
        std::string relative = std::filesystem::relative(it->path(), folder).generic_string();
        if (it->is_symlink()) tree->add_link(relative, std::filesystem::read_symlink(it->path()).string());
        else if (it->is_directory()) tree->add_folder(relative);
        else if (it->is_regular_file()) {
            std::ifstream in(it->path(), std::ios::binary);
            std::ostringstream bytes;
            bytes << in.rdbuf();
            tree->add_file(relative, bytes.str());
        }
    }
    return tree;
}

}  // namespace vanban::test
