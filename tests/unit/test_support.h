// Helpers for unit tests: vanban's own templates, documents built from text, scratch folders.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "check/checks.h"
#include "load/document_loader.h"
#include "load/repository.h"

namespace vanban::test {

// A fresh, empty temporary folder, removed at the end of the test.
struct Scratch {
    std::filesystem::path path;
    Scratch() {
        static int counter = 0;
        path = std::filesystem::temp_directory_path() / ("vanban-unit-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~Scratch() { std::filesystem::remove_all(path); }
};

// Writes `text` to `p`, making its folders.
inline void write(const std::filesystem::path& p, const std::string& text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

// The bytes of `p` (empty when it cannot be read).
inline std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

inline std::string templates_dir() { return std::string(VANBAN_TEST_DATA) + "/../templates"; }

// A repository with the default templates, the sample school's identity and the given documents.
inline Repository make_repository(const std::vector<std::pair<std::string, std::string>>& files) {
    Repository repo;
    repo.root = std::string(VANBAN_TEST_DATA) + "/fixtures/clean";
    repo.school.name = "Trường THCS Thử Nghiệm";
    repo.school.abbreviation = "THCSTN";
    repo.school.place = "Thử";
    repo.school.governing_bodies = {{"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THỬ", std::nullopt, "Thử", 4}};
    repo.school.level = "THCS";
    repo.templates = TemplateSearchPath({templates_dir()});
    std::vector<Diagnostic> problems;
    for (const auto& file : repo.templates.list("types", ".yaml"))
        repo.types.add(load_document_type(file, YAML::LoadFile(file), problems));
    std::string words = repo.templates.find("trich-dan.yaml");
    repo.citations = CitationScanner(load_citation_types(words, YAML::LoadFile(words), problems));
    for (const auto& [path, text] : files) repo.documents.push_back(load_document(path, text, repo.types, repo.school));
    std::sort(repo.documents.begin(), repo.documents.end(), [](const Document& a, const Document& b) { return a.path < b.path; });
    for (const auto& doc : repo.documents) repo.document_paths.push_back(doc.path);
    return repo;
}

// Every diagnostic of one rule, from a full check with a fixed "today".
inline std::vector<Diagnostic> run_rule(const Repository& repo, const std::string& rule) {
    CheckOptions options;
    options.today = Date{2026, 11, 23};
    options.jobs = 1;
    std::vector<Diagnostic> out;
    for (auto& d : check_repository(repo, options))
        if (d.rule == rule) out.push_back(d);
    return out;
}

// A valid kế hoạch whose body the test supplies.
inline std::string plan(const std::string& body, const std::string& extra_front_matter = "") {
    return "---\n"
           "loai: ke-hoach\n"
           "so: 12\n"
           "ngay: 2024-09-20\n"
           "nam_hoc: \"2024-2025\"\n"
           "trich_yeu: \"Thử nghiệm\"\n"
           "nguoi_ky:\n"
           "  chuc_vu: \"HIỆU TRƯỞNG\"\n"
           "  ho_ten: \"Nguyễn Văn Thử\"\n"
           "noi_nhan:\n"
           "  - \"Lưu: VT.\"\n" +
           extra_front_matter +
           "---\n" + body;
}

inline const char* kValidBody =
    "# I. MỤC ĐÍCH, YÊU CẦU\n\n## 1. Mục đích\n\nVăn bản.\n\n## 2. Yêu cầu\n\nVăn bản.\n\n"
    "# II. NỘI DUNG\n\n## 1. Việc một\n\n### 1.1. Chỉ tiêu\n\n### 1.2. Giải pháp\n\n## 2. Việc hai\n\n"
    "# III. TỔ CHỨC THỰC HIỆN\n\nTrên đây là kế hoạch./.\n";

}  // namespace vanban::test
