// Writes a whole folder or nothing: files go to a temporary sibling folder, which takes
// the place of the real one only when every file was written.
#pragma once

#include <string>

namespace vanban {

class OutputFolder {
public:
    // Refuses (throws) when `target` exists, is not empty and was not made by vanban.
    explicit OutputFolder(std::string target);
    ~OutputFolder();  // removes the temporary folder unless commit() succeeded
    OutputFolder(const OutputFolder&) = delete;
    OutputFolder& operator=(const OutputFolder&) = delete;

    void write(const std::string& relative_path, const std::string& content);
    void copy_file(const std::string& source, const std::string& relative_path);
    // Where a file at `relative_path` is being written (its folder is created), for programs
    // that write files themselves.
    std::string path_of(const std::string& relative_path);
    void commit();  // swaps the temporary folder in

    static constexpr const char* kMarker = ".vanban-site";

private:
    std::string target_, temporary_;
    bool committed_ = false;
};

}  // namespace vanban
