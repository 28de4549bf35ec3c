// heading-numbering: the numbers of the outline, each sibling sequence in its style and order,
// and each style against what the type allows at its level.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <tuple>

#include "check/checks.h"
#include "text/unicode.h"

namespace vanban {

namespace {

// Headings that share a parent and a level in one part of the document (the main body or one
// appendix): their numbers form one sequence.
using GroupKey = std::tuple<int, int, int>;  // part, parent heading (-1: none), level

struct SiblingGroup {
    std::vector<size_t> members;            // heading indexes, in order
    NumberStyle style = NumberStyle::None;  // the style most of them use
    Alphabet alphabet = Alphabet::Vietnamese;  // for lettered points
    bool upper_case = false;                // "A." rather than "a)"
    std::vector<int> chain;                 // the multi-level prefix they continue: {2} for "2.1."
    // While walking the sequence, resynchronised on what the author wrote after each break:
    std::vector<int> last_parts;            // the previous sibling's number
    std::optional<int> broken_expected;     // what the previous sibling should have been, when it broke
    bool style_checked = false, level_reported = false;
};

// How many breaks a letter sequence has when read in an alphabet.
int letter_breaks(const std::vector<std::string>& letters, Alphabet alphabet) {
    int breaks = 0, last = 0;
    for (const auto& l : letters) {
        int at = letter_position(l, alphabet);
        if (at != last + 1) ++breaks;
        if (at > 0) last = at;
    }
    return breaks;
}

std::string letter_text(int position, const SiblingGroup& g) {
    std::string l = letter_at(position, g.alphabet);
    return g.upper_case ? to_upper(l) + "." : l + ")";
}

std::string alphabet_sample(Alphabet a) {
    return a == Alphabet::Vietnamese ? "a) b) c) d) đ) e) g) h) i) k)…" : "a) b) c) d) e) f) g) h)…";
}

// Decides each sequence's style (the one most siblings use, so one odd sibling is the one reported)
// and each letter sequence's alphabet: its own letters, else the document's other sequences, else
// the alphabet that reads it with fewer breaks (Vietnamese when equal). Upper-case parts ("A.", "B.")
// follow only their own letters.
void settle_groups(const std::vector<const Heading*>& hs, std::map<GroupKey, SiblingGroup>& groups) {
    int vietnamese_votes = 0, latin_votes = 0;
    std::map<GroupKey, std::optional<Alphabet>> own;
    std::map<GroupKey, std::vector<std::string>> letters;
    for (auto& [key, g] : groups) {
        std::map<NumberStyle, int> counts;
        for (size_t i : g.members)
            if (hs[i]->number.style != NumberStyle::None) ++counts[hs[i]->number.style];
        for (size_t i : g.members) {
            NumberStyle st = hs[i]->number.style;
            if (st != NumberStyle::None && (g.style == NumberStyle::None || counts[st] > counts[g.style])) g.style = st;
        }
        if (g.style != NumberStyle::Letter) continue;
        for (size_t i : g.members)
            if (hs[i]->number.style == NumberStyle::Letter) {
                if (letters[key].empty()) g.upper_case = std::isupper(static_cast<unsigned char>(hs[i]->number.written[0])) != 0;
                letters[key].push_back(hs[i]->number.letter);
            }
        own[key] = alphabet_of_letters(letters[key]);
        if (own[key] && !g.upper_case) ++(*own[key] == Alphabet::Vietnamese ? vietnamese_votes : latin_votes);
    }
    std::optional<Alphabet> document_alphabet;
    if (vietnamese_votes != latin_votes) document_alphabet = vietnamese_votes > latin_votes ? Alphabet::Vietnamese : Alphabet::Latin;
    for (auto& [key, g] : groups) {
        if (g.style != NumberStyle::Letter) continue;
        if (own[key])
            g.alphabet = *own[key];
        else if (document_alphabet && !g.upper_case)
            g.alphabet = *document_alphabet;
        else
            g.alphabet = letter_breaks(letters[key], Alphabet::Latin) < letter_breaks(letters[key], Alphabet::Vietnamese)
                             ? Alphabet::Latin
                             : Alphabet::Vietnamese;
    }
}

// Same numbering style: multi-level numbers of one depth, letters of one case.
bool same_style(const HeadingNumber& a, const HeadingNumber& b) {
    return a.style == b.style && (a.style != NumberStyle::MultiLevel || a.parts.size() == b.parts.size()) &&
           (a.style != NumberStyle::Letter ||
            std::isupper(static_cast<unsigned char>(a.written[0])) == std::isupper(static_cast<unsigned char>(b.written[0])));
}

// The entries of the outline, each with its parent, level, depth and sibling group.
struct Outline {
    std::vector<const Heading*> entries;
    std::vector<int> parent, depth, level;  // parent -1: none
    std::vector<GroupKey> group_of;
    std::map<GroupKey, SiblingGroup> groups;
};

// The body and each appendix ("# Phụ lục I: …" itself is no section) have outlines of their own,
// whose numbering starts again at "I." / "1."; letter alphabets are read across the document.
// Numbered paragraphs ("3. Nâng cao …" kept as a paragraph by import) are entries of the outline too.
std::vector<const Heading*> outline_entries(const Document& doc) {
    std::vector<const Heading*> hs;
    for (const Heading& h : doc.headings)
        if (!h.opens_appendix) hs.push_back(&h);
    for (const Heading& p : doc.numbered_paragraphs) hs.push_back(&p);
    std::stable_sort(hs.begin(), hs.end(), [](const Heading* a, const Heading* b) { return a->at.line < b->at.line; });
    return hs;
}

// The level of entry i below the open entries on `stack`. A paragraph is the sibling of the nearest
// open entry numbered like it, else the child of the last one. A heading keeps its "#" level, except
// among numbered paragraphs, whose level the importer could not write: it is the sibling of an open
// paragraph numbered like it, and the child of one numbered otherwise at its level ("2. …" then
// "## a) …").
int placed_level(const Outline& o, const std::vector<int>& stack, size_t i) {
    const Heading& entry = *o.entries[i];
    bool paragraph = entry.level == 0;
    int level = paragraph ? (stack.empty() ? 1 : o.level[static_cast<size_t>(stack.back())] + 1) : entry.level;
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
        const Heading& open = *o.entries[static_cast<size_t>(*it)];
        int open_level = o.level[static_cast<size_t>(*it)];
        if (same_style(open.number, entry.number) && (paragraph || open.level == 0)) return open_level;
        if (paragraph) continue;
        if (open_level < level) break;  // its parent: the heading stays at its level
        if (open.level == 0 && open_level == level) return open_level + 1;
    }
    return level;
}

// Parent and depth of each entry within its part. The depth counts the levels really used, so
// "#" then "###" is one skipped level, not a deeper outline with other numbering rules.
Outline build_outline(const Document& doc) {
    Outline o;
    o.entries = outline_entries(doc);
    const auto& hs = o.entries;
    o.parent.assign(hs.size(), -1);
    o.depth.assign(hs.size(), 1);
    o.level.assign(hs.size(), 1);
    o.group_of.resize(hs.size());
    std::vector<int> stack;
    for (size_t i = 0; i < hs.size(); ++i) {
        if (i > 0 && hs[i]->part != hs[i - 1]->part) stack.clear();
        o.level[i] = placed_level(o, stack, i);
        while (!stack.empty() && o.level[static_cast<size_t>(stack.back())] >= o.level[i]) stack.pop_back();
        o.parent[i] = stack.empty() ? -1 : stack.back();
        o.depth[i] = o.parent[i] < 0 ? 1 : o.depth[static_cast<size_t>(o.parent[i])] + 1;
        stack.push_back(static_cast<int>(i));
        o.group_of[i] = {hs[i]->part, o.parent[i], o.level[i]};
        SiblingGroup& g = o.groups[o.group_of[i]];
        if (g.members.empty() && o.parent[i] >= 0) {
            const HeadingNumber& pn = hs[static_cast<size_t>(o.parent[i])]->number;
            if (pn.style == NumberStyle::Arabic || pn.style == NumberStyle::MultiLevel || pn.style == NumberStyle::Roman) g.chain = pn.parts;
        }
        g.members.push_back(i);
    }
    settle_groups(hs, o.groups);
    return o;
}

// One entry of the outline being checked, with what its sibling group expects of it.
struct EntryCheck {
    const Document& doc;
    Diagnostics& out;
    Outline& outline;
    size_t index;
    const Heading& h;
    SiblingGroup& g;
    const Heading* parent;             // nullptr at the top of its part
    int parent_level;                  // 0 at the top
    std::vector<NumberStyle> allowed;  // the type's styles at its depth; none in an appendix
    NumberStyle expected_style;
    int expected;                      // the value its number should have

    bool in_appendix() const { return h.part > 0; }
    void report(Message m, Message hint) const {
        out.push_back(error_at(doc, h.at, "heading-numbering", std::move(m), std::move(hint)));
    }
    std::vector<int> expected_parts() const {
        std::vector<int> parts = expected_style == NumberStyle::MultiLevel ? g.chain : std::vector<int>{};
        parts.push_back(expected);
        return parts;
    }
    std::string expected_text() const {
        return expected_style == NumberStyle::Letter ? letter_text(expected, g) : format_number(expected_style, expected_parts());
    }
};

EntryCheck entry_check(const Document& doc, Diagnostics& out, Outline& o, size_t i) {
    const Heading& h = *o.entries[i];
    SiblingGroup& g = o.groups[o.group_of[i]];
    int p = o.parent[i];
    // An appendix has its own outline: only its sequences are checked, not the type's styles per level.
    bool appendix = h.part > 0;
    const auto& allowed_by_level = doc.type->numbering;
    std::vector<NumberStyle> allowed;
    size_t level_index = static_cast<size_t>(o.depth[i] - 1);
    if (!appendix && level_index < allowed_by_level.size()) allowed = allowed_by_level[level_index];
    NumberStyle expected_style = g.style != NumberStyle::None ? g.style : (allowed.empty() ? NumberStyle::None : allowed.front());
    if (expected_style == NumberStyle::MultiLevel && g.chain.empty()) expected_style = NumberStyle::Arabic;
    int expected = g.last_parts.empty() ? 1 : g.last_parts.back() + 1;
    return {doc,
            out,
            o,
            i,
            h,
            g,
            p >= 0 ? o.entries[static_cast<size_t>(p)] : nullptr,
            p >= 0 ? o.level[static_cast<size_t>(p)] : 0,
            std::move(allowed),
            expected_style,
            expected};
}

// "###" right under "#": reported once per sibling group.
void check_level_skip(EntryCheck& c) {
    int level = c.outline.level[c.index];
    if (!c.parent || level <= c.parent_level + 1 || c.g.level_reported) return;
    c.g.level_reported = true;
    const Heading& h = c.h;
    std::string want(static_cast<size_t>(c.parent_level + 1), '#');
    std::string lv = std::to_string(level), plv = std::to_string(c.parent_level), skipped = std::to_string(c.parent_level + 1);
    c.report({"đề mục cấp " + lv + " \"" + h.text + "\" nằm ngay dưới đề mục cấp " + plv + " \"" + c.parent->text + "\": bỏ qua cấp " + skipped,
              "level " + lv + " heading \"" + h.text + "\" sits right under level " + plv + " heading \"" + c.parent->text + "\": level " +
                  skipped + " is skipped"},
             {"Viết \"" + want + "\" cho đề mục này và các đề mục cùng cấp với nó.", "Write \"" + want + "\" for this heading and its siblings."});
}

void check_unnumbered(EntryCheck& c, bool numbered_type) {
    const Heading& h = c.h;
    if (numbered_type && !c.in_appendix() && c.expected_style != NumberStyle::None)
        c.report({"đề mục \"" + h.text + "\" chưa có số thứ tự; số mong đợi: \"" + c.expected_text() + "\"",
                  "heading \"" + h.text + "\" has no number; expected \"" + c.expected_text() + "\""},
                 {"Viết số ở đầu đề mục như trên bản giấy: \"" + std::string(static_cast<size_t>(h.level), '#') + " " + c.expected_text() +
                      " " + h.text + "\".",
                  "Write the number at the start of the heading, as on paper."});
    // Count it as if numbered, so the siblings after it are not all reported too.
    if (c.expected_style != NumberStyle::None) c.g.last_parts = c.expected_parts();
}

// The siblings after it follow the one before it.
void report_other_style(const EntryCheck& c) {
    const Heading& h = c.h;
    c.report({"đề mục \"" + h.text + "\" dùng kiểu số khác các đề mục cùng cấp; số mong đợi: \"" + c.expected_text() + "\"",
              "heading \"" + h.text + "\" is numbered in another style than its siblings; expected \"" + c.expected_text() + "\""},
             {"Các đề mục cùng cấp dùng chung một kiểu số (I, II… / 1, 2… / 1.1… / a, b…).",
              "Siblings share one numbering style (I, II… / 1, 2… / 1.1… / a, b…)."});
}

// The group's style against the type's styles at its depth, once per group.
void check_style_allowed(EntryCheck& c) {
    if (c.g.style_checked) return;
    c.g.style_checked = true;
    const Heading& h = c.h;
    NumberStyle style = h.number.style;
    if (c.allowed.empty() || std::find(c.allowed.begin(), c.allowed.end(), style) != c.allowed.end()) return;
    std::string styles;
    for (auto s : c.allowed) styles += (styles.empty() ? "" : ", ") + style_example(s);
    std::string depth = std::to_string(c.outline.depth[c.index]);
    const std::string& type = c.doc.type->id;
    c.report({"đề mục cấp " + depth + " \"" + h.text + "\" dùng kiểu số \"" + style_example(style) + "\"; loại " + type + " dùng " + styles +
                  " ở cấp này",
              "level " + depth + " heading \"" + h.text + "\" is numbered like \"" + style_example(style) + "\"; type " + type + " uses " +
                  styles + " at this level"},
             {"Đổi kiểu đánh số, hoặc đổi số dấu # cho đúng cấp của đề mục.",
              "Change the numbering style, or the number of # to the heading's real level."});
}

// A multi-level number that does not continue its parent's: reported, then the group follows it.
// Returns whether it broke the chain.
bool chain_broken(EntryCheck& c) {
    const HeadingNumber& n = c.h.number;
    SiblingGroup& g = c.g;
    if (n.style != NumberStyle::MultiLevel || g.chain.empty()) return false;
    std::vector<int> prefix(n.parts.begin(), n.parts.end() - 1);
    if (prefix == g.chain) return false;
    // "2.1." under "1.": most often the heading "2." itself was not written (or not
    // imported as a heading); the siblings after it follow "2." and "3." is then in sequence.
    const HeadingNumber& pn = c.parent->number;
    const std::vector<int>& pp = pn.parts;
    bool missing_parent =
        prefix.size() == pp.size() && std::equal(pp.begin(), pp.end() - 1, prefix.begin()) && prefix.back() == pp.back() + 1;
    std::string parent_text = format_number(pn.style, prefix);
    std::vector<int> want = g.chain;
    want.push_back(c.expected);
    if (missing_parent)
        c.report({"đề mục \"" + n.written + "\" nằm dưới đề mục \"" + pn.written + "\": thiếu đề mục \"" + parent_text + "\" trước nó",
                  "heading \"" + n.written + "\" sits under \"" + pn.written + "\": the heading \"" + parent_text + "\" before it is missing"},
                 {"Thêm đề mục \"" + std::string(static_cast<size_t>(c.parent_level), '#') + " " + parent_text +
                      " …\" ngay trước, hoặc sửa số của đề mục này.",
                  "Add the heading right before it, or correct this heading's number."});
    else
        c.report({"đề mục \"" + n.written + "\" không thuộc đề mục cha \"" + pn.written + "\"; số mong đợi: \"" +
                      format_number(NumberStyle::MultiLevel, want) + "\"",
                  "heading \"" + n.written + "\" does not belong under \"" + pn.written + "\"; expected \"" +
                      format_number(NumberStyle::MultiLevel, want) + "\""},
                 {"Số nhiều cấp phải bắt đầu bằng số của đề mục cha.", "A multi-level number starts with its parent's number."});
    if (missing_parent) c.outline.groups[c.outline.group_of[static_cast<size_t>(c.outline.parent[c.index])]].last_parts = prefix;
    // Resynchronise: the siblings after it continue this prefix.
    g.chain = prefix;
    g.last_parts = n.parts;
    g.broken_expected.reset();
    return true;
}

// The number's place in its sequence; none for a letter outside the group's alphabet (reported).
// Notes the first letter where a Latin sequence parts from the Vietnamese one.
std::optional<int> sequence_value(const EntryCheck& c, std::optional<size_t>& first_latin) {
    const HeadingNumber& n = c.h.number;
    const SiblingGroup& g = c.g;
    if (n.style != NumberStyle::Letter) return n.value();
    int value = letter_position(n.letter, g.alphabet);
    if (value == 0) {
        bool vi = g.alphabet == Alphabet::Vietnamese;
        c.report({"đề mục \"" + c.h.text + "\": chữ \"" + n.letter + "\" không có trong bảng chữ cái " + (vi ? "tiếng Việt" : "La-tinh") +
                      " mà dãy này dùng; số mong đợi: \"" + c.expected_text() + "\"",
                  "heading \"" + c.h.text + "\": the letter \"" + n.letter + "\" is not in the " + (vi ? "Vietnamese" : "Latin") +
                      " alphabet this sequence uses; expected \"" + c.expected_text() + "\""},
                 {"Một dãy dùng một bảng chữ cái: " + alphabet_sample(g.alphabet) + ".",
                  "One sequence uses one alphabet: " + alphabet_sample(g.alphabet) + "."});
        return std::nullopt;
    }
    if (g.alphabet == Alphabet::Latin && !g.upper_case && value >= 5 && !first_latin) first_latin = c.index;
    return value;
}

// After a break, the author's own numbering is followed: "1. 2. 4. 5." breaks once at "4.",
// and "1. 2. 5. 4." (a typo for "3.") once at "5.".
void check_sequence(EntryCheck& c, int value) {
    const HeadingNumber& n = c.h.number;
    SiblingGroup& g = c.g;
    bool ok = value == c.expected || (g.broken_expected && value == *g.broken_expected + 1);
    if (!ok) {
        bool repeat = !g.last_parts.empty() && value == g.last_parts.back();
        Message hint{"Đánh số liên tiếp, không bỏ cách, không lặp; nếu vừa chèn hoặc xóa một mục, đánh số lại các mục sau.",
                     "Number siblings consecutively; after inserting or removing a section, renumber the ones after it."};
        if (n.style == NumberStyle::Letter) {
            bool vi = g.alphabet == Alphabet::Vietnamese;
            hint = {"Dãy chữ cái theo bảng chữ cái " + std::string(vi ? "tiếng Việt" : "La-tinh") + ": " + alphabet_sample(g.alphabet) + ".",
                    "The letters follow the " + std::string(vi ? "Vietnamese" : "Latin") + " alphabet: " + alphabet_sample(g.alphabet) + "."};
        }
        c.report({"đề mục \"" + c.h.text + "\" " + (repeat ? "lặp lại số" : "sai số thứ tự") + "; số mong đợi: \"" + c.expected_text() + "\"",
                  "heading \"" + c.h.text + "\" " + (repeat ? "repeats its number" : "is out of sequence") + "; expected \"" +
                      c.expected_text() + "\""},
                 hint);
        g.broken_expected = c.expected;
    } else {
        g.broken_expected.reset();
    }
    g.last_parts = n.parts;
    if (n.style == NumberStyle::Letter) g.last_parts.back() = value;
}

// Latin letters are a deviation from NĐ30, not a break: one warning for the document.
void warn_latin_letters(const Document& doc, const Heading& h, Diagnostics& out) {
    out.push_back(warning_at(doc, h.at, "heading-numbering",
                             {"dãy chữ cái có \"" + h.number.written + "\" theo bảng chữ cái La-tinh (a) b) c) d) e) f)…); Nghị định 30/2020/NĐ-CP "
                              "(Phụ lục I, Mục II, khoản 6 điểm đ) đánh thứ tự theo bảng chữ cái tiếng Việt",
                              "the letter sequence with \"" + h.number.written + "\" follows the Latin alphabet (a) b) c) d) e) f)…); "
                              "Decree 30/2020/NĐ-CP (Appendix I, Section II, 6đ) counts in the Vietnamese alphabet"},
                             {"Đánh lại theo bảng chữ cái tiếng Việt: a) b) c) d) đ) e) g) h)… (không có f, j, w, z); "
                              "các dãy chữ cái khác của văn bản cũng vậy.",
                              "Renumber in the Vietnamese alphabet: a) b) c) d) đ) e) g) h)… (no f, j, w, z), and the document's other "
                              "letter sequences likewise."}));
}

}  // namespace

void check_heading_numbering(const Document& doc, Diagnostics& out) {
    if (!doc.type) return;
    bool numbered_type = !doc.type->numbering.empty();
    Outline outline = build_outline(doc);
    std::optional<size_t> first_latin;
    for (size_t i = 0; i < outline.entries.size(); ++i) {
        EntryCheck c = entry_check(doc, out, outline, i);
        check_level_skip(c);
        NumberStyle style = c.h.number.style;
        if (style == NumberStyle::None) {
            check_unnumbered(c, numbered_type);
            continue;
        }
        if (style != c.g.style) {
            report_other_style(c);
            continue;
        }
        check_style_allowed(c);
        if (chain_broken(c)) continue;
        if (std::optional<int> value = sequence_value(c, first_latin)) check_sequence(c, *value);
    }
    if (first_latin) warn_latin_letters(doc, *outline.entries[*first_latin], out);
}

}  // namespace vanban
