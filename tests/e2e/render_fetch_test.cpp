// The PDF and the Word file hold only what the repository publishes: neither Pandoc nor
// WeasyPrint may fetch an image from the network (on CI that reaches internal addresses such
// as 169.254.169.254) or follow what a file dressed as an image names (an SVG saved as .png).
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include <httplib.h>

#include "run_vanban.h"

namespace fs = std::filesystem;
using namespace vanban::e2e;

namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

const std::string kLetter = "content/van-ban/2024-2025/cong-van-hoc-lieu.md";

void append(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::app) << text; }

// cho_phep_html: true, under truong: in vanban.yaml.
void allow_raw_html(const fs::path& root) {
    std::string text = vanban::e2e::slurp((root / "vanban.yaml").string());
    size_t at = text.find("truong:\n");
    REQUIRE(at != std::string::npos);
    text.insert(at + 8, "  cho_phep_html: true\n");
    std::ofstream(root / "vanban.yaml") << text;
}

// A web server on 127.0.0.1 that counts the requests it gets, answering each with an image.
struct CountingServer {
    httplib::Server server;
    std::atomic<int> hits{0};
    int port = 0;
    std::thread serving;
    CountingServer() {
        server.Get(".*", [this](const httplib::Request&, httplib::Response& res) {
            ++hits;
            res.set_content(std::string("\x89PNG\r\n\x1a\n", 8), "image/png");
        });
        port = server.bind_to_any_port("127.0.0.1");
        serving = std::thread([this] { server.listen_after_bind(); });
    }
    ~CountingServer() {
        server.stop();
        serving.join();
    }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port) + path; }
};

std::string render_command(const char* what, const fs::path& root, const TempDir& tmp) {
    return std::string(what) + " --root " + shell_quote(root.string()) + " " + kLetter + " --out " + shell_quote(tmp.str() + "/out") +
           " --cache " + shell_quote(tmp.str() + "/cache");
}

// The names of the files inside a Word file's word/media/.
std::string docx_media(const std::string& docx) { return run_command("unzip -Z1 " + shell_quote(docx) + " 2>/dev/null | grep media/"); }

}  // namespace

TEST_CASE("building the PDF and the Word file of a document never fetches an image from the network") {
    CountingServer server;
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    append(root / kLetter, "\n![ảnh sân trường](" + server.url("/internal.png") + ")\n");
    Run check = run_vanban("check --root " + shell_quote(root.string()) + " --today 2025-01-01");
    Run pdf = run_vanban(render_command("pdf", root, tmp));
    Run docx = run_vanban(render_command("docx", root, tmp));
    INFO(check.out, pdf.err, docx.err);
    CHECK(server.hits.load() == 0);
    REQUIRE(pdf.exit_code == 0);
    REQUIRE(docx.exit_code == 0);
    // The image becomes its alt text and its address, in both files.
    std::string pdf_text = run_command("pdftotext " + shell_quote(tmp.str() + "/out/cong-van-hoc-lieu.pdf") + " -");
    CHECK(contains(pdf_text, "ảnh sân trường"));
    CHECK(contains(pdf_text, "/internal.png"));
    std::string docx_text = run_command("unzip -p " + shell_quote(tmp.str() + "/out/cong-van-hoc-lieu.docx") + " word/document.xml");
    CHECK(contains(docx_text, "ảnh sân trường"));
    CHECK(contains(docx_text, "/internal.png"));
    CHECK(docx_media(tmp.str() + "/out/cong-van-hoc-lieu.docx").empty());
    // check says so, as a warning: the site shows the image, the PDF and Word file its address.
    CHECK(check.exit_code == 0);
    CHECK(contains(check.out, "[url]"));
    CHECK(contains(check.out, "ảnh trên mạng"));
}

TEST_CASE("raw HTML allowed by cho_phep_html never makes the PDF fetch an image, an object or a style from the network") {
    CountingServer server;
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    allow_raw_html(root);
    append(root / kLetter, "\n<p><img src=\"" + server.url("/img.png") + "\" alt=\"hình\"> <object data=\"" + server.url("/obj.png") +
                               "\">vật</object> <a href=\"" + server.url("/trang") + "\">trang</a></p>\n\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                               "width=\"10\" height=\"10\"><image href=\"" + server.url("/svg.png") + "\" width=\"10\" height=\"10\"/></svg>\n");
    Run pdf = run_vanban(render_command("pdf", root, tmp));
    INFO(pdf.err);
    CHECK(pdf.exit_code == 0);
    CHECK(server.hits.load() == 0);
}

TEST_CASE("an SVG image saved as .png never makes the PDF fetch or read anything outside the repository") {
    CountingServer server;
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    std::ofstream(root / "content/van-ban/2024-2025/so-do.png")
        << "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\">"
           "<image xlink:href=\"" << server.url("/from-svg.png") << "\" width=\"10\" height=\"10\"/></svg>\n";
    append(root / kLetter, "\n![sơ đồ](so-do.png)\n");
    Run check = run_vanban("check --root " + shell_quote(root.string()) + " --today 2025-01-01");
    Run pdf = run_vanban(render_command("pdf", root, tmp));
    Run docx = run_vanban(render_command("docx", root, tmp));
    INFO(check.out, pdf.err, docx.err);
    CHECK(server.hits.load() == 0);
    // The file is not an image: the PDF and the Word file keep the alt text, check says why.
    CHECK(contains(run_command("pdftotext " + shell_quote(tmp.str() + "/out/cong-van-hoc-lieu.pdf") + " -"), "sơ đồ"));
    CHECK(docx_media(tmp.str() + "/out/cong-van-hoc-lieu.docx").empty());
    CHECK(check.exit_code == 1);
    CHECK(contains(check.out, "[attachment]"));
    CHECK(contains(check.out, "so-do.png mang tên ảnh nhưng không phải ảnh PNG/JPEG/GIF/WebP"));
}

TEST_CASE("an SVG image never reaches the PDF or the Word file, even when the school allows raw HTML") {
    CountingServer server;
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    allow_raw_html(root);
    std::ofstream(root / "content/van-ban/2024-2025/so-do.svg")
        << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><image href=\"" << server.url("/from-svg.png")
        << "\" width=\"10\" height=\"10\"/><image href=\"file:///etc/hostname\" width=\"10\" height=\"10\"/></svg>\n";
    append(root / kLetter, "\n![sơ đồ](so-do.svg)\n");
    Run check = run_vanban("check --root " + shell_quote(root.string()) + " --today 2025-01-01");
    Run pdf = run_vanban(render_command("pdf", root, tmp));
    Run docx = run_vanban(render_command("docx", root, tmp));
    INFO(check.out, pdf.err, docx.err);
    CHECK(pdf.exit_code == 0);
    CHECK(server.hits.load() == 0);
    CHECK(docx_media(tmp.str() + "/out/cong-van-hoc-lieu.docx").empty());
    CHECK(contains(check.out, "so-do.svg"));
}

TEST_CASE("a real PNG image next to the document still goes into the PDF and the Word file") {
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    // A 1×1 PNG.
    static const unsigned char png[] = {0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00,
                                        0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00,
                                        0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05,
                                        0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42,
                                        0x60, 0x82};
    std::ofstream(root / "content/van-ban/2024-2025/logo.png", std::ios::binary).write(reinterpret_cast<const char*>(png), sizeof png);
    append(root / kLetter, "\n![logo](logo.png)\n");
    Run check = run_vanban("check --root " + shell_quote(root.string()) + " --today 2025-01-01");
    Run pdf = run_vanban(render_command("pdf", root, tmp));
    Run docx = run_vanban(render_command("docx", root, tmp));
    INFO(check.out, pdf.err, docx.err);
    CHECK(check.exit_code == 0);
    CHECK_FALSE(contains(check.out, "logo.png"));
    REQUIRE(pdf.exit_code == 0);
    CHECK(contains(run_command("pdfimages -list " + shell_quote(tmp.str() + "/out/cong-van-hoc-lieu.pdf")), " image "));
    CHECK(contains(docx_media(tmp.str() + "/out/cong-van-hoc-lieu.docx"), "media/"));
}

TEST_CASE("a school's PDF style sheet that names a file to fetch is a check finding, refused by pdf, and nothing is fetched") {
    CountingServer server;
    TempDir tmp;
    fs::path root = tmp.copy_of("clean");
    fs::create_directories(root / "templates/pdf");
    std::ofstream(root / "templates/pdf/van-ban.css") << "body { font-size: 14pt; background: url(" << server.url("/nen.png") << "); }\n";
    Run pdf = run_vanban(render_command("pdf", root, tmp));
    INFO(pdf.out, pdf.err);
    CHECK(server.hits.load() == 0);
    CHECK(pdf.exit_code != 0);
    CHECK(contains(pdf.out + pdf.err, "van-ban.css"));
    // check says so first, so that build's refusal is no surprise.
    Run check = run_vanban("check --root " + shell_quote(root.string()) + " --today 2025-01-01");
    CHECK(check.exit_code == 1);
    CHECK(contains(check.out, "templates/pdf/van-ban.css:1:1: lỗi [config] mẫu templates/pdf/van-ban.css có url()"));
}
