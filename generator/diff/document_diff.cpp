#include "diff/document_diff.h"

#include <algorithm>
#include <deque>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "text/unicode.h"

namespace vanban {

namespace {

bool has_digit(const std::string& s) { return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); }

// A text with its white space runs read as one space, so rewrapping is no change.
std::string collapsed(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// The stretches between the items two sequences keep: old items [a0, a1) against new [b0, b1).
struct Gap {
    size_t a0, a1, b0, b1;
};

std::vector<Gap> gaps_between(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b, AlignStats* stats) {
    std::vector<Gap> out;
    size_t i = 0, j = 0;
    auto same = align_sequences(a, b, stats);
    same.emplace_back(a.size(), b.size());
    for (const auto& [si, sj] : same) {
        if (i < si || j < sj) out.push_back({i, si, j, sj});
        i = si + 1, j = sj + 1;
    }
    return out;
}

// For each old item of a gap, the new item it became (or -1): the most alike above
// `threshold`, among a window of new items around its place, so a long gap costs linear work.
std::vector<long> pair_by_likeness(const Gap& g, const std::function<double(size_t, size_t)>& likeness, double threshold) {
    constexpr size_t kWindow = 16;
    size_t n = g.a1 - g.a0, m = g.b1 - g.b0;
    std::vector<long> pair(n, -1);
    std::vector<bool> used(m, false);
    for (size_t k = 0; k < n && m > 0; ++k) {
        size_t centre = n > 1 ? k * (m - 1) / (n - 1) : 0;
        size_t from = centre > kWindow ? centre - kWindow : 0, to = std::min(m, centre + kWindow + 1);
        double best = threshold;
        for (size_t c = from; c < to; ++c)
            if (!used[c]) {
                double s = likeness(g.a0 + k, g.b0 + c);
                if (s > best) best = s, pair[k] = static_cast<long>(g.b0 + c);
            }
        if (pair[k] >= 0) used[static_cast<size_t>(pair[k]) - g.b0] = true;
    }
    return pair;
}

// Reader's names for the front-matter keys.
std::vector<FieldChange> compare_fields(const Document& a, const Document& b, AlignStats* stats) {
    std::vector<FieldChange> out;
    auto field = [&](const char* key, const char* label, const std::string& x, const std::string& y) {
        if (x != y) out.push_back({key, label, x, y});
    };
    // A list field item by item: the items kept are not shown, an edited item is shown as changed.
    auto list = [&](const char* key, const char* label, const std::vector<std::string>& x, const std::vector<std::string>& y) {
        Interner items;
        std::vector<uint32_t> kx, ky;
        for (const auto& s : x) kx.push_back(items.id(collapsed(s)));
        for (const auto& s : y) ky.push_back(items.id(collapsed(s)));
        for (const Gap& g : gaps_between(kx, ky, stats)) {
            auto pair = pair_by_likeness(g, [&](size_t i, size_t j) { return similarity(x[i], y[j]); }, 0.5);
            std::vector<bool> taken(g.b1 - g.b0, false);
            for (size_t i = g.a0; i < g.a1; ++i) {
                long j = pair[i - g.a0];
                if (j >= 0) taken[static_cast<size_t>(j) - g.b0] = true;
                out.push_back({key, label, x[i], j >= 0 ? y[static_cast<size_t>(j)] : ""});
            }
            for (size_t j = g.b0; j < g.b1; ++j)
                if (!taken[j - g.b0]) out.push_back({key, label, "", y[j]});
        }
    };
    auto signer = [](const Document& d) {
        std::string s;
        for (const std::string* part : {&d.signer.authority, &d.signer.position, &d.signer.name})
            if (!part->empty()) s += (s.empty() ? "" : " / ") + *part;
        return s;
    };
    auto type_name = [](const Document& d) { return d.type ? d.type->name : d.type_id; };
    field("loai", "Loại văn bản", type_name(a), type_name(b));
    field("ky_hieu", "Số, ký hiệu", a.symbol, b.symbol);
    if (a.symbol == b.symbol)  // the number is part of the ký hiệu, shown once
        field("so", "Số", a.number ? std::to_string(*a.number) : "", b.number ? std::to_string(*b.number) : "");
    field("ngay", "Ngày ban hành", a.date ? a.date->short_vi() : "", b.date ? b.date->short_vi() : "");
    field("nam_hoc", "Năm học", a.school_year ? a.school_year->text() : "", b.school_year ? b.school_year->text() : "");
    field("trich_yeu", "Trích yếu", a.subject, b.subject);
    field("tieu_de", "Tiêu đề", a.page_title, b.page_title);
    field("danh_muc", "Danh mục", a.category, b.category);
    field("nguoi_ky", "Người ký", signer(a), signer(b));
    auto issuer = [](const Document& d) {
        if (!d.issuing_body) return std::string();
        const IssuingBody& i = *d.issuing_body;
        return (i.parent.empty() ? "" : i.parent + " / ") + i.name + (i.place.empty() ? "" : " (" + i.place + ")");
    };
    field("co_quan_ban_hanh", "Cơ quan ban hành", issuer(a), issuer(b));
    auto approval = [](const Document& d) {
        if (!d.superior_approval) return std::string();
        const SuperiorApproval& s = *d.superior_approval;
        std::string out = s.heading;
        for (const std::string* part : {&s.signer.authority, &s.signer.position, &s.signer.name})
            if (!part->empty()) out += " / " + *part;
        return out + (s.date ? ", " + s.date->short_vi() : "");
    };
    field("duyet_cap_tren", "Phê duyệt của cấp trên", approval(a), approval(b));
    list("kinh_gui", "Kính gửi", a.addressees, b.addressees);
    list("noi_nhan", "Nơi nhận", a.recipients, b.recipients);
    return out;
}

// The numbers that changed in a document, each said once: the ones already listed are kept in a
// hash set, because a long document can change tens of thousands of numbers and a scan of the
// list for each would make the comparison quadratic.
struct NumberList {
    std::vector<NumberChange>& out;
    std::unordered_set<std::string> listed;

    void add(NumberChange change) { out.push_back(std::move(change)); }
    void add_once(NumberChange change) {
        std::string key = change.section + '\x1f' + change.context + '\x1f' + change.old_value + '\x1f' + change.new_value;
        if (listed.insert(std::move(key)).second) add(std::move(change));
    }
};

// A number that a word change replaced, with the words just before it as context and its
// unit and the next words after it ("100 % học sinh"), so the summary reads on its own.
void collect_numbers(const std::string& section, const std::vector<WordChange>& words, NumberList& out) {
    auto is_stop = [](const std::string& t) {
        return t == "," || t == "." || t == ";" || t == ":" || t == "(" || t == ")" || t == "!" || t == "?" || t == "\"" || t == "\u201C" ||
               t == "\u201D";
    };
    auto is_unit = [](const std::string& t) { return t == "%" || t == "‰" || t == "°C"; };
    for (size_t k = 0; k + 1 < words.size(); ++k) {
        if (words[k].op != WordChange::Op::Delete || words[k + 1].op != WordChange::Op::Insert) continue;
        if (!has_digit(words[k].text) || !has_digit(words[k + 1].text)) continue;
        std::string context;
        if (k > 0 && words[k - 1].op == WordChange::Op::Equal) {
            const std::string& text = words[k - 1].text;
            std::vector<Token> before = tokenize(text);
            while (!before.empty() && (before.back().text == "(" || before.back().text == "," || before.back().text == ":")) before.pop_back();
            if (!before.empty()) {
                // Up to six words, not reaching back past a punctuation mark.
                size_t from = before.size() > 6 ? before.size() - 6 : 0;
                for (size_t k2 = before.size(); k2-- > from;)
                    if (is_stop(before[k2].text)) {
                        from = k2 + 1;
                        break;
                    }
                if (from < before.size()) context = text.substr(before[from].begin, before.back().end - before[from].begin);
            }
        }
        std::string tail;  // the unit and up to two words after the number, up to a punctuation mark
        if (k + 2 < words.size() && words[k + 2].op == WordChange::Op::Equal) {
            const std::string& text = words[k + 2].text;
            std::vector<Token> after = tokenize(text);
            size_t taken = 0, end = 0, n = 0;
            for (const auto& t : after) {
                if (is_stop(t.text) || n == 2) break;
                if (!is_unit(t.text)) ++n;
                end = t.end, ++taken;
            }
            if (taken > 0) tail = (words[k + 2].space_before ? " " : "") + text.substr(0, end);
        }
        // The same change said twice in a section (a school year in every paragraph) is listed once.
        out.add_once({section, context, words[k].text + tail, words[k + 1].text + tail});
    }
}

std::string joined_cells(const std::vector<std::string>& row, const char* between) {
    std::string s;
    for (const auto& c : row) s += (s.empty() ? "" : between) + collapsed(c);
    return s;
}

// A row as a reader names it: its first cell, with the second when the first is only an
// ordinal ("1", "2.", "I", "…") or empty.
std::string row_label(const std::vector<std::string>& row, size_t index) {
    if (index == 0) return "Dòng tiêu đề";
    std::string first = row.empty() ? "" : collapsed(row[0]);
    bool ordinal = std::all_of(first.begin(), first.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ')' || c == 'I' || c == 'V' || c == 'X'; }) ||
                   first == "…";
    if (ordinal && row.size() > 1 && !collapsed(row[1]).empty()) return first.empty() ? collapsed(row[1]) : first + " – " + collapsed(row[1]);
    return first.empty() ? "Dòng " + std::to_string(index + 1) : first;
}

// Rows kept in order are not shown; the others are paired by their label, then by likeness,
// and compared cell by cell under the new table's header.
std::vector<RowChange> compare_tables(const Block& ta, const Block& tb, const std::string& section, NumberList& numbers,
                                      AlignStats* stats) {
    Interner rows;
    std::vector<uint32_t> ka, kb;
    for (const auto& r : ta.rows) ka.push_back(rows.id(joined_cells(r, "\x1f")));
    for (const auto& r : tb.rows) kb.push_back(rows.id(joined_cells(r, "\x1f")));
    const std::vector<std::string> header = tb.rows.empty() ? std::vector<std::string>{} : tb.rows[0];
    std::vector<RowChange> out;
    for (const Gap& g : gaps_between(ka, kb, stats)) {
        Interner words;
        std::vector<std::vector<uint32_t>> bag_a, bag_b;
        for (size_t i = g.a0; i < g.a1; ++i) bag_a.push_back(word_bag(joined_cells(ta.rows[i], " "), words));
        for (size_t j = g.b0; j < g.b1; ++j) bag_b.push_back(word_bag(joined_cells(tb.rows[j], " "), words));
        auto pair = pair_by_likeness(
            g,
            [&](size_t i, size_t j) {
                std::string la = row_label(ta.rows[i], i), lb = row_label(tb.rows[j], j);
                if (la == lb) return 2.0;  // the same label wins over any likeness
                return bag_similarity(bag_a[i - g.a0], bag_b[j - g.b0]);
            },
            0.5);
        std::vector<bool> taken(g.b1 - g.b0, false);
        for (size_t i = g.a0; i < g.a1; ++i) {
            long pj = pair[i - g.a0];
            if (pj < 0) {
                out.push_back({RowChange::Kind::Removed, row_label(ta.rows[i], i), ta.rows[i], {}});
                continue;
            }
            size_t j = static_cast<size_t>(pj);
            taken[j - g.b0] = true;
            const auto &before = ta.rows[i], &after = tb.rows[j];
            RowChange change{RowChange::Kind::Changed, row_label(after, j), {}, {}};
            for (size_t c = 0; c < std::max(before.size(), after.size()); ++c) {
                std::string x = c < before.size() ? collapsed(before[c]) : "", y = c < after.size() ? collapsed(after[c]) : "";
                if (x == y) continue;
                std::string column = c < header.size() && !collapsed(header[c]).empty() ? collapsed(header[c]) : "Cột " + std::to_string(c + 1);
                change.changes.push_back({column, x, y});
                if (has_digit(x) && has_digit(y)) numbers.add({section, change.row + " (" + column + ")", x, y});
            }
            if (!change.changes.empty()) out.push_back(std::move(change));
        }
        for (size_t j = g.b0; j < g.b1; ++j)
            if (!taken[j - g.b0]) out.push_back({RowChange::Kind::Added, row_label(tb.rows[j], j), tb.rows[j], {}});
    }
    return out;
}

std::string block_text(const Block& b) {
    if (b.kind != Block::Kind::Table) return b.text;
    std::string s;
    for (const auto& row : b.rows) s += joined_cells(row, " ") + " ";
    return s;
}

// Blocks kept in order are not shown; the others are paired by kind and likeness: a changed
// paragraph word by word, a changed table row by row, an added or removed table whole.
void compare_blocks(const Section& a, const Section& b, SectionDiff& d, NumberList& numbers, AlignStats* stats) {
    Interner keys;
    auto key = [&](const Block& x) {
        return keys.id(x.kind == Block::Kind::Table ? "t|" + [&] {
            std::string s;
            for (const auto& row : x.rows) s += joined_cells(row, "\x1f") + "\x1e";
            return s;
        }()
                                                    : "p|" + collapsed(x.text));
    };
    std::vector<uint32_t> ka, kb;
    for (const auto& x : a.blocks) ka.push_back(key(x));
    for (const auto& x : b.blocks) kb.push_back(key(x));
    for (const Gap& g : gaps_between(ka, kb, stats)) {
        Interner words;
        std::vector<std::vector<uint32_t>> bag_a, bag_b;
        for (size_t i = g.a0; i < g.a1; ++i) bag_a.push_back(word_bag(block_text(a.blocks[i]), words));
        for (size_t j = g.b0; j < g.b1; ++j) bag_b.push_back(word_bag(block_text(b.blocks[j]), words));
        auto pair = pair_by_likeness(
            g,
            [&](size_t i, size_t j) {
                bool table = a.blocks[i].kind == Block::Kind::Table;
                if (table != (b.blocks[j].kind == Block::Kind::Table)) return 0.0;
                return bag_similarity(bag_a[i - g.a0], bag_b[j - g.b0]);
            },
            0.45);
        std::vector<bool> taken(g.b1 - g.b0, false);
        auto whole = [](BlockChange::Kind kind, const Block& x) {
            BlockChange c;
            c.kind = kind;
            c.table = x.kind == Block::Kind::Table;
            (kind == BlockChange::Kind::Added ? c.new_text : c.old_text) = x.text;
            c.rows = x.rows;
            return c;
        };
        for (size_t i = g.a0; i < g.a1; ++i) {
            long pj = pair[i - g.a0];
            if (pj < 0) {
                d.blocks.push_back(whole(BlockChange::Kind::Removed, a.blocks[i]));
                continue;
            }
            const Block &before = a.blocks[i], &after = b.blocks[static_cast<size_t>(pj)];
            taken[static_cast<size_t>(pj) - g.b0] = true;
            BlockChange c;
            if (before.kind == Block::Kind::Table) {
                c.table = true;
                c.row_changes = compare_tables(before, after, b.path, numbers, stats);
                if (c.row_changes.empty()) continue;
            } else {
                c.old_text = before.text, c.new_text = after.text;
                c.words = word_diff(before.text, after.text, stats);
                if (c.words.size() == 1 && c.words[0].op == WordChange::Op::Equal) continue;  // spacing only
                collect_numbers(b.path, c.words, numbers);
            }
            d.blocks.push_back(std::move(c));
        }
        for (size_t j = g.b0; j < g.b1; ++j)
            if (!taken[j - g.b0]) d.blocks.push_back(whole(BlockChange::Kind::Added, b.blocks[j]));
    }
}

// Old section for each new one: the same heading at the same place, then the same heading
// elsewhere, then the most alike content at the same level (among a window of candidates).
std::vector<long> match_sections(const std::vector<Section>& a, const std::vector<Section>& b) {
    std::vector<long> match(b.size(), -1);
    std::vector<bool> used(a.size(), false);
    auto by = [&](auto field, bool skip_empty) {
        std::unordered_map<std::string, std::deque<size_t>> free;
        for (size_t i = 0; i < a.size(); ++i)
            if (!used[i] && !(skip_empty && field(a[i]).empty())) free[field(a[i])].push_back(i);
        for (size_t j = 0; j < b.size(); ++j) {
            if (match[j] >= 0) continue;
            auto it = free.find(field(b[j]));
            if (it == free.end() || it->second.empty()) continue;
            size_t i = it->second.front();
            it->second.pop_front();
            match[j] = static_cast<long>(i), used[i] = true;
        }
    };
    by([](const Section& s) -> const std::string& { return s.key_path; }, false);
    by([](const Section& s) -> const std::string& { return s.key; }, true);
    std::vector<size_t> free_old, free_new;
    for (size_t i = 0; i < a.size(); ++i)
        if (!used[i]) free_old.push_back(i);
    for (size_t j = 0; j < b.size(); ++j)
        if (match[j] < 0) free_new.push_back(j);
    if (free_old.empty() || free_new.empty()) return match;
    Interner words;
    auto bag = [&](const Section& s) {
        std::string t;
        for (const auto& x : s.blocks) t += block_text(x) + " ";
        return word_bag(t, words);
    };
    std::vector<std::vector<uint32_t>> bag_a, bag_b;
    for (size_t i : free_old) bag_a.push_back(bag(a[i]));
    for (size_t j : free_new) bag_b.push_back(bag(b[j]));
    Gap all{0, free_new.size(), 0, free_old.size()};  // new sections look for old ones
    auto pair = pair_by_likeness(
        all,
        [&](size_t j, size_t i) {
            if (a[free_old[i]].level != b[free_new[j]].level) return 0.0;
            return bag_similarity(bag_a[i], bag_b[j]);
        },
        0.6);
    for (size_t j = 0; j < free_new.size(); ++j)
        if (pair[j] >= 0) match[free_new[j]] = static_cast<long>(free_old[static_cast<size_t>(pair[j])]);
    return match;
}

}  // namespace

DocumentDiff diff_documents(const Document* old_doc, const Document* new_doc, const std::string& old_name, const std::string& new_name,
                            AlignStats* stats) {
    DocumentDiff diff;
    diff.old_name = old_name;
    diff.new_name = new_name;
    if (!old_doc || !new_doc) {
        diff.status = old_doc ? "removed" : "added";
        return diff;
    }
    diff.front_matter = compare_fields(*old_doc, *new_doc, stats);
    std::vector<Section> a = document_outline(*old_doc), b = document_outline(*new_doc);
    std::vector<long> match = match_sections(a, b);
    std::vector<bool> old_used(a.size(), false);
    NumberList numbers{diff.numbers, {}};
    auto whole = [](const Section& s, BlockChange::Kind kind, SectionDiff& d) {
        for (const auto& blk : s.blocks) {
            BlockChange c;
            c.kind = kind;
            c.table = blk.kind == Block::Kind::Table;
            (kind == BlockChange::Kind::Added ? c.new_text : c.old_text) = blk.text;
            c.rows = blk.rows;
            d.blocks.push_back(std::move(c));
        }
    };
    for (size_t j = 0; j < b.size(); ++j) {
        SectionDiff d;
        d.path = b[j].path;
        if (match[j] < 0) {
            d.status = "added";
            whole(b[j], BlockChange::Kind::Added, d);
            diff.sections.push_back(std::move(d));
            continue;
        }
        const Section& old = a[static_cast<size_t>(match[j])];
        old_used[static_cast<size_t>(match[j])] = true;
        d.old_path = old.path;
        compare_blocks(old, b[j], d, numbers, stats);
        // Moved: now under another section than before (a renamed parent moves nothing).
        long old_parent = b[j].parent >= 0 ? match[static_cast<size_t>(b[j].parent)] : -1;
        if (old_parent != old.parent && old.key == b[j].key) d.status = "moved";
        else if (old.heading != b[j].heading && old.key == b[j].key) d.status = "renumbered";
        else if (old.heading != b[j].heading || !d.blocks.empty()) d.status = "changed";
        if (!d.status.empty()) diff.sections.push_back(std::move(d));
    }
    for (size_t i = 0; i < a.size(); ++i)
        if (!old_used[i]) {
            SectionDiff d;
            d.status = "removed";
            d.path = d.old_path = a[i].path;
            whole(a[i], BlockChange::Kind::Removed, d);
            diff.sections.push_back(std::move(d));
        }
    diff.status = diff.front_matter.empty() && diff.sections.empty() ? "unchanged" : "changed";
    return diff;
}

}  // namespace vanban
