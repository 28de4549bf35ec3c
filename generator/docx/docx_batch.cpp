#include "docx/docx_batch.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "load/published_files.h"
#include "load/source_reader.h"
#include "support/cache_dir.h"
#include "support/cached_batch.h"
#include "support/error_text.h"
#include "support/content_hash.h"
#include "support/process.h"
#include "support/zip_writer.h"

namespace fs = std::filesystem;

namespace vanban {

std::string default_docx_cache_dir() { return (fs::path(cache_root()) / "docx").string(); }

namespace {

std::string cache_key(const DocxJob& job, const std::string& environment) {
    ContentHash h;
    h.add(environment).add(job.reader).add(job.site_root);
    for (const auto& part : job.parts) h.add(part.opening_xml).add(part.markdown).add(part.closing_xml);
    h.add(job.source_path).add(job.source_date_epoch);
    for (const auto& [key, value] : job.metadata) h.add(key).add(value);
    h.add_files(job.local_images);  // the images the document shows are part of it
    return h.hex();
}

// A cache entry is used only if it looks like a whole ZIP package (a crash can leave an empty file).
bool usable(const std::string& cached) {
    std::ifstream in(cached, std::ios::binary);
    char head[4] = {};
    in.read(head, 4);
    if (!in || std::string(head, 4) != std::string("PK\x03\x04", 4)) return false;
    in.seekg(0, std::ios::end);
    std::streamoff size = in.tellg();
    std::streamoff tail_size = std::min<std::streamoff>(size, 1024);
    in.seekg(size - tail_size);
    std::string tail(static_cast<size_t>(tail_size), '\0');
    in.read(tail.data(), tail_size);
    return tail.find(std::string("PK\x05\x06", 4)) != std::string::npos;
}

// The reference document, zipped from its text sources once per content; Pandoc reads it by path.
std::string write_reference(const std::string& cache, const std::string& zip) {
    ContentHash h;
    h.add(zip);
    std::string path = (fs::path(cache) / ("reference-" + h.hex() + ".docx")).string();
    std::error_code ec;
    if (fs::exists(path, ec) && fs::file_size(path, ec) == zip.size()) return path;
    std::string partial = path + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(partial, std::ios::binary);
        out << zip;
        if (!out.flush()) throw std::runtime_error("không ghi được " + partial);
    }
    fs::rename(partial, path);
    return path;
}

}  // namespace

RenderReport render_docxs(const Repository& repo, const std::vector<DocxRequest>& requests, const DocxBatchOptions& options) {
    std::string cache = options.cache_dir.empty() ? default_docx_cache_dir() : options.cache_dir;
    std::error_code ec;
    fs::create_directories(cache, ec);
    if (ec) throw std::runtime_error("không tạo được thư mục bộ nhớ đệm " + cache + ": " + system_error_message(ec, "").vi);
    sweep_stale_files(cache);
    std::string zip = stored_zip(reference_docx_parts(repo));
    std::string reference = write_reference(cache, zip);
    std::string environment = program_identity() + "\n" + stat_identity(find_program(options.tools.pandoc)) + "\n" + reference;

    std::vector<DocxJob> jobs(requests.size());
    CachedBatchSteps steps;
    steps.cache_file = [&](size_t i) {
        // The programs would read (and publish) an image from anywhere the document names.
        if (std::string why = image_outside_repository(repo.root, *requests[i].doc); !why.empty()) throw std::runtime_error(why);
        jobs[i] = prepare_docx(*requests[i].doc, repo);
        return (fs::path(cache) / (cache_key(jobs[i], environment) + ".docx")).string();
    };
    steps.usable = usable;
    steps.render = [&](size_t i, const std::string& cached) { return render_docx(jobs[i], options.tools, reference, cached).error; };
    steps.output = [&](size_t i) { return requests[i].output; };
    Progress::Phase phase(options.progress, ProgressStep::Docx, requests.size());
    steps.finished = [&](size_t i) { phase.done(requests[i].doc->path); };
    return render_report(run_cached_batch(requests.size(), options.jobs, steps), requests);
}

}  // namespace vanban
