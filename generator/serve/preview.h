// `vanban serve`: a live preview for the person editing. The site is built (without PDFs)
// into a private temporary folder; a watcher notices edited files, reloads only those
// documents, checks again, rebuilds the pages and bumps a version number that the open
// pages poll, so the browser reloads by itself.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>

#include "build/build_options.h"

namespace vanban {

class BuildSession;

class Preview {
public:
    // `options`: the root, --jobs, --today, --lang; the preview writes its own folder, with findings, without PDFs.
    Preview(BuildOptions options, std::ostream& log);
    ~Preview();
    Preview(const Preview&) = delete;
    Preview& operator=(const Preview&) = delete;

    // Looks for changes and rebuilds when there are some; true when it rebuilt. It logs the
    // findings in the files that changed (all of them the first time) and one line of totals.
    bool refresh();
    uint64_t version() const { return version_; }
    const std::string& site_dir() const { return site_dir_; }
    bool english() const { return options_.english; }
    size_t last_reloaded() const { return last_reloaded_; }  // documents read again by the last refresh

private:
    std::map<std::string, std::string> stamps() const;

    BuildOptions options_;
    std::ostream& log_;
    std::string work_dir_, site_dir_;
    std::map<std::string, std::string> stamps_;
    std::unique_ptr<BuildSession> session_;  // kept between rounds: its summaries make the lists
    bool loaded_ = false;
    uint64_t version_ = 0;
    size_t last_reloaded_ = 0;
};

// The port asked for could not be taken, with the reason (errno): EADDRINUSE (another preview,
// another server), EACCES (below 1024 without root), EADDRNOTAVAIL… Nothing was built.
struct PortNotBound : std::runtime_error {
    PortNotBound(int p, int e) : std::runtime_error("port not bound"), port(p), error(e) {}
    int port;
    int error;
};

// The first of the `tries` ports after `port` that 127.0.0.1 can take now; 0 when none can.
int free_port_after(int port, int tries);

// Takes the port on 127.0.0.1 (port 0 picks a free one; PortNotBound when it cannot), then builds
// the preview and serves it until interrupted (Ctrl-C).
int serve_preview(Preview& preview, int port, std::ostream& out);

}  // namespace vanban
