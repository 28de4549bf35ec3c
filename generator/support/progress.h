// Progress of long work (checking, PDFs, Word files, pages) on stderr. On a terminal one live
// line is redrawn in place — "PDF 12/40 · plans/…/ke-hoach.md · còn khoảng 20 giây" — and
// cleared when the phase ends; elsewhere (CI, a log file) each phase prints one line, so a log
// shows what ran without a line per document.
//
// VANBAN_PROGRESS=tty|lines|off chooses the mode instead of isatty() (tests force the terminal
// mode; `off` silences it).
#pragma once

#include <chrono>
#include <mutex>
#include <ostream>
#include <string>

namespace vanban {

enum class ProgressMode { Off, Lines, Terminal };

// VANBAN_PROGRESS if set to tty, lines or off; else Terminal when `fd` is a terminal that is not
// TERM=dumb, Lines otherwise. Any other value of the variable is a usage error.
ProgressMode progress_mode(int fd);
// The rule of progress_mode(), given its inputs (`setting` and `term` may be null).
ProgressMode choose_progress_mode(const char* setting, bool terminal, const char* term);

enum class ProgressStep { Check, Pdf, Docx, Pages };

class Progress {
public:
    Progress(std::ostream& out, ProgressMode mode, bool english, int fd = -1);
    // On the process's stderr (`err`), in the mode progress_mode(STDERR_FILENO) chooses.
    Progress(std::ostream& err, bool english);
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // One phase of `total` items, from construction to destruction: the destructor clears the
    // live line also when the work ends by an exception (an error, Ctrl-C). A null Progress
    // (nobody listens) makes every call a no-op. done() may be called from any thread.
    class Phase {
    public:
        Phase(Progress* progress, ProgressStep step, size_t total);
        ~Phase();
        Phase(const Phase&) = delete;
        Phase& operator=(const Phase&) = delete;
        void done(const std::string& item);

    private:
        Progress* progress_;
    };

private:
    void begin(ProgressStep step, size_t total);
    void item_done(const std::string& item);
    void end();
    void draw(const std::string& item);  // under mutex_
    void clear();                        // under mutex_

    std::ostream& out_;
    ProgressMode mode_;
    bool english_;
    int fd_;  // for the terminal's width
    std::mutex mutex_;
    ProgressStep step_ = ProgressStep::Check;
    size_t total_ = 0, done_ = 0;
    std::chrono::steady_clock::time_point started_, drawn_;
    bool line_shown_ = false;
};

// "còn khoảng 20 giây" / "about 20 s left", from the time so far and the items done and left.
std::string time_left_text(double elapsed_seconds, size_t done, size_t total, bool english);

// `path` in at most `columns` characters: the middle folders become "…" ("plans/…/ke-hoach.md"),
// then the start of the file name if that is not enough.
std::string shorten_path(const std::string& path, size_t columns);

}  // namespace vanban
