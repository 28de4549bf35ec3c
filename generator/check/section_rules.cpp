// required-section, section-order and heading-numbering: the outline of the body.
#include <algorithm>
#include <map>

#include "check/checks.h"
#include "text/unicode.h"

namespace vanban {

namespace {

std::string quoted_list(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "\"" : ", \"") + s + "\"";
    return out;
}

}  // namespace

void check_required_sections(const Document& doc, Diagnostics& out) {
    if (!doc.type || doc.type->required_sections.empty()) return;
    // Required sections are the top level of the outline.
    // Appendices (Heading::part > 0) are not sections of the body.
    int top = 7;
    for (const auto& h : doc.headings)
        if (h.part == 0) top = std::min(top, h.level);
    std::vector<const Heading*> tops;
    for (const auto& h : doc.headings)
        if (h.part == 0 && h.level == top) tops.push_back(&h);
    std::vector<std::string> keys;
    for (const auto* h : tops) keys.push_back(wording_key(h->number.rest));

    Position missing_at = doc.front.end_line > 0 ? Position{doc.front.end_line, 1} : Position{1, 1};
    const auto& required = doc.type->required_sections;
    std::vector<std::optional<size_t>> matches(required.size());
    for (size_t r = 0; r < required.size(); ++r)
        for (size_t i = 0; i < keys.size() && !matches[r]; ++i)
            for (const auto& w : required[r].wordings)
                if (keys[i] == wording_key(w)) {
                    matches[r] = i;
                    break;
                }
    bool roman = std::any_of(tops.begin(), tops.end(), [](const Heading* h) { return h->number.style == NumberStyle::Roman; });
    struct Found { const RequiredSection* section; size_t index; };
    std::vector<Found> found;
    for (size_t r = 0; r < required.size(); ++r) {
        const RequiredSection& rs = required[r];
        if (matches[r]) {
            found.push_back({&rs, *matches[r]});
            continue;
        }
        // Suggest the place it belongs: before the next required section found, else at the end.
        size_t place = tops.size();
        for (size_t later = r + 1; later < required.size(); ++later)
            if (matches[later]) {
                place = *matches[later];
                break;
            }
        std::string example = (roman ? "# " + to_roman(static_cast<int>(place) + 1) + ". " : "# ") + to_upper(rs.name);
        Message hint{"Thêm đề mục " + example + " (cũng chấp nhận: " + quoted_list(rs.wordings) + ").",
                     "Add a heading " + example + " (also accepted: " + quoted_list(rs.wordings) + ")."};
        // A near miss ("Mục đích yêu càu") is pointed at.
        Position at = missing_at;
        for (size_t i = 0; i < keys.size(); ++i)
            for (const auto& w : rs.wordings)
                if (edit_distance(keys[i], wording_key(w)) <= 2) {
                    at = tops[i]->at;
                    hint = {"Đề mục \"" + tops[i]->text + "\" gần giống \"" + w + "\" nhưng không khớp; sửa lại cho đúng.",
                            "The heading \"" + tops[i]->text + "\" is close to \"" + w + "\" but does not match; correct it."};
                }
        out.push_back(error_at(doc, at, "required-section",
                               {"thiếu mục bắt buộc \"" + rs.name + "\" của loại " + doc.type->id,
                                "the required section \"" + rs.name + "\" of type " + doc.type->id + " is missing"},
                               hint));
    }
    for (size_t k = 1; k < found.size(); ++k) {
        if (found[k].index > found[k - 1].index) continue;
        const Heading* h = tops[found[k].index];
        out.push_back(error_at(doc, h->at, "section-order",
                               {"mục \"" + h->text + "\" phải đứng sau mục \"" + tops[found[k - 1].index]->text + "\"",
                                "section \"" + h->text + "\" must come after \"" + tops[found[k - 1].index]->text + "\""},
                               {"Thứ tự các mục bắt buộc: " + quoted_list([&] {
                                    std::vector<std::string> names;
                                    for (const auto& rs : doc.type->required_sections) names.push_back(rs.name);
                                    return names;
                                }()) + ".",
                                "The required sections go in this order; move the section."}));
    }
}

namespace {

// The position of an ASCII letter in the Latin alphabet (a=1), for lists written a, b, c, d, e, f.
int latin_index(const HeadingNumber& n) {
    if (n.written.empty()) return 0;
    char c = n.written[0];
    if (c >= 'a' && c <= 'z') return c - 'a' + 1;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 1;
    return 0;
}

struct SiblingGroup {
    NumberStyle style = NumberStyle::None;
    std::vector<int> last_parts;  // the numbering of the previous numbered sibling
    int last_latin = 0;
    bool latin = false;
};

}  // namespace

// One outline: the body, or one appendix, whose numbering starts again at its own "I." / "1.".
static void check_outline_numbering(const Document& doc, const std::vector<const Heading*>& headings, Diagnostics& out) {
    const auto& allowed_by_level = doc.type->numbering;
    bool numbered_type = !allowed_by_level.empty();
    std::vector<int> parent(headings.size(), -1);
    std::vector<int> stack;
    for (size_t i = 0; i < headings.size(); ++i) {
        while (!stack.empty() && headings[static_cast<size_t>(stack.back())]->level >= headings[i]->level) stack.pop_back();
        parent[i] = stack.empty() ? -1 : stack.back();
        stack.push_back(static_cast<int>(i));
    }
    std::map<int, SiblingGroup> groups;
    for (size_t i = 0; i < headings.size(); ++i) {
        const Heading& h = *headings[i];
        const HeadingNumber& n = h.number;
        SiblingGroup& g = groups[parent[i]];
        const Heading* p = parent[i] >= 0 ? headings[static_cast<size_t>(parent[i])] : nullptr;
        // The chain a multi-level number must continue: "2." → {2}; "1.2." → {1, 2}.
        std::vector<int> chain;
        if (p && (p->number.style == NumberStyle::Arabic || p->number.style == NumberStyle::MultiLevel ||
                  p->number.style == NumberStyle::Roman))
            chain = p->number.parts;

        std::vector<NumberStyle> allowed;
        size_t level_index = static_cast<size_t>(h.level - 1);
        if (level_index < allowed_by_level.size()) allowed = allowed_by_level[level_index];

        NumberStyle expected_style = g.style != NumberStyle::None ? g.style : (allowed.empty() ? NumberStyle::None : allowed.front());
        if (expected_style == NumberStyle::MultiLevel && chain.empty()) expected_style = NumberStyle::Arabic;
        auto expected_parts = [&]() {
            std::vector<int> parts = expected_style == NumberStyle::MultiLevel ? chain : std::vector<int>{};
            parts.push_back(g.last_parts.empty() ? 1 : g.last_parts.back() + 1);
            return parts;
        };
        auto expected_text = [&]() { return format_number(expected_style, expected_parts(), g.latin); };

        auto report = [&](Message m, Message hint) {
            out.push_back(error_at(doc, h.at, "heading-numbering", std::move(m), std::move(hint)));
        };

        if (n.style == NumberStyle::None) {
            if (numbered_type && expected_style != NumberStyle::None)
                report({"đề mục \"" + h.text + "\" chưa có số thứ tự; số mong đợi: \"" + expected_text() + "\"",
                        "heading \"" + h.text + "\" has no number; expected \"" + expected_text() + "\""},
                       {"Viết số ở đầu đề mục như trên bản giấy: \"" + std::string(h.level, '#') + " " + expected_text() + " " + h.text + "\".",
                        "Write the number at the start of the heading, as on paper."});
            // Count it as if numbered, so the siblings after it are not all reported too.
            if (expected_style != NumberStyle::None) {
                if (g.style == NumberStyle::None) g.style = expected_style;
                g.last_parts = expected_parts();
            }
            continue;
        }
        if (g.style == NumberStyle::None) {
            g.style = n.style;
            g.latin = n.latin_letters;
            if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), n.style) == allowed.end()) {
                std::string styles;
                for (auto s : allowed) styles += (styles.empty() ? "" : ", ") + style_example(s);
                report({"đề mục cấp " + std::to_string(h.level) + " \"" + h.text + "\" dùng kiểu số \"" + style_example(n.style) +
                            "\"; loại " + doc.type->id + " dùng " + styles + " ở cấp này",
                        "level " + std::to_string(h.level) + " heading \"" + h.text + "\" is numbered like \"" + style_example(n.style) +
                            "\"; type " + doc.type->id + " uses " + styles + " at this level"},
                       {"Đổi kiểu đánh số, hoặc đổi số dấu # cho đúng cấp của đề mục.",
                        "Change the numbering style, or the number of # to the heading's real level."});
            }
        } else if (n.style != g.style) {
            report({"đề mục \"" + h.text + "\" dùng kiểu số khác các đề mục cùng cấp; số mong đợi: \"" + expected_text() + "\"",
                    "heading \"" + h.text + "\" is numbered in another style than its siblings; expected \"" + expected_text() + "\""},
                   {"Các đề mục cùng cấp dùng chung một kiểu số (I, II… / 1, 2… / 1.1… / a, b…).",
                    "Siblings share one numbering style (I, II… / 1, 2… / 1.1… / a, b…)."});
            g.last_parts = n.parts;
            continue;
        }

        if (n.style == NumberStyle::MultiLevel && !chain.empty()) {
            std::vector<int> prefix(n.parts.begin(), n.parts.end() - 1);
            if (prefix != chain) {
                std::vector<int> want = chain;
                want.push_back(g.last_parts.empty() || g.last_parts.size() != n.parts.size() ? 1 : g.last_parts.back() + 1);
                report({"đề mục \"" + n.written + "\" không thuộc đề mục cha \"" + p->number.written + "\"; số mong đợi: \"" +
                            format_number(NumberStyle::MultiLevel, want) + "\"",
                        "heading \"" + n.written + "\" does not belong under \"" + p->number.written + "\"; expected \"" +
                            format_number(NumberStyle::MultiLevel, want) + "\""},
                       {"Số nhiều cấp phải bắt đầu bằng số của đề mục cha.", "A multi-level number starts with its parent's number."});
                g.last_parts = n.parts;
                continue;
            }
        }

        int expected = g.last_parts.empty() ? 1 : g.last_parts.back() + 1;
        bool ok = n.value() == expected;
        if (!ok && n.style == NumberStyle::Letter) {
            // Accept the Latin sequence (d, e, f) as well as the Vietnamese one (d, đ, e, g).
            int li = latin_index(n);
            ok = li > 0 && li == (g.last_parts.empty() ? 1 : g.last_latin + 1);
            if (ok) g.latin = true;
        }
        if (!ok) {
            bool repeat = !g.last_parts.empty() && n.value() == g.last_parts.back();
            Message m{"đề mục \"" + h.text + "\" " + (repeat ? "lặp lại số" : "sai số thứ tự") + "; số mong đợi: \"" + expected_text() + "\"",
                      "heading \"" + h.text + "\" " + (repeat ? "repeats its number" : "is out of sequence") + "; expected \"" +
                          expected_text() + "\""};
            report(m, {"Đánh số liên tiếp, không bỏ cách, không lặp; nếu vừa chèn hoặc xóa một mục, đánh số lại các mục sau.",
                       "Number siblings consecutively; after inserting or removing a section, renumber the ones after it."});
        }
        g.last_parts = n.parts;
        g.last_latin = latin_index(n);
    }
}

void check_heading_numbering(const Document& doc, Diagnostics& out) {
    if (!doc.type) return;
    std::vector<std::vector<const Heading*>> outlines(doc.appendices.size() + 1);
    for (const Heading& h : doc.headings)
        if (!h.opens_appendix && static_cast<size_t>(h.part) < outlines.size()) outlines[static_cast<size_t>(h.part)].push_back(&h);
    for (const auto& outline : outlines) check_outline_numbering(doc, outline, out);
}

}  // namespace vanban
