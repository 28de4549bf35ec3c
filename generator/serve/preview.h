// `vanban serve`: a live preview for the person editing. The site is built (without PDFs)
// into a private temporary folder; a watcher notices edited files, reloads only those
// documents, checks again, rebuilds the pages and bumps a version number that the open
// pages poll, so the browser reloads by itself.
#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <string>

#include "load/repository.h"

namespace vanban {

class Preview {
public:
    Preview(std::string root, bool english, std::ostream& log);
    ~Preview();
    Preview(const Preview&) = delete;
    Preview& operator=(const Preview&) = delete;

    // Looks for changes and rebuilds when there are some; true when it rebuilt.
    bool refresh();
    uint64_t version() const { return version_; }
    const std::string& site_dir() const { return site_dir_; }
    size_t last_reloaded() const { return last_reloaded_; }  // documents read again by the last refresh

private:
    std::map<std::string, std::string> stamps() const;

    std::string root_;
    bool english_;
    std::ostream& log_;
    std::string work_dir_, site_dir_;
    std::map<std::string, std::string> stamps_;
    Repository repo_;
    bool loaded_ = false;
    uint64_t version_ = 0;
    size_t last_reloaded_ = 0;
};

// Serves the preview on 127.0.0.1 until interrupted (Ctrl-C). port 0 picks a free port.
int serve_preview(Preview& preview, int port, std::ostream& out);

}  // namespace vanban
