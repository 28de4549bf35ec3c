// required-section and section-order: the top level of the body's outline against the type's sections.
#include <algorithm>
#include <optional>

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
            for (const auto& w : required[r].wording_keys)
                if (keys[i] == w) {
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
            for (size_t k = 0; k < rs.wordings.size(); ++k)
                if (const std::string& w = rs.wordings[k]; edit_distance(keys[i], rs.wording_keys[k]) <= 2) {
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

}  // namespace vanban
