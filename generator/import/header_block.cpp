#include "import/header_block.h"

#include <algorithm>
#include <cstdio>
#include <regex>

#include "import/line_text.h"
#include "text/dates.h"

namespace vanban {

namespace {

// "KT. HIỆU TRƯỞNG", "TM. ỦY BAN NHÂN DÂN", "KT GIÁM ĐỐC" (dot forgotten).
bool authority_line(const std::string& line) {
    static const std::regex prefix(R"(^(KT|TM|TL|TUQ|Q)\.?\s+\S)");
    return is_upper(line) && std::regex_search(line, prefix);
}

struct DateLine {
    std::string place, iso;
};

// "Quận 7, ngày 09 tháng 5 năm 2023": a short place, then the date (day or month may be blank).
bool date_line(const std::string& line, DateLine& out) {
    if (line.size() > 160) return false;
    // "Vân Khê, ngày 05 tháng 9 năm 2024", or "Ngày 24 tháng 9 năm 2024" alone (an approval block's date).
    static const std::regex re(R"(^(.{0,60}?),?\s*[Nn]gày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s*(\d{4})\s*\.?$)");
    std::smatch m;
    if (!std::regex_match(line, m, re)) return false;
    if (word_count(m[1]) > 8) return false;
    out.place = trim(m[1]);
    out.iso.clear();
    if (!m[2].str().empty() && !m[3].str().empty() && is_valid_date(std::stoi(m[4]), std::stoi(m[3]), std::stoi(m[2]))) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%s-%02d-%02d", m[4].str().c_str(), std::stoi(m[3]), std::stoi(m[2]));
        out.iso = buf;
    }
    return true;
}

// "Nơi nhận" and its list, "Kính gửi" and its addressees.
bool recipient_or_addressee_line(Recognition& s, const std::string& line, const std::string& f, bool in_layout, bool word_bullet) {
    RecognizedDocument& r = s.doc;
    std::string rest;
    int depth = 0;
    if (s.in_recipients) {
        if (typed_bullet(line, rest, depth) || word_bullet) {
            r.recipients.push_back(word_bullet ? line : rest);
            return true;
        }
        s.in_recipients = false;
    }
    if (starts_with(f, "noi nhan")) {
        s.template_text("Nơi nhận");
        s.in_recipients = true;
        s.in_approval = false;
        std::string after = trim(line.substr(std::min(line.size(), line.find(':') == std::string::npos ? line.size() : line.find(':') + 1)));
        if (!after.empty() && after != line) {
            if (typed_bullet(after, rest, depth)) after = rest;
            r.recipients.push_back(after);
        }
        return true;
    }
    if (starts_with(f, "kinh gui")) {
        s.template_text("Kính gửi");
        s.zone = Zone::Addressees;
        size_t colon = line.find(':');
        std::string after = colon == std::string::npos ? "" : trim(line.substr(colon + 1));
        if (!after.empty()) {
            if (typed_bullet(after, rest, depth)) after = rest;
            r.addressees.push_back(after);
        }
        return true;
    }
    if (s.zone == Zone::Addressees && in_layout && typed_bullet(line, rest, depth)) {
        r.addressees.push_back(rest);
        return true;
    }
    return false;
}

// "Số: 15/KH-THCS", or a capitalised line of the issuer above it.
bool number_or_issuer_line(Recognition& s, const std::string& line, bool in_layout) {
    RecognizedDocument& r = s.doc;
    static const std::regex number_line(R"(^Số\s*:?\s*(\d*)\s*/\s*(.+)$)");
    std::smatch m;
    std::string l = dashes_to_hyphens(line);
    if (line.size() < 160 && std::regex_search(l, m, number_line)) {
        s.number_seen = true;
        s.template_text("Số");
        r.number = m[1];
        // "KH – THTTB2" in the wild: the decree wants "-" without spaces.
        r.symbol = std::regex_replace(trim(m[2].str()), std::regex(R"(\s*-\s*)"), "-");
        r.symbol = std::regex_replace(r.symbol, std::regex(R"(\s+)"), " ");
        s.in_subject_line = true;
        return true;
    }
    if (in_layout && !s.in_approval && is_upper(line) && !authority_line(line) && r.position.empty() && r.authority.empty() &&
        s.zone == Zone::Front) {
        s.issuer_lines.push_back(line);
        return true;
    }
    return false;
}

// The superior office's block: "KT. GIÁM ĐỐC", its position, then the signer's name.
bool approval_line(Recognition& s, const std::string& line) {
    RecognizedApproval& a = s.doc.approval;
    if (authority_line(line) && a.position.empty()) a.authority += (a.authority.empty() ? "" : " ") + line;
    else if (is_upper(line) && a.position.empty()) a.position = line;
    else if (!is_upper(line) && a.name.empty() && word_count(line) <= 6) {
        a.name = line;
        s.in_approval = false;
    } else return false;
    return true;
}

// The document's own signer: authority, position, then the name.
bool signer_line(Recognition& s, const std::string& line, const std::string& f) {
    RecognizedDocument& r = s.doc;
    if (authority_line(line) && r.position.empty()) {
        r.authority += (r.authority.empty() ? "" : " ") + line;
        return true;
    }
    if (is_upper(line) && r.position.empty() && word_count(line) <= 8) {
        r.position = line;
        return true;
    }
    if (!is_upper(line) && !r.position.empty() && r.signer.empty() && word_count(line) <= 6) {
        if (starts_with(f, "(da ky") || f == "da ky") {
            r.notes.push_back("dòng \"" + line + "\" dưới chức vụ người ký: bản sao đã ký, không chép vào văn bản");
            s.template_text(line);
            return true;
        }
        r.signer = line;
        return true;
    }
    return false;
}

}  // namespace

bool is_layout_table(const WordBlock& w) {
    if (w.rows.empty() || w.rows[0].size() > 3 || w.rows.size() > 4) return false;
    std::string all;
    for (const auto& row : w.rows)
        for (const auto& c : row) all += folded(c) + "\n";
    static const std::regex authority(R"((^|\n)(kt|tm|tl|tuq)\.? )");
    return contains(all, "cong hoa xa hoi") || contains(all, "noi nhan") || contains(all, "kinh gui") ||
           contains(all, "phe duyet") || std::regex_search(all, authority) || std::regex_search(all, std::regex(R"((^|\n)so ?:)"));
}

void read_layout_table(Recognition& s, const WordBlock& w) {
    // Each cell is read by what its first line says.
    bool signature = false;
    for (const auto& row : w.cell_lines)
        for (const auto& cell : row) {
            if (cell.empty()) continue;
            std::string f = folded(cell[0]);
            s.in_recipients = s.in_approval = s.in_subject_line = false;
            for (const auto& line : cell) {
                if (starts_with(f, "noi nhan") || starts_with(f, "phe duyet") || authority_line(cell[0])) signature = true;
                header_or_signature_line(s, line, /*in_layout=*/true);
            }
        }
    finish_issuer(s);
    if (signature) {
        s.zone = Zone::Closing;
    } else if (s.zone == Zone::Subject || s.zone == Zone::Addressees) {
        s.zone = Zone::Body;
    }
}

bool header_or_signature_line(Recognition& s, const std::string& raw, bool in_layout, bool word_bullet) {
    RecognizedDocument& r = s.doc;
    std::string line = trim(raw);
    std::string f = folded(line);
    if (recipient_or_addressee_line(s, line, f, in_layout, word_bullet)) return true;
    if (starts_with(f, "phe duyet")) {
        r.approval.title = line;
        s.in_approval = true;
        return true;
    }
    if (contains(f, "cong hoa xa hoi chu nghia") || (contains(f, "doc lap") && contains(f, "hanh phuc"))) {
        s.template_text(line);
        return true;
    }
    if (word_count(line) == 0 && in_layout) return true;  // "-------" rules under the header lines
    DateLine d;
    if (date_line(line, d)) {
        s.template_text("ngày tháng năm");
        if (s.in_approval) {
            r.approval.date_iso = d.iso;
            s.template_text(d.place);
        } else if (s.place.empty() && r.date_iso.empty()) {
            s.place = d.place;
            r.date_iso = d.iso;
        } else {
            return false;
        }
        return true;
    }
    if (!s.number_seen && (s.zone == Zone::Front || in_layout) && number_or_issuer_line(s, line, in_layout)) return true;
    if ((starts_with(f, "v/v") || (s.in_subject_line && (starts_with(f, "ve ") || starts_with(f, "ve:")))) && r.subject.empty() &&
        line.size() < 300) {
        r.subject = line;
        s.in_subject_line = true;
        return true;
    }
    if (in_layout && s.in_subject_line && !r.subject.empty() && !s.in_approval && !is_upper(line)) {
        r.subject += " " + line;  // the trích yếu goes on over several lines of its cell
        return true;
    }
    if (s.in_approval) return approval_line(s, line);
    return (s.zone == Zone::Closing || in_layout) && signer_line(s, line, f);
}

bool title_paragraph(Recognition& s, const std::string& text) {
    std::string f = folded(text);
    for (const auto& [name, dt] : s.type_names) {
        if (f == name && is_upper(text)) {
            s.title_type = dt->id;
            s.template_text(text);
            return true;
        }
        // "KẾ HOẠCH Triển khai …" when Word kept the title and trích yếu in one paragraph.
        if (starts_with(f, name + " ") && is_upper(text.substr(0, std::min(text.size(), name.size() + 8))) && word_count(text) < 60) {
            size_t words = word_count(name);
            auto spans = word_spans(text);
            size_t cut = static_cast<size_t>(spans[words - 1].data() + spans[words - 1].size() - text.data());
            s.title_type = dt->id;
            s.template_text(text.substr(0, cut));
            s.doc.subject = trim(text.substr(cut));
            return true;
        }
    }
    return false;
}

void finish_issuer(Recognition& s) {
    // The issuing body: its lines before "Số:"; the last (with its "TỈNH …" continuation) is
    // the issuer, the ones above its governing body.
    if (s.issuer_lines.empty() || !s.doc.issuer.name.empty()) return;
    std::vector<std::string> lines = s.issuer_lines;
    s.issuer_lines.clear();
    std::string name = lines.back();
    lines.pop_back();
    static const std::vector<std::string> continuations = {"tinh ", "thanh pho ", "huyen ", "quan ", "xa ", "phuong ", "thi xa ", "thi tran "};
    while (!lines.empty()) {
        std::string f = folded(name);
        bool continued = std::any_of(continuations.begin(), continuations.end(), [&](const std::string& c) { return starts_with(f, c); });
        if (!continued) break;
        name = lines.back() + " " + name;
        lines.pop_back();
    }
    std::string parent;
    for (const auto& l : lines) parent += (parent.empty() ? "" : " ") + l;
    std::string school = folded(s.repo.school.name);
    if (!school.empty() && (folded(name) == school || contains(folded(name), school))) {
        s.template_text(name);
        s.own_governing_body = parent;  // compared at the end with vanban.yaml's for the document's date
        return;
    }
    s.doc.issuer.name = name;
    s.doc.issuer.parent = parent;
}

}  // namespace vanban
