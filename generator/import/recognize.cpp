#include "import/recognize.h"

#include <algorithm>
#include <map>
#include <regex>

#include "import/field_notes.h"
#include "import/line_text.h"
#include "load/document_loader.h"
#include "text/dates.h"
#include "text/numbering.h"
#include "text/unicode.h"

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

class Recognizer {
public:
    Recognizer(const WordDocument& word, const Repository& repo, const ImportOptions& options)
        : word_(word), repo_(repo), options_(options) {
        for (const auto& id : repo.types.ids())
            if (const DocumentType* dt = repo.types.find(id); dt && dt->official) names_.emplace_back(folded(dt->name), dt);
    }

    RecognizedDocument run() {
        r_.footnotes = word_.footnotes;
        const auto& blocks = word_.blocks;
        for (size_t i = 0; i < blocks.size(); ++i) {
            const WordBlock& w = blocks[i];
            if (w.kind == WordBlock::Kind::Table && layout_table(w)) {
                layout(w);
                continue;
            }
            if (w.kind != WordBlock::Kind::Paragraph) {
                if (zone_ == Zone::Front || zone_ == Zone::Subject || zone_ == Zone::Addressees) zone_ = Zone::Body;
                if (zone_ == Zone::Closing) start_appendix("");
                body(i);
                continue;
            }
            paragraph(i);
        }
        finish();
        return std::move(r_);
    }

private:
    enum class Zone { Front, Subject, Addressees, Body, Closing, Appendix };
    const WordDocument& word_;
    const Repository& repo_;
    const ImportOptions& options_;
    std::vector<std::pair<std::string, const DocumentType*>> names_;
    RecognizedDocument r_;
    Zone zone_ = Zone::Front;
    std::string title_type_;
    std::vector<std::string> issuer_lines_;
    std::string own_governing_body_;  // the line above the school's name in its own header
    std::string place_;
    bool number_seen_ = false;
    bool in_recipients_ = false, in_approval_ = false, in_subject_line_ = false;
    bool appendix_title_open_ = false;  // capitalised lines still go into the appendix heading
    std::vector<std::string> heading_styles_;  // the numbering styles open above the current heading
    // Per numbering style, since the heading above: whether any of its items was made a heading.
    std::map<std::string, bool> run_has_heading_;

    void template_text(const std::string& s) { r_.template_text.push_back(s); }

    bool layout_table(const WordBlock& w) const {
        if (w.rows.empty() || w.rows[0].size() > 3 || w.rows.size() > 4) return false;
        std::string all;
        for (const auto& row : w.rows)
            for (const auto& c : row) all += folded(c) + "\n";
        static const std::regex authority(R"((^|\n)(kt|tm|tl|tuq)\.? )");
        return contains(all, "cong hoa xa hoi") || contains(all, "noi nhan") || contains(all, "kinh gui") ||
               contains(all, "phe duyet") || std::regex_search(all, authority) || std::regex_search(all, std::regex(R"((^|\n)so ?:)"));
    }

    // The cells of a layout table, each by what its first line says.
    void layout(const WordBlock& w) {
        bool signature = false;
        for (const auto& row : w.cell_lines)
            for (const auto& cell : row) {
                if (cell.empty()) continue;
                std::string f = folded(cell[0]);
                in_recipients_ = in_approval_ = in_subject_line_ = false;
                for (const auto& line : cell) {
                    if (starts_with(f, "noi nhan") || starts_with(f, "phe duyet") || authority_line(cell[0])) signature = true;
                    header_or_signature_line(line, /*in_layout=*/true);
                }
            }
        finish_issuer();
        if (signature) {
            zone_ = Zone::Closing;
        } else if (zone_ == Zone::Subject || zone_ == Zone::Addressees) {
            zone_ = Zone::Body;
        }
    }

    // Lines of the header block (issuer, Số, V/v, place and date) and of the signature block.
    // Returns false when the line is none of these.
    // `word_bullet`: the line is an item of a Word bullet list (its "-" is Word's, not typed).
    bool header_or_signature_line(const std::string& raw, bool in_layout, bool word_bullet = false) {
        std::string line = trim(raw);
        std::string f = folded(line);
        std::string rest;
        int depth = 0;
        if (in_recipients_) {
            if (typed_bullet(line, rest, depth) || word_bullet) {
                r_.recipients.push_back(word_bullet ? line : rest);
                return true;
            }
            in_recipients_ = false;
        }
        if (starts_with(f, "noi nhan")) {
            template_text("Nơi nhận");
            in_recipients_ = true;
            in_approval_ = false;
            std::string after = trim(line.substr(std::min(line.size(), line.find(':') == std::string::npos ? line.size() : line.find(':') + 1)));
            if (!after.empty() && after != line) {
                if (typed_bullet(after, rest, depth)) after = rest;
                r_.recipients.push_back(after);
            }
            return true;
        }
        if (starts_with(f, "kinh gui")) {
            template_text("Kính gửi");
            zone_ = Zone::Addressees;
            size_t colon = line.find(':');
            std::string after = colon == std::string::npos ? "" : trim(line.substr(colon + 1));
            if (!after.empty()) {
                if (typed_bullet(after, rest, depth)) after = rest;
                r_.addressees.push_back(after);
            }
            return true;
        }
        if (zone_ == Zone::Addressees && in_layout && typed_bullet(line, rest, depth)) {
            r_.addressees.push_back(rest);
            return true;
        }
        if (starts_with(f, "phe duyet")) {
            r_.approval.title = line;
            in_approval_ = true;
            return true;
        }
        if (contains(f, "cong hoa xa hoi chu nghia") || (contains(f, "doc lap") && contains(f, "hanh phuc"))) {
            template_text(line);
            return true;
        }
        if (word_count(line) == 0 && in_layout) return true;  // "-------" rules under the header lines
        DateLine d;
        if (date_line(line, d)) {
            template_text("ngày tháng năm");
            if (in_approval_) {
                r_.approval.date_iso = d.iso;
                template_text(d.place);
            } else if (place_.empty() && r_.date_iso.empty()) {
                place_ = d.place;
                r_.date_iso = d.iso;
            } else {
                return false;
            }
            return true;
        }
        if (!number_seen_ && (zone_ == Zone::Front || in_layout)) {
            static const std::regex number_line(R"(^Số\s*:?\s*(\d*)\s*/\s*(.+)$)");
            std::smatch m;
            std::string l = dashes_to_hyphens(line);
            if (line.size() < 160 && std::regex_search(l, m, number_line)) {
                number_seen_ = true;
                template_text("Số");
                r_.number = m[1];
                // "KH – THTTB2" in the wild: the decree wants "-" without spaces.
                r_.symbol = std::regex_replace(trim(m[2].str()), std::regex(R"(\s*-\s*)"), "-");
                r_.symbol = std::regex_replace(r_.symbol, std::regex(R"(\s+)"), " ");
                in_subject_line_ = true;
                return true;
            }
            if (in_layout && !in_approval_ && is_upper(line) && !authority_line(line) && r_.position.empty() && r_.authority.empty() &&
                zone_ == Zone::Front) {
                issuer_lines_.push_back(line);
                return true;
            }
        }
        if ((starts_with(f, "v/v") || (in_subject_line_ && (starts_with(f, "ve ") || starts_with(f, "ve:")))) && r_.subject.empty() &&
            line.size() < 300) {
            r_.subject = line;
            in_subject_line_ = true;
            return true;
        }
        if (in_layout && in_subject_line_ && !r_.subject.empty() && !in_approval_ && !is_upper(line)) {
            r_.subject += " " + line;  // the trích yếu goes on over several lines of its cell
            return true;
        }
        if (in_approval_) {
            Approval& a = r_.approval;
            if (authority_line(line) && a.position.empty()) a.authority += (a.authority.empty() ? "" : " ") + line;
            else if (is_upper(line) && a.position.empty()) a.position = line;
            else if (!is_upper(line) && a.name.empty() && word_count(line) <= 6) {
                a.name = line;
                in_approval_ = false;
            } else return false;
            return true;
        }
        if (zone_ == Zone::Closing || in_layout) {
            if (authority_line(line) && r_.position.empty()) {
                r_.authority += (r_.authority.empty() ? "" : " ") + line;
                return true;
            }
            if (is_upper(line) && r_.position.empty() && word_count(line) <= 8) {
                r_.position = line;
                return true;
            }
            if (!is_upper(line) && !r_.position.empty() && r_.signer.empty() && word_count(line) <= 6) {
                if (starts_with(f, "(da ky") || f == "da ky") {
                    r_.notes.push_back("dòng \"" + line + "\" dưới chức vụ người ký: bản sao đã ký, không chép vào văn bản");
                    template_text(line);
                    return true;
                }
                r_.signer = line;
                return true;
            }
        }
        return false;
    }

    // The issuing body: its lines before "Số:"; the last (with its "TỈNH …" continuation) is
    // the issuer, the ones above its governing body.
    void finish_issuer() {
        if (issuer_lines_.empty() || !r_.issuer.name.empty()) return;
        std::vector<std::string> lines = issuer_lines_;
        issuer_lines_.clear();
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
        std::string school = folded(repo_.school.name);
        if (!school.empty() && (folded(name) == school || contains(folded(name), school))) {
            template_text(name);
            own_governing_body_ = parent;  // compared in finish() with vanban.yaml's for the document's date
            return;
        }
        r_.issuer.name = name;
        r_.issuer.parent = parent;
    }

    bool title_paragraph(const std::string& text) {
        std::string f = folded(text);
        for (const auto& [name, dt] : names_) {
            if (f == name && is_upper(text)) {
                title_type_ = dt->id;
                template_text(text);
                return true;
            }
            // "KẾ HOẠCH Triển khai …" when Word kept the title and trích yếu in one paragraph.
            if (starts_with(f, name + " ") && is_upper(text.substr(0, std::min(text.size(), name.size() + 8))) &&
                word_count(text) < 60) {
                size_t words = word_count(name);
                auto spans = word_spans(text);
                size_t cut = static_cast<size_t>(spans[words - 1].data() + spans[words - 1].size() - text.data());
                title_type_ = dt->id;
                template_text(text.substr(0, cut));
                r_.subject = trim(text.substr(cut));
                return true;
            }
        }
        return false;
    }

    void paragraph(size_t i) {
        const WordBlock& w = word_.blocks[i];
        const std::string& text = w.text;
        std::string f = folded(text);
        if (zone_ == Zone::Appendix || zone_ == Zone::Closing) {
            // "PHỤ LỤC 2", "Phụ lục 1.3. <a long title> (…)" in bold: an appendix opens, whatever the title's length.
            static const std::regex labelled(R"(^phu luc\s+([ivxlcdm]+|\d+(\.\d+)*)\b)");
            if (starts_with(f, "phu luc") && w.number.empty() &&
                ((word_count(text) <= 30 && !contains(text, "(")) || (w.bold && std::regex_search(f, labelled)))) {
                start_appendix(text);
                return;
            }
            if (zone_ == Zone::Closing) {
                if (header_or_signature_line(text, false, w.bullet)) return;
                start_appendix("");
            }
            appendix_paragraph(i);
            return;
        }
        if (zone_ != Zone::Body || (starts_with(f, "noi nhan") && w.number.empty())) {
            if (zone_ == Zone::Body) zone_ = Zone::Closing;
            if (header_or_signature_line(text, false)) {
                finish_issuer();
                return;
            }
        }
        if (zone_ == Zone::Front) {
            if (title_type_.empty() && title_paragraph(text)) {
                zone_ = Zone::Subject;
                return;
            }
            if (!number_seen_ && r_.date_iso.empty() && is_upper(text) && w.number.empty() && word_count(text) <= 12) {
                issuer_lines_.push_back(text);  // the header written as paragraphs
                return;
            }
            finish_issuer();
        }
        if (zone_ == Zone::Subject) {
            // "Căn cứ …", "Thực hiện …" open the body; "THỰC HIỆN CHƯƠNG TRÌNH …" in capitals is the trích yếu,
            // and so is the bold line right under the title, even one that starts "Thực hiện".
            bool opening = (starts_with(f, "can cu") || starts_with(f, "thuc hien")) && !is_upper(text) && !(r_.subject.empty() && w.bold);
            if (!opening && w.number.empty() &&
                parse_heading_number(text).style == NumberStyle::None && text.size() < 300 && text.back() != ':' &&
                text.back() != ';') {
                r_.subject += (r_.subject.empty() ? "" : " ") + text;
                return;
            }
            zone_ = Zone::Body;
        }
        if (zone_ == Zone::Addressees) {
            std::string rest;
            int depth = 0;
            if (w.bullet && w.number.empty()) {
                r_.addressees.push_back(text);
                return;
            }
            if (typed_bullet(text, rest, depth)) {
                r_.addressees.push_back(rest);
                return;
            }
            zone_ = Zone::Body;
        }
        if (zone_ == Zone::Front) zone_ = Zone::Body;
        // A bold "PHỤ LỤC …" line opens an appendix even in a document without a signature block.
        static const std::regex appendix_line(R"(^phu luc(\s+([ivxlcdm]+|\d+(\.\d+)*))?\s*[:.\-]?(\s|$))");
        if (zone_ == Zone::Body && w.bold && w.number.empty() && is_upper(text.substr(0, std::min<size_t>(text.size(), 12))) &&
            word_count(text) <= 30 && std::regex_search(f, appendix_line)) {
            start_appendix(text);
            return;
        }
        body(i);
    }

    void start_appendix(const std::string& heading) {
        zone_ = Zone::Appendix;
        appendix_title_open_ = true;
        heading_styles_.clear();
        BodyElement e;
        e.kind = BodyElement::Kind::Appendix;
        e.text = heading;
        if (heading.empty()) {
            // What follows the signature with no "PHỤ LỤC" line (a table of criteria, a form…) is
            // an attachment all the same: it is printed after the signature as an appendix.
            e.text = "Phụ lục";
            r_.notes.push_back("phần sau chữ ký không có dòng \"PHỤ LỤC\": đã ghi thành \"# Phụ lục\", sửa tên nếu cần");
        }
        r_.body.push_back(e);
    }

    // Capitalised lines right after the appendix heading are its title.
    void appendix_paragraph(size_t i) {
        const WordBlock& w = word_.blocks[i];
        BodyElement* heading = nullptr;
        if (!r_.body.empty() && r_.body.back().kind == BodyElement::Kind::Appendix) heading = &r_.body.back();
        if (heading && appendix_title_open_ && is_upper(w.text) && w.number.empty() &&
            parse_heading_number(w.text).style == NumberStyle::None && !starts_with(w.text, "(") && word_count(w.text) <= 30) {
            static const std::regex label_only(R"(^phu luc\s*([ivxlcdm]+|\d+(\.\d+)*)?\s*[:.\-]?\s*$)");
            std::string& h = heading->text;
            h += std::regex_match(dashes_to_hyphens(folded(h)), label_only) ? (h.back() == ':' ? " " : ": ") + w.text : " " + w.text;
            return;
        }
        appendix_title_open_ = false;
        body(i);
    }

    std::string style_key(const WordBlock& w, const HeadingNumber& typed) const {
        if (!w.number.empty()) return std::string(1, w.number_style == 'i' ? 'I' : w.number_style);
        switch (typed.style) {
            case NumberStyle::Roman: return "I";
            case NumberStyle::Arabic: return "1";
            case NumberStyle::MultiLevel: return "M" + std::to_string(typed.parts.size());
            case NumberStyle::Letter: return "a";
            default: return "";
        }
    }

    int heading_level(const std::string& key) {
        auto it = std::find(heading_styles_.begin(), heading_styles_.end(), key);
        if (it != heading_styles_.end()) {
            // Items below a new heading start new lists.
            for (auto deeper = it + 1; deeper != heading_styles_.end(); ++deeper) run_has_heading_.erase(*deeper);
            heading_styles_.erase(it + 1, heading_styles_.end());
        } else {
            heading_styles_.push_back(key);
        }
        return std::min(6, static_cast<int>(heading_styles_.size()));
    }

    // The number and text of a numbered paragraph, whether Word or the typist numbered it.
    struct Numbered {
        std::string number, rest, key;
        bool numbered = false;
    };

    Numbered numbered(const WordBlock& w) const {
        Numbered n;
        if (!w.number.empty()) {
            n.number = w.number;
            n.rest = w.text;
            n.key = style_key(w, {});
            n.numbered = true;
            return n;
        }
        HeadingNumber typed = parse_heading_number(w.text);
        if (typed.style == NumberStyle::None || typed.style == NumberStyle::Article) return n;
        n.number = typed.written;
        n.rest = trim(typed.rest);
        n.key = style_key(w, typed);
        n.numbered = !n.rest.empty();
        return n;
    }

    // A short numbered paragraph is a heading when Word made it bold, or when body text (not
    // its next sibling) follows it.
    bool is_heading(size_t i, const Numbered& n, const std::string& title) const {
        const WordBlock& w = word_.blocks[i];
        size_t words = word_count(title);
        bool ends_sentence = !title.empty() && (title.back() == '.' || title.back() == ';' || title.back() == ',');
        if (w.bold) return words <= 80;
        if (words > 30 || ends_sentence) return false;
        if (i + 1 >= word_.blocks.size()) return false;
        return !followed_by_sibling(i, n);
    }

    // The next block is another plain item of the same numbered list.
    bool followed_by_sibling(size_t i, const Numbered& n) const {
        return i + 1 < word_.blocks.size() && plain_sibling(word_.blocks[i + 1], n);
    }

    // The previous block is a plain item of the same list: "1. …: tháng 12." "2. …" are items, not titles.
    bool preceded_by_sibling(size_t i, const Numbered& n) const { return i > 0 && plain_sibling(word_.blocks[i - 1], n); }

    bool plain_sibling(const WordBlock& other, const Numbered& n) const {
        if (other.kind != WordBlock::Kind::Paragraph || other.bold || other.bold_to_colon) return false;
        Numbered m = numbered(other);
        return m.numbered && m.key == n.key;
    }

    void body(size_t i) {
        const WordBlock& w = word_.blocks[i];
        appendix_title_open_ = false;
        BodyElement e;
        if (w.kind == WordBlock::Kind::Table) {
            e.kind = BodyElement::Kind::Table;
            e.rows = w.rows;
            r_.body.push_back(e);
            return;
        }
        if (w.kind == WordBlock::Kind::Code) {
            e.kind = BodyElement::Kind::Code;
            e.text = w.text;
            r_.body.push_back(e);
            return;
        }
        if (w.line_block) {
            e.kind = BodyElement::Kind::LineBlock;
            e.text = w.text;
            r_.body.push_back(e);
            return;
        }
        if (w.heading_level > 0) {
            // A real Word heading keeps its level (a document exported by `vanban docx`).
            e.kind = BodyElement::Kind::Heading;
            e.level = std::min(6, w.heading_level);
            e.text = w.number.empty() ? w.text : w.number + " " + w.text;
            r_.body.push_back(e);
            return;
        }
        if (w.bullet) {
            e.kind = BodyElement::Kind::Bullet;
            e.level = w.bullet_depth;
            e.text = w.text;
            r_.body.push_back(e);
            return;
        }
        std::string rest;
        int depth = 0;
        if (w.number.empty() && typed_bullet(w.text, rest, depth)) {
            e.kind = BodyElement::Kind::Bullet;
            e.level = depth;
            e.text = rest;
            r_.body.push_back(e);
            return;
        }
        Numbered n = numbered(w);
        if (n.numbered) {
            std::string title = n.rest, after;
            // "5. Hồ sơ sổ sách điện tử: Các loại hồ sơ …" is a title and its first paragraph.
            size_t colon = n.rest.find(':');
            if (colon != std::string::npos && colon + 1 < n.rest.size() && word_count(n.rest.substr(0, colon)) <= 12 &&
                word_count(n.rest.substr(colon + 1)) > 0) {
                title = trim(n.rest.substr(0, colon));
                after = trim(n.rest.substr(colon + 1));
            }
            // Bold up to the colon is Word's signal; in a document typed without bold, a short
            // paragraph that is not one of a run of numbered items.
            bool title_and_text = !after.empty() && word_count(title) <= 12 &&
                                  (w.bold_to_colon ||
                                   (!w.bold && word_count(n.rest) <= 30 && !followed_by_sibling(i, n) && !preceded_by_sibling(i, n)));
            // "**I. Căn cứ xây dựng kế hoạch** (Chỉ thị …)": the bold part is the title, the note in
            // brackets after it the section's first paragraph.
            if (!title_and_text && !w.bold_lead.empty()) {
                std::string lead = w.number.empty() ? trim(parse_heading_number(w.bold_lead).rest) : w.bold_lead;
                std::string remainder = starts_with(n.rest, lead) ? trim(n.rest.substr(lead.size())) : std::string();
                if (!lead.empty() && word_count(lead) <= 20 && starts_with(remainder, "(")) {
                    title = lead;
                    after = remainder;
                    title_and_text = true;
                }
            }
            // Without a sign from Word (bold), a list whose items so far are all paragraphs goes on as
            // one: "1." … "3." kept as sentences make "4. … sau:" one too, not a heading among them.
            // One heading in the run ("1." "2." titles, a long "3.") leaves the later items free.
            bool word_signal = w.bold || w.bold_to_colon || !w.bold_lead.empty();
            auto run = run_has_heading_.find(n.key);
            bool in_paragraph_run = !word_signal && run != run_has_heading_.end() && !run->second;
            bool heading = !in_paragraph_run && (title_and_text || (after.empty() && is_heading(i, n, title)));
            run_has_heading_[n.key] = run_has_heading_[n.key] || heading;
            if (heading) {
                e.kind = BodyElement::Kind::Heading;
                e.level = heading_level(n.key);
                e.text = n.number + " " + title;
                r_.body.push_back(e);
                if (!after.empty()) r_.body.push_back({BodyElement::Kind::Paragraph, 0, after, {}});
                return;
            }
            e.text = n.number + " " + n.rest;
        } else {
            e.text = w.text;
        }
        e.kind = BodyElement::Kind::Paragraph;
        r_.body.push_back(e);
    }

    void finish() {
        finish_issuer();
        RecognizedDocument& r = r_;
        move_notes_out_of_fields(r_);
        // --- What the document is. ---
        r.type = options_.type.empty() ? title_type_ : options_.type;
        if (r.type.empty() && !r.symbol.empty()) {
            // "Số: 15/KH-…" names the type; a công văn has the body's name first.
            std::string first = r.symbol.substr(0, r.symbol.find('-'));
            for (const auto& id : repo_.types.ids())
                if (const DocumentType* dt = repo_.types.find(id); dt && !dt->abbreviation.empty() && dt->abbreviation == first) r.type = id;
        }
        // No type word in the title but a number, a "V/v" or a "Kính gửi": a công văn.
        if (r.type.empty() && repo_.types.find("cong-van") &&
            (!r.symbol.empty() || starts_with(folded(r.subject), "v/v") || !r.addressees.empty()))
            r.type = "cong-van";
        r.school_year = options_.school_year;
        // The school year from the title and trích yếu only: the body quotes other years.
        static const std::regex year_in_text(R"(nam hoc\s*(\d{4})\s*-\s*(\d{4}))");
        std::smatch ym;
        std::string subject = dashes_to_hyphens(folded(r.subject));
        if (r.school_year.empty() && std::regex_search(subject, ym, year_in_text)) r.school_year = ym[1].str() + "-" + ym[2].str();
        if (r.school_year.empty() && !r.date_iso.empty())
            if (auto date = parse_iso_date(r.date_iso)) r.school_year = school_year_of(*date).text();
        // The ký hiệu as issued whenever the school's settings would print another one.
        const DocumentType* dt = repo_.types.find(r.type);
        if (dt && dt->official) {
            // A number too long to be one (written as read; check reports it) derives nothing.
            int number = !r.number.empty() && r.number.size() <= 6 ? std::stoi(r.number) : 0;
            std::string derived = derive_symbol(dt->symbol_pattern, number, dt->abbreviation, repo_.school.abbreviation);
            r.derived_symbol = derived.substr(std::min(derived.size(), derived.find('/') == std::string::npos ? 0 : derived.find('/') + 1));
        }
        r.symbol_written = !r.symbol.empty() && (!r.issuer.name.empty() || r.symbol != r.derived_symbol);
        if (!r.symbol.empty() && !r.symbol_written) template_text(r.symbol);
        // The school's header prints its governing body from vanban.yaml: one that differs on paper
        // is not dropped silently (it stays counted as missing).
        if (!own_governing_body_.empty()) {
            std::string expected = repo_.school.header_body(parse_iso_date(r.date_iso)).name;
            if (folded(own_governing_body_) == folded(expected)) template_text(own_governing_body_);
            else
                r.notes.push_back("cơ quan chủ quản trên bản Word \"" + own_governing_body_ + "\" khác cơ quan trong vanban.yaml cho ngày này (\"" +
                                  expected + "\"); phần đầu văn bản sẽ in theo vanban.yaml, hãy đối chiếu");
        }
        if (!r.issuer.name.empty()) {
            r.issuer.place = place_;
        } else if (!place_.empty()) {
            // The school's place on the document's date (it may have changed with its governing body).
            std::string school_place = repo_.school.header_body(parse_iso_date(r.date_iso)).place;
            if (folded(place_) == folded(school_place)) template_text(place_);
            else r.notes.push_back("địa danh \"" + place_ + "\" khác dia_danh của trường trong vanban.yaml (\"" + school_place + "\")");
        }
    }
};

}  // namespace

RecognizedDocument recognize(const WordDocument& word, const Repository& repo, const ImportOptions& options) {
    return Recognizer(word, repo, options).run();
}

}  // namespace vanban
