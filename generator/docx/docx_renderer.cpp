#include "docx/docx_renderer.h"

#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "load/published_files.h"
#include "load/source_reader.h"
#include "model/official_parts.h"
#include "model/word_properties.h"
#include "model/page_paths.h"
#include "docx/print_images.h"
#include "support/process.h"
#include "text/markup.h"
#include "text/numbering.h"
#include "text/unicode.h"
#include "text/url.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace vanban {

DocxTools docx_tools_from_environment() {
    DocxTools tools;
    if (const char* p = std::getenv("VANBAN_PANDOC"); p && *p) tools.pandoc = p;
    return tools;
}

namespace {

// The text width of an A4 page with the margins of templates/docx/reference/word/document.xml:
// 210 − 30 − 15 mm = 165 mm, in twips. The header and signature columns share it like the PDF's
// (40/60 and 45/55), within the 6–7.5 cm / 9–10 cm that common Word templates use.
constexpr int kTextWidth = 9355;
constexpr int kHeaderLeft = 3742, kHeaderRight = kTextWidth - kHeaderLeft;
constexpr int kSignatureLeft = 4210, kSignatureRight = kTextWidth - kSignatureLeft;

size_t code_points(const std::string& s) {
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

struct Style {
    int size = 28;  // half-points
    bool bold = false, italic = false, underline = false;
};

std::string run(const std::string& text, const Style& st) {
    std::string props = "<w:rPr>";
    if (st.bold) props += "<w:b/><w:bCs/>";
    if (st.italic) props += "<w:i/><w:iCs/>";
    if (st.underline) props += "<w:u w:val=\"single\"/>";
    props += "<w:sz w:val=\"" + std::to_string(st.size) + "\"/><w:szCs w:val=\"" + std::to_string(st.size) + "\"/></w:rPr>";
    return "<w:r>" + props + "<w:t xml:space=\"preserve\">" + escape_markup(text) + "</w:t></w:r>";
}

struct Layout {
    std::string jc = "center";
    int before = 0, after = 0;
    int left = 0, right = 0;
    bool keep_next = false;
};

// A paragraph laid out here, whatever the body's style says (no indent, single spacing).
std::string paragraph(const std::string& text, const Style& st, const Layout& lay = {}, const std::string& border = "") {
    std::string p = "<w:p><w:pPr>";
    if (lay.keep_next) p += "<w:keepNext/>";
    p += border;
    p += "<w:spacing w:before=\"" + std::to_string(lay.before) + "\" w:after=\"" + std::to_string(lay.after) +
         "\" w:line=\"240\" w:lineRule=\"auto\"/>";
    p += "<w:ind w:left=\"" + std::to_string(lay.left) + "\" w:right=\"" + std::to_string(lay.right) + "\" w:firstLine=\"0\"/>";
    p += "<w:jc w:val=\"" + lay.jc + "\"/>";
    p += "<w:rPr><w:sz w:val=\"" + std::to_string(st.size) + "\"/></w:rPr></w:pPr>";
    if (!text.empty()) p += run(text, st);
    return p + "</w:p>";
}

// The short solid rule under the issuer's name and under the trích yếu: 1/3–1/2 of the text
// above it (Phụ lục I). Word has no "as long as the text" for a paragraph border, so its
// length is estimated from the text: Times New Roman averages about half an em per letter.
std::string short_rule(const std::string& above, int size, int column) {
    int text = static_cast<int>(code_points(above)) * size * 10 * 11 / 20;  // half-points → twips, ~0.55 em a letter
    int rule = std::max(567, std::min(column, text) * 2 / 5);
    int side = std::max(0, (column - rule) / 2);
    Layout lay;
    lay.left = lay.right = side;
    return paragraph("", Style{4}, lay, "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>");
}

// A borderless table of two columns: the layout Word templates use for the header and signature.
std::string layout_table(int left, int right, const std::vector<std::pair<std::string, std::string>>& rows) {
    std::string t = "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(left + right) + "\" w:type=\"dxa\"/>";
    t += "<w:tblLayout w:type=\"fixed\"/><w:tblBorders>";
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
        t += std::string("<w:") + side + " w:val=\"nil\"/>";
    t += "</w:tblBorders><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>";
    t += "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>";
    t += "<w:tblGrid><w:gridCol w:w=\"" + std::to_string(left) + "\"/><w:gridCol w:w=\"" + std::to_string(right) + "\"/></w:tblGrid>";
    for (const auto& [a, b] : rows) {
        t += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
        t += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(left) + "\" w:type=\"dxa\"/></w:tcPr>" + a + "</w:tc>";
        t += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(right) + "\" w:type=\"dxa\"/></w:tcPr>" + b + "</w:tc>";
        t += "</w:tr>";
    }
    return t + "</w:tbl>";
}

// Quốc hiệu, Tiêu ngữ, issuer, số/ký hiệu, place and date, title and trích yếu, "Kính gửi"
// (Phụ lục I, ô 1–5 and 9a; sizes as the PDF's).
std::string header_xml(const OfficialParts& parts) {
    std::string left1, right1, left2, right2;
    if (!parts.governing_body.empty()) left1 += paragraph(parts.governing_body, Style{26});
    left1 += paragraph(parts.issuer, Style{26, true});
    left1 += short_rule(parts.issuer, 26, kHeaderLeft);
    right1 += paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Style{26, true});
    // The line under the Tiêu ngữ is as long as the text: an underline is exactly that.
    right1 += paragraph("Độc lập - Tự do - Hạnh phúc", Style{28, true, false, true});
    Layout second;
    second.before = 120;
    left2 += paragraph(parts.number_line, Style{26}, second);
    if (parts.letter) {
        Layout below = second;
        below.after = 0;
        left2 += paragraph(parts.subject, Style{24}, below);
    }
    right2 += paragraph(parts.place_and_date, Style{28, false, true}, second);
    std::string xml = layout_table(kHeaderLeft, kHeaderRight, {{left1, right1}, {left2, right2}});
    if (!parts.letter) {
        Layout title;
        title.before = 360;
        title.keep_next = true;
        xml += paragraph(parts.type_name, Style{28, true}, title);
        Layout subject;
        subject.keep_next = true;
        xml += paragraph(parts.subject, Style{28, true}, subject);
        xml += short_rule(parts.subject, 28, kTextWidth);
    }
    if (!parts.addressees.empty()) {
        // One addressee on the "Kính gửi:" line; several, each on its own line under it.
        Layout lay;
        lay.before = 240;
        lay.after = 120;
        lay.jc = "left";
        lay.left = 1701;
        if (parts.addressees.size() == 1) {
            xml += paragraph("Kính gửi: " + parts.addressees[0], Style{28}, lay);
        } else {
            lay.after = 0;
            xml += paragraph("Kính gửi:", Style{28}, lay);
            Layout item = lay;
            item.before = 0;
            item.left = 1701 + 1134;
            for (size_t i = 0; i < parts.addressees.size(); ++i) {
                if (i + 1 == parts.addressees.size()) item.after = 120;
                xml += paragraph(parts.addressees[i], Style{28}, item);
            }
        }
    }
    Layout gap;
    gap.after = 120;
    return xml + paragraph("", Style{28}, gap);
}

// "Nơi nhận:" and its list on the left, the signer on the right (Phụ lục I, ô 7 and 9b).
std::string signature_xml(const OfficialParts& parts) {
    std::string left, right;
    Layout first;
    first.before = 240;
    Layout plain;
    plain.jc = "left";
    Layout heading = plain;
    heading.before = 240;
    left += paragraph("Nơi nhận:", Style{24, true, true}, heading);
    for (const auto& r : parts.recipients) left += paragraph("- " + r, Style{22}, plain);
    bool top = true;
    std::vector<std::string> lines = parts.authority;
    lines.push_back(parts.position);
    for (const auto& line : lines) {
        if (line.empty()) continue;
        right += paragraph(line, Style{28, true}, top ? first : Layout{});
        top = false;
    }
    // Room for the signature and the seal, about 30 mm as in the PDF.
    for (int i = 0; i < 5; ++i) right += paragraph("", Style{28});
    right += paragraph(parts.signer, Style{28, true});
    return layout_table(kSignatureLeft, kSignatureRight, {{left, right}});
}

// The superior office's approval under the school's signature, in the right column.
std::string approval_xml(const SuperiorApprovalBlock& b) {
    std::string right;
    Layout first;
    first.before = 360;
    right += paragraph(b.heading, Style{28, true}, first);
    if (!b.date_line.empty()) right += paragraph(b.date_line, Style{28, false, true});
    for (const auto& line : b.authority) right += paragraph(line, Style{28, true});
    right += paragraph(b.position, Style{28, true});
    for (int i = 0; i < 5; ++i) right += paragraph("", Style{28});
    right += paragraph(b.signer, Style{28, true});
    return layout_table(kSignatureLeft, kSignatureRight, {{paragraph("", Style{28}), right}});
}

// An appendix starts a new page with its NĐ30 heading: "Phụ lục I" bold 14 pt, the title upper
// case bold, "(Kèm theo …)" italic, a short rule.
std::string appendix_xml(const AppendixHeading& h) {
    std::string xml = "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
    Layout lay;
    lay.keep_next = true;
    xml += paragraph(h.label_line, Style{28, true}, lay);
    if (!h.title.empty()) xml += paragraph(h.title, Style{28, true}, lay);
    xml += paragraph(h.attached_to, Style{28, false, true}, lay);
    xml += short_rule(h.attached_to, 28, kTextWidth);
    Layout gap;
    gap.after = 120;
    return xml + paragraph("", Style{28}, gap);
}

json raw_openxml(const std::string& xml) { return {{"t", "RawBlock"}, {"c", {"openxml", xml}}}; }

json str(const std::string& s) { return {{"t", "Str"}, {"c", s}}; }

std::string list_marker(const json& attributes, int number) {
    std::string style = attributes[1].value("t", "Decimal"), delim = attributes[2].value("t", "DefaultDelim");
    std::string n = std::to_string(number);
    if (style == "LowerAlpha" || style == "UpperAlpha") {
        // Lettered points in the Vietnamese alphabet of NĐ30: a b c d đ e g h …
        n = number >= 1 && number <= 23 ? letter_at(number, Alphabet::Vietnamese) : std::to_string(number);
        if (style == "UpperAlpha") n = to_upper(n);
    } else if (style == "LowerRoman" || style == "UpperRoman") {
        n = to_roman(number);
        if (style == "LowerRoman") n = lower_ascii(n);
    }
    if (delim == "OneParen") return n + ")";
    if (delim == "TwoParens") return "(" + n + ")";
    return n + ".";
}

// Lists become paragraphs that start with what the reader sees, as schools type them:
// "-" for the first level, "+" below it, and the literal number of a numbered item.
void flatten_lists(const json& blocks, json& out, int depth);

void flatten_item(const json& item, const std::string& marker, json& out, int depth) {
    bool first = true;
    for (const auto& b : item) {
        std::string t = b.value("t", "");
        if (first && (t == "Plain" || t == "Para")) {
            json inlines = json::array({str(marker), {{"t", "Space"}}});
            for (const auto& in : b["c"]) inlines.push_back(in);
            out.push_back({{"t", "Para"}, {"c", inlines}});
        } else if (t == "Plain") {
            out.push_back({{"t", "Para"}, {"c", b["c"]}});
        } else if (t == "BulletList" || t == "OrderedList") {
            flatten_lists(json::array({b}), out, depth + 1);
        } else {
            out.push_back(b);
        }
        first = false;
    }
    if (first) out.push_back({{"t", "Para"}, {"c", json::array({str(marker)})}});
}

void flatten_lists(const json& blocks, json& out, int depth) {
    for (const auto& b : blocks) {
        std::string t = b.value("t", "");
        if (t == "BulletList") {
            for (const auto& item : b["c"]) flatten_item(item, depth == 0 ? "-" : "+", out, depth);
        } else if (t == "OrderedList") {
            int number = b["c"][0][0].get<int>();
            for (const auto& item : b["c"][1]) flatten_item(item, list_marker(b["c"][0], number++), out, depth);
        } else if (t == "BlockQuote") {
            json inner = json::array();
            flatten_lists(b["c"], inner, depth);
            out.push_back({{"t", "BlockQuote"}, {"c", inner}});
        } else if (t == "Div") {
            json inner = json::array();
            flatten_lists(b["c"][1], inner, depth);
            out.push_back({{"t", "Div"}, {"c", {b["c"][0], inner}}});
        } else {
            out.push_back(b);
        }
    }
}

// A link to another file of the repository ("../2023-2024/ke-hoach.md") means nothing in a
// Word file sent away: it leads to that document's page on the school website, or, without a
// website, it is plain text.
void rewrite_links(json& node, const DocxJob& job) {
    if (node.is_array()) {
        json out = json::array();
        for (auto& child : node) {
            rewrite_links(child, job);
            // A link whose scheme is not allowed becomes its text: Pandoc would keep a javascript:
            // link. (Images are keep_printable_images's.)
            if (child.is_object() && child.value("t", "") == "Link" && !url_allowed(child["c"][2][0].get<std::string>())) {
                for (auto& in : child["c"][1]) out.push_back(in);
                continue;
            }
            if (child.is_object() && child.value("t", "") == "Link") {
                std::string target = child["c"][2][0].get<std::string>();
                bool relative = url_scheme(target).empty() && !target.empty() && target[0] != '#' && target[0] != '/';
                if (relative) {
                    std::string anchor;
                    if (size_t hash = target.find('#'); hash != std::string::npos) {
                        anchor = target.substr(hash);
                        target.resize(hash);
                    }
                    std::string file = (fs::path(job.source_path).parent_path() / target).lexically_normal().generic_string();
                    if (job.site_root.empty() || file.rfind("..", 0) == 0) {
                        for (auto& in : child["c"][1]) out.push_back(in);
                        continue;
                    }
                    child["c"][2][0] = job.site_root + "/" + url_path(output_path(file)) + anchor;
                }
            }
            out.push_back(child);
        }
        node = out;
    } else if (node.is_object()) {
        for (auto& [key, value] : node.items()) rewrite_links(value, job);
    }
}

json meta_string(const std::string& s) { return {{"t", "MetaString"}, {"c", s}}; }

}  // namespace

DocxJob prepare_docx(const Document& doc, const Repository& repo) {
    if (!doc.type || !doc.type->official) throw std::runtime_error(doc.path + " không phải văn bản hành chính nên không có bản Word");
    const School& school = repo.school;
    OfficialParts parts = official_parts(doc, school);
    DocxJob job;
    job.doc = &doc;
    job.reader = school.allow_raw_html ? "gfm" : "gfm-raw_html";
    DocxPart main{header_xml(parts), part_source(doc, 0), signature_xml(parts)};
    if (parts.superior_approval) main.closing_xml += approval_xml(*parts.superior_approval);
    job.parts.push_back(std::move(main));
    for (size_t k = 0; k < doc.appendices.size() && k < parts.appendices.size(); ++k)
        job.parts.push_back({appendix_xml(parts.appendices[k]),
                             part_source(doc, static_cast<int>(k) + 1), ""});
    job.site_root = school.website;
    job.source_path = doc.path;
    job.repository_root = repo.root;
    job.resource_dir = (fs::absolute(repo.root) / fs::path(doc.path).parent_path()).string();
    job.source_date_epoch = source_date_epoch(doc);
    // Word's document properties (File > Properties); no title, which Pandoc would print.
    job.metadata = {{"lang", "vi-VN"}, {"subject", doc.subject}, {"keywords", doc.is_draft() ? "dự thảo" : doc.symbol},
                    {"description", doc.type->name + " " + doc.subject}};
    if (!doc.category.empty()) job.metadata.emplace_back(kCategoryProperty, doc.category);
    if (doc.is_draft() && doc.date) job.metadata.emplace_back(kPlannedDateProperty, doc.date->iso());
    for (const auto& link : doc.links)
        if (auto file = link.image ? published_file_for_url(repo.root, doc.path, link.target) : std::nullopt)
            job.local_images.push_back((fs::path(repo.root) / *file).string());
    return job;
}

std::vector<std::pair<std::string, std::string>> reference_docx_parts(const Repository& repo) {
    std::vector<std::pair<std::string, std::string>> parts;
    for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml",
                             "word/header1.xml"}) {
        std::string path = repo.templates.find(std::string("docx/reference/") + name);
        if (path.empty()) throw std::runtime_error(std::string("thiếu mẫu templates/docx/reference/") + name);
        parts.emplace_back(name, repo.templates.read(path));
    }
    return parts;
}

DocxOutcome render_docx(const DocxJob& job, const DocxTools& tools, const std::string& reference_docx, const std::string& output) {
    DocxOutcome outcome;
    auto failure = [&](const ProcessResult& r) {
        if (!r.started)
            outcome.error = "không chạy được pandoc (" + r.start_error + "); cài gói Debian \"pandoc\" (scripts/setup.sh làm việc này)";
        else if (r.timed_out)
            outcome.error = "pandoc chạy quá " + std::to_string(tools.timeout.count()) + " giây (giới hạn cho một văn bản) nên đã bị dừng";
        else if (r.signal)
            outcome.error = "pandoc bị dừng đột ngột (tín hiệu " + std::to_string(r.signal) + ")";
        else {
            std::string detail = r.err.substr(0, 400);
            while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
            outcome.error = "pandoc báo lỗi (mã " + std::to_string(r.exit_code) + ")" + (detail.empty() ? "" : ": " + detail);
        }
        return outcome;
    };
    auto deadline = std::chrono::steady_clock::now() + tools.timeout;
    auto left = [&] {
        return std::max(std::chrono::milliseconds(1),
                        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()));
    };

    json blocks = json::array(), pandoc_api_version;
    for (const DocxPart& part : job.parts) {
        ProcessOptions read_options;
        read_options.input = part.markdown;
        read_options.timeout = left();
        ProcessResult ast_text = run_process({tools.pandoc, "--from", job.reader, "--to", "json"}, read_options);
        if (!ast_text.ok()) return failure(ast_text);
        json ast = json::parse(ast_text.out, nullptr, false);
        if (ast.is_discarded() || !ast.contains("blocks")) {
            outcome.error = "pandoc trả về cây văn bản không đọc được";
            return outcome;
        }
        pandoc_api_version = ast["pandoc-api-version"];
        blocks.push_back(raw_openxml(part.opening_xml));
        flatten_lists(ast["blocks"], blocks, 0);
        if (!part.closing_xml.empty()) blocks.push_back(raw_openxml(part.closing_xml));
    }
    // Pandoc embeds every image it can open, from the network too.
    keep_printable_images(blocks, job.repository_root, job.source_path);
    rewrite_links(blocks, job);
    json ast = {{"pandoc-api-version", pandoc_api_version}, {"meta", json::object()}, {"blocks", blocks}};
    json meta = json::object();
    for (const auto& [key, value] : job.metadata)
        if (!value.empty()) meta[key] = meta_string(value);
    ast["meta"] = meta;

    std::string partial = output + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<uintptr_t>(&job));
    ProcessOptions write_options;
    write_options.input = ast.dump(-1, ' ', false, json::error_handler_t::replace);
    write_options.timeout = left();
    write_options.environment = {"SOURCE_DATE_EPOCH=" + job.source_date_epoch};
    ProcessResult written = run_process({tools.pandoc, "--from", "json", "--to", "docx", "--reference-doc", reference_docx,
                                         "--resource-path", job.resource_dir, "--output", partial},
                                        write_options);
    std::error_code ec;
    if (!written.ok() || !fs::exists(partial, ec)) {
        fs::remove(partial, ec);
        return failure(written);
    }
    fs::rename(partial, output, ec);
    if (ec) {
        fs::remove(partial, ec);
        outcome.error = "không ghi được " + output;
        return outcome;
    }
    outcome.ok = true;
    return outcome;
}

}  // namespace vanban
