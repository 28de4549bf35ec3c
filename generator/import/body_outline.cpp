#include "import/body_outline.h"

#include <algorithm>
#include <optional>
#include <regex>

#include "import/line_text.h"
#include "text/numbering.h"

namespace vanban {

namespace {

// The number and text of a numbered paragraph, whether Word or the typist numbered it.
struct Numbered {
    std::string number, rest, key;  // key: the numbering style, which sets the heading level
    bool numbered = false;
};

std::string style_key(const WordBlock& w, const HeadingNumber& typed) {
    if (!w.number.empty()) return std::string(1, w.number_style == 'i' ? 'I' : w.number_style);
    switch (typed.style) {
        case NumberStyle::Roman: return "I";
        case NumberStyle::Arabic: return "1";
        case NumberStyle::MultiLevel: return "M" + std::to_string(typed.parts.size());
        case NumberStyle::Letter: return "a";
        default: return "";
    }
}

Numbered numbered(const WordBlock& w) {
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

bool plain_sibling(const WordBlock& other, const Numbered& n) {
    if (other.kind != WordBlock::Kind::Paragraph || other.bold || other.bold_to_colon) return false;
    Numbered m = numbered(other);
    return m.numbered && m.key == n.key;
}

// The next block is another plain item of the same numbered list.
bool followed_by_sibling(const Recognition& s, size_t i, const Numbered& n) {
    return i + 1 < s.word.blocks.size() && plain_sibling(s.word.blocks[i + 1], n);
}

// The previous block is a plain item of the same list: "1. …: tháng 12." "2. …" are items, not titles.
bool preceded_by_sibling(const Recognition& s, size_t i, const Numbered& n) {
    return i > 0 && plain_sibling(s.word.blocks[i - 1], n);
}

// A short numbered paragraph is a heading when Word made it bold, or when body text (not
// its next sibling) follows it.
bool is_heading(const Recognition& s, size_t i, const Numbered& n, const std::string& title) {
    const WordBlock& w = s.word.blocks[i];
    size_t words = word_count(title);
    bool ends_sentence = !title.empty() && (title.back() == '.' || title.back() == ';' || title.back() == ',');
    if (w.bold) return words <= 80;
    if (words > 30 || ends_sentence) return false;
    if (i + 1 >= s.word.blocks.size()) return false;
    return !followed_by_sibling(s, i, n);
}

int heading_level(Recognition& s, const std::string& key) {
    auto it = std::find(s.heading_styles.begin(), s.heading_styles.end(), key);
    if (it != s.heading_styles.end()) {
        // Items below a new heading start new lists.
        for (auto deeper = it + 1; deeper != s.heading_styles.end(); ++deeper) s.run_has_heading.erase(*deeper);
        s.heading_styles.erase(it + 1, s.heading_styles.end());
    } else {
        s.heading_styles.push_back(key);
    }
    return std::min(6, static_cast<int>(s.heading_styles.size()));
}

// A block whose kind Word already says: a table, code, a line block, a real heading, a bullet.
std::optional<BodyElement> element_as_written(const WordBlock& w) {
    BodyElement e;
    if (w.kind == WordBlock::Kind::Table) {
        e.kind = BodyElement::Kind::Table;
        e.rows = w.rows;
    } else if (w.kind == WordBlock::Kind::Code) {
        e.kind = BodyElement::Kind::Code;
        e.text = w.text;
    } else if (w.line_block) {
        e.kind = BodyElement::Kind::LineBlock;
        e.text = w.text;
    } else if (w.heading_level > 0) {
        // A real Word heading keeps its level (a document exported by `vanban docx`).
        e.kind = BodyElement::Kind::Heading;
        e.level = std::min(6, w.heading_level);
        e.text = w.number.empty() ? w.text : w.number + " " + w.text;
    } else if (w.bullet) {
        e.kind = BodyElement::Kind::Bullet;
        e.level = w.bullet_depth;
        e.text = w.text;
    } else if (std::string rest; w.number.empty() && typed_bullet(w.text, rest, e.level)) {
        e.kind = BodyElement::Kind::Bullet;
        e.text = rest;
    } else {
        return std::nullopt;
    }
    return e;
}

// A numbered item read as a title with the section's first paragraph after it.
struct TitleSplit {
    std::string title, after;
    bool title_and_text = false;
};

TitleSplit split_title(const Recognition& s, size_t i, const Numbered& n) {
    const WordBlock& w = s.word.blocks[i];
    TitleSplit t{n.rest, "", false};
    // "5. Hồ sơ sổ sách điện tử: Các loại hồ sơ …" is a title and its first paragraph.
    size_t colon = n.rest.find(':');
    if (colon != std::string::npos && colon + 1 < n.rest.size() && word_count(n.rest.substr(0, colon)) <= 12 &&
        word_count(n.rest.substr(colon + 1)) > 0) {
        t.title = trim(n.rest.substr(0, colon));
        t.after = trim(n.rest.substr(colon + 1));
    }
    // Bold up to the colon is Word's signal; in a document typed without bold, a short
    // paragraph that is not one of a run of numbered items.
    t.title_and_text = !t.after.empty() && word_count(t.title) <= 12 &&
                       (w.bold_to_colon ||
                        (!w.bold && word_count(n.rest) <= 30 && !followed_by_sibling(s, i, n) && !preceded_by_sibling(s, i, n)));
    // "**I. Căn cứ xây dựng kế hoạch** (Chỉ thị …)": the bold part is the title, the note in
    // brackets after it the section's first paragraph.
    if (!t.title_and_text && !w.bold_lead.empty()) {
        std::string lead = w.number.empty() ? trim(parse_heading_number(w.bold_lead).rest) : w.bold_lead;
        std::string remainder = starts_with(n.rest, lead) ? trim(n.rest.substr(lead.size())) : std::string();
        if (!lead.empty() && word_count(lead) <= 40 && starts_with(remainder, "(")) {
            t.title = lead;
            t.after = remainder;
            t.title_and_text = true;
        }
    }
    return t;
}

void numbered_item(Recognition& s, size_t i, const Numbered& n) {
    const WordBlock& w = s.word.blocks[i];
    TitleSplit t = split_title(s, i, n);
    // Without a sign from Word (bold), a list whose items so far are all paragraphs goes on as
    // one: "1." … "3." kept as sentences make "4. … sau:" one too, not a heading among them.
    // One heading in the run ("1." "2." titles, a long "3.") leaves the later items free.
    bool word_signal = w.bold || w.bold_to_colon || !w.bold_lead.empty();
    auto run = s.run_has_heading.find(n.key);
    bool in_paragraph_run = !word_signal && run != s.run_has_heading.end() && !run->second;
    bool heading = !in_paragraph_run && (t.title_and_text || (t.after.empty() && is_heading(s, i, n, t.title)));
    s.run_has_heading[n.key] = s.run_has_heading[n.key] || heading;
    if (!heading) {
        s.doc.body.push_back({BodyElement::Kind::Paragraph, 0, n.number + " " + n.rest, {}});
        return;
    }
    s.doc.body.push_back({BodyElement::Kind::Heading, heading_level(s, n.key), n.number + " " + t.title, {}});
    if (!t.after.empty()) s.doc.body.push_back({BodyElement::Kind::Paragraph, 0, t.after, {}});
}

}  // namespace

void body_block(Recognition& s, size_t i) {
    const WordBlock& w = s.word.blocks[i];
    s.appendix_title_open = false;
    if (std::optional<BodyElement> e = element_as_written(w)) {
        s.doc.body.push_back(std::move(*e));
        return;
    }
    Numbered n = numbered(w);
    if (n.numbered) {
        numbered_item(s, i, n);
        return;
    }
    s.doc.body.push_back({BodyElement::Kind::Paragraph, 0, w.text, {}});
}

void start_appendix(Recognition& s, const std::string& heading) {
    s.zone = Zone::Appendix;
    s.appendix_title_open = true;
    s.heading_styles.clear();
    BodyElement e;
    e.kind = BodyElement::Kind::Appendix;
    e.text = heading;
    if (heading.empty()) {
        // What follows the signature with no "PHỤ LỤC" line (a table of criteria, a form…) is
        // an attachment all the same: it is printed after the signature as an appendix.
        e.text = "Phụ lục";
        s.doc.notes.push_back("phần sau chữ ký không có dòng \"PHỤ LỤC\": đã ghi thành \"# Phụ lục\", sửa tên nếu cần");
    }
    s.doc.body.push_back(e);
}

void appendix_paragraph(Recognition& s, size_t i) {
    const WordBlock& w = s.word.blocks[i];
    BodyElement* heading = nullptr;
    if (!s.doc.body.empty() && s.doc.body.back().kind == BodyElement::Kind::Appendix) heading = &s.doc.body.back();
    if (heading && s.appendix_title_open && is_upper(w.text) && w.number.empty() &&
        parse_heading_number(w.text).style == NumberStyle::None && !starts_with(w.text, "(") && word_count(w.text) <= 30) {
        static const std::regex label_only(R"(^phu luc\s*([ivxlcdm]+|\d+(\.\d+)*)?\s*[:.\-]?\s*$)");
        std::string& h = heading->text;
        h += std::regex_match(dashes_to_hyphens(folded(h)), label_only) ? (h.back() == ':' ? " " : ": ") + w.text : " " + w.text;
        return;
    }
    s.appendix_title_open = false;
    body_block(s, i);
}

}  // namespace vanban
