// Test support: turns the plain-text copies of real documents (../shared/examples/) into Word
// files shaped the way schools type them, through Pandoc's AST and its docx writer: header
// and signature blocks as two-column layout tables, headings as bold paragraphs numbered by
// Word's own lists (I. 1. a) A.), "-" items as Word bullets with "+" items nested in them,
// "·" bullets typed, footnotes as Word footnotes, tables with merged cells where a row has
// fewer cells, appendices after the signature.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <regex>
#include <string>
#include <vector>

#include "run_vanban.h"

namespace vanban::e2e {

struct WordCorpusFile {
    std::string docx;
    int appendices = 0;
    int footnotes = 0;
};

namespace corpus {

using nlohmann::json;

inline bool starts_with(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }

inline std::string trim(const std::string& s) {
    size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

inline size_t words(const std::string& s) {
    static const std::regex word(R"([^\s]+)");
    return static_cast<size_t>(std::distance(std::sregex_iterator(s.begin(), s.end(), word), std::sregex_iterator()));
}

struct Line {
    std::string text;
    bool tab = false;      // the cell of a layout table starts here
    bool marked = false;   // a Markdown heading or bold in the teacher's conversion
};

class Builder {
public:
    json blocks = json::array();
    int appendices = 0;
    std::vector<std::string> notes;  // footnote texts by number - 1
    std::vector<bool> note_used;

    json inlines(const std::string& text, bool bold = false) {
        json out = json::array();
        static const std::regex marker(R"(\[\^(\d+)\])");
        size_t pos = 0;
        for (std::sregex_iterator it(text.begin(), text.end(), marker), end; it != end; ++it) {
            add_text(out, text.substr(pos, static_cast<size_t>(it->position()) - pos), bold);
            size_t n = std::stoul((*it)[1]);
            if (n >= 1 && n <= notes.size()) {
                note_used[n - 1] = true;
                out.push_back({{"t", "Note"}, {"c", json::array({para(notes[n - 1])})}});
            } else {
                add_text(out, it->str(), bold);
            }
            pos = static_cast<size_t>(it->position() + it->length());
        }
        add_text(out, text.substr(pos), bold);
        return out;
    }

    json para(const std::string& text, bool bold = false) { return {{"t", "Para"}, {"c", inlines(text, bold)}}; }

    // "**1. Mục tiêu chung:** text": the title part bold.
    json heading_para(const std::string& text) {
        size_t colon = text.find(':');
        if (colon != std::string::npos && colon + 1 < text.size() && words(text.substr(0, colon)) <= 12) {
            json c = inlines(text.substr(0, colon + 1), true);
            for (auto& i : inlines(text.substr(colon + 1))) c.push_back(i);
            return {{"t", "Para"}, {"c", c}};
        }
        return para(text, true);
    }

    json cell(const std::vector<std::string>& lines, int colspan = 1) {
        json bs = json::array();
        for (const auto& l : lines) bs.push_back(para(l));
        return json::array({json::array({"", json::array(), json::array()}), {{"t", "AlignDefault"}}, 1, colspan, bs});
    }

    json table(const std::vector<std::vector<json>>& rows, size_t width) {
        json specs = json::array(), body_rows = json::array();
        for (size_t c = 0; c < width; ++c) specs.push_back(json::array({{{"t", "AlignDefault"}}, {{"t", "ColWidthDefault"}}}));
        for (const auto& r : rows) body_rows.push_back(json::array({json::array({"", json::array(), json::array()}), r}));
        json attr = json::array({"", json::array(), json::array()});
        return {{"t", "Table"},
                {"c", json::array({attr, json::array({nullptr, json::array()}), specs, json::array({attr, json::array()}),
                                   json::array({json::array({attr, 0, json::array(), body_rows})}), json::array({attr, json::array()})})}};
    }

private:
    void add_text(json& out, const std::string& text, bool bold) {
        // "**bold**" spans written by the teacher's converter.
        size_t pos = 0;
        bool strong = bold;
        while (pos <= text.size()) {
            size_t star = text.find("**", pos);
            std::string piece = text.substr(pos, star == std::string::npos ? std::string::npos : star - pos);
            if (!piece.empty()) {
                json s = {{"t", "Str"}, {"c", piece}};
                out.push_back(strong ? json{{"t", "Strong"}, {"c", json::array({s})}} : s);
            }
            if (star == std::string::npos) break;
            if (!bold) strong = !strong;
            pos = star + 2;
        }
    }
};

// What a numbered line is: its style as Pandoc names it, its value and the rest.
struct Number {
    std::string style, delimiter, literal, rest, key;
    int value = 0;
    bool word_list = true;  // Word can number it ("đ)" and "2.1." it cannot: typed)
};

inline bool number_of(const std::string& text, Number& n) {
    static const std::regex roman(R"(^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s*(\S.*)$)");
    static const std::regex multi(R"(^(\d+\.\d+)\.?\s+(\S.*)$)");
    static const std::regex decimal(R"(^(\d{1,2})\.\s*(\S.*)$)");
    static const std::regex letter(R"(^([a-z]|đ)\)\s*(\S.*)$)");
    static const std::regex upper(R"(^([A-H])\.\s+(\S.*)$)");
    std::smatch m;
    auto roman_value = [](const std::string& r) {
        static const std::vector<std::string> all = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
        return static_cast<int>(std::find(all.begin(), all.end(), r) - all.begin()) + 1;
    };
    if (std::regex_match(text, m, roman)) n = {"UpperRoman", "Period", m[1].str() + ".", m[2], "I", roman_value(m[1]), true};
    else if (std::regex_match(text, m, multi)) n = {"", "", m[1].str() + ".", m[2], "M", 0, false};
    else if (std::regex_match(text, m, decimal) && m[2].str()[0] != '/' && !std::isdigit(static_cast<unsigned char>(m[2].str()[0])))
        n = {"Decimal", "Period", m[1].str() + ".", m[2], "1", std::stoi(m[1]), true};
    else if (std::regex_match(text, m, letter))
        n = {"LowerAlpha", "OneParen", m[1].str() + ")", m[2], "a", m[1].str() == "đ" ? 0 : m[1].str()[0] - 'a' + 1, m[1].str() != "đ"};
    else if (std::regex_match(text, m, upper)) n = {"UpperAlpha", "Period", m[1].str() + ".", m[2], "A", m[1].str()[0] - 'A' + 1, true};
    else return false;
    return true;
}

inline bool bullet_line(const std::string& t) { return starts_with(t, "- ") || starts_with(t, "+ ") || starts_with(t, "\u00B7 ") || starts_with(t, "-"); }
inline bool table_line(const std::string& t) { return starts_with(t, "|"); }

inline std::string folded_start(const std::string& t) {
    // Enough for the few starts the converter looks for.
    std::string s = t;
    for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{{"Ơ", "O"}, {"ơ", "o"}, {"Ụ", "U"}, {"ụ", "u"}, {"Ậ", "A"}, {"ậ", "a"}, {"Í", "I"}, {"í", "i"}})
        for (size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, from.size(), to);
    return s;
}

}  // namespace corpus

// Builds the Word file for one example text into `dir`; returns it with what it should import as.
inline WordCorpusFile make_word_corpus_file(const std::string& txt_path, const std::string& dir, const std::string& name) {
    using namespace corpus;
    std::vector<Line> lines;
    {
        std::istringstream in(slurp(txt_path));
        std::string raw;
        while (std::getline(in, raw)) {
            if (!raw.empty() && raw.back() == '\r') raw.pop_back();
            if (starts_with(raw, "# source:") || starts_with(raw, "# type:")) continue;
            Line l;
            l.tab = starts_with(raw, "\t");
            std::string t = raw;
            static const std::regex md_heading(R"(^#+\s+)");
            if (std::regex_search(t, md_heading)) {
                l.marked = true;
                t = std::regex_replace(t, md_heading, "");
            }
            t = std::regex_replace(t, std::regex(R"(<sup>(\d+)</sup>)"), "[^$1]");
            t = std::regex_replace(t, std::regex(R"(</?strong>)"), "**");
            t = std::regex_replace(t, std::regex(R"(<br\s*/?>)"), " ");
            t = std::regex_replace(t, std::regex(R"(<[^>]+>)"), "");
            t = std::regex_replace(t, std::regex(R"(\[([^\]^][^\]]*)\]\(#\))"), "$1");
            t = std::regex_replace(t, std::regex(R"((^|[^*])\*([^*]+)\*([^*]|$))"), "$1$2$3");
            t = trim(t);
            if (starts_with(t, "**") && t.size() > 4 && t.substr(t.size() - 2) == "**" && t.find("**", 2) == t.size() - 2) {
                l.marked = true;
                t = t.substr(2, t.size() - 4);
            }
            l.text = t;
            lines.push_back(l);
        }
    }
    Builder b;
    // Footnote texts at the end: "[1] …", "<sup>1</sup> …" or "3 …" in order, with continuation lines.
    size_t notes_start = lines.size();
    for (size_t i = lines.size(); i-- > 0;)
        if (starts_with(lines[i].text, "[1] ") || starts_with(lines[i].text, "[^1] ")) {
            notes_start = i;
            break;
        }
    for (size_t i = notes_start; i < lines.size(); ++i) {
        const std::string& t = lines[i].text;
        if (t.empty()) continue;
        std::string n = std::to_string(b.notes.size() + 1);
        for (const std::string& mark : {"[" + n + "] ", "[^" + n + "] ", n + " "})
            if (starts_with(t, mark)) {
                b.notes.push_back(trim(t.substr(mark.size())));
                goto next_note;
            }
        if (!b.notes.empty()) b.notes.back() += " " + t;
    next_note:;
    }
    b.note_used.assign(b.notes.size(), false);
    lines.resize(notes_start);
    for (auto& l : lines) l.text = std::regex_replace(l.text, std::regex(R"(\[(\d+)\])"), "[^$1]");

    // Header zone: the cells before the first line of the body.
    size_t i = 0;
    std::vector<std::vector<std::string>> cells;
    auto body_start = [](const Line& l) {
        const std::string& t = l.text;
        Number n;
        return starts_with(t, "Kính gửi") || starts_with(t, "KẾ HOẠCH") || starts_with(t, "Căn cứ") || starts_with(t, "Thực hiện") ||
               number_of(t, n) || words(t) > 25;
    };
    auto cell_start = [](const Line& l, bool first) {
        static const std::regex date(R"(, ngày\s*\d*\s*tháng)");
        return first || l.tab || starts_with(l.text, "Số") || starts_with(l.text, "CỘNG HÒA") || std::regex_search(l.text, date);
    };
    for (; i < lines.size() && !body_start(lines[i]); ++i) {
        if (lines[i].text.empty()) continue;
        if (cell_start(lines[i], cells.empty())) cells.emplace_back();
        cells.back().push_back(lines[i].text);
    }
    auto layout = [&](std::vector<std::vector<std::string>> left, std::vector<std::vector<std::string>> right) {
        std::vector<std::vector<json>> rows;
        for (size_t r = 0; r < std::max(left.size(), right.size()); ++r)
            rows.push_back({b.cell(r < left.size() ? left[r] : std::vector<std::string>{}),
                            b.cell(r < right.size() ? right[r] : std::vector<std::string>{})});
        b.blocks.push_back(b.table(rows, 2));
    };
    if (!cells.empty()) {
        std::vector<std::vector<std::string>> left, right;
        for (auto& c : cells) (starts_with(c[0], "CỘNG HÒA") || c[0].find(", ngày") != std::string::npos ? right : left).push_back(c);
        layout(left, right);
    }

    // Body, signature, appendices.
    std::vector<std::string> styles;  // heading numbering styles open above the current line
    bool after_signature = false;
    json* open_item = nullptr;  // the last letter item: "-" lines below it go inside it
    json* open_bullets = nullptr;
    std::map<std::string, bool> run_has_heading;  // per numbering style, since the heading above
    // A heading of numbering style `key` opens: the styles below it close.
    auto heading_opens = [&](const std::string& key) {
        auto it = std::find(styles.begin(), styles.end(), key);
        if (it != styles.end()) {
            for (auto deeper = it + 1; deeper != styles.end(); ++deeper) run_has_heading.erase(*deeper);
            styles.erase(it + 1, styles.end());
        } else {
            styles.push_back(key);
        }
    };
    auto is_heading = [&](size_t at, const Number& n) {
        const std::string& t = lines[at].text;
        if (lines[at].marked || n.key == "I" || n.key == "A") return true;
        size_t next = at + 1;
        while (next < lines.size() && lines[next].text.empty()) ++next;
        bool children = next < lines.size() && (bullet_line(lines[next].text) || [&] {
            Number m;
            return number_of(lines[next].text, m) && m.key != n.key;
        }());
        // "1. Mục tiêu chung: text": Word users bold the title part.
        size_t colon = n.rest.find(':');
        if (colon != std::string::npos && words(n.rest.substr(0, colon)) <= 12 && words(n.rest.substr(colon + 1)) > 0) return true;
        char last = t.back();
        return (children && words(t) <= 60 && last != '.') || (words(t) <= 30 && last != '.' && last != ';');
    };
    for (; i < lines.size(); ++i) {
        const Line& l = lines[i];
        const std::string& t = l.text;
        if (t.empty()) continue;
        std::string f = folded_start(t);
        // The signature block: "Nơi nhận" with its items, then the signer's lines.
        if (!after_signature && (starts_with(f, "Noi nhan") || starts_with(t, "KT. ") || starts_with(t, "KT ") || starts_with(t, "TM. "))) {
            std::vector<std::string> recipients, signer;
            for (; i < lines.size(); ++i) {
                const std::string& s = lines[i].text;
                if (s.empty()) continue;
                if (starts_with(folded_start(s), "PHU LUC") || starts_with(s, "BẢNG")) break;
                if (starts_with(folded_start(s), "Noi nhan") || (!signer.empty() && bullet_line(s)) || (signer.empty() && bullet_line(s))) {
                    if (signer.empty()) recipients.push_back(s);
                    else signer.push_back(s);
                    continue;
                }
                signer.push_back(s);
                bool upper = true;
                for (char c : s) upper = upper && !std::islower(static_cast<unsigned char>(c));
                if (!upper && signer.size() >= 2) {
                    ++i;
                    break;
                }
            }
            --i;
            layout({recipients}, {signer});
            after_signature = true;
            styles.clear();
            open_item = open_bullets = nullptr;
            continue;
        }
        if (after_signature && (starts_with(folded_start(t), "PHU LUC") || starts_with(folded_start(t), "Phu luc")) &&
            ((words(t) <= 30 && t.find('(') == std::string::npos) || l.marked)) {
            ++b.appendices;
            styles.clear();
            b.blocks.push_back(b.para(t, true));
            open_item = open_bullets = nullptr;
            continue;
        }
        if (table_line(t)) {
            std::vector<std::vector<std::string>> rows;
            for (; i < lines.size() && table_line(lines[i].text); ++i) {
                std::string row = lines[i].text;
                if (std::regex_match(row, std::regex(R"(^\|[\s\-:|]+\|?$)"))) continue;
                std::vector<std::string> cs;
                std::string cur;
                for (size_t k = 1; k < row.size(); ++k) {
                    if (row[k] == '|' && row[k - 1] != '\\') {
                        cs.push_back(trim(cur));
                        cur.clear();
                    } else cur += row[k];
                }
                if (!trim(cur).empty()) cs.push_back(trim(cur));
                rows.push_back(cs);
            }
            --i;
            size_t width = 0;
            for (const auto& r : rows) width = std::max(width, r.size());
            std::vector<std::vector<json>> jr;
            for (const auto& r : rows) {
                std::vector<json> cs;
                for (size_t k = 0; k < r.size(); ++k)
                    cs.push_back(b.cell(r[k].empty() ? std::vector<std::string>{} : std::vector<std::string>{r[k]},
                                        k + 1 == r.size() ? static_cast<int>(width - r.size() + 1) : 1));  // a short row: its last cell merged
                if (r.empty()) cs.push_back(b.cell({}, static_cast<int>(width)));
                jr.push_back(cs);
            }
            b.blocks.push_back(b.table(jr, width));
            open_item = open_bullets = nullptr;
            continue;
        }
        if (starts_with(t, "- ") || starts_with(t, "+ ") || (starts_with(t, "-") && t.size() > 1 && t[1] != '-')) {
            bool sub = starts_with(t, "+ ");
            std::string text = trim(t.substr(sub || starts_with(t, "- ") ? 2 : 1));
            json item = json::array({b.para(text)});
            if (sub && open_bullets) {
                json& last = (*open_bullets)["c"].back();
                if (last.back()["t"] != "BulletList") last.push_back({{"t", "BulletList"}, {"c", json::array()}});
                last.back()["c"].push_back(item);
                continue;
            }
            if (sub) {  // "+" with no "-" above: a bullet of its own
                item = json::array({b.para(text)});
            }
            json& target = open_item ? (*open_item)["c"][1].back() : b.blocks;
            if (!open_bullets) {
                target.push_back({{"t", "BulletList"}, {"c", json::array()}});
                open_bullets = &target.back();
            }
            (*open_bullets)["c"].push_back(item);
            continue;
        }
        open_bullets = nullptr;
        Number n;
        // "**I. Căn cứ xây dựng kế hoạch** (Chỉ thị …)": a typed number, the title bold, a note after it.
        if (size_t close = starts_with(t, "**") ? t.find("**", 2) : std::string::npos;
            close != std::string::npos && starts_with(trim(t.substr(close + 2)), "(") && number_of(t.substr(2, close - 2), n)) {
            heading_opens(n.key);
            if (n.word_list) {
                json item = json::array({b.para("**" + n.rest + "**" + t.substr(close + 2))});
                b.blocks.push_back({{"t", "OrderedList"},
                                    {"c", json::array({json::array({n.value, {{"t", n.style}}, {{"t", n.delimiter}}}), json::array({item})})}});
            } else {
                b.blocks.push_back(b.para(t));
            }
            open_item = nullptr;
            continue;
        }
        if (number_of(t, n)) {
            // Where the copy lost its bold: an unmarked item of a list whose items so far are all
            // sentences is one too (a Word user bolds titles, not the items of a list).
            auto run = run_has_heading.find(n.key);
            bool heading = is_heading(i, n) && (l.marked || run == run_has_heading.end() || run->second);
            run_has_heading[n.key] = run_has_heading[n.key] || heading;
            if (heading) heading_opens(n.key);
            if (n.word_list) {
                json item = json::array({heading ? b.heading_para(n.rest) : b.para(n.rest)});
                b.blocks.push_back({{"t", "OrderedList"},
                                    {"c", json::array({json::array({n.value, {{"t", n.style}}, {{"t", n.delimiter}}}), json::array({item})})}});
                open_item = n.key == "a" ? &b.blocks.back() : nullptr;
            } else {
                b.blocks.push_back(heading ? b.heading_para(t) : b.para(t));
                open_item = nullptr;
            }
            continue;
        }
        open_item = nullptr;
        b.blocks.push_back(b.para(t, l.marked));
    }
    // Notes no marker points to (the copy lost it) stay as text at the end.
    for (size_t k = 0; k < b.notes.size(); ++k)
        if (!b.note_used[k]) b.blocks.push_back(b.para(std::to_string(k + 1) + " " + b.notes[k]));

    json version = json::parse(run_command("printf '' | pandoc -f markdown -t json"))["pandoc-api-version"];
    json doc = {{"pandoc-api-version", version}, {"meta", json::object()}, {"blocks", b.blocks}};
    std::string json_path = dir + "/" + name + ".json", docx = dir + "/" + name + ".docx";
    {
        std::ofstream out(json_path, std::ios::binary);
        out << doc.dump();
    }
    run_command("pandoc -f json -t docx " + shell_quote(json_path) + " -o " + shell_quote(docx));
    WordCorpusFile file;
    file.docx = docx;
    file.appendices = b.appendices;
    file.footnotes = static_cast<int>(std::count(b.note_used.begin(), b.note_used.end(), true));
    return file;
}

}  // namespace vanban::e2e
