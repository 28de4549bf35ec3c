#include "pdf/pdf_printer.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "load/published_files.h"
#include "support/cache_dir.h"
#include "support/content_hash.h"
#include "support/error_text.h"
#include "support/process.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace vanban {

std::string default_pdf_cache_dir() { return (fs::path(cache_root()) / "pdf").string(); }

namespace {

// The PDF variant of every printed copy: an official document is archived (PDF/A-2b: fonts
// embedded, colours tagged sRGB, the metadata in XMP too).
const char* const kPdfVariant = "pdf/a-2b";

// What the installed programs and fonts contribute to every key (computed once per printer, by
// stat() alone, so a warm rebuild stays fast). WeasyPrint is Python packages over C libraries,
// so those count too; an upgrade replaces their files.
std::string environment_identity(const PdfTools& tools, const WorkerCommand& command) {
    std::string id = program_identity() + "\n" + kPdfVariant + "\n";
    id += stat_identity(find_program(tools.weasyprint)) + "\n";
    if (!command.interpreter.empty()) id += stat_identity(find_program(command.interpreter[0])) + "\n";
    for (const char* path :
         {"/usr/lib/python3/dist-packages/weasyprint/__init__.py", "/usr/lib/python3/dist-packages/pydyf/__init__.py",
          "/usr/lib/python3/dist-packages/fontTools/__init__.py", "/usr/lib/x86_64-linux-gnu/libpango-1.0.so.0",
          "/usr/lib/x86_64-linux-gnu/libharfbuzz.so.0", "/usr/lib/x86_64-linux-gnu/libfontconfig.so.1"}) {
        std::error_code ec;
        fs::path real = fs::canonical(path, ec);
        id += stat_identity(ec ? path : real.string()) + "\n";
    }
    // Installing or removing a font changes its folder's modification time.
    for (const char* dir : {"/usr/share/fonts", "/usr/share/fonts/truetype", "/usr/share/fonts/truetype/liberation",
                            "/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/dejavu",
                            "/usr/local/share/fonts", "/etc/fonts/conf.d"})
        id += stat_identity(dir) + "\n";
    if (const char* home = std::getenv("HOME"); home && *home)
        for (const char* dir : {"/.fonts", "/.local/share/fonts"}) id += stat_identity(std::string(home) + dir) + "\n";
    return id;
}

std::string cache_key(const PrintJob& job, const std::string& environment) {
    ContentHash h;
    // Not the base URL: a repository moved to another folder keeps its PDFs.
    h.add(environment).add(job.source_date_epoch);
    for (const auto& part : job.parts) h.add(part);
    h.add_files(job.files);  // the images the document shows are part of it
    return h.hex();
}

// A cache entry is used only if it looks like a whole PDF: its header, and %%EOF at the end.
bool usable(const std::string& cached) { return cached_file_whole(cached, "%PDF-", "%%EOF", 32); }

}  // namespace

PdfPrinter::PdfPrinter(const Repository& repo, const std::string& cache_dir, const PdfTools& tools)
    : repo_(repo), tools_(tools), cache_(cache_dir.empty() ? default_pdf_cache_dir() : cache_dir) {
    try {
        setup_ = PrintSetup::load(repo);
    } catch (const std::exception& e) {
        setup_error_ = e.what();
    }
    open_cache_dir(cache_, "PDF");
    command_ = weasyprint_worker_command(tools_.weasyprint, tool_limits().weasyprint_memory_mb);
    environment_ = environment_identity(tools_, command_);
}

PdfPrinter::~PdfPrinter() = default;

std::unique_ptr<WeasyPrintWorker> PdfPrinter::take_worker() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!idle_.empty()) {
            auto worker = std::move(idle_.back());
            idle_.pop_back();
            return worker;
        }
    }
    return std::make_unique<WeasyPrintWorker>(command_, setup_.stylesheet);
}

void PdfPrinter::give_back(std::unique_ptr<WeasyPrintWorker> worker) {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(worker));
}

PdfOutcome PdfPrinter::print(const Document& doc, const PdfMarks& marks, const std::string& output) {
    PdfOutcome outcome;
    if (!setup_error_.empty()) {
        outcome.error = setup_error_;
        return outcome;
    }
    try {
        // The worker would read (and publish) an image from anywhere the document names.
        if (std::string why = image_outside_repository(repo_.root, doc); !why.empty()) throw std::runtime_error(why);
        PrintJob job = prepare_print(doc, repo_, setup_, marks);
        std::string cached = (fs::path(cache_) / (cache_key(job, environment_) + ".pdf")).string();
        return print_through_cache(cached, output, usable, [&](const std::string& to) { return render(job, to); });
    } catch (const std::exception& e) {
        outcome.error = describe_exception(e).vi;
    }
    return outcome;
}

std::string PdfPrinter::render(const PrintJob& job, const std::string& target) {
    // Written beside the target and renamed: a failed or killed run leaves no half PDF.
    std::string partial =
        target + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<uintptr_t>(&job));
    json request = {
        {"output", partial}, {"epoch", job.source_date_epoch}, {"variant", kPdfVariant}, {"files", job.files}};
    json& parts = request["parts"] = json::array();
    for (const auto& html : job.parts) parts.push_back({{"html", html}, {"base_url", job.base_url}});
    auto deadline = std::chrono::steady_clock::now() + tools_.timeout;
    std::unique_ptr<WeasyPrintWorker> worker = take_worker();
    ProcessResult r = worker->call(request.dump(-1, ' ', false, json::error_handler_t::replace), deadline);
    give_back(std::move(worker));  // a worker that failed has stopped; it starts again for its next document

    std::string why;
    json answer = r.ok() ? json::parse(r.out, nullptr, false) : json();
    if (!r.started)
        why = "không chạy được weasyprint (" + r.start_error +
              "); cài gói Debian \"weasyprint\" (scripts/setup.sh làm việc này)";
    else if (r.timed_out)
        why = "weasyprint chạy quá " + std::to_string(tools_.timeout.count()) +
              " giây (giới hạn cho một văn bản) nên đã bị dừng";
    else if (out_of_memory(r))
        why = "weasyprint cần quá " + std::to_string(tool_limits().weasyprint_memory_mb) +
              " MB bộ nhớ (giới hạn cho một văn bản) nên đã dừng; văn bản quá lớn: tách thành nhiều văn bản hoặc bớt "
              "bảng, hình";
    else if (r.signal) why = "weasyprint bị dừng đột ngột (tín hiệu " + std::to_string(r.signal) + ")";
    else if (!r.ok() || !answer.is_object()) {
        std::string detail = r.err.substr(r.err.size() > 400 ? r.err.size() - 400 : 0);
        while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
        why = "weasyprint dừng mà không trả lời (mã " + std::to_string(r.exit_code) + ")" +
              (detail.empty() ? "" : ": " + detail);
    } else if (!answer.value("ok", false)) why = "weasyprint báo lỗi: " + answer.value("error", std::string());

    std::error_code ec;
    if (why.empty() && !fs::exists(partial, ec)) why = "weasyprint không ghi ra " + partial;
    if (why.empty()) {
        fs::rename(partial, target, ec);
        if (ec) why = "không ghi được " + target;
    }
    if (!why.empty()) fs::remove(partial, ec);
    return why;
}

}  // namespace vanban
