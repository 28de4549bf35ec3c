#include "pdf/pdf_batch.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "load/published_files.h"
#include "load/source_reader.h"
#include "support/cache_dir.h"
#include "support/cached_batch.h"
#include "support/error_text.h"
#include "support/content_hash.h"
#include "support/process.h"

namespace fs = std::filesystem;

namespace vanban {

std::string default_pdf_cache_dir() { return (fs::path(cache_root()) / "pdf").string(); }

namespace {

// What the installed programs and fonts contribute to every key (computed once per run, by
// stat() alone, so a warm rebuild stays fast). WeasyPrint is a small script over Python
// packages and C libraries, so those count too; an upgrade replaces their files.
std::string environment_identity(const PdfTools& tools) {
    std::string id = program_identity() + "\n";
    id += stat_identity(find_program(tools.pandoc)) + "\n" + stat_identity(find_program(tools.weasyprint)) + "\n";
    for (const char* path : {"/usr/lib/python3/dist-packages/weasyprint/__init__.py", "/usr/lib/python3/dist-packages/pydyf/__init__.py",
                             "/usr/lib/python3/dist-packages/fontTools/__init__.py", "/usr/lib/x86_64-linux-gnu/libpango-1.0.so.0",
                             "/usr/lib/x86_64-linux-gnu/libharfbuzz.so.0", "/usr/lib/x86_64-linux-gnu/libfontconfig.so.1"}) {
        std::error_code ec;
        fs::path real = fs::canonical(path, ec);
        id += stat_identity(ec ? path : real.string()) + "\n";
    }
    // Installing or removing a font changes its folder's modification time.
    for (const char* dir : {"/usr/share/fonts", "/usr/share/fonts/truetype", "/usr/share/fonts/truetype/liberation",
                            "/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/dejavu", "/usr/local/share/fonts",
                            "/etc/fonts/conf.d"})
        id += stat_identity(dir) + "\n";
    if (const char* home = std::getenv("HOME"); home && *home)
        for (const char* dir : {"/.fonts", "/.local/share/fonts"}) id += stat_identity(std::string(home) + dir) + "\n";
    return id;
}

std::string cache_key(const PdfJob& job, const std::string& environment, const std::string& template_text,
                      const std::string& stylesheet) {
    ContentHash h;
    // Not the base URL: a repository moved to another folder keeps its PDFs.
    h.add(environment).add(template_text).add(stylesheet).add(job.markdown).add(job.source_date_epoch);
    h.add(job.allow_raw_html ? "raw html" : "no raw html");
    for (const auto& a : job.pandoc_arguments) h.add(a);
    for (const auto& part : job.appendices) {
        h.add(part.markdown);
        for (const auto& a : part.pandoc_arguments) h.add(a);
    }
    h.add_files(job.local_images);  // the images the document shows are part of it
    return h.hex();
}

// A cache entry is used only if it looks like a whole PDF (a crash can leave an empty file).
bool usable(const std::string& cached) {
    std::ifstream in(cached, std::ios::binary);
    char head[5] = {};
    in.read(head, 5);
    if (!in || std::string(head, 5) != "%PDF-") return false;
    in.seekg(-32, std::ios::end);
    std::string tail(32, '\0');
    in.read(tail.data(), 32);
    return tail.find("%%EOF") != std::string::npos;
}

}  // namespace

RenderReport render_pdfs(const Repository& repo, const std::vector<PdfRequest>& requests, const PdfBatchOptions& options) {
    std::string cache = options.cache_dir.empty() ? default_pdf_cache_dir() : options.cache_dir;
    std::error_code ec;
    fs::create_directories(cache, ec);
    if (ec) throw std::runtime_error("không tạo được thư mục bộ nhớ đệm PDF " + cache + ": " + system_error_message(ec, "").vi);
    std::string environment = environment_identity(options.tools);
    std::string template_path = repo.templates.find("pdf/van-ban.html");
    std::string template_text = template_path.empty() ? std::string() : read_file(template_path);
    if (std::string appendix = repo.templates.find("pdf/phu-luc.html"); !appendix.empty()) template_text += read_file(appendix);
    std::string stylesheet_path = repo.templates.find("pdf/van-ban.css");
    std::string stylesheet = stylesheet_path.empty() ? std::string() : read_file(stylesheet_path);
    sweep_stale_files(cache);

    std::vector<PdfJob> jobs(requests.size());
    CachedBatchSteps steps;
    steps.cache_file = [&](size_t i) {
        // The programs would read (and publish) an image from anywhere the document names.
        if (std::string why = image_outside_repository(repo.root, *requests[i].doc); !why.empty()) throw std::runtime_error(why);
        jobs[i] = prepare_pdf(*requests[i].doc, repo, requests[i].marks);
        return (fs::path(cache) / (cache_key(jobs[i], environment, template_text, stylesheet) + ".pdf")).string();
    };
    steps.usable = usable;
    steps.render = [&](size_t i, const std::string& cached) { return render_pdf(jobs[i], options.tools, cached).error; };
    steps.output = [&](size_t i) { return requests[i].output; };
    Progress::Phase phase(options.progress, ProgressStep::Pdf, requests.size());
    steps.finished = [&](size_t i) { phase.done(requests[i].doc->path); };
    return render_report(run_cached_batch(requests.size(), options.jobs, steps), requests);
}

}  // namespace vanban
