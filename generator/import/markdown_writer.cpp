#include "import/markdown_writer.h"

#include <regex>

#include "import/word_reader.h"
#include "load/front_matter.h"

namespace vanban {

std::string escape_markdown(const std::string& text, bool block_start) {
    static const std::regex footnote(R"(^\[\^\d+\])");
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == kLinkOpen) {
            size_t target = text.find(kLinkTarget, i), close = text.find(kLinkClose, i);
            if (target != std::string::npos && close != std::string::npos && target < close) {
                std::string url;
                for (char u : text.substr(target + 1, close - target - 1)) url += u == ' ' ? "%20" : u == '(' ? "%28" : u == ')' ? "%29" : std::string(1, u);
                out += "[" + escape_markdown(text.substr(i + 1, target - i - 1), false) + "](" + url + ")";
                i = close;
                continue;
            }
        }
        if (c == kLinkTarget || c == kLinkClose || c == kLinkOpen) continue;
        if (c == '[') {
            std::smatch m;
            std::string tail = text.substr(i, 16);
            if (std::regex_search(tail, m, footnote)) {
                out += m.str();
                i += m.length() - 1;
                continue;
            }
        }
        if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '~' || c == '[' || c == ']' || c == '<' || c == '>' || c == '|')
            out += '\\';
        out += c;
    }
    if (!block_start) return out;
    // At the start of a line: "#", "+ ", "- ", "1." and "1)" would become headings and lists.
    static const std::regex ordered(R"(^(\d{1,9})([.)])(\s|$))");
    out = std::regex_replace(out, ordered, "$1\\$2$3", std::regex_constants::format_first_only);
    // "#" a heading; "+ ", "- " an item; "---", "===" a rule or the underline of a heading.
    if (!out.empty() && (out[0] == '#' || out[0] == '+' || out[0] == '-' || out[0] == '=')) out.insert(out.begin(), '\\');
    return out;
}

namespace {

std::string table(const std::vector<std::vector<std::string>>& rows) {
    size_t width = 0;
    for (const auto& r : rows) width = std::max(width, r.size());
    std::string out;
    for (size_t r = 0; r < rows.size(); ++r) {
        out += "|";
        for (size_t c = 0; c < width; ++c) out += " " + (c < rows[r].size() ? escape_markdown(rows[r][c], false) : std::string()) + " |";
        out += "\n";
        if (r == 0) {
            out += "|";
            for (size_t c = 0; c < width; ++c) out += "---|";
            out += "\n";
        }
    }
    return out;
}

std::string fence_for(const std::string& code) {
    std::string fence = "```";
    while (code.find(fence) != std::string::npos) fence += '`';
    return fence;
}

}  // namespace

std::string write_markdown(const RecognizedDocument& d) {
    std::string md = "---\nloai: " + (d.type.empty() ? std::string("[[loại văn bản]]") : d.type) + "\n";
    if (!d.number.empty()) md += "so: " + d.number + "\n";
    if (d.symbol_written) md += "ky_hieu: " + yaml_quote(d.symbol) + "\n";
    md += "ngay: " + (d.date_iso.empty() ? std::string("\"[[YYYY-MM-DD]]\"") : d.date_iso) + "\n";
    md += "nam_hoc: " + yaml_quote(d.school_year.empty() ? "[[YYYY-YYYY]]" : d.school_year) + "\n";
    md += "trich_yeu: " + yaml_quote(d.subject.empty() ? "[[Trích yếu]]" : d.subject) + "\n";
    if (!d.category.empty()) md += "danh_muc: " + yaml_quote(d.category) + "\n";
    if (!d.issuer.name.empty()) {
        md += "co_quan_ban_hanh:\n  ten: " + yaml_quote(d.issuer.name) + "\n";
        if (!d.issuer.parent.empty()) md += "  chu_quan: " + yaml_quote(d.issuer.parent) + "\n";
        if (!d.issuer.place.empty()) md += "  dia_danh: " + yaml_quote(d.issuer.place) + "\n";
    }
    md += "nguoi_ky:\n";
    if (!d.authority.empty()) md += "  quyen_han: " + yaml_quote(d.authority) + "\n";
    md += "  chuc_vu: " + yaml_quote(d.position.empty() ? "[[CHỨC VỤ]]" : d.position) + "\n";
    md += "  ho_ten: " + yaml_quote(d.signer.empty() ? "[[Họ và tên]]" : d.signer) + "\n";
    if (!d.approval.title.empty()) {
        const RecognizedApproval& a = d.approval;
        md += "duyet_cap_tren:\n  tieu_de: " + yaml_quote(a.title) + "\n";
        if (!a.authority.empty()) md += "  quyen_han: " + yaml_quote(a.authority) + "\n";
        md += "  chuc_vu: " + yaml_quote(a.position.empty() ? "[[CHỨC VỤ]]" : a.position) + "\n";
        md += "  ho_ten: " + yaml_quote(a.name.empty() ? "[[Họ và tên]]" : a.name) + "\n";
        if (!a.date_iso.empty()) md += "  ngay: " + a.date_iso + "\n";
    }
    if (d.type == "cong-van" || !d.addressees.empty()) {
        md += "kinh_gui:\n";
        if (d.addressees.empty()) md += "  - \"[[Nơi nhận phải thực hiện]]\"\n";
        for (const auto& a : d.addressees) md += "  - " + yaml_quote(a) + "\n";
    }
    md += "noi_nhan:\n";
    if (d.recipients.empty()) md += "  - \"[[Nơi nhận]]\"\n  - \"Lưu: VT.\"\n";
    for (const auto& r : d.recipients) md += "  - " + yaml_quote(r) + "\n";
    md += "---\n";

    std::string footnotes;
    for (size_t n = 0; n < d.footnotes.size(); ++n)
        footnotes += "\n[^" + std::to_string(n + 1) + "]: " + escape_markdown(d.footnotes[n]) + "\n";
    bool previous_bullet = false, footnotes_written = false;
    for (const auto& e : d.body) {
        using K = BodyElement::Kind;
        // Footnote texts close the main body, before the appendices.
        if (e.kind == K::Appendix && !footnotes_written) {
            md += footnotes;
            footnotes_written = true;
        }
        bool bullet = e.kind == K::Bullet;
        if (!(bullet && previous_bullet)) md += "\n";
        previous_bullet = bullet;
        switch (e.kind) {
            case K::Heading: md += std::string(static_cast<size_t>(e.level), '#') + " " + escape_markdown(e.text, false) + "\n"; break;
            case K::Appendix: md += "# " + escape_markdown(e.text, false) + "\n"; break;
            case K::Bullet: md += std::string(static_cast<size_t>(e.level) * 2, ' ') + "- " + escape_markdown(e.text) + "\n"; break;
            case K::Paragraph: md += escape_markdown(e.text) + "\n"; break;
            case K::LineBlock: {
                // Each line starts a line of the Markdown too: escaped as such, joined by hard breaks.
                std::string lines;
                for (size_t start = 0; start <= e.text.size();) {
                    size_t end = std::min(e.text.find('\n', start), e.text.size());
                    lines += (start == 0 ? "" : "\\\n") + escape_markdown(e.text.substr(start, end - start));
                    start = end + 1;
                }
                md += lines + "\n";
                break;
            }
            case K::Code: {
                std::string fence = fence_for(e.text);
                md += fence + "\n" + e.text + (e.text.back() == '\n' ? "" : "\n") + fence + "\n";
                break;
            }
            case K::Table: md += table(e.rows); break;
        }
    }
    if (!footnotes_written) md += footnotes;
    return md;
}

}  // namespace vanban
