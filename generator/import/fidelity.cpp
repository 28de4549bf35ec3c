#include "import/fidelity.h"

#include <nlohmann/json.hpp>

#include <map>
#include <regex>

#include "import/word_reader.h"
#include "text/unicode.h"

using nlohmann::json;

namespace vanban {

namespace {

// "04" and "4" are the same number (an ISO date pads the day).
std::string token(std::string_view w) {
    std::string t = to_nfc(w);
    bool digits = !t.empty() && t.find_first_not_of("0123456789") == std::string::npos;
    if (digits) {
        size_t nz = t.find_first_not_of('0');
        t = nz == std::string::npos ? "0" : t.substr(nz);
    }
    return t;
}

std::vector<std::string> tokens(const std::string& text) {
    std::vector<std::string> out;
    for (auto w : word_spans(text)) out.push_back(token(w));
    return out;
}

// The paragraphs of the Word file as Pandoc gives them, each with the list number Word shows.
class Leaves {
public:
    std::vector<std::string> paragraphs;

    void blocks(const json& bs, const std::string& number = "") {
        bool first = true;
        for (const auto& b : bs) {
            block(b, first ? number : "");
            first = false;
        }
    }

private:
    std::vector<const json*> notes_;

    void inlines(const json& in, std::string& out) {
        for (const auto& i : in) {
            const std::string t = i.value("t", "");
            if (t == "Str") out += i["c"].get<std::string>();
            else if (t == "Code" || t == "Math") out += i["c"][1].get<std::string>();
            else if (t == "Space" || t == "SoftBreak" || t == "LineBreak") out += ' ';
            else if (t == "Note") {
                out += ' ';
                notes_.push_back(&i["c"]);
            } else if (t == "Span" || t == "Link" || t == "Quoted" || t == "Cite") inlines(i["c"][1], out);
            else if (i.contains("c") && i["c"].is_array() && !i["c"].empty() && i["c"][0].is_object()) inlines(i["c"], out);
        }
    }

    void leaf(const std::string& number, const json* in, const std::string& verbatim = "") {
        std::string text = number.empty() ? "" : number + " ";
        if (in) inlines(*in, text);
        text += verbatim;
        // Word's bookmarks that Pandoc prints as text are not words of the document.
        static const std::regex bookmark(R"(\[bookmark: [^\]]*\])");
        paragraphs.push_back(std::regex_replace(text, bookmark, ""));
        // A footnote's text is a paragraph of its own, after the one that cites it.
        std::vector<const json*> notes;
        notes.swap(notes_);
        for (const json* n : notes) blocks(*n);
    }

    void block(const json& b, const std::string& number) {
        const std::string t = b.value("t", "");
        if (t == "Para" || t == "Plain") leaf(number, &b["c"]);
        else if (t == "Header") leaf(number, &b["c"][2]);
        else if (t == "CodeBlock") leaf(number, nullptr, b["c"][1].get<std::string>());
        else if (t == "LineBlock") {
            std::string text = number;
            for (const auto& line : b["c"]) {
                inlines(line, text);
                text += ' ';
            }
            leaf("", nullptr, text);
        } else if (t == "Div") blocks(b["c"][1], number);
        else if (t == "Figure") blocks(b["c"][2], number);
        else if (t == "BlockQuote") blocks(b["c"], number);
        else if (t == "BulletList") {
            for (const auto& item : b["c"]) blocks(item, number);
        } else if (t == "OrderedList") {
            const json& a = b["c"][0];
            int start = a[0].get<int>();
            for (size_t k = 0; k < b["c"][1].size(); ++k)
                blocks(b["c"][1][k], list_number(start + static_cast<int>(k), a[1].value("t", ""), a[2].value("t", "")));
        } else if (t == "DefinitionList") {
            for (const auto& entry : b["c"]) {
                leaf(number, &entry[0]);
                for (const auto& d : entry[1]) blocks(d);
            }
        } else if (t == "Table") {
            const json& c = b["c"];
            auto rows = [&](const json& rs) {
                for (const auto& row : rs)
                    for (const auto& cell : row[1]) blocks(cell[4]);
            };
            rows(c[3][1]);
            for (const auto& body : c[4]) {
                rows(body[2]);
                rows(body[3]);
            }
            rows(c[5][1]);
        } else if (!number.empty()) {
            leaf(number, nullptr);
        }
    }
};

}  // namespace

FidelityReport check_fidelity(const json& ast, const std::string& markdown, const std::vector<std::string>& template_text) {
    Leaves leaves;
    leaves.blocks(ast.at("blocks"));
    std::map<std::string, long> available;
    for (const auto& t : tokens(markdown)) ++available[t];
    for (const auto& line : template_text)
        for (const auto& t : tokens(line)) ++available[t];
    FidelityReport report;
    for (size_t p = 0; p < leaves.paragraphs.size(); ++p) {
        const std::string& text = leaves.paragraphs[p];
        FidelityReport::Missing m;
        for (const auto& t : tokens(text)) {
            ++report.words;
            if (available[t] > 0) {
                --available[t];
                ++report.carried;
            } else {
                m.words.push_back(t);
            }
        }
        if (m.words.empty()) continue;
        m.paragraph = static_cast<int>(p + 1);
        auto spans = word_spans(text);
        size_t end = spans.size() > 8 ? static_cast<size_t>(spans[8].data() - text.data()) : text.size();
        m.near = text.substr(0, end);
        while (!m.near.empty() && m.near.back() == ' ') m.near.pop_back();
        report.missing.push_back(std::move(m));
    }
    return report;
}

std::string describe(const FidelityReport& r) {
    std::string out = "  đối chiếu: " + std::to_string(r.carried) + "/" + std::to_string(r.words) + " từ và số của tệp Word có trong văn bản";
    if (r.complete()) return out + " (đủ)\n";
    out += "; còn thiếu (chép tay vào văn bản):\n";
    for (const auto& m : r.missing) {
        std::string words;
        for (const auto& w : m.words) words += (words.empty() ? "" : ", ") + w;
        out += "    đoạn " + std::to_string(m.paragraph) + " (\"" + m.near + "…\"): " + words + "\n";
    }
    return out;
}

}  // namespace vanban
