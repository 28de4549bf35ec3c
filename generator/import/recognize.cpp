// The walk over the Word blocks: each block goes to the header and signature block
// (import/header_block.h) or to the body (import/body_outline.h) by the zone it is in; what the
// document is (type, school year, ký hiệu) is settled at the end, from all the fields at once.
#include "import/recognize.h"

#include <algorithm>
#include <regex>

#include "import/body_outline.h"
#include "import/field_notes.h"
#include "import/header_block.h"
#include "import/line_text.h"
#include "load/document_loader.h"
#include "text/dates.h"
#include "text/numbering.h"

namespace vanban {

Recognition::Recognition(const WordDocument& word, const Repository& repo, const ImportOptions& options)
    : word(word), repo(repo), options(options) {
    for (const auto& id : repo.types.ids())
        if (const DocumentType* dt = repo.types.find(id); dt && dt->official) type_names.emplace_back(folded(dt->name), dt);
}

namespace {

// After the signature: a "PHỤ LỤC" line opens an appendix; in the closing zone, lines of the
// signature block come first and anything else opens an unnamed appendix.
void closing_or_appendix_paragraph(Recognition& s, size_t i) {
    const WordBlock& w = s.word.blocks[i];
    const std::string& text = w.text;
    std::string f = folded(text);
    // "PHỤ LỤC 2", "Phụ lục 1.3. <a long title> (…)" in bold: an appendix opens, whatever the title's length.
    static const std::regex labelled(R"(^phu luc\s+([ivxlcdm]+|\d+(\.\d+)*)\b)");
    if (starts_with(f, "phu luc") && w.number.empty() &&
        ((word_count(text) <= 30 && !contains(text, "(")) || (w.bold && std::regex_search(f, labelled)))) {
        start_appendix(s, text);
        return;
    }
    if (s.zone == Zone::Closing) {
        if (header_or_signature_line(s, text, false, w.bullet)) return;
        start_appendix(s, "");
    }
    appendix_paragraph(s, i);
}

// Lines under the title until the body opens are the trích yếu.
bool subject_paragraph(Recognition& s, const WordBlock& w, const std::string& f) {
    const std::string& text = w.text;
    // "Căn cứ …", "Thực hiện …" open the body; "THỰC HIỆN CHƯƠNG TRÌNH …" in capitals is the trích yếu,
    // and so is the bold line right under the title, even one that starts "Thực hiện".
    bool opening = (starts_with(f, "can cu") || starts_with(f, "thuc hien")) && !is_upper(text) && !(s.doc.subject.empty() && w.bold);
    if (opening || !w.number.empty() || parse_heading_number(text).style != NumberStyle::None || text.size() >= 300 ||
        text.back() == ':' || text.back() == ';')
        return false;
    s.doc.subject += (s.doc.subject.empty() ? "" : " ") + text;
    return true;
}

// The addressees under "Kính gửi", as a Word bullet list or typed bullets.
bool addressee_paragraph(Recognition& s, const WordBlock& w) {
    std::string rest;
    int depth = 0;
    if (w.bullet && w.number.empty()) {
        s.doc.addressees.push_back(w.text);
        return true;
    }
    if (typed_bullet(w.text, rest, depth)) {
        s.doc.addressees.push_back(rest);
        return true;
    }
    return false;
}

void paragraph(Recognition& s, size_t i) {
    const WordBlock& w = s.word.blocks[i];
    const std::string& text = w.text;
    std::string f = folded(text);
    if (s.zone == Zone::Appendix || s.zone == Zone::Closing) {
        closing_or_appendix_paragraph(s, i);
        return;
    }
    if (s.zone != Zone::Body || (starts_with(f, "noi nhan") && w.number.empty())) {
        if (s.zone == Zone::Body) s.zone = Zone::Closing;
        if (header_or_signature_line(s, text, false)) {
            finish_issuer(s);
            return;
        }
    }
    if (s.zone == Zone::Front) {
        if (s.title_type.empty() && title_paragraph(s, text)) {
            s.zone = Zone::Subject;
            return;
        }
        if (!s.number_seen && s.doc.date_iso.empty() && is_upper(text) && w.number.empty() && word_count(text) <= 12) {
            s.issuer_lines.push_back(text);  // the header written as paragraphs
            return;
        }
        finish_issuer(s);
    }
    if (s.zone == Zone::Subject) {
        if (subject_paragraph(s, w, f)) return;
        s.zone = Zone::Body;
    }
    if (s.zone == Zone::Addressees) {
        if (addressee_paragraph(s, w)) return;
        s.zone = Zone::Body;
    }
    if (s.zone == Zone::Front) s.zone = Zone::Body;
    // A bold "PHỤ LỤC …" line opens an appendix even in a document without a signature block.
    static const std::regex appendix_line(R"(^phu luc(\s+([ivxlcdm]+|\d+(\.\d+)*))?\s*[:.\-]?(\s|$))");
    if (s.zone == Zone::Body && w.bold && w.number.empty() && is_upper(text.substr(0, std::min<size_t>(text.size(), 12))) &&
        word_count(text) <= 30 && std::regex_search(f, appendix_line)) {
        start_appendix(s, text);
        return;
    }
    body_block(s, i);
}

// The type: --type, else the title's type word, else the ký hiệu's abbreviation, else a công văn
// when it has a number, a "V/v" or a "Kính gửi".
std::string document_type(const Recognition& s) {
    const RecognizedDocument& r = s.doc;
    std::string type = s.options.type.empty() ? s.title_type : s.options.type;
    if (type.empty() && !r.symbol.empty()) {
        // "Số: 15/KH-…" names the type; a công văn has the body's name first.
        std::string first = r.symbol.substr(0, r.symbol.find('-'));
        for (const auto& id : s.repo.types.ids())
            if (const DocumentType* dt = s.repo.types.find(id); dt && !dt->abbreviation.empty() && dt->abbreviation == first) type = id;
    }
    if (type.empty() && s.repo.types.find("cong-van") &&
        (!r.symbol.empty() || starts_with(folded(r.subject), "v/v") || !r.addressees.empty()))
        type = "cong-van";
    return type;
}

std::string school_year(const Recognition& s) {
    const RecognizedDocument& r = s.doc;
    std::string year = s.options.school_year;
    // The school year from the title and trích yếu only: the body quotes other years.
    static const std::regex year_in_text(R"(nam hoc\s*(\d{4})\s*-\s*(\d{4}))");
    std::smatch ym;
    std::string subject = dashes_to_hyphens(folded(r.subject));
    if (year.empty() && std::regex_search(subject, ym, year_in_text)) year = ym[1].str() + "-" + ym[2].str();
    if (year.empty() && !r.date_iso.empty())
        if (auto date = parse_iso_date(r.date_iso)) year = school_year_of(*date).text();
    return year;
}

// The ký hiệu as issued is written whenever the school's settings would print another one.
void settle_symbol(Recognition& s) {
    RecognizedDocument& r = s.doc;
    const DocumentType* dt = s.repo.types.find(r.type);
    if (dt && dt->official) {
        // A number too long to be one (written as read; check reports it) derives nothing.
        int number = !r.number.empty() && r.number.size() <= 6 ? std::stoi(r.number) : 0;
        std::string derived = derive_symbol(dt->symbol_pattern, number, dt->abbreviation, s.repo.school.abbreviation);
        r.derived_symbol = derived.substr(std::min(derived.size(), derived.find('/') == std::string::npos ? 0 : derived.find('/') + 1));
    }
    r.symbol_written = !r.symbol.empty() && (!r.issuer.name.empty() || r.symbol != r.derived_symbol);
    if (!r.symbol.empty() && !r.symbol_written) s.template_text(r.symbol);
}

// The school's header prints its governing body and place from vanban.yaml: ones that differ on
// paper are not dropped silently (they stay counted as missing).
void compare_header_with_settings(Recognition& s) {
    RecognizedDocument& r = s.doc;
    if (!s.own_governing_body.empty()) {
        std::string expected = s.repo.school.header_body(parse_iso_date(r.date_iso)).name;
        if (folded(s.own_governing_body) == folded(expected)) s.template_text(s.own_governing_body);
        else
            r.notes.push_back("cơ quan chủ quản trên bản Word \"" + s.own_governing_body + "\" khác cơ quan trong vanban.yaml cho ngày này (\"" +
                              expected + "\"); phần đầu văn bản sẽ in theo vanban.yaml, hãy đối chiếu");
    }
    if (!r.issuer.name.empty()) {
        r.issuer.place = s.place;
    } else if (!s.place.empty()) {
        // The school's place on the document's date (it may have changed with its governing body).
        std::string school_place = s.repo.school.header_body(parse_iso_date(r.date_iso)).place;
        if (folded(s.place) == folded(school_place)) s.template_text(s.place);
        else r.notes.push_back("địa danh \"" + s.place + "\" khác dia_danh của trường trong vanban.yaml (\"" + school_place + "\")");
    }
}

void finish(Recognition& s) {
    finish_issuer(s);
    move_notes_out_of_fields(s.doc);
    s.doc.type = document_type(s);
    s.doc.school_year = school_year(s);
    settle_symbol(s);
    compare_header_with_settings(s);
}

}  // namespace

RecognizedDocument recognize(const WordDocument& word, const Repository& repo, const ImportOptions& options) {
    Recognition s(word, repo, options);
    s.doc.footnotes = word.footnotes;
    for (size_t i = 0; i < word.blocks.size(); ++i) {
        const WordBlock& w = word.blocks[i];
        if (w.kind == WordBlock::Kind::Table && is_layout_table(w)) {
            read_layout_table(s, w);
            continue;
        }
        if (w.kind != WordBlock::Kind::Paragraph) {
            if (s.zone == Zone::Front || s.zone == Zone::Subject || s.zone == Zone::Addressees) s.zone = Zone::Body;
            if (s.zone == Zone::Closing) start_appendix(s, "");
            body_block(s, i);
            continue;
        }
        paragraph(s, i);
    }
    finish(s);
    return std::move(s.doc);
}

}  // namespace vanban
