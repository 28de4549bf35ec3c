#include "serve/preview.h"

#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>
#include <sys/stat.h>

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <set>
#include <thread>

#include "build/build_session.h"
#include "check/report.h"
#include "load/published_files.h"
#include "load/source_reader.h"
#include "serve/file_watcher.h"
#include "site/output_folder.h"
#include "support/error_text.h"
#include "support/interrupt.h"
#include "support/process.h"
#include "text/unicode.h"

namespace fs = std::filesystem;

namespace vanban {

Preview::Preview(BuildOptions options, std::ostream& log) : options_(std::move(options)), log_(log) {
    // The preview's pages live in memory (/dev/shm) unless TMPDIR says where: written to a disk,
    // the first build of 1,000 plans spent half a second more in the kernel.
    fs::path base = fs::temp_directory_path();
    if (!std::getenv("TMPDIR") && ::access("/dev/shm", W_OK | X_OK) == 0 && fs::is_directory("/dev/shm")) base = "/dev/shm";
    std::string pattern = (base / "vanban-serve-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("không tạo được thư mục tạm cho bản xem trước");
    work_dir_ = pattern;
    site_dir_ = work_dir_ + "/site";
    options_.out_dir = site_dir_;
    options_.pdf = options_.docx = false;
    options_.strict = false;
    options_.show_diagnostics = true;  // the preview is for the school: every page shows its findings
    started_ = std::to_string(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count());
}

Preview::~Preview() {
    std::error_code ec;
    fs::remove_all(work_dir_, ec);
}

// What stamps() records of one file: its size and modification time; "link" for a symbolic link
// (reported, never read); empty when there is no such file (gone, or a folder).
std::string Preview::stamp_of(const std::string& relative) const {
    struct stat st {};
    if (::lstat((fs::path(options_.root) / relative).c_str(), &st) != 0) return {};
    if (S_ISLNK(st.st_mode)) return "link";
    if (!S_ISREG(st.st_mode)) return {};
    return std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
           std::to_string(st.st_mtim.tv_nsec);
}

// A file's size and modification time, for every file that can change the site.
std::map<std::string, std::string> Preview::stamps() const {
    std::map<std::string, std::string> out;
    std::error_code ec;
    if (auto s = stamp_of("vanban.yaml"); !s.empty()) out["vanban.yaml"] = s;
    // Links are never followed (load/published_files.h); one that appears or goes changes the findings.
    if (fs::is_directory(fs::symlink_status(fs::path(options_.root) / "templates", ec)))
        for (auto it = fs::recursive_directory_iterator(fs::path(options_.root) / "templates", ec); it != fs::recursive_directory_iterator(); it.increment(ec)) {
            std::string relative = it->path().lexically_relative(options_.root).generic_string();
            if (auto s = stamp_of(relative); !s.empty()) out[relative] = s;
        }
    PublishedFiles files = find_published_files(options_.root);
    for (const auto& f : files.documents) out[f] = stamp_of(f);
    for (const auto& f : files.attachments) out[f] = stamp_of(f);
    for (const auto& p : files.problems) out["?" + p.file] = p.rule;
    return out;
}

std::string Preview::version_tag() const { return started_ + "." + std::to_string(version_); }

bool Preview::refresh() {
    auto now = stamps();
    if (loaded_ && now == stamps_) return false;
    std::vector<std::string> changed;
    for (const auto& [path, stamp] : now) {
        auto it = stamps_.find(path);
        if (it == stamps_.end() || it->second != stamp) changed.push_back(path);
    }
    for (const auto& [path, stamp] : stamps_)
        if (!now.count(path)) changed.push_back(path);
    // Settings, and files that come or go (attachments, links, names the site cannot take): all read again.
    bool everything = !loaded_ || !session_;
    for (const auto& path : changed)
        if (path == "vanban.yaml" || path.rfind("templates/", 0) == 0 || path[0] == '?' || !stamps_.count(path) ||
            !now.count(path))
            everything = true;
    stamps_ = std::move(now);
    return rebuild(changed, everything, true);
}

bool Preview::refresh(const WatchedChanges& seen, bool history_watched) {
    if (!loaded_ || seen.everything) return refresh();
    // What the watcher named, and for a folder that came or went, the files known inside it.
    std::set<std::string> candidates;
    for (const auto& path : seen.paths) {
        candidates.insert(path);
        for (auto it = stamps_.lower_bound(path + "/"); it != stamps_.end() && it->first.rfind(path + "/", 0) == 0;
             ++it)
            candidates.insert(it->first);
        for (auto it = stamps_.lower_bound("?" + path + "/");
             it != stamps_.end() && it->first.rfind("?" + path + "/", 0) == 0; ++it)
            candidates.insert(it->first.substr(1));
    }
    std::vector<std::string> changed;
    // A commit or a checkout: every approval may have moved. No session: the last full build failed.
    bool everything = seen.history || !session_;
    for (const auto& path : candidates) {
        const bool setting = path == "vanban.yaml" || path.rfind("templates/", 0) == 0;
        if (!setting && !is_published(path)) continue;
        std::string now = stamp_of(path);
        auto known = stamps_.find(path);
        std::string before = known == stamps_.end() ? std::string() : known->second;
        // A file the site could not take (a link, a name it refuses): the index says what it is now.
        if (stamps_.count("?" + path)) everything = true;
        if (now == before) continue;
        changed.push_back(path);
        // Settings, and files that come or go: all read again.
        if (setting || before.empty() || now.empty() || now == "link") everything = true;
    }
    if (changed.empty() && !(everything && session_)) return false;
    if (everything) {
        stamps_ = stamps();
    } else {
        for (const auto& path : changed) stamps_[path] = stamp_of(path);
    }
    return rebuild(changed, everything, !history_watched);
}

bool Preview::rebuild(const std::vector<std::string>& changed, bool everything, bool read_history) {
    auto started = std::chrono::steady_clock::now();
    const bool first = !loaded_;
    BuildResult result;
    if (everything) {
        session_.reset();  // kept only once built: a failed build (vanban.yaml broken) is made whole next time
        auto session = std::make_unique<BuildSession>(options_, BuildEnvironment{});
        result = session->run();
        session_ = std::move(session);
    } else {
        // Only the documents that were edited are read again (and the attachments copied); the
        // lists come from the summaries the session kept. One that cannot be read becomes an
        // `unreadable` finding (and is read again when edited next), and the preview goes on updating.
        result = session_->update(changed, read_history);
    }
    last_reloaded_ = session_->documents_read();
    loaded_ = true;
    const std::vector<Diagnostic>& diagnostics = result.diagnostics;
    ++version_;
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    // What the editor just touched is what they want to see; the rest is in the totals.
    std::set<std::string> touched;
    for (const auto& path : changed) touched.insert(path.rfind('?', 0) == 0 ? path.substr(1) : path);
    std::vector<Diagnostic> shown;
    for (const auto& d : diagnostics)
        if (first || touched.count(d.file)) shown.push_back(d);
    ReportOptions report;
    report.english = options_.english;
    report.summary = false;
    write_report(shown, report, log_);
    size_t errors = count_errors(diagnostics), warnings = diagnostics.size() - errors;
    if (first)
        log_ << (options_.english ? "preview built: " : "đã tạo bản xem trước: ") << errors << (options_.english ? " error(s), " : " lỗi, ") << warnings
             << (options_.english ? " warning(s) in " : " cảnh báo trong ") << result.documents << (options_.english ? " document(s) (" : " văn bản (")
             << static_cast<int>(ms) << " ms)\n";
    else
        log_ << (options_.english ? "updated: " : "đã cập nhật: ") << touched.size() << (options_.english ? " file(s) changed, " : " tệp thay đổi, ") << errors
             << (options_.english ? " error(s), " : " lỗi, ") << warnings << (options_.english ? " warning(s) in the whole repository (" : " cảnh báo trong toàn kho (")
             << last_reloaded_ << (options_.english ? " document(s) read, " : " văn bản đọc lại, ") << static_cast<int>(ms) << " ms)\n";
    log_.flush();
    return true;
}

namespace {

// The script put in every page: it listens to the preview's events and reloads when the version
// differs from the one the page was served with (an edit, or another preview started since);
// when the preview stops or refuses it, it tries again, waiting longer each time (up to 5 s).
std::string reload_script(const std::string& version) {
    return "<script>(function(){var v='" + version +
           "',d=500;function listen(){var s=new EventSource('/__vanban/su-kien');s.onopen=function(){d=500};"
           "s.onmessage=function(e){if(e.data!==v){s.close();location.reload()}};"
           "s.onerror=function(){s.close();setTimeout(listen,d);d=Math.min(2*d,5000)}}listen()})();</script>";
}

std::string content_type(const std::string& path) {
    static const std::map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
        {".xml", "application/xml; charset=utf-8"}, {".pdf", "application/pdf"}, {".png", "image/png"}, {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"}, {".svg", "image/svg+xml"}};
    auto it = types.find(fs::path(path).extension().string());
    return it == types.end() ? "application/octet-stream" : it->second;
}

// Connections: a browser keeps idle ones open, and each holds one of the server's threads
// while it waits. With 8 threads and 5 s timeouts, 8 idle sockets made every page wait 8 s;
// now more threads, and an idle or slow connection is closed after a second or two. Each open
// page holds one more for its event stream: those are counted, and past kEventStreams a page is
// refused one (it asks again later), so that pages are always answered.
constexpr size_t kServeThreads = 48;
constexpr size_t kEventStreams = 32;
// A stream with nothing to say sends a comment this often: a page closed is noticed by it (the
// write fails) and its thread freed.
constexpr std::chrono::seconds kStreamPing{5};

// The version the open pages are told of, and the streams that wait for it to move.
struct Reloads {
    std::mutex mutex;
    std::condition_variable moved;
    std::string version;
    size_t streams = 0;
    bool closing = false;

    void publish(std::string v) {
        {
            std::lock_guard<std::mutex> lock(mutex);
            version = std::move(v);
        }
        moved.notify_all();
    }
    void close() {
        {
            std::lock_guard<std::mutex> lock(mutex);
            closing = true;
        }
        moved.notify_all();
    }
};

// The message of a watcher that cannot work, in the language asked for.
std::string watch_failure(int error, bool english) {
    std::string why =
        error == ENOSPC   ? (english ? "the limit of watched folders (fs.inotify.max_user_watches) is reached"
                                     : "đã hết giới hạn số thư mục được theo dõi (fs.inotify.max_user_watches)")
        : error == EMFILE ? (english ? "the limit of inotify instances (fs.inotify.max_user_instances) is reached"
                                     : "đã hết giới hạn số phiên inotify (fs.inotify.max_user_instances)")
                          : system_error_message(std::error_code(error, std::generic_category()), "").in(english);
    return english ? "vanban serve: cannot watch the files with inotify (" + why +
                         "); looking at every file 5 times a second instead (slower on a large repository)\n"
                   : "vanban serve: không theo dõi được các tệp bằng inotify (" + why +
                         "); thay vào đó xem lại mọi tệp 5 lần mỗi giây (chậm hơn với kho lớn)\n";
}
constexpr size_t kRequestsPerConnection = 100;

// How long a kept-alive connection may wait for its next request (idle), and one read or write
// of a request that has begun may take (twice that): 1 s by default, VANBAN_SERVE_IDLE_SECONDS
// (whole seconds, 1 to 600) changes it; the tests pin it.
struct ConnectionTimeouts {
    time_t idle = 1, read = 2;
};
ConnectionTimeouts connection_timeouts() {
    ConnectionTimeouts t;
    if (auto seconds = limit_from_environment("VANBAN_SERVE_IDLE_SECONDS", 600)) {
        t.idle = static_cast<time_t>(*seconds);
        t.read = 2 * t.idle;
    }
    return t;
}

// Only requests for this machine's preview are answered: a page of another site that makes its
// name resolve to 127.0.0.1 (DNS rebinding) sends its own name in Host and is refused.
// Exactly one Host header is accepted (two could be read differently by a proxy); host names
// are compared without case, as DNS does.
bool allowed_host(const httplib::Request& req, int port) {
    if (req.get_header_value_count("Host") != 1) return false;
    std::string host = lower_ascii(req.get_header_value("Host"));
    std::string p = std::to_string(port);
    for (const char* name : {"127.0.0.1", "localhost"})
        if (host == std::string(name) + ":" + p || (port == 80 && host == name)) return true;
    return false;
}

}  // namespace

namespace {

// httplib says only that a bind failed; a probe socket, bound as httplib binds (SO_REUSEADDR)
// and closed at once, tells why. 0 when the port can be taken.
int bind_error(int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return errno;
    int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int error = ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0 ? 0 : errno;
    ::close(fd);
    return error;
}

}  // namespace

int free_port_after(int port, int tries) {
    for (int p = port + 1; p <= port + tries && p <= 65535; ++p)
        if (bind_error(p) == 0) return p;
    return 0;
}

int serve_preview(Preview& preview, int port, std::ostream& out) {
    httplib::Server server;
    server.new_task_queue = [] { return new httplib::ThreadPool(kServeThreads); };
    ConnectionTimeouts timeouts = connection_timeouts();
    server.set_keep_alive_timeout(timeouts.idle);
    server.set_read_timeout(timeouts.read, 0);
    server.set_write_timeout(timeouts.read, 0);
    server.set_keep_alive_max_count(kRequestsPerConnection);
    // httplib's default also sets SO_REUSEPORT, which lets a second preview share a port in use
    // (each getting half of the requests); SO_REUSEADDR alone still allows a quick restart.
    server.set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    std::mutex building;
    int bound_port = 0;  // set before the first request is accepted
    server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
        if (allowed_host(req, bound_port)) return httplib::Server::HandlerResponse::Unhandled;
        res.status = 403;
        res.set_content("Bản xem trước chỉ mở được tại http://127.0.0.1:" + std::to_string(bound_port) + "/ trên máy này.",
                        "text/plain; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
    });
    Reloads reloads;
    server.Get("/__vanban/phien-ban", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(std::to_string(preview.version()), "text/plain");
        res.set_header("Cache-Control", "no-store");
    });
    // The pages' event stream: the version now, then the next one when it moves, and the stream ends
    // (the page reloads; its thread is freed at once).
    server.Get("/__vanban/su-kien", [&](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        {
            std::lock_guard<std::mutex> lock(reloads.mutex);
            if (reloads.streams >= kEventStreams) {
                res.status = 503;
                res.set_content("Quá nhiều trang đang mở.", "text/plain; charset=utf-8");
                return;
            }
            ++reloads.streams;
        }
        res.set_chunked_content_provider(
            "text/event-stream",
            [&reloads, told = std::string()](size_t, httplib::DataSink& sink) mutable {
                std::unique_lock<std::mutex> lock(reloads.mutex);
                if (told.empty()) {
                    told = reloads.version;
                    std::string message = "retry: 500\ndata: " + told + "\n\n";
                    lock.unlock();
                    return sink.write(message.data(), message.size());
                }
                bool moved = reloads.moved.wait_for(lock, kStreamPing,
                                                    [&] { return reloads.closing || reloads.version != told; });
                if (reloads.closing) return false;
                if (!moved) {
                    lock.unlock();
                    return sink.write(": \n\n", 4);
                }
                std::string message = "data: " + reloads.version + "\n\n";
                lock.unlock();
                if (!sink.write(message.data(), message.size())) return false;
                sink.done();
                return true;
            },
            [&reloads](bool) {
                std::lock_guard<std::mutex> lock(reloads.mutex);
                --reloads.streams;
            });
    });
    server.Get(R"(/(.*))", [&](const httplib::Request& req, httplib::Response& res) {
        std::string path = httplib::detail::decode_url(req.matches[1], false);
        if (path.empty() || path.back() == '/') path += "index.html";
        // A NUL would cut the name short in the file system; vanban's marker is not a page.
        if (path.find('\0') != std::string::npos) path.clear();
        if (fs::path(path).filename() == OutputFolder::kMarker) path.clear();
        fs::path relative = fs::path(path).lexically_normal();
        std::lock_guard<std::mutex> lock(building);
        // Only files vanban itself wrote into its own folder, reached without any link.
        std::string body;
        bool found = relative.is_relative() && is_inside(relative, ".") &&
                     is_plain_file(preview.site_dir(), relative.generic_string());
        if (found) {
            try {
                body = read_repository_file(preview.site_dir(), relative.generic_string());
            } catch (const std::runtime_error&) {
                found = false;
            }
        }
        fs::path file = relative;
        if (!found) {
            res.status = 404;
            res.set_content("Không có trang này trong bản xem trước.", "text/plain; charset=utf-8");
            return;
        }
        if (file.extension() == ".html") {
            size_t end = body.rfind("</body>");
            body.insert(end == std::string::npos ? body.size() : end, reload_script(preview.version_tag()));
        }
        res.set_header("Cache-Control", "no-store");
        res.set_content(body, content_type(file.string()).c_str());
    });

    // The port first: a taken one is said at once, not after a build of the whole site.
    if (port == 0) port = server.bind_to_any_port("127.0.0.1");
    else if (int error = bind_error(port); error != 0) throw PortNotBound(port, error);
    else if (!server.bind_to_port("127.0.0.1", port)) throw PortNotBound(port, EADDRINUSE);  // taken since the probe
    if (port < 0) throw std::runtime_error("không mở được cổng nào trên 127.0.0.1");
    bound_port = port;
    // Watching starts before the first build reads anything: an edit made meanwhile is seen.
    // VANBAN_SERVE_POLL=1: every file looked at 5 times a second instead, for a folder whose
    // changes inotify does not see (a network share edited from another machine).
    std::unique_ptr<FileWatcher> files;
    if (!limit_from_environment("VANBAN_SERVE_POLL", 1).value_or(0)) {
        try {
            files = std::make_unique<FileWatcher>(preview.root());
        } catch (const WatchUnavailable& e) {
            out << watch_failure(e.error, preview.english());
            out.flush();
        }
    }
    preview.refresh();
    reloads.publish(preview.version_tag());
    out << "Xem trước tại http://127.0.0.1:" << port << "/  (Ctrl-C để dừng)\n";
    out.flush();

    std::atomic<bool> stop{false};
    std::thread watcher([&] {
        while (!stop) {
            if (interrupted()) {
                reloads.close();
                server.stop();
                return;
            }
            try {
                if (files) {
                    WatchedChanges seen;
                    try {
                        seen = files->wait(std::chrono::milliseconds(100));
                    } catch (const WatchUnavailable& e) {
                        // A new folder beyond the limit: from now on every file is looked at.
                        files.reset();
                        out << watch_failure(e.error, preview.english());
                        out.flush();
                        seen.everything = true;
                    }
                    if (seen.empty()) continue;
                    std::lock_guard<std::mutex> lock(building);
                    if (files ? preview.refresh(seen, files->watches_history()) : preview.refresh())
                        reloads.publish(preview.version_tag());
                } else {
                    for (int i = 0; i < 4 && !stop && !interrupted(); ++i)
                        std::this_thread::sleep_for(std::chrono::milliseconds(50));
                    if (interrupted()) continue;
                    std::lock_guard<std::mutex> lock(building);
                    if (preview.refresh()) reloads.publish(preview.version_tag());
                }
            } catch (const LoadError& e) {
                // vanban.yaml gone or broken while serving: said in the language asked for.
                out << "vanban serve: " << (preview.english() ? e.en : std::string(e.what())) << '\n';
                out.flush();
            } catch (const std::exception& e) {
                out << "vanban serve: " << describe_exception(e).in(preview.english()) << '\n';
                out.flush();
            }
        }
    });
    server.listen_after_bind();
    stop = true;
    reloads.close();
    watcher.join();
    return 0;
}

}  // namespace vanban
