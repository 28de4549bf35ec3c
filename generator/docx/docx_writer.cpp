#include "docx/docx_writer.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "load/published_files.h"
#include "support/cache_dir.h"
#include "support/content_hash.h"
#include "support/error_text.h"
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

// A cache entry is used only if it looks like a whole ZIP package: a local header first, the end
// of the central directory near the end.
bool usable(const std::string& cached) {
    return cached_file_whole(cached, std::string("PK\x03\x04", 4), std::string("PK\x05\x06", 4), 1024);
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

DocxWriter::DocxWriter(const Repository& repo, const std::string& cache_dir, const DocxTools& tools)
    : repo_(repo), tools_(tools), cache_(cache_dir.empty() ? default_docx_cache_dir() : cache_dir) {
    open_cache_dir(cache_, "");
    std::string zip = stored_zip(reference_docx_parts(repo));
    reference_ = write_reference(cache_, zip);
    environment_ = program_identity() + "\n" + stat_identity(find_program(tools_.pandoc)) + "\n" + reference_;
}

DocxOutcome DocxWriter::write(const Document& doc, const std::string& output) const {
    try {
        // Pandoc would read (and publish) an image from anywhere the document names.
        if (std::string why = image_outside_repository(repo_.root, doc); !why.empty()) throw std::runtime_error(why);
        DocxJob job = prepare_docx(doc, repo_);
        std::string cached = (fs::path(cache_) / (cache_key(job, environment_) + ".docx")).string();
        return print_through_cache(cached, output, usable,
                                   [&](const std::string& to) { return render_docx(job, tools_, reference_, to).error; });
    } catch (const std::exception& e) {
        DocxOutcome failed;
        failed.error = describe_exception(e).vi;
        return failed;
    }
}

}  // namespace vanban
