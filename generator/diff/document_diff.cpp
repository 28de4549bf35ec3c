#include "diff/document_diff.h"

#include <algorithm>
#include <map>
#include <optional>

#include "text/unicode.h"

namespace vanban {

namespace {

bool has_digit(const std::string& s) { return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); }

std::string section_text(const Section& s) {
    std::string t;
    for (const auto& b : s.blocks) {
        t += b.text + " ";
        for (const auto& row : b.rows)
            for (const auto& cell : row) t += cell + " ";
    }
    return t;
}

std::vector<FieldChange> compare_fields(const Document& a, const Document& b) {
    std::vector<FieldChange> out;
    auto field = [&](const char* name, const std::string& x, const std::string& y) {
        if (x != y) out.push_back({name, x, y});
    };
    auto signer = [](const Document& d) {
        return (d.signer.authority.empty() ? "" : d.signer.authority + " / ") + d.signer.position + " / " + d.signer.name;
    };
    auto list = [](const std::vector<std::string>& v) {
        std::string s;
        for (const auto& x : v) s += (s.empty() ? "" : "; ") + x;
        return s;
    };
    field("loai", a.type_id, b.type_id);
    field("so", a.number ? std::to_string(*a.number) : "", b.number ? std::to_string(*b.number) : "");
    field("ky_hieu", a.symbol, b.symbol);
    field("ngay", a.date ? a.date->iso() : "", b.date ? b.date->iso() : "");
    field("nam_hoc", a.school_year ? a.school_year->text() : "", b.school_year ? b.school_year->text() : "");
    field("trich_yeu", a.subject, b.subject);
    field("nguoi_ky", signer(a), signer(b));
    field("kinh_gui", list(a.addressees), list(b.addressees));
    field("noi_nhan", list(a.recipients), list(b.recipients));
    return out;
}

// Numbers that a word change replaced, with the words just before them as context.
void collect_numbers(const std::string& section, const std::vector<WordChange>& words, std::vector<NumberChange>& out) {
    for (size_t k = 0; k + 1 < words.size(); ++k) {
        if (words[k].op != WordChange::Op::Delete || words[k + 1].op != WordChange::Op::Insert) continue;
        if (!has_digit(words[k].text) || !has_digit(words[k + 1].text)) continue;
        std::string context;
        if (k > 0 && words[k - 1].op == WordChange::Op::Equal) {
            std::vector<std::string> before = diff_tokens(words[k - 1].text);
            while (!before.empty() && (before.back() == "(" || before.back() == "," || before.back() == ":")) before.pop_back();
            size_t from = before.size() > 6 ? before.size() - 6 : 0;
            context = join_tokens(before, from, before.size());
        }
        NumberChange change{section, context, words[k].text, words[k + 1].text};
        // The same change said twice in a section (a school year in every paragraph) is listed once.
        if (std::none_of(out.begin(), out.end(), [&](const NumberChange& c) {
                return c.section == change.section && c.context == change.context && c.old_value == change.old_value && c.new_value == change.new_value;
            }))
            out.push_back(std::move(change));
    }
}

// Blocks in order: equal ones kept by a longest common subsequence, the rest paired by likeness.
void compare_blocks(const Section& a, const Section& b, SectionDiff& d, std::vector<NumberChange>& numbers) {
    auto text = [](const Block& x) { return x.kind == Block::Kind::Table ? std::string("\x01table") : wording_key(x.text) + "|" + x.text; };
    size_t n = a.blocks.size(), m = b.blocks.size();
    std::vector<std::vector<uint16_t>> lcs(n + 1, std::vector<uint16_t>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            lcs[i][j] = text(a.blocks[i]) == text(b.blocks[j]) ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::vector<const Block*> removed, added;
    std::vector<std::pair<const Block*, const Block*>> tables;
    auto flush = [&] {
        std::vector<bool> used(added.size(), false);
        for (const Block* r : removed) {
            int best = -1;
            double best_score = 0.45;
            for (size_t k = 0; k < added.size(); ++k)
                if (!used[k] && added[k]->kind == r->kind) {
                    double s = similarity(r->text, added[k]->text);
                    if (s > best_score) best_score = s, best = static_cast<int>(k);
                }
            if (best >= 0) {
                used[static_cast<size_t>(best)] = true;
                BlockChange c{BlockChange::Kind::Changed, r->text, added[static_cast<size_t>(best)]->text, word_diff(r->text, added[static_cast<size_t>(best)]->text)};
                collect_numbers(b.path, c.words, numbers);
                d.blocks.push_back(std::move(c));
            } else {
                d.blocks.push_back({BlockChange::Kind::Removed, r->text, "", {}});
            }
        }
        for (size_t k = 0; k < added.size(); ++k)
            if (!used[k]) d.blocks.push_back({BlockChange::Kind::Added, "", added[k]->text, {}});
        removed.clear();
        added.clear();
    };
    size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && text(a.blocks[i]) == text(b.blocks[j])) {
            flush();
            if (a.blocks[i].kind == Block::Kind::Table) tables.emplace_back(&a.blocks[i], &b.blocks[j]);
            ++i, ++j;
        } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
            added.push_back(&b.blocks[j++]);
        } else {
            removed.push_back(&a.blocks[i++]);
        }
    }
    flush();
    // Tables: rows matched by their first cell, then cell by cell under the new header.
    for (const auto& [ta, tb] : tables) {
        if (ta->rows.empty() || tb->rows.empty()) continue;
        std::map<std::string, const std::vector<std::string>*> old_rows;
        for (size_t r = 1; r < ta->rows.size(); ++r)
            if (!ta->rows[r].empty()) old_rows[wording_key(ta->rows[r][0]) + "|" + ta->rows[r][0]] = &ta->rows[r];
        const auto& header = tb->rows[0];
        for (size_t r = 1; r < tb->rows.size(); ++r) {
            const auto& row = tb->rows[r];
            if (row.empty()) continue;
            auto it = old_rows.find(wording_key(row[0]) + "|" + row[0]);
            if (it == old_rows.end()) {
                std::string all;
                for (const auto& c : row) all += (all.empty() ? "" : " | ") + c;
                d.cells.push_back({row[0], "", "", all});
                continue;
            }
            const auto& old_row = *it->second;
            for (size_t c = 1; c < row.size(); ++c) {
                std::string before = c < old_row.size() ? old_row[c] : "";
                if (before == row[c]) continue;
                std::string column = c < header.size() ? header[c] : std::to_string(c + 1);
                d.cells.push_back({row[0], column, before, row[c]});
                if (has_digit(before) && has_digit(row[c])) numbers.push_back({b.path, row[0] + " (" + column + ")", before, row[c]});
            }
            old_rows.erase(it);
        }
        for (const auto& [key, row] : old_rows) {
            std::string all;
            for (const auto& c : *row) all += (all.empty() ? "" : " | ") + c;
            d.cells.push_back({(*row)[0], "", all, ""});
        }
    }
}

}  // namespace

DocumentDiff diff_documents(const Document* old_doc, const Document* new_doc, const std::string& old_name, const std::string& new_name) {
    DocumentDiff diff;
    diff.old_name = old_name;
    diff.new_name = new_name;
    if (!old_doc || !new_doc) {
        diff.status = old_doc ? "removed" : "added";
        return diff;
    }
    diff.front_matter = compare_fields(*old_doc, *new_doc);
    std::vector<Section> a = document_outline(*old_doc), b = document_outline(*new_doc);
    std::vector<int> match_of_new(b.size(), -1);
    std::vector<bool> old_used(a.size(), false);
    // 1. Same heading at the same place; 2. same heading elsewhere; 3. most similar content.
    auto pass = [&](auto accept) {
        for (size_t j = 0; j < b.size(); ++j) {
            if (match_of_new[j] >= 0) continue;
            for (size_t i = 0; i < a.size(); ++i)
                if (!old_used[i] && accept(a[i], b[j])) {
                    match_of_new[j] = static_cast<int>(i);
                    old_used[i] = true;
                    break;
                }
        }
    };
    pass([](const Section& x, const Section& y) { return x.key_path == y.key_path; });
    pass([](const Section& x, const Section& y) { return !x.key.empty() && x.key == y.key; });
    for (size_t j = 0; j < b.size(); ++j) {
        if (match_of_new[j] >= 0) continue;
        int best = -1;
        double best_score = 0.6;
        for (size_t i = 0; i < a.size(); ++i)
            if (!old_used[i] && a[i].level == b[j].level) {
                double s = similarity(section_text(a[i]), section_text(b[j]));
                if (s > best_score) best_score = s, best = static_cast<int>(i);
            }
        if (best >= 0) {
            match_of_new[j] = best;
            old_used[static_cast<size_t>(best)] = true;
        }
    }
    for (size_t j = 0; j < b.size(); ++j) {
        SectionDiff d;
        d.path = b[j].path;
        if (match_of_new[j] < 0) {
            d.status = "added";
            for (const auto& blk : b[j].blocks) d.blocks.push_back({BlockChange::Kind::Added, "", blk.text, {}});
            diff.sections.push_back(std::move(d));
            continue;
        }
        const Section& old = a[static_cast<size_t>(match_of_new[j])];
        d.old_path = old.path;
        compare_blocks(old, b[j], d, diff.numbers);
        if (old.key_path != b[j].key_path && old.key == b[j].key) d.status = "moved";
        else if (old.heading != b[j].heading && old.key == b[j].key) d.status = "renumbered";
        else if (old.heading != b[j].heading || !d.blocks.empty() || !d.cells.empty()) d.status = "changed";
        if (!d.status.empty()) diff.sections.push_back(std::move(d));
    }
    for (size_t i = 0; i < a.size(); ++i)
        if (!old_used[i]) {
            SectionDiff d;
            d.status = "removed";
            d.path = a[i].path;
            d.old_path = a[i].path;
            for (const auto& blk : a[i].blocks) d.blocks.push_back({BlockChange::Kind::Removed, blk.text, "", {}});
            diff.sections.push_back(std::move(d));
        }
    diff.status = diff.front_matter.empty() && diff.sections.empty() ? "unchanged" : "changed";
    return diff;
}

}  // namespace vanban
