#include "pdf/pdf_renderer.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include <cmark-gfm.h>
#include <nlohmann/json.hpp>

#include "load/published_files.h"
#include "load/source_reader.h"
#include "model/official_parts.h"
#include "pdf/print_images.h"
#include "pdf/qr_code.h"
#include "text/markup.h"
#include "support/process.h"
#include "text/unicode.h"
#include "text/url.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace vanban {

PdfTools pdf_tools_from_environment() {
    PdfTools tools;
    if (const char* p = std::getenv("VANBAN_PANDOC"); p && *p) tools.pandoc = p;
    if (const char* w = std::getenv("VANBAN_WEASYPRINT"); w && *w) tools.weasyprint = w;
    return tools;
}

PdfJob prepare_pdf(const Document& doc, const Repository& repo, const PdfMarks& marks) {
    if (!doc.type || !doc.type->official) throw std::runtime_error(doc.path + " không phải văn bản hành chính nên không có bản PDF");
    const School& school = repo.school;
    const DocumentType& type = *doc.type;
    std::string template_path = repo.templates.find("pdf/van-ban.html");
    std::string css_path = repo.templates.find("pdf/van-ban.css");
    if (template_path.empty() || css_path.empty()) throw std::runtime_error("thiếu mẫu templates/pdf/van-ban.html hoặc van-ban.css");
    // WeasyPrint would fetch what the school's style sheet names, from the network too.
    if (css_fetches(read_file(css_path)))
        throw std::runtime_error("mẫu templates/pdf/van-ban.css có url(), @import hay dấu \\ (có thể tải tệp từ mạng hoặc ngoài kho); "
                                 "bỏ các chỗ đó khỏi mẫu (phông chữ và hình của bản PDF không lấy từ mạng)");

    PdfJob job;
    job.doc = &doc;
    job.markdown = part_source(doc, 0);
    // Pandoc's variables are inserted as they are, so every value is escaped here.
    auto& a = job.pandoc_arguments;
    // How Pandoc reads and writes every part; each part adds its own template.
    const std::vector<std::string> conversion = {"--from", "json", "--to", "html5", "--standalone"};
    job.allow_raw_html = school.allow_raw_html;
    a = conversion;
    a.insert(a.end(), {"--template", template_path});
    auto var = [&](const std::string& name, const std::string& value) {
        if (!value.empty()) a.push_back("--variable=" + name + ":" + escape_markup(value));
    };
    OfficialParts parts = official_parts(doc, school);
    var("tieu_de", type.name + " " + doc.subject);
    var("tac_gia", school.name);
    var("trich_yeu", parts.subject);
    var("ky_hieu_day_du", doc.is_draft() ? "dự thảo" : doc.symbol);
    var("co_quan_chu_quan", parts.governing_body);
    var("ten_truong", parts.issuer);
    var("so_ky_hieu", parts.number_line);
    var("dia_danh_ngay", parts.place_and_date);
    var("ten_loai", parts.type_name);
    for (const auto& line : parts.authority) var("quyen_han", line);
    var("chuc_vu", parts.position);
    var("ho_ten", parts.signer);
    if (parts.letter) var("cong_van", "true");
    if (marks.draft) var("du_thao", "true");
    var("xac_thuc", marks.verification);
    // The QR code is SVG markup made here, inserted as it is.
    if (!marks.verification.empty() && !marks.page_url.empty()) {
        a.push_back("--variable=ma_qr:" + qr_svg(marks.page_url));
        var("dia_chi_trang", marks.page_url);
    }
    for (const auto& a : parts.addressees) var("kinh_gui", a);
    for (const auto& r : parts.recipients) var("noi_nhan", r);
    if (const auto& s = parts.superior_approval) {
        var("duyet_tieu_de", s->heading);
        var("duyet_ngay", s->date_line);
        for (const auto& line : s->authority) var("duyet_quyen_han", line);
        var("duyet_chuc_vu", s->position);
        var("duyet_ho_ten", s->signer);
    }
    if (!doc.appendices.empty()) {
        std::string appendix_template = repo.templates.find("pdf/phu-luc.html");
        if (appendix_template.empty()) throw std::runtime_error("thiếu mẫu templates/pdf/phu-luc.html");
        for (size_t k = 0; k < doc.appendices.size(); ++k) {
            const AppendixHeading& h = parts.appendices[k];
            PdfPart part;
            part.markdown = part_source(doc, static_cast<int>(k) + 1);
            part.pandoc_arguments = conversion;
            part.pandoc_arguments.insert(part.pandoc_arguments.end(), {"--template", appendix_template});
            auto& pa = part.pandoc_arguments;
            pa.push_back("--variable=tieu_de:" + escape_markup(type.name + " " + doc.subject + " - " + h.label_line));
            pa.push_back("--variable=nhan:" + escape_markup(h.label_line));
            if (!h.title.empty()) pa.push_back("--variable=ten_phu_luc:" + escape_markup(h.title));
            pa.push_back("--variable=kem_theo:" + escape_markup(h.attached_to));
            job.appendices.push_back(std::move(part));
        }
    }
    job.source_date_epoch = source_date_epoch(doc);
    var("ngay_tao", doc.date ? doc.date->iso() : std::string());
    job.base_url = (fs::absolute(repo.root) / fs::path(doc.path).parent_path()).string() + "/";
    job.repository_root = repo.root;
    job.stylesheet = css_path;
    for (const auto& link : doc.links)
        if (auto file = link.image ? published_file_for_url(repo.root, doc.path, link.target) : std::nullopt)
            job.local_images.push_back((fs::path(repo.root) / *file).string());
    return job;
}

namespace {

// Removes every RawBlock and RawInline from a Pandoc JSON tree.
void drop_raw_nodes(json& node) {
    if (node.is_array()) {
        json kept = json::array();
        for (auto& child : node) {
            if (child.is_object() && (child.value("t", "") == "RawBlock" || child.value("t", "") == "RawInline")) continue;
            drop_raw_nodes(child);
            kept.push_back(std::move(child));
        }
        node = std::move(kept);
    } else if (node.is_object()) {
        for (auto& [key, value] : node.items()) drop_raw_nodes(value);
    }
}

}  // namespace

PdfOutcome render_pdf(const PdfJob& job, const PdfTools& tools, const std::string& output) {
    PdfOutcome outcome;
    auto failure = [&](const std::string& program, const ProcessResult& r) {
        std::string why;
        if (!r.started)
            why = "không chạy được " + program + " (" + r.start_error + "); cài gói Debian \"" +
                  (program == "pdfunite" ? std::string("poppler-utils") : program) +
                  "\" (scripts/setup.sh làm việc này)";
        else if (r.timed_out)
            why = program + " chạy quá " + std::to_string(tools.timeout.count()) + " giây (giới hạn cho một văn bản) nên đã bị dừng";
        else if (program == "weasyprint" && out_of_memory(r))
            why = "weasyprint cần quá " + std::to_string(tool_limits().weasyprint_memory_mb) +
                  " MB bộ nhớ (giới hạn cho một văn bản) nên đã dừng; văn bản quá lớn: tách thành nhiều văn bản hoặc bớt bảng, hình";
        else if (r.signal)
            why = program + " bị dừng đột ngột (tín hiệu " + std::to_string(r.signal) + ")";
        else {
            std::string detail = r.err.substr(0, 400);
            while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
            why = program + " báo lỗi (mã " + std::to_string(r.exit_code) + ")" + (detail.empty() ? "" : ": " + detail);
        }
        outcome.error = why;
        return outcome;
    };

    // One time limit for the whole document, shared by the two programs.
    auto deadline = std::chrono::steady_clock::now() + tools.timeout;
    auto left = [&] {
        return std::max(std::chrono::milliseconds(1),
                        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()));
    };
    // Each part is written beside the target and the result renamed: a failed or killed run
    // leaves no half PDF.
    std::string partial = output + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<uintptr_t>(&job));
    std::vector<std::string> written;
    auto cleanup = [&] {
        std::error_code ec;
        for (const auto& f : written) fs::remove(f, ec);
    };
    auto render_part = [&](const std::vector<std::string>& arguments, const std::string& markdown, const std::string& target) {
        ProcessOptions read_options;
        read_options.input = markdown;
        read_options.timeout = left();
        ProcessResult tree_text = run_process({tools.pandoc, "--from", "gfm", "--to", "json"}, read_options);
        if (!tree_text.ok()) return failure("pandoc", tree_text), false;
        json tree = json::parse(tree_text.out, nullptr, false);
        if (tree.is_discarded()) {
            outcome.error = "pandoc trả về cây văn bản không đọc được";
            return false;
        }
        if (!job.allow_raw_html) drop_raw_nodes(tree);
        keep_printable_images(tree, job.repository_root, job.doc->path);
        ProcessOptions pandoc_options;
        pandoc_options.input = tree.dump(-1, ' ', false, json::error_handler_t::replace);
        pandoc_options.timeout = left();
        std::vector<std::string> pandoc = {tools.pandoc};
        pandoc.insert(pandoc.end(), arguments.begin(), arguments.end());
        ProcessResult html = run_process(pandoc, pandoc_options);
        if (!html.ok()) return failure("pandoc", html), false;
        ProcessOptions weasy_options;
        // WeasyPrint opens what the HTML names and embeds it (images, objects, SVG <image>,
        // rel="attachment"), from the network too, and its command line (version 57) has no way
        // to forbid fetching (no --url-fetcher): this filter is the only defence, for the raw
        // HTML of cho_phep_html and for the templates. What it opens may only be a raster image
        // published next to the document; a link (not opened) keeps an allowed address or a
        // published file.
        weasy_options.input = keep_fetchable_urls(html.out, [&](const std::string& url, bool fetched) {
            if (!url.empty() && url[0] == '#') return true;  // within the page (an SVG <use>)
            if (fetched) return printable_image_for_url(job.repository_root, job.doc->path, url).has_value();
            if (!url_scheme(url).empty()) return url_allowed(url);
            return url.empty() || published_file_for_url(job.repository_root, job.doc->path, url).has_value();
        });
        weasy_options.timeout = left();
        weasy_options.environment = {"SOURCE_DATE_EPOCH=" + job.source_date_epoch};
        weasy_options.memory_mb = tool_limits().weasyprint_memory_mb;
        written.push_back(target);
        ProcessResult pdf = run_process(
            {tools.weasyprint, "--quiet", "--encoding", "utf-8", "--base-url", job.base_url, "--stylesheet", job.stylesheet, "-", target},
            weasy_options);
        std::error_code ec;
        if (!pdf.ok() || !fs::exists(target, ec)) return failure("weasyprint", pdf), false;
        return true;
    };
    std::string body_pdf = job.appendices.empty() ? partial : partial + "-0";
    if (!render_part(job.pandoc_arguments, job.markdown, body_pdf)) return cleanup(), outcome;
    if (!job.appendices.empty()) {
        std::vector<std::string> unite = {tools.pdfunite, body_pdf};
        for (size_t k = 0; k < job.appendices.size(); ++k) {
            std::string target = partial + "-" + std::to_string(k + 1);
            if (!render_part(job.appendices[k].pandoc_arguments, job.appendices[k].markdown, target)) return cleanup(), outcome;
            unite.push_back(target);
        }
        unite.push_back(partial);
        written.push_back(partial);
        ProcessOptions unite_options;
        unite_options.timeout = left();
        ProcessResult joined = run_process(unite, unite_options);
        std::error_code ec;
        if (!joined.ok() || !fs::exists(partial, ec)) {
            failure("pdfunite", joined);
            return cleanup(), outcome;
        }
    }
    std::error_code ec;
    fs::rename(partial, output, ec);
    if (ec) {
        cleanup();
        outcome.error = "không ghi được " + output;
        return outcome;
    }
    written.erase(std::remove(written.begin(), written.end(), partial), written.end());
    cleanup();
    outcome.ok = true;
    return outcome;
}

}  // namespace vanban
