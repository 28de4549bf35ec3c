#include "pdf/pdf_renderer.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include <kainjow/mustache.hpp>

#include "html/body_html.h"
#include "load/published_files.h"
#include "load/source_reader.h"
#include "model/official_parts.h"
#include "pdf/qr_code.h"
#include "support/error_text.h"
#include "text/url.h"

namespace fs = std::filesystem;
using kainjow::mustache::data;
using kainjow::mustache::mustache;

namespace vanban {

PdfTools pdf_tools_from_environment() {
    PdfTools tools;
    if (const char* w = std::getenv("VANBAN_WEASYPRINT"); w && *w) tools.weasyprint = w;
    return tools;
}

PrintSetup PrintSetup::load(const Repository& repo) {
    PrintSetup setup;
    auto read_template = [&](const std::string& name, std::string& text) {
        std::string path = repo.templates.find("pdf/" + name);
        if (path.empty()) throw std::runtime_error("thiếu mẫu templates/pdf/" + name);
        text = repo.templates.read(path);
        if (name.size() > 5 && name.compare(name.size() - 5, 5, ".html") == 0) {
            mustache m(text);
            if (!m.is_valid())
                throw std::runtime_error("mẫu templates/pdf/" + name +
                                         " không hợp lệ: " + mustache_error_message(m.error_message()));
        }
    };
    read_template("van-ban.html", setup.document_template);
    read_template("phu-luc.html", setup.appendix_template);
    read_template("van-ban.css", setup.stylesheet);
    // WeasyPrint would fetch what the school's style sheet names, from the network too.
    if (css_fetches(setup.stylesheet))
        throw std::runtime_error(
            "mẫu templates/pdf/van-ban.css có url(), @import hay dấu \\ (có thể tải tệp từ mạng hoặc ngoài kho); "
            "bỏ các chỗ đó khỏi mẫu (phông chữ và hình của bản PDF không lấy từ mạng)");
    return setup;
}

namespace {

data text_list(const std::vector<std::string>& lines) {
    data list{data::type::list};
    for (const auto& line : lines) list << data(line);
    return list;
}

// cmark-gfm writes a loose list item (and a footnote) as "<li>\n<p>…</p>\n</li>". The style sheet
// shows such a paragraph inline after its number, as Word does, so those line ends would print
// as a space after "1." and a trailing one: they are dropped.
std::string tighten_list_items(const std::string& html) {
    std::string out;
    out.reserve(html.size());
    size_t i = 0;
    while (i < html.size()) {
        size_t li = html.find("<li", i);
        size_t close = html.find("</p>\n</li>", i);
        size_t next = std::min(li, close);
        if (next == std::string::npos) break;
        if (next == close) {
            out.append(html, i, close - i).append("</p></li>");
            i = close + 10;
            continue;
        }
        size_t gt = html.find('>', li);
        if (gt == std::string::npos) break;
        out.append(html, i, gt + 1 - i);
        i = gt + 1;
        bool item = html[li + 3] == '>' || html[li + 3] == ' ';
        if (item && html.compare(i, 4, "\n<p>") == 0) ++i;
    }
    out.append(html, i, std::string::npos);
    return out;
}

std::string render_template(const std::string& text, const data& d, const std::string& name) {
    mustache m(text);
    std::string html = m.render(d);
    if (!m.is_valid())
        throw std::runtime_error("lỗi khi dùng mẫu templates/pdf/" + name + ": " +
                                 mustache_error_message(m.error_message()));
    return html;
}

}  // namespace

PrintJob prepare_print(const Document& doc, const Repository& repo, const PrintSetup& setup, const PdfMarks& marks) {
    if (!doc.type || !doc.type->official)
        throw std::runtime_error(doc.path + " không phải văn bản hành chính nên không có bản PDF");
    const School& school = repo.school;
    const DocumentType& type = *doc.type;
    PrintJob job;
    std::string absolute_root = fs::absolute(repo.root).lexically_normal().string();
    job.base_url = (fs::path(absolute_root) / fs::path(doc.path).parent_path()).string() + "/";
    job.source_date_epoch = source_date_epoch(doc);

    // The body as the site shows it, with only the images a printed copy may hold.
    auto printable = [&](const std::string& src) {
        return printable_image_for_url(repo.root, doc.path, src).has_value();
    };
    // WeasyPrint opens what the HTML names and embeds it (images, objects, SVG <image>,
    // rel="attachment"): the raw HTML of cho_phep_html and the templates too. What it opens may
    // only be a raster image published next to the document, which its URL fetcher is told; a
    // link (not opened) keeps an allowed address or a published file.
    auto fetchable = [&](const std::string& html) {
        return keep_fetchable_urls(html, [&](const std::string& url, bool fetched) {
            if (!url.empty() && url[0] == '#') return true;  // within the page (an SVG <use>)
            if (fetched) {
                auto file = printable_image_for_url(repo.root, doc.path, url);
                if (file) job.files.push_back((fs::path(absolute_root) / *file).lexically_normal().string());
                return file.has_value();
            }
            if (!url_scheme(url).empty()) return url_allowed(url);
            return url.empty() || published_file_for_url(repo.root, doc.path, url).has_value();
        });
    };

    OfficialParts parts = official_parts(doc, school);
    data d;
    d.set("tieu_de", type.name + " " + doc.subject);
    d.set("tac_gia", school.name);
    d.set("trich_yeu", parts.subject);
    d.set("ky_hieu_day_du", doc.is_draft() ? "dự thảo" : doc.symbol);
    d.set("co_quan_chu_quan", parts.governing_body);
    d.set("ten_truong", parts.issuer);
    d.set("so_ky_hieu", parts.number_line);
    d.set("dia_danh_ngay", parts.place_and_date);
    d.set("ten_loai", parts.type_name);
    d.set("quyen_han", text_list(parts.authority));
    d.set("chuc_vu", parts.position);
    d.set("ho_ten", parts.signer);
    d.set("cong_van", parts.letter);
    d.set("du_thao", marks.draft);
    d.set("co_xac_thuc", !marks.verification.empty());
    d.set("xac_thuc", marks.verification);
    // The QR code is SVG markup made here, inserted as it is.
    if (!marks.verification.empty() && !marks.page_url.empty()) {
        d.set("co_qr", true);
        d.set("ma_qr", qr_svg(marks.page_url));
        d.set("dia_chi_trang", marks.page_url);
    }
    d.set("co_kinh_gui", !parts.addressees.empty());
    d.set("kinh_gui", text_list(parts.addressees));
    d.set("noi_nhan", text_list(parts.recipients));
    if (const auto& s = parts.superior_approval) {
        data block;
        block.set("tieu_de", s->heading);
        block.set("co_ngay", !s->date_line.empty());
        block.set("ngay", s->date_line);
        block.set("quyen_han", text_list(s->authority));
        block.set("chuc_vu", s->position);
        block.set("ho_ten", s->signer);
        d.set("duyet", block);
    }
    d.set("ngay_tao", doc.date ? doc.date->iso() : std::string());
    d.set("body", tighten_list_items(render_body_html(doc, 0, school.allow_raw_html, nullptr, printable)));
    job.parts.push_back(fetchable(render_template(setup.document_template, d, "van-ban.html")));

    for (size_t k = 0; k < doc.appendices.size() && k < parts.appendices.size(); ++k) {
        const AppendixHeading& h = parts.appendices[k];
        data a;
        a.set("tieu_de", type.name + " " + doc.subject + " - " + h.label_line);
        a.set("nhan", h.label_line);
        a.set("co_ten_phu_luc", !h.title.empty());
        a.set("ten_phu_luc", h.title);
        a.set("kem_theo", h.attached_to);
        a.set("body", tighten_list_items(
                          render_body_html(doc, static_cast<int>(k) + 1, school.allow_raw_html, nullptr, printable)));
        job.parts.push_back(fetchable(render_template(setup.appendix_template, a, "phu-luc.html")));
    }
    return job;
}

}  // namespace vanban
