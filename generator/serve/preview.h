// `vanban serve`: a live preview for the person editing. The site is built (without PDFs)
// into a private temporary folder; inotify tells which files were saved (serve/file_watcher.h;
// polling every file when it cannot), only those documents are read and checked again and their
// pages, the lists and the search index written again, and the open pages are told at once
// (Server-Sent Events) to reload.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "build/build_options.h"
#include "serve/file_watcher.h"

namespace vanban {

class BuildSession;

class Preview {
public:
    // `options`: the root, --jobs, --today, --lang; the preview writes its own folder, with findings, without PDFs.
    Preview(BuildOptions options, std::ostream& log);
    ~Preview();
    Preview(const Preview&) = delete;
    Preview& operator=(const Preview&) = delete;

    // Looks at every file for changes and rebuilds when there are some (the first build, and the
    // preview without inotify); true when it rebuilt. It logs the findings in the files that
    // changed (all of them the first time) and one line of totals.
    bool refresh();
    // The same, looking only at what the watcher saw. `history_watched`: the watcher sees the git
    // history move (a move then rebuilds all, approvals may have changed); when it does not, the
    // history is read again at each rebuild.
    bool refresh(const WatchedChanges& seen, bool history_watched);
    uint64_t version() const { return version_; }
    // The version with this preview's start: a page of an earlier preview (restarted) differs too.
    std::string version_tag() const;
    const std::string& site_dir() const { return site_dir_; }
    bool english() const { return options_.english; }
    const std::string& root() const { return options_.root; }
    size_t last_reloaded() const { return last_reloaded_; }  // documents read again by the last refresh

private:
    std::map<std::string, std::string> stamps() const;
    std::string stamp_of(const std::string& relative) const;
    bool rebuild(const std::vector<std::string>& changed, bool everything, bool read_history);

    BuildOptions options_;
    std::ostream& log_;
    std::string work_dir_, site_dir_;
    std::map<std::string, std::string> stamps_;
    std::unique_ptr<BuildSession> session_;  // kept between rounds: its summaries make the lists
    bool loaded_ = false;
    uint64_t version_ = 0;
    size_t last_reloaded_ = 0;
    std::string started_;  // when this preview started, for version_tag()
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
