#include "support/progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "text/markup.h"
#include "text/unicode.h"

namespace vanban {

namespace {

// Redrawing a terminal line costs little, but pages are made by the thousand in a second:
// at most this often, besides the first and the last item.
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);

// The last `columns` characters of `s`, cut at a character boundary.
std::string tail_columns(const std::string& s, size_t columns) {
    size_t n = 0, at = s.size();
    while (at > 0 && n < columns) {
        --at;
        if ((static_cast<unsigned char>(s[at]) & 0xC0) != 0x80) ++n;
    }
    return s.substr(at);
}

size_t terminal_width(int fd) {
    struct winsize size {};
    if (fd >= 0 && ::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

struct StepText {
    const char* vi_label, *en_label;     // before the count on the live line; none: the phase line is shown
    const char* vi_before, *vi_after;    // "Đang tạo " N " bản PDF…"
    const char* en_before, *en_after;    // "Making " N " PDFs…"
};

const StepText& step_text(ProgressStep step) {
    static const StepText texts[] = {
        {"", "", "Đang kiểm tra ", " văn bản…", "Checking ", " documents…"},
        {"PDF", "PDF", "Đang tạo ", " bản PDF…", "Making ", " PDFs…"},
        {"Word", "Word", "Đang tạo ", " bản Word…", "Making ", " Word files…"},
        {"Trang", "Pages", "Đang tạo trang web của ", " văn bản…", "Writing the pages of ", " documents…"},
    };
    return texts[static_cast<int>(step)];
}

}  // namespace

ProgressMode choose_progress_mode(const char* setting, bool terminal, const char* term) {
    if (setting && *setting) {
        std::string v = setting;
        if (v == "tty") return ProgressMode::Terminal;
        if (v == "lines") return ProgressMode::Lines;
        if (v == "off") return ProgressMode::Off;
        throw std::runtime_error("VANBAN_PROGRESS phải là tty, lines hoặc off, không phải \"" + one_line(v) + "\"");
    }
    // A dumb terminal (Emacs' shell, some CI consoles) prints "\033[K" as it is.
    bool dumb = term && std::string(term) == "dumb";
    return terminal && !dumb ? ProgressMode::Terminal : ProgressMode::Lines;
}

ProgressMode progress_mode(int fd) { return choose_progress_mode(std::getenv("VANBAN_PROGRESS"), ::isatty(fd), std::getenv("TERM")); }

std::string time_left_text(double elapsed_seconds, size_t done, size_t total, bool english) {
    double left = elapsed_seconds / static_cast<double>(done) * static_cast<double>(total - done);
    long seconds = std::max(1L, std::lround(std::ceil(left)));
    if (seconds < 100)
        return english ? "about " + std::to_string(seconds) + " s left" : "còn khoảng " + std::to_string(seconds) + " giây";
    long minutes = (seconds + 59) / 60;
    return english ? "about " + std::to_string(minutes) + " min left" : "còn khoảng " + std::to_string(minutes) + " phút";
}

std::string shorten_path(const std::string& path, size_t columns) {
    if (static_cast<size_t>(count_code_points(path)) <= columns) return path;
    size_t first = path.find('/'), last = path.rfind('/');
    if (first != std::string::npos && first < last) {
        std::string shorter = path.substr(0, first + 1) + "…" + path.substr(last);
        if (static_cast<size_t>(count_code_points(shorter)) <= columns) return shorter;
    }
    if (columns < 2) return "";
    return "…" + tail_columns(path, columns - 1);
}

Progress::Progress(std::ostream& out, ProgressMode mode, bool english, int fd) : out_(out), mode_(mode), english_(english), fd_(fd) {}

Progress::Progress(std::ostream& err, bool english) : Progress(err, progress_mode(STDERR_FILENO), english, STDERR_FILENO) {}

Progress::Phase::Phase(Progress* progress, ProgressStep step, size_t total) : progress_(total > 0 ? progress : nullptr) {
    if (progress_) progress_->begin(step, total);
}

Progress::Phase::~Phase() {
    if (progress_) progress_->end();
}

void Progress::Phase::done(const std::string& item) {
    if (progress_) progress_->item_done(item);
}

void Progress::begin(ProgressStep step, size_t total) {
    std::lock_guard<std::mutex> lock(mutex_);
    step_ = step;
    total_ = total;
    done_ = 0;
    started_ = drawn_ = std::chrono::steady_clock::now();
    if (mode_ == ProgressMode::Lines) {
        const StepText& t = step_text(step);
        out_ << (english_ ? t.en_before : t.vi_before) << total << (english_ ? t.en_after : t.vi_after) << '\n';
        out_.flush();
    } else if (mode_ == ProgressMode::Terminal) {
        draw("");
    }
}

void Progress::item_done(const std::string& item) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++done_;
    if (mode_ != ProgressMode::Terminal) return;
    auto now = std::chrono::steady_clock::now();
    if (done_ == 1 || done_ == total_ || now - drawn_ >= kRedrawEvery) {
        drawn_ = now;
        draw(item);
    }
}

void Progress::end() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (mode_ == ProgressMode::Terminal) clear();
}

void Progress::draw(const std::string& item) {
    const StepText& t = step_text(step_);
    std::string line;
    const char* label = english_ ? t.en_label : t.vi_label;
    if (*label == '\0') {
        // A phase without a count of its own (checking runs inside one call): its name only.
        line = std::string(english_ ? t.en_before : t.vi_before) + std::to_string(total_) + (english_ ? t.en_after : t.vi_after);
    } else {
        line = std::string(label) + " " + std::to_string(done_) + "/" + std::to_string(total_);
        std::string left;
        if (done_ > 0 && done_ < total_)
            left = " · " + time_left_text(std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count(), done_, total_, english_);
        // The last column is left free: a terminal that wraps at it would scroll.
        size_t width = terminal_width(fd_) - 1, used = static_cast<size_t>(count_code_points(line) + count_code_points(left)) + 3;
        // A file's name may hold escape sequences (a title change, a fake prompt): shown, never run.
        if (!item.empty() && used + 4 < width) line += " · " + shorten_path(one_line(item), width - used);
        line += left;
    }
    out_ << "\r\033[K" << line;
    out_.flush();
    line_shown_ = true;
}

void Progress::clear() {
    if (!line_shown_) return;
    out_ << "\r\033[K";
    out_.flush();
    line_shown_ = false;
}

}  // namespace vanban
