// `vanban serve`: start it on a free port, fetch a page, edit the document, see the edit.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

namespace {

// A TCP connection to the preview; -1 when refused.
int connect_to(int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// One request written as is, and what came back until the server closed (or 5 s passed).
std::string raw_request(int port, const std::string& request) {
    int fd = connect_to(port);
    if (fd < 0) return "";
    timeval timeout{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::send(fd, request.data(), request.size(), 0);
    std::string reply;
    char buffer[4096];
    ssize_t n;
    while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0) reply.append(buffer, static_cast<size_t>(n));
    ::close(fd);
    return reply;
}

}  // namespace

TEST_CASE("the preview shows an edit within a few seconds and reloads the open page") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    std::string log = tmp.str() + "/serve.log";
    std::string pid = run_command(shell_quote(VANBAN_BINARY) + " serve --port 0 --root " + shell_quote(root.string()) + " > " +
                                  shell_quote(log) + " 2>&1 & echo $!");
    while (!pid.empty() && pid.back() == '\n') pid.pop_back();
    int port = 0;
    for (int i = 0; i < 100 && port == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        std::string text = slurp(log);
        size_t at = text.find("http://127.0.0.1:");
        if (at != std::string::npos) port = std::stoi(text.substr(at + 17));
    }
    REQUIRE(port > 0);
    httplib::Client client("127.0.0.1", port);
    auto page = client.Get("/gioi-thieu.html");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find("Dạy tốt, học tốt.") != std::string::npos);
    CHECK(page->body.find("/__vanban/su-kien") != std::string::npos);  // the page listens for its reload
    std::string version = client.Get("/__vanban/phien-ban")->body;

    std::string text = slurp((root / "content/gioi-thieu.md").string());
    text.replace(text.find("Dạy tốt, học tốt."), std::string("Dạy tốt, học tốt.").size(), "Dạy thật tốt.");
    std::ofstream(root / "content/gioi-thieu.md") << text;
    auto edited = std::chrono::steady_clock::now();
    bool seen = false;
    while (!seen && std::chrono::steady_clock::now() - edited < std::chrono::seconds(5)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        auto again = client.Get("/gioi-thieu.html");
        seen = again && again->body.find("Dạy thật tốt.") != std::string::npos;
    }
    CHECK(seen);
    CHECK(client.Get("/__vanban/phien-ban")->body != version);
    CHECK(slurp(log).find("1 văn bản đọc lại") != std::string::npos);  // only the edited document was read again
    CHECK(client.Get("/../../etc/passwd")->status == 404);

    run_command("kill -INT " + pid);
    bool stopped = false;
    for (int i = 0; i < 100 && !stopped; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        stopped = run_command("kill -0 " + pid + " 2>/dev/null && echo alive").empty();
    }
    CHECK(stopped);
}

// Waits (at most 30 s, to catch a hang) for the server to close `fd`: true when it did (a read
// returns 0), false on a time-out or an error.
bool closed_by_server(int fd) {
    timeval timeout{30, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    char c;
    return ::recv(fd, &c, 1, 0) == 0;
}

TEST_CASE("serve closes a connection that stays idle (VANBAN_SERVE_IDLE_SECONDS)") {
    Served served(nullptr, "VANBAN_SERVE_IDLE_SECONDS=1 ");
    REQUIRE(served.port > 0);
    int fd = connect_to(served.port);
    REQUIRE(fd >= 0);
    CHECK(closed_by_server(fd));
    ::close(fd);
}

TEST_CASE("serve: 40 idle connections (more than its threads) do not keep a page from being answered") {
    // Each idle socket held one of 8 threads for 5 s: with 8 idle sockets a page waited 8 s.
    // Now 32 threads, and idle sockets are closed after VANBAN_SERVE_IDLE_SECONDS: the page is
    // answered about a second later; the 30 s bounds only catch a hang.
    Served served(nullptr, "VANBAN_SERVE_IDLE_SECONDS=1 ");
    REQUIRE(served.port > 0);
    std::vector<int> idle;
    for (int i = 0; i < 40; ++i)
        if (int fd = connect_to(served.port); fd >= 0) idle.push_back(fd);
    CHECK(idle.size() == 40);
    httplib::Client client("127.0.0.1", served.port);
    client.set_connection_timeout(30, 0);
    client.set_read_timeout(30, 0);
    auto page = client.Get("/gioi-thieu.html");
    REQUIRE(page);
    CHECK(page->status == 200);
    size_t closed = 0;
    for (int fd : idle) {
        closed += closed_by_server(fd);
        ::close(fd);
    }
    CHECK(closed == idle.size());
}

TEST_CASE("serve answers only one Host 127.0.0.1 or localhost with its port: another name is refused (DNS rebinding)") {
    Served served;
    REQUIRE(served.port > 0);
    std::string port = std::to_string(served.port);
    auto get = [&](const std::string& host) {
        return raw_request(served.port, "GET /gioi-thieu.html HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    };
    std::string evil = get("evil.example:" + port);
    CHECK(evil.rfind("HTTP/1.1 403", 0) == 0);
    CHECK(evil.find("chỉ mở được tại http://127.0.0.1:" + port) != std::string::npos);
    CHECK(evil.find("Dạy tốt, học tốt.") == std::string::npos);
    CHECK(get("127.0.0.1:1").rfind("HTTP/1.1 403", 0) == 0);  // the right name with another port
    CHECK(get("localhost.evil.example:" + port).rfind("HTTP/1.1 403", 0) == 0);
    CHECK(raw_request(served.port, "GET /gioi-thieu.html HTTP/1.1\r\nConnection: close\r\n\r\n").rfind("HTTP/1.1 403", 0) == 0);  // no Host
    // Two Host headers, one of them right, could be read differently by a proxy: refused.
    CHECK(raw_request(served.port, "GET /gioi-thieu.html HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
              .rfind("HTTP/1.1 403", 0) == 0);
    for (const std::string& host : {"127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port}) {
        std::string page = get(host);
        CHECK(page.rfind("HTTP/1.1 200", 0) == 0);
        CHECK(page.find("Dạy tốt, học tốt.") != std::string::npos);
    }
    // vanban's own marker and a name cut by a NUL are not pages.
    CHECK(raw_request(served.port, "GET /.vanban-site HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n").rfind("HTTP/1.1 404", 0) == 0);
    CHECK(raw_request(served.port, "GET /index.html%00.txt HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n").rfind("HTTP/1.1 404", 0) == 0);
}

TEST_CASE("serve refuses a port in use at once, with the command to pick another, before building anything") {
    Served first;
    REQUIRE(first.port > 0);
    std::string port = std::to_string(first.port);
    Run second = run_vanban("serve --port " + port + " --root " + shell_quote(first.root.string()), "timeout 60 ");
    CHECK(second.exit_code == 2);
    CHECK(second.err.find("cổng " + port + " đang được dùng") != std::string::npos);
    CHECK(second.err.find("vanban serve --port " + std::to_string(first.port + 1)) != std::string::npos);
    CHECK(second.out.find("bản xem trước") == std::string::npos);  // nothing was built
    Run english = run_vanban("serve --lang en --port " + port + " --root " + shell_quote(first.root.string()), "timeout 60 ");
    CHECK(english.err.find("port " + port + " is in use") != std::string::npos);
}

TEST_CASE("serve prints every finding first, then only those of the files that changed, and one line of totals") {
    const std::string plan = "plans/2024-2025/ke-hoach-day-hoc.md", letter = "content/van-ban/2024-2025/cong-van-hoc-lieu.md";
    Served served([&](const fs::path& root) {
        std::string text = slurp((root / plan).string());
        text.replace(text.find("| Tổng số | 04 |"), std::string("| Tổng số | 04 |").size(), "| Tổng số | 05 |");
        std::ofstream(root / plan) << text;
    });
    REQUIRE(served.port > 0);
    std::string first = slurp(served.log);
    CHECK(first.find(plan + ":39:1: lỗi [table-sum]") != std::string::npos);
    CHECK(first.find("đã tạo bản xem trước: 1 lỗi, 0 cảnh báo trong 5 văn bản") != std::string::npos);
    // The summary comes before the address: the site is ready when the address is given.
    CHECK(first.find("đã tạo bản xem trước") < first.find("http://127.0.0.1:"));

    std::ofstream(served.root / letter, std::ios::app) << "\n[[chưa điền]]\n";
    std::string log;
    for (int i = 0; i < 100 && log.find("đã cập nhật: ") == std::string::npos; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        log = slurp(served.log);
    }
    std::string update = log.substr(first.size());
    INFO(update);
    CHECK(update.find(letter + ":28:1: cảnh báo [placeholder]") != std::string::npos);
    CHECK(update.find(plan) == std::string::npos);  // not changed: not repeated
    CHECK(update.find("đã cập nhật: 1 tệp thay đổi, 1 lỗi, 1 cảnh báo trong toàn kho (1 văn bản đọc lại, ") != std::string::npos);
}

TEST_CASE("serve on a busy port suggests the next port that is free, not merely the next number") {
    Served first;
    REQUIRE(first.port > 0);
    // The next port taken too: the suggestion must pass over it.
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<uint16_t>(first.port + 1));
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd, 1) != 0) {
        ::close(fd);
        MESSAGE("skipped: the port after the preview's is taken by something else");
        return;
    }
    Run second = run_vanban("serve --port " + std::to_string(first.port) + " --root " + shell_quote(first.root.string()), "timeout 60 ");
    ::close(fd);
    CHECK(second.exit_code == 2);
    CHECK(second.err.find("vanban serve --port " + std::to_string(first.port + 1) + "\n") == std::string::npos);
    size_t at = second.err.find("vanban serve --port ");
    REQUIRE(at != std::string::npos);
    int suggested = std::stoi(second.err.substr(at + 20));
    CHECK(suggested > first.port + 1);
    CHECK(suggested <= first.port + 20);
}

namespace {

// Polls `condition` every 20 ms for at most `seconds`: true once it holds.
template <typename Condition>
bool eventually(Condition condition, int seconds = 10) {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (!condition()) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

// The body of a page of the preview, or "" when it is not served.
std::string page_of(int port, const std::string& path) {
    httplib::Client client("127.0.0.1", port);
    auto res = client.Get(path.c_str());
    return res && res->status == 200 ? res->body : std::string();
}

// The preview's event stream, read as a page's EventSource reads it.
struct EventStream {
    int fd = -1;
    std::string pending;
    explicit EventStream(int port) {
        fd = connect_to(port);
        if (fd < 0) return;
        timeval timeout{10, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        std::string request = "GET /__vanban/su-kien HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n\r\n";
        ::send(fd, request.data(), request.size(), 0);
    }
    ~EventStream() {
        if (fd >= 0) ::close(fd);
    }
    // The data of the next event ("" after 10 s of silence or when the stream closed).
    std::string next() {
        for (;;) {
            size_t at = pending.find("data: ");
            size_t end = at == std::string::npos ? at : pending.find("\n\n", at);
            if (end != std::string::npos) {
                std::string data = pending.substr(at + 6, end - at - 6);
                pending.erase(0, end + 2);
                return data;
            }
            char buffer[4096];
            ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0) return "";
            pending.append(buffer, static_cast<size_t>(n));
        }
    }
};

size_t count_of(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("serve pushes an edit to the open pages as an event, and the page then served has the new text") {
    Served served;
    REQUIRE(served.port > 0);
    std::string page = page_of(served.port, "/gioi-thieu.html");
    REQUIRE(page.find("Dạy tốt, học tốt.") != std::string::npos);
    EventStream events(served.port);
    std::string now = events.next();
    REQUIRE(!now.empty());
    CHECK(page.find("'" + now + "'") != std::string::npos);  // the page knows the version it was served with

    fs::path file = served.root / "content/gioi-thieu.md";
    std::string text = slurp(file.string());
    text.replace(text.find("Dạy tốt, học tốt."), std::string("Dạy tốt, học tốt.").size(), "Dạy thật tốt.");
    std::ofstream(file) << text;
    std::string next = events.next();
    CHECK(!next.empty());
    CHECK(next != now);
    CHECK(page_of(served.port, "/gioi-thieu.html").find("Dạy thật tốt.") != std::string::npos);
    CHECK(slurp(served.log).find("1 văn bản đọc lại") != std::string::npos);
}

TEST_CASE("serve: an editor's save by a temporary file renamed over the document is one update") {
    Served served;
    REQUIRE(served.port > 0);
    fs::path file = served.root / "content/gioi-thieu.md";
    std::string text = slurp(file.string());
    text.replace(text.find("Dạy tốt, học tốt."), std::string("Dạy tốt, học tốt.").size(), "Học thật vui.");
    std::ofstream(served.root / "content/gioi-thieu.md.tmp") << text;
    fs::rename(served.root / "content/gioi-thieu.md.tmp", file);
    CHECK(eventually(
        [&] { return page_of(served.port, "/gioi-thieu.html").find("Học thật vui.") != std::string::npos; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    std::string log = slurp(served.log);
    INFO(log);
    CHECK(count_of(log, "đã cập nhật: ") == 1);
    CHECK(log.find("1 văn bản đọc lại") != std::string::npos);
}

TEST_CASE("serve: a new document and a deleted one update the lists") {
    Served served;
    REQUIRE(served.port > 0);
    const std::string plan = "plans/2024-2025/ke-hoach-day-hoc.md";
    std::string text = slurp((served.root / plan).string());
    text.replace(text.find("Tổ chức dạy học năm học 2024-2025"),
                 std::string("Tổ chức dạy học năm học 2024-2025").size(), "Tổ chức ngày hội đọc sách");
    text.replace(text.find("so: 12"), 6, "so: 31");
    fs::path added = served.root / "plans/2024-2025/ke-hoach-ngay-hoi-doc-sach.md";
    std::ofstream(added) << text;
    CHECK(eventually([&] {
        return page_of(served.port, "/ke-hoach/index.html").find("Tổ chức ngày hội đọc sách") != std::string::npos;
    }));
    CHECK(
        page_of(served.port, "/ke-hoach/2024-2025/ke-hoach-ngay-hoi-doc-sach.html").find("Tổ chức ngày hội đọc sách") !=
        std::string::npos);
    CHECK(page_of(served.port, "/search-index.js").find("ke-hoach-ngay-hoi-doc-sach") != std::string::npos);

    fs::remove(added);
    CHECK(eventually([&] {
        return page_of(served.port, "/ke-hoach/index.html").find("Tổ chức ngày hội đọc sách") == std::string::npos;
    }));
    CHECK(page_of(served.port, "/ke-hoach/index.html").find("Tổ chức dạy học năm học 2024-2025") != std::string::npos);
    CHECK(page_of(served.port, "/ke-hoach/2024-2025/ke-hoach-ngay-hoi-doc-sach.html").empty());
}

TEST_CASE("serve: a title edited shows in the lists, a body edited in the search index") {
    Served served;
    REQUIRE(served.port > 0);
    const std::string plan = "plans/2024-2025/ke-hoach-day-hoc.md";
    std::string text = slurp((served.root / plan).string());
    text.replace(text.find("Tổ chức dạy học năm học 2024-2025"),
                 std::string("Tổ chức dạy học năm học 2024-2025").size(), "Dạy học vui vẻ");
    std::ofstream(served.root / plan) << text;
    CHECK(eventually(
        [&] { return page_of(served.port, "/ke-hoach/index.html").find("Dạy học vui vẻ") != std::string::npos; }));
    std::ofstream(served.root / plan, std::ios::app) << "\nTừ khóa xyzzyquux.\n";
    CHECK(eventually([&] { return page_of(served.port, "/search-index.js").find("xyzzyquux") != std::string::npos; }));
    CHECK(page_of(served.port, "/ke-hoach/index.html").find("Dạy học vui vẻ") != std::string::npos);
}

TEST_CASE("serve watches a folder made while it runs") {
    Served served;
    REQUIRE(served.port > 0);
    fs::create_directories(served.root / "plans/2025-2026");
    std::string text = slurp((served.root / "plans/2024-2025/ke-hoach-day-hoc.md").string());
    text.replace(text.find("nam_hoc: \"2024-2025\""), std::string("nam_hoc: \"2024-2025\"").size(),
                 "nam_hoc: \"2025-2026\"");
    text.replace(text.find("ngay: 2024-09-20"), std::string("ngay: 2024-09-20").size(), "ngay: 2025-09-20");
    fs::path file = served.root / "plans/2025-2026/ke-hoach-day-hoc.md";
    std::ofstream(file) << text;
    const std::string page = "/ke-hoach/2025-2026/ke-hoach-day-hoc.html";
    CHECK(eventually([&] { return !page_of(served.port, page).empty(); }));
    size_t updates = count_of(slurp(served.log), "đã cập nhật: ");
    std::ofstream(file, std::ios::app) << "\nMột dòng mới trong thư mục mới.\n";
    CHECK(eventually(
        [&] { return page_of(served.port, page).find("Một dòng mới trong thư mục mới.") != std::string::npos; }));
    std::string log = slurp(served.log);
    CHECK(count_of(log, "đã cập nhật: ") > updates);
    CHECK(log.rfind("1 văn bản đọc lại") > log.rfind("6 văn bản đọc lại"));
}

TEST_CASE("serve builds everything again when vanban.yaml changes") {
    Served served;
    REQUIRE(served.port > 0);
    std::string yaml = slurp((served.root / "vanban.yaml").string());
    yaml.replace(yaml.find("Trường THCS Thử Nghiệm"), std::string("Trường THCS Thử Nghiệm").size(),
                 "Trường THCS Đổi Tên");
    std::ofstream(served.root / "vanban.yaml") << yaml;
    CHECK(eventually(
        [&] { return page_of(served.port, "/index.html").find("Trường THCS Đổi Tên") != std::string::npos; }));
    CHECK(page_of(served.port, "/gioi-thieu.html").find("Trường THCS Đổi Tên") != std::string::npos);
    CHECK(slurp(served.log).find("5 văn bản đọc lại") != std::string::npos);
}

TEST_CASE("serve: files written in the site's output folder or in .git change nothing") {
    Served served([](const fs::path& root) { run_command("git -C " + shell_quote(root.string()) + " init -q"); });
    REQUIRE(served.port > 0);
    std::string version = page_of(served.port, "/__vanban/phien-ban");
    REQUIRE(!version.empty());
    fs::create_directories(served.root / "site/ke-hoach");
    std::ofstream(served.root / "site/index.html") << "<p>trang cũ</p>";
    std::ofstream(served.root / "site/ke-hoach/x.md") << "---\nloai: ke-hoach\n---\n";
    std::ofstream(served.root / ".git/description") << "thử";
    fs::create_directories(served.root / ".git/objects/ab");
    std::ofstream(served.root / ".git/objects/ab/cdef") << "x";
    std::this_thread::sleep_for(std::chrono::seconds(1));
    CHECK(page_of(served.port, "/__vanban/phien-ban") == version);
    CHECK(slurp(served.log).find("đã cập nhật") == std::string::npos);
    // A file of the documents' folders after them is seen: the watcher was alive all along.
    std::ofstream(served.root / "content/gioi-thieu.md", std::ios::app) << "\nĐoạn thêm.\n";
    CHECK(eventually([&] { return page_of(served.port, "/__vanban/phien-ban") != version; }));
}

TEST_CASE("serve with VANBAN_SERVE_POLL=1 looks at every file instead of watching, and still shows an edit") {
    Served served(nullptr, "VANBAN_SERVE_POLL=1 ");
    REQUIRE(served.port > 0);
    std::ofstream(served.root / "content/gioi-thieu.md", std::ios::app) << "\nĐoạn thêm khi xem định kỳ.\n";
    CHECK(eventually([&] {
        return page_of(served.port, "/gioi-thieu.html").find("Đoạn thêm khi xem định kỳ.") != std::string::npos;
    }));
    CHECK(slurp(served.log).find("1 văn bản đọc lại") != std::string::npos);
}
