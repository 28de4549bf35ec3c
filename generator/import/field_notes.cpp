#include "import/field_notes.h"

#include <algorithm>
#include <regex>

#include "import/line_text.h"
#include "text/numbering.h"

namespace vanban {

namespace {

const std::regex& note_marker() {
    static const std::regex marker(R"(\[\^(\d+)\])");
    return marker;
}

// A link in a field keeps its text; its address is reported.
void unlink(std::string& field, std::vector<std::string>& notes) {
    for (size_t open; (open = field.find(kLinkOpen)) != std::string::npos;) {
        size_t target = field.find(kLinkTarget, open), close = field.find(kLinkClose, open);
        if (target == std::string::npos || close == std::string::npos || close < target) {
            field.erase(open, 1);
            continue;
        }
        notes.push_back("liên kết \"" + field.substr(open + 1, target - open - 1) + "\" (" + field.substr(target + 1, close - target - 1) +
                        ") ở phần đầu văn bản: chỉ giữ chữ, không giữ địa chỉ");
        field.erase(target, close - target + 1);
        field.erase(open, 1);
    }
}

// Rewrites "[^n]" markers by `renumber` (0: leave as written).
void renumber_markers(std::string& text, const std::vector<size_t>& renumber) {
    std::string out;
    auto begin = std::sregex_iterator(text.begin(), text.end(), note_marker());
    size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        size_t n = static_cast<size_t>(digits_value((*it)[1].str()));
        out += text.substr(last, static_cast<size_t>(it->position()) - last);
        out += n < renumber.size() && renumber[n] ? "[^" + std::to_string(renumber[n]) + "]" : it->str();
        last = static_cast<size_t>(it->position() + it->length());
    }
    text = out + text.substr(last);
}

// Moves the given notes (1-based) to the start of the body and renumbers the ones kept.
void move_to_body(RecognizedDocument& r, const std::vector<size_t>& moved) {
    std::vector<BodyElement> opening;
    for (size_t n : moved) {
        opening.push_back({BodyElement::Kind::Paragraph, 0, "(" + r.footnotes[n - 1] + ")", {}});
        r.notes.push_back("chú thích " + std::to_string(n) + " ở phần đầu văn bản được chép thành đoạn đầu của phần thân");
    }
    std::vector<size_t> renumber(r.footnotes.size() + 1, 0);
    std::vector<std::string> kept;
    for (size_t n = 1; n <= r.footnotes.size(); ++n)
        if (std::find(moved.begin(), moved.end(), n) == moved.end()) {
            kept.push_back(r.footnotes[n - 1]);
            renumber[n] = kept.size();
        }
    for (auto& e : r.body) {
        renumber_markers(e.text, renumber);
        for (auto& row : e.rows)
            for (auto& cell : row) renumber_markers(cell, renumber);
    }
    r.footnotes = kept;
    r.body.insert(r.body.begin(), opening.begin(), opening.end());
}

}  // namespace

void move_notes_out_of_fields(RecognizedDocument& r) {
    std::vector<std::string*> fields = {&r.subject, &r.authority, &r.position, &r.signer, &r.approval.title, &r.approval.name};
    for (auto& a : r.addressees) fields.push_back(&a);
    for (auto& rcp : r.recipients) fields.push_back(&rcp);
    for (std::string* f : fields) unlink(*f, r.notes);
    std::vector<size_t> moved;  // 1-based note numbers
    for (std::string* f : fields)
        for (std::smatch m; std::regex_search(*f, m, note_marker());) {
            size_t n = static_cast<size_t>(digits_value(m[1].str()));
            *f = trim(m.prefix().str() + m.suffix().str());
            if (n >= 1 && n <= r.footnotes.size() && std::find(moved.begin(), moved.end(), n) == moved.end()) moved.push_back(n);
        }
    if (!moved.empty()) move_to_body(r, moved);
}

}  // namespace vanban
