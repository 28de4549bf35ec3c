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
#include <filesystem>
#include <set>
#include <thread>

#include "build/build_session.h"
#include "check/report.h"
#include "load/published_files.h"
#include "load/source_reader.h"
#include "site/output_folder.h"
#include "support/error_text.h"
#include "support/interrupt.h"
#include "support/process.h"
#include "text/unicode.h"

namespace fs = std::filesystem;

namespace vanban {

Preview::Preview(BuildOptions options, std::ostream& log) : options_(std::move(options)), log_(log) {
    std::string pattern = (fs::temp_directory_path() / "vanban-serve-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("không tạo được thư mục tạm cho bản xem trước");
    work_dir_ = pattern;
    site_dir_ = work_dir_ + "/site";
    options_.out_dir = site_dir_;
    options_.pdf = options_.docx = false;
    options_.strict = false;
    options_.show_diagnostics = true;  // the preview is for the school: every page shows its findings
}

Preview::~Preview() {
    std::error_code ec;
    fs::remove_all(work_dir_, ec);
}

// A file's size and modification time, for every file that can change the site.
std::map<std::string, std::string> Preview::stamps() const {
    std::map<std::string, std::string> out;
    auto stamp = [&](const std::string& relative) {
        struct stat st{};
        if (::stat((fs::path(options_.root) / relative).c_str(), &st) == 0)
            out[relative] = std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
    };
    stamp("vanban.yaml");
    std::error_code ec;
    // Links are never followed (load/published_files.h); one that appears or goes changes the findings.
    if (fs::is_directory(fs::symlink_status(fs::path(options_.root) / "templates", ec)))
        for (auto it = fs::recursive_directory_iterator(fs::path(options_.root) / "templates", ec); it != fs::recursive_directory_iterator(); it.increment(ec)) {
            std::string relative = it->path().lexically_relative(options_.root).generic_string();
            if (it->is_symlink(ec)) out[relative] = "link";
            else if (it->is_regular_file(ec)) stamp(relative);
        }
    PublishedFiles files = find_published_files(options_.root);
    for (const auto& f : files.documents) stamp(f);
    for (const auto& f : files.attachments) stamp(f);
    for (const auto& p : files.problems) out["?" + p.file] = p.rule;
    return out;
}

bool Preview::refresh() {
    auto now = stamps();
    if (loaded_ && now == stamps_) return false;
    auto started = std::chrono::steady_clock::now();
    const bool first = !loaded_;
    bool settings_changed = first;
    std::vector<std::string> changed;
    for (const auto& [path, stamp] : now) {
        auto it = stamps_.find(path);
        if (it == stamps_.end() || it->second != stamp) changed.push_back(path);
    }
    for (const auto& [path, stamp] : stamps_)
        if (!now.count(path)) changed.push_back(path);
    // Settings, and files that come or go (attachments, links, names the site cannot take): all read again.
    for (const auto& path : changed)
        if (path == "vanban.yaml" || path.rfind("templates/", 0) == 0 || !stamps_.count(path) || !now.count(path)) settings_changed = true;
    stamps_ = std::move(now);
    BuildResult result;
    if (settings_changed) {
        session_ = std::make_unique<BuildSession>(options_, BuildEnvironment{});
        result = session_->run();
    } else {
        // Only the documents that were edited are read again; the lists come from the summaries
        // the session kept. One that cannot be read becomes an `unreadable` finding (and is read
        // again when edited next), and the preview goes on updating.
        std::vector<std::string> edited;
        for (const auto& path : changed)
            if (path.size() >= 3 && path.compare(path.size() - 3, 3, ".md") == 0) edited.push_back(path);
        result = session_->update(edited);
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

// Pages poll this version and reload when it moves.
const char* const kReloadScript =
    "<script>(function(){var v=null;function poll(){fetch('/__vanban/phien-ban',{cache:'no-store'}).then(function(r){return r.text()})"
    ".then(function(t){if(v!==null&&t!==v){location.reload();return}v=t;setTimeout(poll,300)}).catch(function(){setTimeout(poll,1000)})}poll()})();"
    "</script>";

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
// now more threads, and an idle or slow connection is closed after a second or two.
constexpr size_t kServeThreads = 32;
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
    server.Get("/__vanban/phien-ban", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(std::to_string(preview.version()), "text/plain");
        res.set_header("Cache-Control", "no-store");
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
            body.insert(end == std::string::npos ? body.size() : end, kReloadScript);
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
    preview.refresh();
    out << "Xem trước tại http://127.0.0.1:" << port << "/  (Ctrl-C để dừng)\n";
    out.flush();

    std::atomic<bool> stop{false};
    std::thread watcher([&] {
        while (!stop) {
            for (int i = 0; i < 4 && !stop && !interrupted(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
            if (interrupted()) {
                server.stop();
                return;
            }
            try {
                std::lock_guard<std::mutex> lock(building);
                preview.refresh();
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
    watcher.join();
    return 0;
}

}  // namespace vanban
