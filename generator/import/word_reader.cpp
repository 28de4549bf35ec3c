#include "import/word_reader.h"

#include <nlohmann/json.hpp>

#include <regex>

#include "text/numbering.h"
#include "text/unicode.h"

using nlohmann::json;

namespace vanban {

std::string list_number(int value, const std::string& style, const std::string& delimiter, char* style_letter) {
    std::string n;
    char letter = '1';
    if (style == "UpperRoman" || style == "LowerRoman") {
        n = to_roman(value);
        letter = 'I';
        if (style == "LowerRoman") {
            n = lower_ascii(n);
            letter = 'i';
        }
    } else if (style == "UpperAlpha" || style == "LowerAlpha") {
        // Word counts letters the Latin way (a b c d e f…), not the Vietnamese one.
        char base = style == "UpperAlpha" ? 'A' : 'a';
        for (int v = value; v > 0; v = (v - 1) / 26) n.insert(n.begin(), static_cast<char>(base + (v - 1) % 26));
        letter = base;
    } else {
        n = std::to_string(value);
    }
    if (style_letter) *style_letter = letter;
    if (delimiter == "OneParen") return n + ")";
    if (delimiter == "TwoParens") return "(" + n + ")";
    if (delimiter == "Period") return n + ".";
    return n + (letter == 'a' ? ")" : ".");
}

namespace {

std::string collapse_spaces(const std::string& s) {
    std::string in = s;
    for (size_t p; (p = in.find("\u00A0")) != std::string::npos;) in.replace(p, 2, " ");
    std::string out;
    bool space = false;
    for (char c : in) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// Word leftovers that survive as text ("[bookmark: _GoBack]").
std::string clean(const std::string& s) {
    static const std::regex bookmark(R"(\[bookmark: [^\]]*\])");
    return to_nfc(collapse_spaces(std::regex_replace(s, bookmark, "")));
}

bool word_char(unsigned char c) { return c >= 0x80 || std::isalnum(c); }

bool web_address(const std::string& url) {
    return (url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0 || url.rfind("mailto:", 0) == 0) &&
           url.find_first_of(std::string("\x02\x03\x04\n", 4)) == std::string::npos;
}

class Reader {
public:
    WordDocument doc;

    void blocks(const json& bs, int depth, int bullet_depth, bool quoted) {
        for (const auto& b : bs) block(b, depth, bullet_depth, quoted);
    }

private:
    int place_ = 0;

    struct Text {
        std::string text;
        size_t strong = 0, plain = 0;  // letters and digits inside and outside bold
        size_t strong_before_colon = 0, plain_before_colon = 0;
        bool colon = false;
        size_t lead_end = 0;       // end of the bold text the paragraph starts with
        // Plain words since the lead's last bold run: "**4. Khung thời gian** và **kế hoạch dạy học**
        // (…)" bolds its title in two runs joined by "và"; more than two plain words, or a bracket,
        // and the lead is over.
        int plain_words = 0;
        bool lead_over = false;
    };

    void inlines(const json& in, Text& out, bool bold) {
        for (const auto& i : in) {
            const std::string t = i.value("t", "");
            if (t == "Str" || t == "Code" || t == "Math") {
                const std::string s = t == "Str" ? i["c"].get<std::string>() : i["c"][1].get<std::string>();
                out.text += s;
                if (!bold) {
                    if (out.lead_end == 0 || s.find('(') != std::string::npos || ++out.plain_words > 2) out.lead_over = true;
                } else if (!out.lead_over) {
                    out.lead_end = out.text.size();
                    out.plain_words = 0;
                }
                for (unsigned char c : s) {
                    if (c == ':') out.colon = true;
                    if (!word_char(c)) continue;
                    ++(bold ? out.strong : out.plain);
                    if (!out.colon) ++(bold ? out.strong_before_colon : out.plain_before_colon);
                }
            } else if (t == "Space" || t == "SoftBreak" || t == "LineBreak") {
                out.text += ' ';  // a line break inside a sentence is a space
            } else if (t == "Strong") {
                inlines(i["c"], out, true);
            } else if (t == "Emph" || t == "Underline" || t == "Strikeout" || t == "SmallCaps" || t == "Superscript" ||
                       t == "Subscript") {
                inlines(i["c"], out, bold);
            } else if (t == "Link" && web_address(i["c"][2][0].get<std::string>())) {
                // A link to the web keeps its address (a Word bookmark or a file on the author's disk does not).
                out.text += kLinkOpen;
                inlines(i["c"][1], out, bold);
                out.text += kLinkTarget + i["c"][2][0].get<std::string>() + kLinkClose;
            } else if (t == "Span" || t == "Link" || t == "Quoted" || t == "Cite") {
                const json& content = i["c"][1];  // Span, Link, Quoted and Cite keep their inlines second
                if (t == "Quoted") out.text += "\u201C";
                inlines(content, out, bold);
                if (t == "Quoted") out.text += "\u201D";
            } else if (t == "Note") {
                doc.footnotes.push_back(blocks_text(i["c"]));
                out.text += "[^" + std::to_string(doc.footnotes.size()) + "]";
            } else if (t == "Image") {
                // The picture itself stays in the Word file: say where it was, with its caption.
                std::string caption;
                for (const auto& piece : i["c"][1])
                    if (piece.value("t", "") == "Str") caption += (caption.empty() ? "" : " ") + piece["c"].get<std::string>();
                std::string near = clean(out.text).substr(0, 60);
                doc.unread.push_back("hình ảnh" + (caption.empty() ? std::string() : " \"" + caption + "\"") + " ở đoạn " +
                                     std::to_string(place_ + 1) + (near.empty() ? std::string() : " (sau \"" + near + "\")"));
            }
        }
    }

    // All the text of nested blocks on one line (footnotes, table cells).
    std::string blocks_text(const json& bs) {
        std::string out;
        for (const auto& line : block_lines(bs)) out += (out.empty() ? "" : " ") + line;
        return out;
    }

    // Each paragraph of nested blocks as a line; list items keep their marks.
    std::vector<std::string> block_lines(const json& bs, const std::string& mark = "") {
        std::vector<std::string> lines;
        bool first = true;
        for (const auto& b : bs) {
            const std::string t = b.value("t", "");
            std::string prefix = first ? mark : "";
            first = false;
            if (t == "Para" || t == "Plain" || t == "Header" || t == "LineBlock") {
                Text text;
                if (t == "Header") inlines(b["c"][2], text, false);
                else if (t == "LineBlock")
                    for (const auto& l : b["c"]) {
                        inlines(l, text, false);
                        text.text += ' ';
                    }
                else inlines(b["c"], text, false);
                std::string s = clean(text.text);
                if (!s.empty()) lines.push_back(prefix + s);
            } else if (t == "CodeBlock") {
                std::string s = clean(b["c"][1].get<std::string>());
                if (!s.empty()) lines.push_back(prefix + s);
            } else if (t == "BulletList" || t == "OrderedList") {
                const json& items = t == "BulletList" ? b["c"] : b["c"][1];
                int start = t == "OrderedList" ? b["c"][0][0].get<int>() : 1;
                for (size_t k = 0; k < items.size(); ++k) {
                    std::string m = t == "BulletList" ? "- "
                                                      : list_number(start + static_cast<int>(k), b["c"][0][1].value("t", ""),
                                                                    b["c"][0][2].value("t", "")) + " ";
                    for (auto& l : block_lines(items[k], m)) lines.push_back(l);
                }
            } else if (t == "Div") {
                for (auto& l : block_lines(b["c"][1], prefix)) lines.push_back(l);
            } else if (t == "BlockQuote") {
                for (auto& l : block_lines(b["c"], prefix)) lines.push_back(l);
            } else if (t == "Table") {
                WordBlock inner = table(b);
                for (const auto& row : inner.rows) {
                    std::string r;
                    for (const auto& c : row)
                        if (!c.empty()) r += (r.empty() ? "" : " ") + c;
                    if (!r.empty()) lines.push_back(r);
                }
            }
        }
        return lines;
    }

    WordBlock table(const json& b) {
        WordBlock w;
        w.kind = WordBlock::Kind::Table;
        const json& c = b["c"];
        size_t width = c[2].size();
        std::vector<const json*> rows;
        for (const auto& row : c[3][1]) rows.push_back(&row);
        for (const auto& body : c[4]) {
            for (const auto& row : body[2]) rows.push_back(&row);
            for (const auto& row : body[3]) rows.push_back(&row);
        }
        for (const auto& row : c[5][1]) rows.push_back(&row);
        // Spread merged cells over the grid: the text stays in the first cell, the others are empty.
        std::vector<std::vector<int>> taken(rows.size(), std::vector<int>(width, 0));
        w.rows.assign(rows.size(), std::vector<std::string>(width));
        w.cell_lines.assign(rows.size(), std::vector<std::vector<std::string>>(width));
        for (size_t r = 0; r < rows.size(); ++r) {
            size_t col = 0;
            for (const auto& cell : (*rows[r])[1]) {
                while (col < width && taken[r][col]) ++col;
                if (col >= width) {  // a row wider than the table: widen it, never drop a cell
                    ++width;
                    for (auto& t : taken) t.resize(width, 0);
                    for (auto& row : w.rows) row.resize(width);
                    for (auto& row : w.cell_lines) row.resize(width);
                }
                int row_span = std::max(1, cell[2].get<int>()), col_span = std::max(1, cell[3].get<int>());
                std::vector<std::string> lines = block_lines(cell[4]);
                std::string joined;
                for (const auto& l : lines) joined += (joined.empty() ? "" : " ") + l;
                w.rows[r][col] = joined;
                w.cell_lines[r][col] = lines;
                for (size_t rr = r; rr < std::min(rows.size(), r + static_cast<size_t>(row_span)); ++rr)
                    for (size_t cc = col; cc < std::min(width, col + static_cast<size_t>(col_span)); ++cc) taken[rr][cc] = 1;
                col += static_cast<size_t>(col_span);
            }
        }
        return w;
    }

    void push(WordBlock w, int depth, bool quoted) {
        w.depth = depth;
        w.quoted = quoted;
        w.place = ++place_;
        doc.blocks.push_back(std::move(w));
    }

    void paragraph(const json& inl, int depth, bool quoted, int heading_level = 0) {
        Text t;
        inlines(inl, t, false);
        WordBlock w;
        w.text = clean(t.text);
        if (w.text.empty()) return;  // empty paragraphs go
        w.bold = t.strong > 0 && t.plain <= 5 && t.strong >= 2 * t.plain;
        w.bold_to_colon = t.colon && !w.bold && t.strong_before_colon > 0 && t.plain_before_colon <= 5;
        if (!w.bold && t.lead_end > 0 && t.plain > 0) w.bold_lead = clean(t.text.substr(0, t.lead_end));
        w.heading_level = heading_level;
        push(std::move(w), depth, quoted);
    }

    void list(const json& items, int start, const std::string& style, const std::string& delimiter, bool bullet, int depth,
              int bullet_depth, bool quoted) {
        for (size_t k = 0; k < items.size(); ++k) {
            size_t first = doc.blocks.size();
            blocks(items[k], depth + 1, bullet ? bullet_depth + 1 : bullet_depth, quoted);
            if (first == doc.blocks.size() || doc.blocks[first].kind != WordBlock::Kind::Paragraph ||
                !doc.blocks[first].number.empty() || doc.blocks[first].bullet) {
                // The item starts with a table or a nested list: its number stands alone, before it.
                WordBlock alone;
                push(std::move(alone), depth + 1, quoted);
                std::rotate(doc.blocks.begin() + static_cast<long>(first), doc.blocks.end() - 1, doc.blocks.end());
            }
            WordBlock& w = doc.blocks[first];
            if (bullet) {
                w.bullet = true;
                w.bullet_depth = bullet_depth + 1;
            } else {
                w.number = list_number(start + static_cast<int>(k), style, delimiter, &w.number_style);
            }
        }
    }

    void block(const json& b, int depth, int bullet_depth, bool quoted) {
        const std::string t = b.value("t", "");
        if (t == "Para" || t == "Plain") paragraph(b["c"], depth, quoted);
        else if (t == "Header") paragraph(b["c"][2], depth, quoted, b["c"][0].get<int>());
        else if (t == "Div") blocks(b["c"][1], depth, bullet_depth, quoted);
        else if (t == "Figure") blocks(b["c"][2], depth, bullet_depth, quoted);
        else if (t == "BlockQuote") blocks(b["c"], depth, bullet_depth, true);
        else if (t == "LineBlock") {
            WordBlock w;
            w.line_block = true;
            for (const auto& line : b["c"]) {
                Text text;
                inlines(line, text, false);
                std::string s = clean(text.text);
                if (!s.empty()) w.text += (w.text.empty() ? "" : "\n") + s;
            }
            if (!w.text.empty()) push(std::move(w), depth, quoted);
        } else if (t == "CodeBlock") {
            WordBlock w;
            w.kind = WordBlock::Kind::Code;
            w.text = to_nfc(b["c"][1].get<std::string>());
            if (!w.text.empty()) push(std::move(w), depth, quoted);
        } else if (t == "OrderedList") {
            const json& a = b["c"][0];
            list(b["c"][1], a[0].get<int>(), a[1].value("t", ""), a[2].value("t", ""), false, depth, bullet_depth, quoted);
        } else if (t == "BulletList") {
            list(b["c"], 1, "", "", true, depth, bullet_depth, quoted);
        } else if (t == "DefinitionList") {
            for (const auto& entry : b["c"]) {
                paragraph(entry[0], depth, quoted);
                for (const auto& definition : entry[1]) blocks(definition, depth + 1, bullet_depth, quoted);
            }
        } else if (t == "Table") {
            push(table(b), depth, quoted);
        } else if (t != "HorizontalRule" && t != "Null") {
            doc.unread.push_back("khối " + t + " ở đoạn " + std::to_string(place_ + 1));
        }
    }
};

}  // namespace

WordDocument read_pandoc_json(const json& ast) {
    Reader reader;
    reader.blocks(ast.at("blocks"), 0, -1, false);
    return std::move(reader.doc);
}

}  // namespace vanban
