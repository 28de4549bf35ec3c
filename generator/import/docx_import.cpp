#include "import/docx_import.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <regex>

#include "load/front_matter.h"
#include "text/numbering.h"
#include "text/unicode.h"

using nlohmann::json;

namespace vanban {

namespace {

// One paragraph (or table cell line) of the Word document, as plain text.
struct Line {
    std::string text;
    bool in_table = false;
};

// An item of the body, in order.
struct Piece {
    enum class Kind { Text, Table } kind = Kind::Text;
    std::string text;
    std::vector<std::vector<std::string>> rows;
};

std::string collapse_spaces(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    // No-break spaces used for alignment count as spaces too.
    for (size_t p; (p = out.find("\u00A0")) != std::string::npos;) out.replace(p, 2, " ");
    return out;
}

void inline_text(const json& inlines, std::string& out) {
    for (const auto& in : inlines) {
        const std::string t = in.value("t", "");
        if (t == "Str") out += in["c"].get<std::string>();
        else if (t == "Space" || t == "SoftBreak" || t == "LineBreak") out += ' ';  // a line break inside a sentence is a space
        else if (t == "Span") {
            // Word's bookmarks (_GoBack) are empty spans: nothing to keep.
            inline_text(in["c"][1], out);
        } else if (t == "Emph" || t == "Strong" || t == "Underline" || t == "Strikeout" || t == "SmallCaps" || t == "Superscript" ||
                   t == "Subscript")
            inline_text(in["c"], out);
        else if (t == "Quoted") {
            out += "\u201C";
            inline_text(in["c"][1], out);
            out += "\u201D";
        } else if (t == "Link") inline_text(in["c"][1], out);
        else if (t == "Code") out += in["c"][1].get<std::string>();
    }
}

std::string blocks_text(const json& blocks);

std::string block_text(const json& b) {
    std::string t = b.value("t", ""), out;
    if (t == "Para" || t == "Plain") inline_text(b["c"], out);
    else if (t == "Header") inline_text(b["c"][2], out);
    else if (t == "Div") out = blocks_text(b["c"][1]);
    else if (t == "BlockQuote") out = blocks_text(b["c"]);
    else if (t == "LineBlock")
        for (const auto& line : b["c"]) {
            if (!out.empty()) out += ' ';
            inline_text(line, out);
        }
    return out;
}

std::string blocks_text(const json& blocks) {
    std::string out;
    for (const auto& b : blocks) {
        std::string t = block_text(b);
        if (!t.empty()) out += (out.empty() ? "" : " ") + t;
    }
    return out;
}

// Word leftovers that survive as text.
std::string clean(std::string s) {
    static const std::regex bookmark(R"(\[bookmark: [^\]]*\])");
    s = std::regex_replace(s, bookmark, "");
    return to_nfc(collapse_spaces(s));
}

// A table's cells; each cell's paragraphs become lines of their own for the header block.
void table_rows(const json& table, std::vector<std::vector<std::string>>& rows, std::vector<std::vector<std::vector<std::string>>>& cell_lines) {
    auto add_row = [&](const json& row) {
        std::vector<std::string> cells;
        std::vector<std::vector<std::string>> lines;
        for (const auto& cell : row[1]) {
            const json& blocks = cell[4];
            std::vector<std::string> paragraph_lines;
            for (const auto& b : blocks) {
                std::string t = clean(block_text(b));
                if (!t.empty()) paragraph_lines.push_back(t);
            }
            std::string joined;
            for (const auto& l : paragraph_lines) joined += (joined.empty() ? "" : " ") + l;
            cells.push_back(joined);
            lines.push_back(paragraph_lines);
        }
        rows.push_back(cells);
        cell_lines.push_back(lines);
    };
    const json& c = table["c"];
    for (const auto& row : c[3][1]) add_row(row);        // head
    for (const auto& body : c[4]) {
        for (const auto& row : body[2]) add_row(row);    // intermediate head rows
        for (const auto& row : body[3]) add_row(row);
    }
    for (const auto& row : c[5][1]) add_row(row);        // foot
}

bool starts_with(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }

std::string folded(const std::string& s) { return fold_diacritics(s); }

// The bullet characters Word documents use, as typed or pasted.
bool bullet(const std::string& text, std::string& rest, int& depth) {
    static const std::vector<std::pair<std::string, int>> marks = {{"- ", 0}, {"\u2013 ", 0}, {"\u00B7 ", 0}, {"\u2022 ", 0},
                                                                   {"\uF0B7 ", 0}, {"+ ", 1}, {"* ", 0}};
    for (const auto& [m, d] : marks)
        if (starts_with(text, m)) {
            rest = text.substr(m.size());
            depth = d;
            return true;
        }
    if (starts_with(text, "-") && text.size() > 1 && text[1] != '-' && !std::isdigit(static_cast<unsigned char>(text[1]))) {
        rest = text.substr(1);
        depth = 0;
        return true;
    }
    return false;
}

std::string escape_cell(std::string s) {
    for (size_t p = 0; (p = s.find('|', p)) != std::string::npos; p += 2) s.replace(p, 1, "\\|");
    return s;
}

}  // namespace

ImportedDocument import_pandoc_json(const std::string& pandoc_json, const Repository& repo, const ImportOptions& options) {
    json ast = json::parse(pandoc_json);
    ImportedDocument doc;
    std::vector<Piece> pieces;
    std::vector<std::string> header_lines;  // from tables: the header block and the signature block
    std::vector<std::string> unread;
    std::function<void(const json&)> collect = [&](const json& blocks) {
    for (const auto& b : blocks) {
        std::string t = b.value("t", "");
        if (t == "Div" || t == "BlockQuote") {
            // Indented paragraphs come back from Word as block quotes: their text is body text.
            collect(t == "Div" ? b["c"][1] : b["c"]);
            continue;
        }
        if (t == "HorizontalRule" || t == "Null") continue;
        if (t != "Table" && t != "BulletList" && t != "OrderedList" && t != "Para" && t != "Plain" && t != "Header" && t != "LineBlock") {
            unread.push_back(t);
            continue;
        }
        if (t == "Table") {
            std::vector<std::vector<std::string>> rows;
            std::vector<std::vector<std::vector<std::string>>> cells;
            table_rows(b, rows, cells);
            // A borderless two-column layout table (header or signature block) versus a data table.
            bool layout = !rows.empty() && rows[0].size() == 2 && rows.size() <= 2;
            std::string all;
            for (const auto& r : rows)
                for (const auto& c : r) all += folded(c) + " ";
            if (layout && (all.find("cong hoa xa hoi") != std::string::npos || all.find("noi nhan") != std::string::npos)) {
                for (const auto& r : cells)
                    for (const auto& c : r)
                        for (const auto& l : c) header_lines.push_back(l);
                pieces.push_back({Piece::Kind::Text, "\x01layout", {}});
            } else {
                pieces.push_back({Piece::Kind::Table, "", rows});
            }
        } else if (t == "BulletList" || t == "OrderedList") {
            const json& items = t == "BulletList" ? b["c"] : b["c"][1];
            for (const auto& item : items) pieces.push_back({Piece::Kind::Text, "- " + clean(blocks_text(item)), {}});
        } else {
            std::string text = clean(block_text(b));
            if (!text.empty()) pieces.push_back({Piece::Kind::Text, text, {}});  // empty paragraphs go
        }
    }
    };
    collect(ast["blocks"]);

    // --- The parts that become front matter. ---
    std::string number, symbol, date_iso, place, title_word, subject, authority, position, signer;
    std::vector<std::string> addressees, recipients;
    static const std::regex number_line(R"(^Số\s*:?\s*(\d*)\s*/\s*(.+)$)");
    static const std::regex date_line(R"(^(.+?),\s*ngày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s*(\d{4}))");
    // Type names as documents print them, from the types vanban knows.
    std::vector<std::pair<std::string, const DocumentType*>> names;
    for (const auto& id : repo.types.ids())
        if (const DocumentType* dt = repo.types.find(id); dt && dt->official) names.emplace_back(folded(dt->name), dt);
    auto scan_header = [&](const std::string& raw) {
        // Header lines are short; long paragraphs are body text (and too long for std::regex).
        if (raw.size() > 160) return false;
        std::string line = raw;
        for (size_t p; (p = line.find("\u2013")) != std::string::npos;) line.replace(p, std::string("\u2013").size(), "-");
        std::smatch m;
        // The first header line of each kind wins: later lines are body text quoting other documents.
        if (symbol.empty() && number.empty() && std::regex_search(line, m, number_line)) {
            number = m[1];
            symbol = collapse_spaces(m[2]);
            // "KH – THTTB2" in the wild: the decree wants "-" without spaces.
            symbol = std::regex_replace(symbol, std::regex(R"(\s*-\s*)"), "-");
            return true;
        }
        if (place.empty() && line.find(", ngày") != std::string::npos && std::regex_search(line, m, date_line)) {
            place = m[1];
            if (!m[2].str().empty() && !m[3].str().empty() && is_valid_date(std::stoi(m[4]), std::stoi(m[3]), std::stoi(m[2]))) {
                char buf[16];
                std::snprintf(buf, sizeof buf, "%s-%02d-%02d", m[4].str().c_str(), std::stoi(m[3]), std::stoi(m[2]));
                date_iso = buf;
            }
            return true;
        }
        if (starts_with(folded(line), "v/v ")) {
            subject = line;
            return true;
        }
        return false;
    };
    // The signature block: authority, position, name; the Nơi nhận list.
    bool in_recipients = false;
    for (const auto& line : header_lines) {
        std::string f = folded(line);
        if (scan_header(line)) continue;
        if (starts_with(f, "noi nhan")) {
            in_recipients = true;
            continue;
        }
        std::string rest;
        int depth = 0;
        if (in_recipients && bullet(line, rest, depth)) {
            recipients.push_back(collapse_spaces(rest));
            continue;
        }
        in_recipients = false;
        bool upper = to_upper(line) == line;
        static const std::regex prefix(R"(^(KT|TM|TL|TUQ|Q)\.\s)");
        if (std::regex_search(line, prefix)) authority = line;
        else if (upper && f.find("cong hoa") == std::string::npos && f.find("doc lap") == std::string::npos && !authority.empty() && position.empty())
            position = line;
        else if (upper && (f == "hieu truong" || f == "pho hieu truong" || f == "chu tich" || f == "truong phong") && position.empty())
            position = line;
        else if (!upper && !position.empty() && signer.empty()) signer = line;
    }

    // The body: everything after the title and before the signature block.
    std::vector<std::string> body;
    bool title_seen = false, in_subject = false, in_addressees = false;
    std::string hint_type = options.type;
    int roman_seen = 0;
    int last_level = 0;
    for (size_t i = 0; i < pieces.size(); ++i) {
        const Piece& p = pieces[i];
        if (p.kind == Piece::Kind::Table) {
            in_subject = in_addressees = false;
            const auto& rows = p.rows;
            size_t width = 0;
            for (const auto& r : rows) width = std::max(width, r.size());
            std::string out;
            for (size_t r = 0; r < rows.size(); ++r) {
                out += "|";
                for (size_t c = 0; c < width; ++c) out += " " + escape_cell(c < rows[r].size() ? rows[r][c] : "") + " |";
                out += "\n";
                if (r == 0) {
                    out += "|";
                    for (size_t c = 0; c < width; ++c) out += "---|";
                    out += "\n";
                }
            }
            body.push_back(out);
            continue;
        }
        const std::string& text = p.text;
        if (text == "\x01layout") continue;
        std::string f = folded(text);
        if (scan_header(text)) continue;
        if (!title_seen) {
            // The type name alone on a line, in capitals: the title.
            for (const auto& [name, dt] : names)
                if (f == name && to_upper(text) == text) {
                    title_seen = true;
                    title_word = dt->id;
                    in_subject = true;
                }
            if (title_seen) continue;
            if (f.find("cong hoa xa hoi") != std::string::npos || starts_with(f, "doc lap")) continue;
        }
        if (starts_with(f, "kinh gui")) {
            in_subject = false;
            in_addressees = true;
            std::string rest = collapse_spaces(text.substr(text.find(':') == std::string::npos ? text.size() : text.find(':') + 1));
            if (!rest.empty()) addressees.push_back(rest);
            continue;
        }
        std::string rest;
        int depth = 0;
        if (in_addressees && bullet(text, rest, depth)) {
            addressees.push_back(collapse_spaces(rest));
            continue;
        }
        in_addressees = false;
        if (in_subject && !starts_with(f, "can cu") && !starts_with(f, "thuc hien") && parse_heading_number(text).style == NumberStyle::None &&
            f.size() < 200) {
            subject += (subject.empty() ? "" : " ") + text;
            continue;
        }
        in_subject = false;
        if (starts_with(f, "noi nhan")) break;  // a signature block written as paragraphs
        if (bullet(text, rest, depth)) {
            body.push_back(std::string(depth * 2, ' ') + "- " + collapse_spaces(rest));
            continue;
        }
        HeadingNumber n = parse_heading_number(text);
        std::string heading_text = text, after;
        // "5. Hồ sơ sổ sách điện tử: Các loại hồ sơ ..." is a title and its first paragraph.
        if (size_t colon = text.find(':'); n.style != NumberStyle::None && colon != std::string::npos && colon < 120 && colon + 1 < text.size() &&
                                           word_spans(text.substr(0, colon)).size() <= 12) {
            heading_text = text.substr(0, colon);
            after = collapse_spaces(text.substr(colon + 1));
        }
        size_t words = word_spans(parse_heading_number(heading_text).rest).size();
        bool ends_sentence = !heading_text.empty() && (heading_text.back() == '.' || heading_text.back() == ';');
        if (n.style != NumberStyle::None && n.style != NumberStyle::Article && words <= 20 && !ends_sentence) {
            int level = 1;
            if (n.style == NumberStyle::Roman) level = 1, roman_seen = 1;
            else if (n.style == NumberStyle::Arabic) level = 1 + roman_seen;
            else if (n.style == NumberStyle::MultiLevel) level = static_cast<int>(n.parts.size()) + roman_seen;
            else if (n.style == NumberStyle::Letter) level = last_level + 1;
            level = std::min(level, 6);
            if (n.style != NumberStyle::Letter) last_level = level;
            body.push_back(std::string(static_cast<size_t>(level), '#') + " " + heading_text);
            if (!after.empty()) body.push_back(after);
            continue;
        }
        // "1. ..." or "1) ..." starting a paragraph would turn it into a Markdown list.
        static const std::regex list_marker(R"(^(\d+)([.)]))");
        body.push_back(std::regex_replace(text, list_marker, "$1\\$2", std::regex_constants::format_first_only));
    }

    // --- What the document is. ---
    std::string type = options.type;
    if (type.empty()) type = title_word;
    if (type.empty() && !symbol.empty()) {
        // "Số: 15/KH-..." names the type; a công văn has the body's name first.
        std::string first = symbol.substr(0, symbol.find('-'));
        for (const auto& id : repo.types.ids())
            if (const DocumentType* dt = repo.types.find(id); dt && !dt->abbreviation.empty() && dt->abbreviation == first) type = id;
        if (type.empty() && repo.types.find("cong-van") && starts_with(folded(subject), "v/v")) type = "cong-van";
    }
    if (type.empty() && starts_with(folded(subject), "v/v")) type = "cong-van";
    doc.type = type;
    std::string year = options.school_year;
    static const std::regex year_in_text(R"(năm học\s*(\d{4})\s*-\s*(\d{4}))");
    std::smatch ym;
    std::string subject_dashes = subject;
    for (size_t p; (p = subject_dashes.find("\u2013")) != std::string::npos;) subject_dashes.replace(p, std::string("\u2013").size(), "-");
    if (year.empty() && std::regex_search(subject_dashes, ym, year_in_text)) year = ym[1].str() + "-" + ym[2].str();
    if (year.empty() && !date_iso.empty())
        if (auto date = parse_iso_date(date_iso)) year = school_year_of(*date).text();
    doc.school_year = year;

    auto found = [&](const std::string& field, const std::string& value) {
        if (value.empty()) doc.missing.push_back(field);
        else doc.found.emplace_back(field, value);
    };
    found("loai", type);
    found("so", number);
    found("ky_hieu", symbol);
    found("ngay", date_iso);
    found("nam_hoc", year);
    found("trich_yeu", subject);
    found("nguoi_ky.quyen_han", authority);
    found("nguoi_ky.chuc_vu", position);
    found("nguoi_ky.ho_ten", signer);
    found("noi_nhan", recipients.empty() ? "" : std::to_string(recipients.size()) + " dòng");
    if (type == "cong-van") found("kinh_gui", addressees.empty() ? "" : std::to_string(addressees.size()) + " nơi");
    for (const auto& t : unread) doc.missing.push_back("(khối " + t + " không đọc được)");

    std::string md = "---\nloai: " + (type.empty() ? std::string("[[loại văn bản]]") : type) + "\n";
    if (!number.empty()) md += "so: " + number + "\n";
    md += "ngay: " + (date_iso.empty() ? std::string("\"[[YYYY-MM-DD]]\"") : date_iso) + "\n";
    md += "nam_hoc: " + yaml_quote(year.empty() ? "[[YYYY-YYYY]]" : year) + "\n";
    md += "trich_yeu: " + yaml_quote(subject.empty() ? "[[Trích yếu]]" : subject) + "\n";
    md += "nguoi_ky:\n";
    if (!authority.empty()) md += "  quyen_han: " + yaml_quote(authority) + "\n";
    md += "  chuc_vu: " + yaml_quote(position.empty() ? "[[CHỨC VỤ]]" : position) + "\n";
    md += "  ho_ten: " + yaml_quote(signer.empty() ? "[[Họ và tên]]" : signer) + "\n";
    if (type == "cong-van") {
        md += "kinh_gui:\n";
        if (addressees.empty()) md += "  - \"[[Nơi nhận phải thực hiện]]\"\n";
        for (const auto& a : addressees) md += "  - " + yaml_quote(a) + "\n";
    }
    md += "noi_nhan:\n";
    if (recipients.empty()) md += "  - \"[[Nơi nhận]]\"\n  - \"Lưu: VT.\"\n";
    for (const auto& r : recipients) md += "  - " + yaml_quote(r) + "\n";
    md += "---\n";
    std::string previous;
    for (const auto& b : body) {
        bool item = starts_with(b, "- ") || starts_with(b, "  - ");
        bool previous_item = starts_with(previous, "- ") || starts_with(previous, "  - ");
        md += (item && previous_item) ? "" : "\n";
        md += b;
        if (b.back() != '\n') md += "\n";
        previous = b;
    }
    doc.markdown = md;
    std::string slug = ascii_slug((type.empty() ? std::string("van-ban") : type) + " " + subject);
    doc.slug = slug.empty() ? "van-ban" : slug;
    return doc;
}

}  // namespace vanban
