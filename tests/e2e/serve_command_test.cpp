// `vanban serve`: start it on a free port, fetch a page, edit the document, see the edit.
#include <doctest/doctest.h>

#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

TEST_CASE("the preview shows an edit within half a second and reloads the open page") {
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
    CHECK(page->body.find("/__vanban/phien-ban") != std::string::npos);  // the page reloads itself
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
